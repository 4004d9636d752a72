/**
 * Helpers of the Service address allocator: which addresses a Service needs, which are
 * held by other Services, and the registry's update preparation (PrepareForUpdate's
 * patchAllocatedValues and dropTypeDependentFields in pkg/registry/core/service/strategy.go).
 */
import type { Service } from "kubernetes-types/core/v1";
import type { KubeObject } from "../api/types";
import { KUBERNETES_CLUSTER_IP } from "./clusterIPAllocator";

type Spec = NonNullable<Service["spec"]>;

/** Every type but ExternalName gets a ClusterIP (or is headless). */
export function needsClusterIP(spec: Spec): boolean {
  return (spec.type ?? "ClusterIP") !== "ExternalName";
}

/** NodePort and LoadBalancer Services expose nodePorts. */
export function needsNodePort(spec: Spec): boolean {
  return spec.type === "NodePort" || spec.type === "LoadBalancer";
}

/** Whether unset nodePorts are filled in (LoadBalancer can opt out with allocateLoadBalancerNodePorts: false). */
export function shouldAllocateNodePorts(spec: Spec): boolean {
  if (spec.type === "NodePort") return true;
  return spec.type === "LoadBalancer" && spec.allocateLoadBalancerNodePorts !== false;
}

/** apiservice.NeedsHealthCheck: a LoadBalancer that keeps client source IPs (Local). */
export function needsHealthCheckNodePort(spec: Spec): boolean {
  return spec.type === "LoadBalancer" && spec.externalTrafficPolicy === "Local";
}

/** The nodePorts a Service spec holds, health check port included. */
export function nodePortsOf(spec: Spec): number[] {
  const ports = (spec.ports ?? []).map((p) => p.nodePort ?? 0).filter((n) => n > 0);
  if (spec.healthCheckNodePort) ports.push(spec.healthCheckNodePort);
  return ports;
}

/** The ClusterIPs and nodePorts held by every stored Service other than `service` itself. */
export function allocatedByOthers(
  store: { list(kind: string, namespace?: string): KubeObject[] },
  service: KubeObject,
): { ips: Set<string>; ports: Set<number> } {
  const ips = new Set<string>();
  const ports = new Set<number>();
  for (const other of store.list("Service")) {
    const same =
      other.metadata.name === service.metadata.name &&
      (other.metadata.namespace ?? "") === (service.metadata.namespace ?? "");
    if (same) continue;
    const spec: Spec = other.spec ?? {};
    if (needsClusterIP(spec))
      for (const ip of spec.clusterIPs ?? [spec.clusterIP ?? ""]) if (ip && ip !== "None") ips.add(ip);
    for (const port of nodePortsOf(spec)) ports.add(port);
  }
  // The apiserver reserves the `kubernetes` address even before its Service exists.
  if (service.metadata.name !== "kubernetes" || service.metadata.namespace !== "default")
    ips.add(KUBERNETES_CLUSTER_IP);
  return { ips, ports };
}

/**
 * Prepares a Service update as the registry does before validation: values the client left
 * out (clusterIP, nodePorts, healthCheckNodePort) are kept from the stored object, and
 * those the new type no longer uses are dropped if the client did not change them. In place.
 */
export function prepareServiceUpdate(service: KubeObject, old: KubeObject): void {
  const spec: Spec = (service.spec ??= {});
  const oldSpec: Spec = old.spec ?? {};
  patchAllocatedValues(spec, oldSpec);
  dropTypeDependentFields(spec, oldSpec);
}

function patchAllocatedValues(spec: Spec, oldSpec: Spec): void {
  if (needsClusterIP(oldSpec) && needsClusterIP(spec)) {
    if (!spec.clusterIP && oldSpec.clusterIP) spec.clusterIP = oldSpec.clusterIP;
    if (!spec.clusterIPs?.length && oldSpec.clusterIPs?.length) spec.clusterIPs = [...oldSpec.clusterIPs];
  }
  if (needsNodePort(oldSpec) && needsNodePort(spec)) {
    const newPorts = new Set((spec.ports ?? []).map((p) => p.nodePort ?? 0));
    const used = new Set((oldSpec.ports ?? []).map((p) => p.nodePort ?? 0).filter((n) => newPorts.has(n)));
    // Matched by port name: the client may have changed anything else about the port.
    const byName = new Map((oldSpec.ports ?? []).map((p) => [p.name ?? "", p.nodePort ?? 0]));
    for (const p of spec.ports ?? []) {
      const oldValue = byName.get(p.name ?? "") ?? 0;
      if (!p.nodePort && oldValue && !used.has(oldValue)) p.nodePort = oldValue;
    }
  }
  if (
    needsHealthCheckNodePort(oldSpec) &&
    needsHealthCheckNodePort(spec) &&
    !spec.healthCheckNodePort &&
    oldSpec.healthCheckNodePort
  ) {
    spec.healthCheckNodePort = oldSpec.healthCheckNodePort;
  }
}

function dropTypeDependentFields(spec: Spec, oldSpec: Spec): void {
  if (needsClusterIP(oldSpec) && !needsClusterIP(spec)) {
    if (sameJSON(spec.clusterIPs, oldSpec.clusterIPs) && spec.clusterIP === oldSpec.clusterIP) {
      delete spec.clusterIP;
      delete spec.clusterIPs;
    }
    if (sameJSON(spec.ipFamilies, oldSpec.ipFamilies)) delete spec.ipFamilies;
    if (spec.ipFamilyPolicy === oldSpec.ipFamilyPolicy) delete spec.ipFamilyPolicy;
  }
  const oldNodePorts = new Set((oldSpec.ports ?? []).map((p) => p.nodePort ?? 0));
  const noNewNodePorts = (spec.ports ?? []).every((p) => !p.nodePort || oldNodePorts.has(p.nodePort));
  if (!needsNodePort(spec) && noNewNodePorts) for (const p of spec.ports ?? []) delete p.nodePort;
  if (
    needsHealthCheckNodePort(oldSpec) &&
    !needsHealthCheckNodePort(spec) &&
    spec.healthCheckNodePort === oldSpec.healthCheckNodePort
  ) {
    delete spec.healthCheckNodePort;
  }
}

function sameJSON(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
