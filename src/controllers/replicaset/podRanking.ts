/**
 * Which pods a shrinking ReplicaSet deletes first: pkg/controller's ActivePodsWithRanks with
 * the LogarithmicScaleDown comparison (on by default since 1.22), as getPodsToDelete uses it.
 */
import type { KubeObject } from "../../api/types";
import { parseTimestamp } from "../../util/clock";
import { readyCondition } from "./podUtil";

const DELETION_COST = "controller.kubernetes.io/pod-deletion-cost";
const PHASE_ORDER: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/** What the comparison reads of one pod, worked out once per getPodsToDelete call. */
interface DeletionFacts {
  pod: KubeObject;
  assigned: number;
  phase: number;
  ready: boolean;
  cost: number;
  /** How many related pods (same owner family) share its node: doubled-up pods go first. */
  rank: number;
  /** When it became ready and was created, and the log2 buckets of those ages. */
  readyTime: number | undefined;
  readyAge: number;
  created: number | undefined;
  createdAge: number;
  restarts: number;
  uid: string;
}

/**
 * getPodsToDelete: the first `diff` pods in deletion order (unscheduled < scheduled;
 * Pending < Unknown < Running; not ready < ready; lower deletion cost; more co-located
 * related pods; ready more recently; more restarts; created more recently).
 */
export function getPodsToDelete(
  pods: KubeObject[],
  related: KubeObject[],
  diff: number,
  nowMs: number,
): KubeObject[] {
  if (diff >= pods.length) return pods.slice(0, diff);
  const perNode = new Map<string, number>();
  for (const pod of related) {
    const node = pod.spec?.nodeName;
    if (node && pod.status?.phase !== "Succeeded" && pod.status?.phase !== "Failed")
      perNode.set(node, (perNode.get(node) ?? 0) + 1);
  }
  // A rollout sorts a thousand pods at every step: read each pod once, not at every comparison.
  const facts = pods.map((pod) => deletionFacts(pod, perNode, nowMs));
  facts.sort(compareForDeletion);
  return facts.slice(0, diff).map((f) => f.pod);
}

function deletionFacts(pod: KubeObject, perNode: Map<string, number>, nowMs: number): DeletionFacts {
  const node = pod.spec?.nodeName;
  const ready = readyCondition(pod);
  const readyTime = parseTimestamp(ready?.lastTransitionTime);
  const created = parseTimestamp(pod.metadata.creationTimestamp);
  return {
    pod,
    assigned: node ? 1 : 0,
    phase: PHASE_ORDER[pod.status?.phase ?? "Pending"] ?? 0,
    ready: ready?.status === "True",
    cost: deletionCost(pod),
    rank: node ? (perNode.get(node) ?? 0) : 0,
    readyTime,
    readyAge: ageRank(readyTime, nowMs),
    created,
    createdAge: ageRank(created, nowMs),
    restarts: maxRestarts(pod),
    uid: pod.metadata.uid ?? "",
  };
}

/** Negative when `a` should be deleted before `b`. */
function compareForDeletion(a: DeletionFacts, b: DeletionFacts): number {
  if (a.assigned !== b.assigned) return a.assigned - b.assigned;
  if (a.phase !== b.phase) return a.phase - b.phase;
  if (a.ready !== b.ready) return Number(a.ready) - Number(b.ready);
  if (a.cost !== b.cost) return a.cost - b.cost;
  if (a.rank !== b.rank) return b.rank - a.rank;
  if (a.ready && b.ready) {
    const byReady = compareTimes(a.readyTime, b.readyTime, a.readyAge, b.readyAge, a, b);
    if (byReady !== 0) return byReady;
  }
  if (a.restarts !== b.restarts) return b.restarts - a.restarts;
  return compareTimes(a.created, b.created, a.createdAge, b.createdAge, a, b);
}

/**
 * Equal times: no order (the next rule decides). Else a missing time first, then newer first
 * in log2 buckets of age, near-equal ages in uid order.
 */
function compareTimes(
  ta: number | undefined,
  tb: number | undefined,
  ra: number,
  rb: number,
  a: DeletionFacts,
  b: DeletionFacts,
): number {
  if (ta === tb) return 0;
  if (ta === undefined) return -1;
  if (tb === undefined) return 1;
  if (ra !== rb) return ra - rb;
  return a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0;
}

function ageRank(time: number | undefined, nowMs: number): number {
  return time === undefined ? 0 : logRank(nowMs - time);
}

/** int(log2(age in nanoseconds)), -1 for a non-positive age (logarithmicRankDiff). */
function logRank(ageMs: number): number {
  return ageMs <= 0 ? -1 : Math.floor(Math.log2(ageMs * 1e6));
}

function deletionCost(pod: KubeObject): number {
  const value = Number.parseInt(pod.metadata.annotations?.[DELETION_COST] ?? "0", 10);
  return Number.isFinite(value) ? value : 0;
}

function maxRestarts(pod: KubeObject): number {
  let most = 0;
  for (const s of pod.status?.containerStatuses ?? []) most = Math.max(most, s.restartCount ?? 0);
  return most;
}
