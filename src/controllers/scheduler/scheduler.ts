import type { KubeObject, WatchEvent } from "../../api/types";
import { refOf } from "../../api/types";
import { type Controller, type ControllerContext, objectKey, splitKey } from "../controller";
import { bindPod, markUnschedulable } from "./binding";
import { type FilterFailure, runFilters } from "./filters";
import { fitErrorMessage, NO_NODES_AVAILABLE } from "./fitError";
import { podFacts } from "./podFacts";
import { NodeUsageCache } from "./resources";
import { scoreNodes } from "./scores";
import { type NodeEntry, NodeSnapshot } from "./snapshot";

export const DEFAULT_SCHEDULER = "default-scheduler";
/** podMaxInUnschedulablePodsDuration: an unschedulable pod is retried at least this often. */
const UNSCHEDULABLE_RETRY_MS = 5 * 60_000;
/** podInitialBackoffSeconds and podMaxBackoffSeconds: the back-off after failed attempts (1 s, 2 s, 4 s, 8 s, 10 s …). */
const INITIAL_BACKOFF_MS = 1000;
const MAX_BACKOFF_MS = 10_000;
/** The scheduling queue moves pods whose back-off is over to the active queue once a second. */
const BACKOFF_FLUSH_MS = 1000;

/** A pending pod's failed attempts so far and when the last one failed (QueuedPodInfo's Attempts and Timestamp). */
interface Failures {
  attempts: number;
  at: number;
}

/** When a pod that failed can be tried again: as the scheduling queue's calculateBackoffDuration and its 1 s flush. */
export function backoffOver(failures: Failures): number {
  let backoff = INITIAL_BACKOFF_MS;
  for (let i = 1; i < failures.attempts && backoff < MAX_BACKOFF_MS; i++)
    backoff = Math.min(2 * backoff, MAX_BACKOFF_MS);
  return Math.ceil((failures.at + backoff) / BACKOFF_FLUSH_MS) * BACKOFF_FLUSH_MS;
}
const SOURCE = { component: DEFAULT_SCHEDULER };

/** A pod this scheduler must place: unbound, ours, not gated, not finished or being deleted. */
export function needsScheduling(pod: KubeObject): boolean {
  const spec = pod.spec ?? {};
  if (spec.nodeName || pod.metadata.deletionTimestamp || spec.schedulingGates?.length) return false;
  if ((spec.schedulerName ?? DEFAULT_SCHEDULER) !== DEFAULT_SCHEDULER) return false;
  const phase = pod.status?.phase;
  return phase !== "Succeeded" && phase !== "Failed";
}

/**
 * What can change whether a pod fits: spec and labels (not status, which we write ourselves).
 * Kept as the attempted version's members and compared by identity first: stored objects
 * never change and status writes share spec and labels, so the text is rarely needed.
 */
interface PodSignature {
  uid: string | undefined;
  spec: unknown;
  labels: unknown;
  text?: string;
}

const signatureOf = (pod: KubeObject): PodSignature => ({
  uid: pod.metadata.uid,
  spec: pod.spec,
  labels: pod.metadata.labels,
});

const signatureText = (s: PodSignature) => {
  s.text ??= JSON.stringify([s.uid, s.spec, s.labels]);
  return s.text;
};

function sameSignature(attempted: PodSignature | undefined, pod: KubeObject): boolean {
  if (!attempted) return false;
  const now = signatureOf(pod);
  if (attempted.uid === now.uid && attempted.spec === now.spec && attempted.labels === now.labels)
    return true;
  return signatureText(attempted) === signatureText(now);
}

/** The node properties the filters read; heartbeats alone do not wake pending pods. */
function nodeSignature(node: KubeObject): string {
  const ready = (node.status?.conditions ?? []).find((c: { type: string }) => c.type === "Ready")?.status;
  return JSON.stringify([
    node.metadata.labels,
    node.spec?.taints,
    node.spec?.unschedulable,
    node.status?.allocatable,
    ready,
  ]);
}

/**
 * kube-scheduler with the default profile: places each pending pod on the feasible node
 * with the best score (ties broken at random, seeded), or reports why none fits. Pending
 * pods are retried when a node changes, a bound pod goes away or finishes, and every 5 min;
 * a pod that failed waits out its back-off first (1 s doubling to 10 s), as in the real queue.
 */
