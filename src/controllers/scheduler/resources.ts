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

// ResourceLists are plain objects this module builds, so for-in sees exactly their own keys.
function addInto(total: ResourceList, add: ResourceList): void {
  for (const name in add) total[name] = (total[name] ?? 0) + add[name];
}

function maxInto(total: ResourceList, other: ResourceList): void {
  for (const name in other) total[name] = Math.max(total[name] ?? 0, other[name]);
}

/**
 * computePodResourceRequest: the sum of the app containers' requests, raised per resource
 * to the largest init container's (init containers run one at a time), plus the overhead.
 */
function computePodRequests(pod: KubeObject): PodResourceRequests {
  const requested: ResourceList = {};
  const nonZeroRequested: ResourceList = {};
  for (const c of (pod.spec?.containers ?? []) as Container[]) {
    const list = toList(c.resources?.requests as Record<string, string>);
    addInto(requested, list);
    addInto(nonZeroRequested, withDefaults(list));
  }
  for (const c of (pod.spec?.initContainers ?? []) as Container[]) {
    const list = toList(c.resources?.requests as Record<string, string>);
    maxInto(requested, list);
    maxInto(nonZeroRequested, withDefaults(list));
  }
  const overhead = toList(pod.spec?.overhead);
  addInto(requested, overhead);
  addInto(nonZeroRequested, overhead);
  return { requested, nonZeroRequested };
}

/** A pod's requests, plain and with the scoring stand-ins (both read-only). */
export interface PodResourceRequests {
  requested: ResourceList;
  nonZeroRequested: ResourceList;
}

interface RequestsMemo extends PodResourceRequests {
  initContainers: unknown;
  overhead: unknown;
}

/**
 * Requests by the pod's containers array. Requests depend only on containers, init
 * containers and overhead; stored objects never change and a pod's later versions (status
 * writes, the binding) share these members, so a pod's requests are parsed about once in
 * its life instead of on every watch event.
 */
const requestsMemo = new WeakMap<object, RequestsMemo>();

/** The pod's requests (memoised per stored spec members; do not mutate the results). */
export function podResourceRequests(pod: KubeObject): PodResourceRequests {
  const spec = pod.spec;
  const containers = spec?.containers;
  const cacheable = typeof containers === "object" && containers !== null;
  const cached = cacheable ? requestsMemo.get(containers) : undefined;
  if (cached && cached.initContainers === spec?.initContainers && cached.overhead === spec?.overhead)
    return cached;
  const { requested, nonZeroRequested } = computePodRequests(pod);
  const entry: RequestsMemo = {
    requested,
    nonZeroRequested,
    initContainers: spec?.initContainers,
    overhead: spec?.overhead,
  };
  if (cacheable) requestsMemo.set(containers, entry);
  return entry;
}

/** computePodResourceRequest, optionally with the scoring stand-ins (do not mutate the result). */
export function podRequests(pod: KubeObject, nonZero = false): ResourceList {
  const requests = podResourceRequests(pod);
  return nonZero ? requests.nonZeroRequested : requests.requested;
}

/** For scoring only: a container that sets no cpu (memory) request counts as 100m (200Mi). */
function withDefaults(list: ResourceList): ResourceList {
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
  /** The spec counted: a later version with the same spec object (a status write) changes nothing. */
  spec: unknown;
  /** The requests counted (memoised, so a later version of the pod with the same requests is the same object). */
  requests: PodResourceRequests;
}

function subtractFrom(total: ResourceList, remove: ResourceList): void {
  for (const name in remove) total[name] = (total[name] ?? 0) - remove[name];
}

/**
 * The scheduler cache's NodeInfo accounting: per-node usage kept incrementally from pod
 * watch events, so a scheduling cycle reads it instead of re-adding every pod. It always
 * equals `usageByNode` over the pods the store holds (amounts are integers, so adding and
 * subtracting is exact). A node's usage is one live object for the cache's lifetime, so a
 * scheduling cycle can hold on to it between cycles instead of looking it up per node.
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
    // Most events are status writes of a bound pod: same node, same requests, nothing to move.
    if (old && holds && old.spec === pod.spec) return;
    const requests = holds ? podResourceRequests(pod) : undefined;
    if (old && requests === old.requests && node === old.node) {
      old.spec = pod.spec;
      return;
    }
    if (old) this.release(uid, old);
    if (!holds || !requests) return;
    this.byPod.set(uid, { node, spec: pod.spec, requests });
    const entry = this.usageOf(node);
    entry.pods++;
    addInto(entry.requested, requests.requested);
    addInto(entry.nonZeroRequested, requests.nonZeroRequested);
  }

  /** What the pods bound to a node request: live, kept up to date by `observe` (read-only to callers). */
  usageOf(node: string): NodeUsage {
    let entry = this.byNode.get(node);
    if (!entry) {
      entry = { pods: 0, requested: {}, nonZeroRequested: {} };
      this.byNode.set(node, entry);
    }
    return entry;
  }

  private release(uid: string, old: PodUsage): void {
    this.byPod.delete(uid);
    const entry = this.usageOf(old.node);
    entry.pods--;
    subtractFrom(entry.requested, old.requests.requested);
    subtractFrom(entry.nonZeroRequested, old.requests.nonZeroRequested);
  }
}
