/**
 * What the Endpoints controller computes for one Service (pkg/controller/endpoint and
 * pkg/api/v1/endpoints/util.go): which pods count, their addresses, the ports resolved
 * from targetPort, packed into the canonical subsets layout.
 */
import type { EndpointAddress, EndpointPort, Pod, Service, ServicePort } from "kubernetes-types/core/v1";

/** PodIsReady: the Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True") ?? false;
}

/**
 * ShouldPodBeInEndpoints: a pod needs an IP, must not have finished (Succeeded/Failed),
 * and must not be terminating unless the Service publishes not-ready addresses.
 */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  const phase = pod.status?.phase;
  if (phase === "Succeeded" || phase === "Failed") return false;
  if (!pod.status?.podIP && !pod.status?.podIPs?.length) return false;
  return includeTerminating || !pod.metadata?.deletionTimestamp;
}

/**
 * FindPort: a numeric targetPort is used as is; a named one is looked up among the pod's
 * container ports (and sidecar init containers') with the same protocol. Undefined: the pod
 * offers no such port and is left out for this service port.
 */
export function findPort(pod: Pod, servicePort: ServicePort): number | undefined {
  const target = servicePort.targetPort ?? servicePort.port;
  if (typeof target === "number") return target;
  if (/^\d+$/.test(target)) return Number(target);
  const sidecars = (pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === "Always");
  for (const container of [...(pod.spec?.containers ?? []), ...sidecars]) {
    for (const port of container.ports ?? []) {
      if (port.name === target && (port.protocol ?? "TCP") === (servicePort.protocol ?? "TCP"))
        return port.containerPort;
    }
  }
  return undefined;
}

/** The pod's address for an IPv4 Service (its IPv4 pod IP), with node and target reference. */
export function podAddress(pod: Pod, service: Service): EndpointAddress | undefined {
  const ips = pod.status?.podIPs?.length ? pod.status.podIPs.map((p) => p.ip) : [pod.status?.podIP ?? ""];
  const ip = ips.find((candidate) => candidate && !candidate.includes(":"));
  if (!ip) return undefined;
  const address: EndpointAddress = {
    ip,
    nodeName: pod.spec?.nodeName ?? "",
    targetRef: {
      kind: "Pod",
      namespace: pod.metadata?.namespace,
      name: pod.metadata?.name,
      uid: pod.metadata?.uid,
    },
  };
  // ShouldSetHostname: a pod with hostname and subdomain naming this Service gets a DNS name.
  const hostname = pod.spec?.hostname;
  if (
    hostname &&
    pod.spec?.subdomain === service.metadata?.name &&
    pod.metadata?.namespace === service.metadata?.namespace
  ) {
    address.hostname = hostname;
  }
  return address;
}

/** One address with its readiness, before packing. */
export interface AddressEntry {
  address: EndpointAddress;
  ready: boolean;
  /** The resolved ports (empty for a headless Service without ports). */
  ports: EndpointPort[];
}

/** The EndpointPort of a service port resolved to `port` on a pod. */
export function endpointPort(servicePort: ServicePort, port: number): EndpointPort {
  const out: EndpointPort = { port, protocol: servicePort.protocol ?? "TCP" };
  if (servicePort.name) out.name = servicePort.name;
  if (servicePort.appProtocol) out.appProtocol = servicePort.appProtocol;
  return out;
}