export function scheduler(): Controller {
  // Pods are tracked by uid: the same string object in every version of a pod, so the
  // many watch events of bound pods cost no key building. A store key holds one pod at a time.
  /** Pods waiting to be scheduled: uid → their key, in arrival order. */
  const pending = new Map<string, string>();
  const attempted = new Map<string, PodSignature>();
  const failed = new Map<string, Failures>();
  /** Bound, unfinished pods: their going away may let a pending pod fit. */
  const active = new Set<string>();
  const nodes = new Map<string, string>();
  const cache = new NodeUsageCache();
  const snapshot = new NodeSnapshot(cache);

  function podKeys(event: WatchEvent): string[] {
    const pod = event.object;
    cache.observe(event.type, pod);
    const uid = pod.metadata.uid ?? "";
    const gone = event.type === "DELETED";
    const terminal = isTerminal(pod);
    const bound = Boolean(pod.spec?.nodeName);
    let freed = false;
    if (!gone && bound && !terminal) active.add(uid);
    else freed = active.delete(uid) && (gone || terminal);
    if (!gone && !bound && needsScheduling(pod)) {
      const key = objectKey(pod);
      pending.set(uid, key);
      return sameSignature(attempted.get(uid), pod) ? [] : [key];
    }
    pending.delete(uid);
    attempted.delete(uid);
    failed.delete(uid);
    return freed && pending.size > 0 ? [...pending.values()] : [];
  }

  function nodeKeys(event: WatchEvent): string[] {
    const name = event.object.metadata.name ?? "";
    if (event.type === "DELETED") {
      nodes.delete(name);
      return [];
    }
    const signature = nodeSignature(event.object);
    if (nodes.get(name) === signature) return [];
    nodes.set(name, signature);
    return [...pending.values()];
  }

  return {
    name: DEFAULT_SCHEDULER,
    watches: [
      { kind: "Pod", keys: podKeys },
      { kind: "Node", keys: nodeKeys },
    ],
    reconcile(key, ctx) {
      const { namespace, name } = splitKey(key);
      const pod = ctx.api.store.get("Pod", namespace, name);
      if (!pod || !needsScheduling(pod)) return undefined;
      const uid = pod.metadata.uid ?? "";
      // A pod moved back by a cluster event waits out its back-off first (the backoff queue).
      const failures = failed.get(uid);
      const now = ctx.clock.now();
      const waitMs = failures ? backoffOver(failures) - now : 0;
      if (waitMs > 0) return { requeueAfterMs: waitMs };
      attempted.set(uid, signatureOf(pod));
      const result = scheduleOne(pod, ctx, snapshot);
      if (result) failed.set(uid, { attempts: (failures?.attempts ?? 0) + 1, at: now });
      return result;
    },
  };
}

function isTerminal(pod: KubeObject): boolean {
  return pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed";
}

/** One scheduling cycle: filter, score, select, bind, or record the failure. */
function scheduleOne(
  pod: KubeObject,
  ctx: ControllerContext,
  snapshot: NodeSnapshot,
): { requeueAfterMs: number } | undefined {
  const all = snapshot.of(ctx.api.store.list("Node"));
  if (all.length === 0) return fail(pod, ctx, NO_NODES_AVAILABLE, "no nodes in the cluster");
  const facts = podFacts(pod);
  // Undefined while every node so far fits (usually all do): then the feasible nodes are `all`.
  let fitting: NodeEntry[] | undefined;
  const failures: FilterFailure[] = [];
  for (let i = 0; i < all.length; i++) {
    const entry = all[i];
    const failure = runFilters(facts, entry.facts, entry.usage);
    if (failure) {
      fitting ??= all.slice(0, i);
      failures.push(failure);
    } else fitting?.push(entry);
  }
  const feasible = fitting ?? all;
  if (feasible.length === 0) {
    const message = fitErrorMessage(all.length, failures, pod.spec?.preemptionPolicy);
    return fail(pod, ctx, message, `0 of ${all.length} nodes fit`);
  }
  const scores = scoreNodes(facts, feasible);
  const chosen = selectHost(feasible, scores, ctx);
  const observed = `${feasible.length} of ${all.length} nodes fit; scores: ${snapshot.describe(feasible, scores)}`;
  bind(pod, chosen, ctx, observed);
  return undefined;
}

/** selectHost: the best score wins; equal best scores are chosen among at random (reservoir sampling). */
function selectHost(nodes: readonly NodeEntry[], scores: number[], ctx: ControllerContext): KubeObject {
  let best = 0;
  let ties = 1;
  for (let i = 1; i < nodes.length; i++) {
    if (scores[i] > scores[best]) {
      best = i;
      ties = 1;
    } else if (scores[i] === scores[best]) {
      ties++;
      if (ctx.random.int(ties) === 0) best = i;
    }
  }
  return nodes[best].facts.node;
}

function bind(pod: KubeObject, node: KubeObject, ctx: ControllerContext, observed: string): void {
  const nodeName = node.metadata.name ?? "";
  bindPod(ctx.api, pod, nodeName);
  const podName = `${pod.metadata.namespace}/${pod.metadata.name}`;
  ctx.events.normal(SOURCE, pod, "Scheduled", `Successfully assigned ${podName} to ${nodeName}`);
  ctx.trace.record({
    component: DEFAULT_SCHEDULER,
    object: refOf(pod),
    observed,
    actions: [`bound pod ${podName} to ${nodeName}`],
    touched: [refOf(node)],
  });
}

function fail(
  pod: KubeObject,
  ctx: ControllerContext,
  message: string,
  observed: string,
): { requeueAfterMs: number } {
  ctx.events.warning(SOURCE, pod, "FailedScheduling", message);
  markUnschedulable(ctx.api, pod, message);
  ctx.trace.record({
    component: DEFAULT_SCHEDULER,
    object: refOf(pod),
    observed,
    actions: [`pod stays Pending: ${message}`],
  });
  return { requeueAfterMs: UNSCHEDULABLE_RETRY_MS };
}
