/**
 * The Service registry's address allocation (pkg/registry/core/service/alloc.go): ClusterIPs
 * from 10.96.0.0/12 and NodePorts from 30000-32767. What is allocated is derived from the
 * stored Services, never kept aside, so a replay or snapshot restore reproduces it exactly.
 *
 * Wiring (API server):
 * - create: after admission (defaults applied, validation passed) and the AlreadyExists
 *   check, before stamping: `allocateServiceAddresses(this.store, obj, this.random)`.
 * - update: before `admitUpdate`: `prepareServiceUpdate(obj, old)`; after it, before commit:
 *   `allocateServiceAddresses(this.store, obj, this.random, old)`.
 * - delete: nothing to do; the addresses are free once the Service is gone from the store.
 *   `releaseServiceAddresses(svc)` only describes them (for a trace line).
 */
import type { Service, ServicePort } from "kubernetes-types/core/v1";
import { StatusError } from "../api/errors";
import type { KubeObject } from "../api/types";
import { goStrings } from "../api/validation/goValue";
import { type FieldError, invalid } from "../api/validation/fieldErrors";
import { invalidError, kubectlInvalidMessage, invalidCauses } from "../api/validation/fieldErrors";
import type { SeededRandom } from "../util/random";
import { allocateClusterIP, clusterIPRefusal } from "./clusterIPAllocator";
import { allocateNodePort, nodePortRefusal } from "./nodePortAllocator";
import {
  allocatedByOthers,
  needsClusterIP,
  needsHealthCheckNodePort,
  nodePortsOf,
  shouldAllocateNodePorts,
} from "./serviceAddresses";

export { prepareServiceUpdate } from "./serviceAddresses";

/** What the allocator reads: the stored Services (an ObjectStore satisfies it). */
export interface ServiceLister {
  list(kind: string, namespace?: string): KubeObject[];
}

type Spec = NonNullable<Service["spec"]>;

/**
 * Fills in `spec.clusterIP(s)` and the nodePorts a Service needs, honouring requested
 * values, in place. `old` is the stored Service on update. Throws StatusError: Invalid for
 * a requested address that is taken or out of range (as the API server words it),
 * InternalError when a range is full. Returns what was allocated, as trace sentences.
 */
export function allocateServiceAddresses(
  store: ServiceLister,
  service: KubeObject,
  random: SeededRandom,
  old?: KubeObject,
): string[] {
  const spec: Spec = (service.spec ??= {});
  const taken = allocatedByOthers(store, service);
  const done: string[] = [];
  const ip = allocateIP(service, spec, old?.spec, taken.ips, random);
  if (ip) done.push(`allocated ClusterIP ${ip}`);
  const ports = old
    ? updateNodePorts(service, spec, old.spec ?? {}, taken.ports, random)
    : initNodePorts(service, spec, taken.ports, random);
  if (ports.length > 0) done.push(`allocated NodePort ${ports.join(", ")}`);
  const hc = allocateHealthCheckNodePort(spec, old?.spec, taken.ports, random);
  if (hc) done.push(`allocated healthCheckNodePort ${hc}`);
  return done;
}

/** The addresses a deleted Service gives back (for a trace line); the state needs no change. */
export function releaseServiceAddresses(service: KubeObject): string[] {
  const spec: Spec = service.spec ?? {};
  const out: string[] = [];
  const ip = spec.clusterIPs?.[0] ?? spec.clusterIP;
  if (needsClusterIP(spec) && ip && ip !== "None") out.push(`released ClusterIP ${ip}`);
  const ports = nodePortsOf(spec);
  if (ports.length > 0) out.push(`released NodePort ${ports.join(", ")}`);
  return out;
}

function allocateIP(
  service: KubeObject,
  spec: Spec,
  oldSpec: Spec | undefined,
  taken: Set<string>,
  random: SeededRandom,
): string | undefined {
  if (!needsClusterIP(spec)) return undefined;
  const requested = spec.clusterIPs?.[0] || spec.clusterIP;
  if (requested === "None") return undefined;
  if (
    requested &&
    oldSpec &&
    needsClusterIP(oldSpec) &&
    (oldSpec.clusterIPs?.[0] ?? oldSpec.clusterIP) === requested
  )
    return undefined;
  if (requested) {
    const refusal = clusterIPRefusal(requested, taken);
    if (refusal)
      throw invalidService(
        service,
        invalid(
          "spec.clusterIPs",
          goStrings(spec.clusterIPs ?? [requested]),
          `failed to allocate IP ${requested}: ${refusal}`,
        ),
      );
    return undefined;
  }
  const ip = allocateClusterIP(taken, random);
  if (!ip)
    throw new StatusError(
      "InternalError",
      "Internal error occurred: failed to allocate a serviceIP: range is full",
    );
  spec.clusterIP = ip;
  spec.clusterIPs = [ip];
  return ip;
}

