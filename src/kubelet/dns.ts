/**
 * Cluster DNS as CoreDNS answers a pod (the kubernetes plugin): `<svc>.<ns>.svc.cluster.local`
 * is the Service's ClusterIP, and the pod's resolv.conf search path (`<ns>.svc.cluster.local
 * svc.cluster.local cluster.local`, ndots:5) lets it write `<svc>` or `<svc>.<ns>`.
 */
import type { Service } from "kubernetes-types/core/v1";
import type { ObjectStore } from "../api/store";
import type { DnsAnswer } from "../images/containerSteps";

/** The cluster domain every kubelet is configured with (--cluster-domain). */
export const CLUSTER_DOMAIN = "cluster.local";

/** The search path of a pod in `namespace`, in resolv.conf order. */
export function searchPath(namespace: string): string[] {
  return [`${namespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN];
}

/**
 * Resolves `name` as seen from a pod in `namespace`: names with fewer than five dots try the
 * search path first, then the name itself. Headless Services (clusterIP None) and unknown
 * names give undefined (NXDOMAIN).
 */
export function resolveClusterName(
  store: ObjectStore,
  namespace: string,
  name: string,
): DnsAnswer | undefined {
  const absolute = name.endsWith(".");
  const bare = absolute ? name.slice(0, -1) : name;
  const dots = bare.split(".").length - 1;
  const expanded = searchPath(namespace).map((s) => `${bare}.${s}`);
  const candidates = absolute ? [bare] : dots >= 5 ? [bare, ...expanded] : [...expanded, bare];
  for (const fqdn of candidates) {
    const address = serviceAddress(store, fqdn.toLowerCase());
    if (address) return { name: fqdn, address };
  }
  return undefined;
}

function serviceAddress(store: ObjectStore, fqdn: string): string | undefined {
  const suffix = `.svc.${CLUSTER_DOMAIN}`;
  if (!fqdn.endsWith(suffix)) return undefined;
  const parts = fqdn.slice(0, -suffix.length).split(".");
  if (parts.length !== 2) return undefined;
  const [svc, ns] = parts;
  const service = store.get("Service", ns, svc) as Service | undefined;
  const ip = service?.spec?.clusterIP;
  return ip && ip !== "None" ? ip : undefined;
}
