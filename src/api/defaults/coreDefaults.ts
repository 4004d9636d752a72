/**
 * Defaults of the core kinds other than Pod: Service (defaults.go plus the registry's IP
 * family fields), Secret (stringData merged, type Opaque), Namespace, Endpoints.
 */
import type { Endpoints, Namespace, Secret, Service } from "kubernetes-types/core/v1";

/** SetDefaults_Service and the service registry's clusterIPs / ipFamilies defaulting (single-stack IPv4 cluster). */
export function defaultService(svc: Service): void {
  const spec = (svc.spec ??= {});
  spec.sessionAffinity ||= "None";
  if (spec.sessionAffinity === "None") delete spec.sessionAffinityConfig;
  if (
    spec.sessionAffinity === "ClientIP" &&
    spec.sessionAffinityConfig?.clientIP?.timeoutSeconds === undefined
  ) {
    spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800 } };
  }
  spec.type ||= "ClusterIP";
  for (const p of spec.ports ?? []) {
    p.protocol ||= "TCP";
    if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === "") p.targetPort = p.port;
  }
  const external =
    spec.type === "NodePort" || spec.type === "LoadBalancer" || (spec.externalIPs?.length ?? 0) > 0;
  if (external) spec.externalTrafficPolicy ||= "Cluster";
  if (["NodePort", "LoadBalancer", "ClusterIP"].includes(spec.type)) spec.internalTrafficPolicy ??= "Cluster";
  if (spec.type === "LoadBalancer") spec.allocateLoadBalancerNodePorts ??= true;
  defaultIPFamilies(spec);
}

function defaultIPFamilies(spec: NonNullable<Service["spec"]>): void {
  if (spec.type === "ExternalName") return;
  if (spec.clusterIP && !spec.clusterIPs?.length) spec.clusterIPs = [spec.clusterIP];
  const headlessWithoutSelector = spec.clusterIP === "None" && Object.keys(spec.selector ?? {}).length === 0;
  if (headlessWithoutSelector) {
    spec.ipFamilyPolicy ??= "RequireDualStack";
    spec.ipFamilies ??= ["IPv4", "IPv6"];
    return;
  }
  spec.ipFamilyPolicy ??= "SingleStack";
  spec.ipFamilies ??= ["IPv4"];
}

/** UTF-8 bytes of `s` in standard base64, as Go marshals a []byte. */
export function base64Utf8(s: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(s)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Secret: stringData entries win over data (base64-encoded) and stringData is dropped; type Opaque. */
export function defaultSecret(secret: Secret): void {
  if (secret.stringData) {
    const data = (secret.data ??= {});
    for (const [k, v] of Object.entries(secret.stringData)) data[k] = base64Utf8(v);
    delete secret.stringData;
  }
  secret.type ||= "Opaque";
}

/**
 * SetDefaults_Namespace (kubernetes.io/metadata.name label), NamespaceStatus (Active)
 * and the registry's `kubernetes` finalizer.
 */
export function defaultNamespace(ns: Namespace): void {
  const name = ns.metadata?.name;
  if (name) (ns.metadata!.labels ??= {})["kubernetes.io/metadata.name"] = name;
  (ns.spec ??= {}).finalizers ??= ["kubernetes"];
  (ns.status ??= {}).phase ||= "Active";
}

/** SetDefaults_Endpoints: port protocol TCP. */
export function defaultEndpoints(ep: Endpoints): void {
  for (const ss of ep.subsets ?? []) for (const p of ss.ports ?? []) p.protocol ||= "TCP";
}
