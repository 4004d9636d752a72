/**
 * kubectl's GetFirstPod order (podutils ByLogging): the pod it reads logs from when given
 * a workload. Assigned before unassigned, Running before Unknown before Pending, ready
 * before not ready, ready longer first, more restarts first, older first.
 */
import type { Pod } from "kubernetes-types/core/v1";

const PHASE_RANK: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 };

/** The pod `kubectl logs TYPE/NAME` picks, or undefined when there are none. */
export function firstPod(pods: Pod[]): Pod | undefined {
  return [...pods].sort(byLogging)[0];
}

function byLogging(a: Pod, b: Pod): number {
  const assigned = Number(!a.spec?.nodeName) - Number(!b.spec?.nodeName);
  if (assigned !== 0) return assigned;
  const phase = rank(a) - rank(b);
  if (phase !== 0) return phase;
  const ready = Number(!isReady(a)) - Number(!isReady(b));
  if (ready !== 0) return ready;
  const since = readySince(a) - readySince(b);
  if (isReady(a) && isReady(b) && since !== 0) return since;
  const restarts = restartsOf(b) - restartsOf(a);
  if (restarts !== 0) return restarts;
  return created(a) - created(b);
}

function rank(p: Pod): number {
  return PHASE_RANK[p.status?.phase ?? ""] ?? 3;
}

function isReady(p: Pod): boolean {
  return (p.status?.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True");
}

function readySince(p: Pod): number {
  const c = (p.status?.conditions ?? []).find((x) => x.type === "Ready");
  return c?.lastTransitionTime ? Date.parse(c.lastTransitionTime) : Number.MAX_SAFE_INTEGER;
}

function restartsOf(p: Pod): number {
  return Math.max(0, ...(p.status?.containerStatuses ?? []).map((s) => s.restartCount ?? 0));
}

function created(p: Pod): number {
  return p.metadata?.creationTimestamp ? Date.parse(p.metadata.creationTimestamp) : Number.MAX_SAFE_INTEGER;
}