/** initNodePorts: ports sharing a port number (TCP and UDP 53) share a nodePort. */
function initNodePorts(service: KubeObject, spec: Spec, taken: Set<number>, random: SeededRandom): number[] {
  const byPort = new Map<number, number>();
  const allocated: number[] = [];
  const ports: ServicePort[] = spec.ports ?? [];
  ports.forEach((p, i) => {
    if (!p.nodePort && !shouldAllocateNodePorts(spec)) return;
    const shared = byPort.get(p.port);
    if (shared !== undefined && (!p.nodePort || p.nodePort === shared)) {
      p.nodePort = shared;
      return;
    }
    const wanted =
      p.nodePort ||
      (shared === undefined ? ports.find((q) => q.port === p.port && q.nodePort)?.nodePort : undefined);
    const port = wanted ? claimNodePort(service, wanted, i, taken) : nextNodePort(taken, random);
    p.nodePort = port;
    if (shared === undefined) byPort.set(p.port, port);
    if (!wanted) allocated.push(port);
  });
  return allocated;
}

/** updateNodePorts: keep the old ports, claim new requested ones, allocate missing ones. */
function updateNodePorts(
  service: KubeObject,
  spec: Spec,
  oldSpec: Spec,
  taken: Set<number>,
  random: SeededRandom,
): number[] {
  if (!shouldAllocateNodePorts(spec) && !(spec.ports ?? []).some((p) => p.nodePort)) return [];
  // Ports the Service already holds, or claimed earlier in this request, need no claim.
  const held = new Set(nodePortsOf(oldSpec));
  const allocated: number[] = [];
  (spec.ports ?? []).forEach((p, i) => {
    if (!p.nodePort && !shouldAllocateNodePorts(spec)) return;
    if (p.nodePort) {
      if (!held.has(p.nodePort)) held.add(claimNodePort(service, p.nodePort, i, taken));
      return;
    }
    p.nodePort = nextNodePort(taken, random);
    allocated.push(p.nodePort);
  });
  return allocated;
}

function claimNodePort(service: KubeObject, port: number, i: number, taken: Set<number>): number {
  const refusal = nodePortRefusal(port, taken);
  if (refusal) throw invalidService(service, invalid(`spec.ports[${i}].nodePort`, port, refusal));
  taken.add(port);
  return port;
}

function nextNodePort(taken: Set<number>, random: SeededRandom): number {
  const port = allocateNodePort(taken, random);
  if (port === undefined)
    throw new StatusError(
      "InternalError",
      "Internal error occurred: failed to allocate a nodePort: range is full",
    );
  taken.add(port);
  return port;
}

/** LoadBalancer + externalTrafficPolicy Local gets a health-check nodePort for the cloud LB. */
function allocateHealthCheckNodePort(
  spec: Spec,
  oldSpec: Spec | undefined,
  taken: Set<number>,
  random: SeededRandom,
): number | undefined {
  if (!needsHealthCheckNodePort(spec)) return undefined;
  const requested = spec.healthCheckNodePort;
  if (requested && oldSpec?.healthCheckNodePort === requested) return undefined;
  if (requested) {
    const refusal = nodePortRefusal(requested, taken);
    if (refusal)
      throw new StatusError(
        "InternalError",
        `Internal error occurred: failed to allocate requested HealthCheck NodePort ${requested}: ${refusal}`,
      );
    taken.add(requested);
    return undefined;
  }
  spec.healthCheckNodePort = nextNodePort(taken, random);
  return spec.healthCheckNodePort;
}

function invalidService(service: KubeObject, error: FieldError): StatusError {
  const status = invalidError("Service", service.metadata.name ?? "", [error], "");
  return new StatusError(
    "Invalid",
    status.message ?? "",
    kubectlInvalidMessage(status),
    invalidCauses(status),
  );
}
