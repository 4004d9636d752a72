/**
 * Which pods a shrinking ReplicaSet deletes first: pkg/controller's ActivePodsWithRanks with
 * the LogarithmicScaleDown comparison (on by default since 1.22), as getPodsToDelete uses it.
 */
import type { KubeObject } from "../../api/types";
import { parseTimestamp } from "../../util/clock";
import { isPodReady, readyCondition } from "./podUtil";

const DELETION_COST = "controller.kubernetes.io/pod-deletion-cost";
const PHASE_ORDER: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

interface Ranked {
  pod: KubeObject;
  /** How many related pods (same owner family) share its node: doubled-up pods go first. */
  rank: number;
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
  const ranked: Ranked[] = pods.map((pod) => ({
    pod,
    rank: pod.spec?.nodeName ? (perNode.get(pod.spec.nodeName) ?? 0) : 0,
  }));
  // The comparison reads each pod's timestamps many times: parse them once per sort.
  const times = new Map<KubeObject, { ready: number | undefined; created: number | undefined }>();
  for (const { pod } of ranked)
    times.set(pod, { ready: readyTime(pod), created: parseTimestamp(pod.metadata.creationTimestamp) });
  ranked.sort((a, b) => compareForDeletion(a, b, nowMs, times));
  return ranked.slice(0, diff).map((r) => r.pod);
}

/** Negative when `a` should be deleted before `b`. */
export function compareForDeletion(
  a: Ranked,
  b: Ranked,
  nowMs: number,
  times?: Map<KubeObject, { ready: number | undefined; created: number | undefined }>,
): number {
  const pa = a.pod;
  const pb = b.pod;
  const assigned = Number(Boolean(pa.spec?.nodeName)) - Number(Boolean(pb.spec?.nodeName));
  if (assigned !== 0) return assigned;
  const phase =
    (PHASE_ORDER[pa.status?.phase ?? "Pending"] ?? 0) - (PHASE_ORDER[pb.status?.phase ?? "Pending"] ?? 0);
  if (phase !== 0) return phase;
  const ready = Number(isPodReady(pa)) - Number(isPodReady(pb));
  if (ready !== 0) return ready;
  const cost = deletionCost(pa) - deletionCost(pb);
  if (cost !== 0) return cost;
  if (a.rank !== b.rank) return b.rank - a.rank;
  if (isPodReady(pa) && isPodReady(pb)) {
    const ra = times ? times.get(pa)?.ready : readyTime(pa);
    const rb = times ? times.get(pb)?.ready : readyTime(pb);
    const byReady = compareTimes(ra, rb, pa, pb, nowMs);
    if (byReady !== 0) return byReady;
  }
  const restarts = maxRestarts(pb) - maxRestarts(pa);
  if (restarts !== 0) return restarts;
  return compareTimes(
    times ? times.get(pa)?.created : parseTimestamp(pa.metadata.creationTimestamp),
    times ? times.get(pb)?.created : parseTimestamp(pb.metadata.creationTimestamp),
    pa,
    pb,
    nowMs,
  );
}

/** Newer first, compared in log2 buckets of age so that near-equal ages fall back to uid order. */
function compareTimes(
  ta: number | undefined,
  tb: number | undefined,
  pa: KubeObject,
  pb: KubeObject,
  nowMs: number,
): number {
  if (ta === tb) return 0;
  if (ta === undefined) return -1;
  if (tb === undefined) return 1;
  const diff = logRank(nowMs - ta) - logRank(nowMs - tb);
  if (diff !== 0) return diff;
  const ua = pa.metadata.uid ?? "";
  const ub = pb.metadata.uid ?? "";
  return ua < ub ? -1 : ua > ub ? 1 : 0;
}

/** int(log2(age in nanoseconds)), -1 for a non-positive age (logarithmicRankDiff). */
function logRank(ageMs: number): number {
  return ageMs <= 0 ? -1 : Math.floor(Math.log2(ageMs * 1e6));
}

function readyTime(pod: KubeObject): number | undefined {
  return parseTimestamp(readyCondition(pod)?.lastTransitionTime);
}

function deletionCost(pod: KubeObject): number {
  const value = Number.parseInt(pod.metadata.annotations?.[DELETION_COST] ?? "0", 10);
  return Number.isFinite(value) ? value : 0;
}

function maxRestarts(pod: KubeObject): number {
  const counts = (pod.status?.containerStatuses ?? []).map(
    (s: { restartCount?: number }) => s.restartCount ?? 0,
  );
  return Math.max(0, ...counts);
}
