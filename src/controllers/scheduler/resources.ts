import type { Container } from "kubernetes-types/core/v1";
import type { KubeObject } from "../../api/types";
import { tryParseQuantity } from "../../apimachinery/quantity";

/** Resource amounts in scheduler units: millicores, bytes, and plain counts for the rest. */
export type ResourceList = Record<string, number>;

/** The scheduler's stand-in requests for containers that set none (pkg/scheduler/util: 100m, 200Mi). */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

/** A quantity in scheduler units: cpu in millicores, everything else as its integer value. */
export function quantityValue(resource: string, value: string | number | undefined): number {
  if (value === undefined) return 0;
  const parsed = tryParseQuantity(String(value));
  if (!("quantity" in parsed)) return 0;
  return resource === "cpu" ? parsed.quantity.milliValue() : parsed.quantity.value();
}

function toList(requests: Record<string, string | number> | undefined): ResourceList {
  const out: ResourceList = {};
  for (const [name, value] of Object.entries(requests ?? {})) out[name] = quantityValue(name, value);
  return out;
}

function addInto(total: ResourceList, add: ResourceList): void {
  for (const [name, value] of Object.entries(add)) total[name] = (total[name] ?? 0) + value;
}

function maxInto(total: ResourceList, other: ResourceList): void {
  for (const [name, value] of Object.entries(other)) total[name] = Math.max(total[name] ?? 0, value);
}

/**
 * computePodResourceRequest: the sum of the app containers' requests, raised per resource
 * to the largest init container's (init containers run one at a time), plus the overhead.
 */
export function podRequests(pod: KubeObject, nonZero = false): ResourceList {
  const total: ResourceList = {};
  const requestsOf = (c: Container) =>
    withDefaults(toList(c.resources?.requests as Record<string, string>), nonZero);
  for (const c of (pod.spec?.containers ?? []) as Container[]) addInto(total, requestsOf(c));
  for (const c of (pod.spec?.initContainers ?? []) as Container[]) maxInto(total, requestsOf(c));
  addInto(total, toList(pod.spec?.overhead));
  return total;
}

/** For scoring only: a container that sets no cpu (memory) request counts as 100m (200Mi). */
function withDefaults(list: ResourceList, nonZero: boolean): ResourceList {
  if (!nonZero) return list;
  return {
    ...list,
    cpu: "cpu" in list ? list.cpu : DEFAULT_MILLI_CPU_REQUEST,
    memory: "memory" in list ? list.memory : DEFAULT_MEMORY_REQUEST,
  };
}

/** A node's allocatable resources (falling back to capacity, as the API defaults it). */
export function nodeAllocatable(node: KubeObject): ResourceList {
  return toList(node.status?.allocatable ?? node.status?.capacity);
}

/** What the pods bound to one node use, as the scheduler cache's NodeInfo keeps it. */
export interface NodeUsage {
  pods: number;
  requested: ResourceList;
  /** Requests with the 100m / 200Mi stand-ins, for the scoring plugins. */
  nonZeroRequested: ResourceList;
}

/**
 * Usage per node name of every pod bound to a node that has not finished (a Succeeded or
 * Failed pod no longer holds resources; a terminating one still does until it is gone).
 */
export function usageByNode(pods: readonly KubeObject[]): Map<string, NodeUsage> {
  const usage = new Map<string, NodeUsage>();
  for (const pod of pods) {
    const node = pod.spec?.nodeName;
    const phase = pod.status?.phase;
    if (!node || phase === "Succeeded" || phase === "Failed") continue;
    let entry = usage.get(node);
    if (!entry) {
      entry = { pods: 0, requested: {}, nonZeroRequested: {} };
      usage.set(node, entry);
    }
    entry.pods++;
    addInto(entry.requested, podRequests(pod));
    addInto(entry.nonZeroRequested, podRequests(pod, true));
  }
  return usage;
}
