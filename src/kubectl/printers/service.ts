// Rows for Service and Endpoints, ported from printService, getServiceExternalIP,
// makePortString and formatEndpoints in kubernetes/pkg/printers/internalversion/printers.go.
import type { Endpoints, LoadBalancerStatus, Service, ServicePort } from "kubernetes-types/core/v1";
import { ageOf, compareStrings, formatLabels } from "./format";
import { AGE_COLUMN, NAME_COLUMN, SELECTOR_COLUMN, definePrinter } from "./types";

/** Load balancer addresses are clipped to this many characters outside -o wide. */
const LOAD_BALANCER_WIDTH = 16;

/** The distinct, sorted load balancer IPs (or hostnames), clipped with "..." unless wide. */
function loadBalancerStatusString(status: LoadBalancerStatus | undefined, wide: boolean): string {
  const addresses = new Set<string>();
  for (const ingress of status?.ingress ?? []) {
    if (ingress.ip) addresses.add(ingress.ip);
    else if (ingress.hostname) addresses.add(ingress.hostname);
  }
  const text = [...addresses].sort(compareStrings).join(",");
  if (!wide && text.length > LOAD_BALANCER_WIDTH) return `${text.slice(0, LOAD_BALANCER_WIDTH - 3)}...`;
  return text;
}

/** The EXTERNAL-IP cell for each service type. */
function externalIP(svc: Service, wide: boolean): string {
  const externalIPs = svc.spec?.externalIPs ?? [];
  switch (svc.spec?.type ?? "ClusterIP") {
    case "ClusterIP":
    case "NodePort":
      return externalIPs.length > 0 ? externalIPs.join(",") : "<none>";
    case "LoadBalancer": {
      const lb = loadBalancerStatusString(svc.status?.loadBalancer, wide);
      if (externalIPs.length > 0) return [...(lb ? lb.split(",") : []), ...externalIPs].join(",");
      return lb || "<pending>";
    }
    case "ExternalName":
      return svc.spec?.externalName ?? "";
    default:
      return "<unknown>";
  }
}

/** The PORT(S) cell: "80/TCP", "80:30080/TCP", comma-joined, or "<none>". */
function portString(ports: readonly ServicePort[] | undefined): string {
  const pieces = (ports ?? []).map((p) => {
    // The apiserver defaults the protocol to TCP.
    const protocol = p.protocol ?? "TCP";
    return p.nodePort ? `${p.port}:${p.nodePort}/${protocol}` : `${p.port}/${protocol}`;
  });
  return pieces.length > 0 ? pieces.join(",") : "<none>";
}

export const servicePrinter = definePrinter<Service>({
  kind: "Service",
  group: "",
  namespaced: true,
  columns: [
    NAME_COLUMN,
    { name: "Type" },
    { name: "Cluster-IP" },
    { name: "External-IP" },
    { name: "Port(s)" },
    AGE_COLUMN,
    SELECTOR_COLUMN,
  ],
  row(svc, options) {
    const clusterIP = svc.spec?.clusterIPs?.[0] ?? svc.spec?.clusterIP ?? "<none>";
    const cells = [
      svc.metadata?.name ?? "",
      svc.spec?.type ?? "ClusterIP",
      clusterIP || "<none>",
      externalIP(svc, options.wide),
      portString(svc.spec?.ports),
      ageOf(svc, options.nowMs),
    ];
    return options.wide ? [...cells, formatLabels(svc.spec?.selector)] : cells;
  },
});

/** How many endpoints formatEndpoints lists before summarizing the rest as "+ N more...". */
const MAX_ENDPOINTS = 3;

/** net.JoinHostPort: IPv6 addresses are bracketed. */
function joinHostPort(ip: string, port: number): string {
  return ip.includes(":") ? `[${ip}]:${port}` : `${ip}:${port}`;
}

/** The ENDPOINTS cell: "10.244.1.5:80,10.244.2.3:80 + 1 more...", "<none>" without subsets. */
export function formatEndpoints(endpoints: Endpoints): string {
  const subsets = endpoints.subsets ?? [];
  if (subsets.length === 0) return "<none>";
  const list: string[] = [];
  let count = 0;
  for (const subset of subsets) {
    const addresses = subset.addresses ?? [];
    // Headless services may have addresses without ports: those print bare IPs.
    const ports = subset.ports?.length ? subset.ports.map((p) => p.port) : [undefined];
    for (const port of ports) {
      count += addresses.length;
      for (const address of addresses) {
        if (list.length === MAX_ENDPOINTS) break;
        list.push(port === undefined ? address.ip : joinHostPort(address.ip, port));
      }
    }
  }
  const text = list.join(",");
  return count > MAX_ENDPOINTS ? `${text} + ${count - MAX_ENDPOINTS} more...` : text;
}

export const endpointsPrinter = definePrinter<Endpoints>({
  kind: "Endpoints",
  group: "",
  namespaced: true,
  columns: [NAME_COLUMN, { name: "Endpoints" }, AGE_COLUMN],
  row(ep, options) {
    return [ep.metadata?.name ?? "", formatEndpoints(ep), ageOf(ep, options.nowMs)];
  },
});
