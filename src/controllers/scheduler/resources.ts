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
  const text = String(value);
  const memo = resource === "cpu" ? milliValues : values;
  let parsed = memo.get(text);
  if (parsed === undefined) {
    const result = tryParseQuantity(text);
    parsed = !("quantity" in result)
      ? 0
      : resource === "cpu"
        ? result.quantity.milliValue()
        : result.quantity.value();
    // Manifests repeat a handful of amounts; a bound keeps a hostile input from growing the memo forever.
    if (memo.size > 10_000) memo.clear();
    memo.set(text, parsed);
  }
  return parsed;
}

/** Parsed quantities by their text: cpu in millicores, others as integer values. */
const milliValues = new Map<string, number>();
const values = new Map<string, number>();

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

/** Parsed allocatable per stored node object: stored objects never change, so identity is the key. */
const allocatableMemo = new WeakMap<KubeObject, ResourceList>();

/** A node's allocatable resources (falling back to capacity, as the API defaults it). Do not mutate the result. */
export function nodeAllocatable(node: KubeObject): ResourceList {
  let list = allocatableMemo.get(node);
  if (!list) {
    list = toList(node.status?.allocatable ?? node.status?.capacity);
    allocatableMemo.set(node, list);
  }
  return list;
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

/** What one bound pod holds on its node, as the cache last counted it. */
interface PodUsage {
  node: string;
  requested: ResourceList;
  nonZeroRequested: ResourceList;
}

function emptyUsage(): NodeUsage {
  return { pods: 0, requested: {}, nonZeroRequested: {} };
}

function subtractFrom(total: ResourceList, remove: ResourceList): void {
  for (const [name, value] of Object.entries(remove)) total[name] = (total[name] ?? 0) - value;
}

/**
 * The scheduler cache's NodeInfo accounting: per-node usage kept incrementally from pod
 * watch events, so a scheduling cycle reads it instead of re-adding every pod. It always
 * equals `usageByNode` over the pods the store holds (amounts are integers, so adding and
 * subtracting is exact).
 */
export class NodeUsageCache {
  private byPod = new Map<string, PodUsage>();
  private byNode = new Map<string, NodeUsage>();

  /** Accounts for one pod watch event. */
  observe(type: "ADDED" | "MODIFIED" | "DELETED", pod: KubeObject): void {
    const uid = pod.metadata.uid ?? "";
    const old = this.byPod.get(uid);
    const node = pod.spec?.nodeName;
    const phase = pod.status?.phase;
    const holds = type !== "DELETED" && node && phase !== "Succeeded" && phase !== "Failed";
    if (old) this.release(uid, old);
    if (!holds) return;
    const usage: PodUsage = { node, requested: podRequests(pod), nonZeroRequested: podRequests(pod, true) };
    this.byPod.set(uid, usage);
    const entry = this.byNode.get(node) ?? emptyUsage();
    this.byNode.set(node, entry);
    entry.pods++;
    addInto(entry.requested, usage.requested);
    addInto(entry.nonZeroRequested, usage.nonZeroRequested);
  }

  /** What the pods bound to a node request (read-only). */
  usageOf(node: string): NodeUsage {
    return this.byNode.get(node) ?? emptyUsage();
  }

  private release(uid: string, old: PodUsage): void {
    this.byPod.delete(uid);
    const entry = this.byNode.get(old.node);
    if (!entry) return;
    entry.pods--;
    subtractFrom(entry.requested, old.requested);
    subtractFrom(entry.nonZeroRequested, old.nonZeroRequested);
    if (entry.pods === 0) this.byNode.delete(old.node);
  }
}
