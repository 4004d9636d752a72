/**
 * manageJob (job_controller.go): keeps as many pods running as parallelism and the
 * remaining completions allow, deletes extras (all of them when suspended), and waits out
 * the failure back-off before creating replacements.
 */
import type { Pod } from "kubernetes-types/core/v1";
import { remainingBackoffMs } from "./backoff";
import { has } from "./indexes";
import { deletionOrder, getCompletionIndex, isReady, onlyReplaceFailedPods, UNKNOWN_INDEX } from "./jobPods";
import { createPod, deletePod, removeTrackingFinalizer } from "./podControl";
import { isIndexedJob, jobSuspended, requeueAfter, type SyncJobCtx } from "./syncContext";

/** MaxPodCreateDeletePerSync. */
const MAX_POD_CREATE_DELETE_PER_SYNC = 500;

/** Returns the number of active pods after acting. */
export function manageJob(s: SyncJobCtx): number {
  const job = s.job;
  let active = s.activePods.length;
  if (jobSuspended(job)) {
    const removed = deleteJobPods(s, activePodsForRemoval(s, active));
    if (removed > 0) s.actions.push(`job is suspended: deleted ${removed} active pod(s)`);
    return active - removed;
  }
  const wantActive = wantedActive(s, active);
  const toDelete = activePodsForRemoval(s, Math.max(0, active - wantActive)).slice(
    0,
    MAX_POD_CREATE_DELETE_PER_SYNC,
  );
  if (toDelete.length > 0) return active - deleteJobPods(s, toDelete);
  const terminating = onlyReplaceFailedPods(job) ? s.terminating : 0;
  let diff = wantActive - terminating - active;
  if (diff <= 0) return active;
  const remaining = remainingBackoffMs(s.newBackoffRecord, s.ctx.clock.now());
  if (remaining > 0) {
    requeueAfter(s, remaining);
    s.actions.push(
      `${s.newBackoffRecord.failuresAfterLastSuccess} failure(s) since the last success: waiting ${Math.ceil(remaining / 1000)}s of back-off before creating a pod`,
    );
    // As in Kubernetes, a sync that waits out the back-off reports no active pods.
    return 0;
  }
  diff = Math.min(diff, MAX_POD_CREATE_DELETE_PER_SYNC);
  const indexes = isIndexedJob(job) ? firstPendingIndexes(s, diff) : Array<number>(diff).fill(UNKNOWN_INDEX);
  for (const index of indexes) {
    const name = createPod(s.ctx, job, index);
    if (name === undefined) {
      // Kubernetes retries a sync whose creations failed with a rate-limited requeue.
      requeueAfter(s, 1000);
      break;
    }
    active++;
    s.actions.push(`created pod ${name}${index === UNKNOWN_INDEX ? "" : ` for index ${index}`}`);
  }
  return active;
}

/** How many pods should run: parallelism, but no more than the completions still missing. */
function wantedActive(s: SyncJobCtx, active: number): number {
  const parallelism = s.job.spec?.parallelism ?? 1;
  const completions = s.job.spec?.completions;
  if (completions === undefined || completions === null) return s.succeeded > 0 ? active : parallelism;
  return Math.max(0, Math.min(completions - s.succeeded, parallelism));
}

/** deleteJobPods: finalizer off first (the pod is counted as failed), then delete. */
function deleteJobPods(s: SyncJobCtx, pods: Pod[]): number {
  let removed = 0;
  for (const pod of pods) {
    const ns = pod.metadata?.namespace ?? "";
    const name = pod.metadata?.name ?? "";
    if (!removeTrackingFinalizer(s.ctx, ns, name) || !deletePod(s.ctx, s.job, pod)) continue;
    removed++;
    s.terminating++;
    if (isReady(pod)) s.ready--;
    s.actions.push(`deleted pod ${name}`);
  }
  return removed;
}

/**
 * activePodsForRemoval: for Indexed Jobs first the pods with a bad or repeated index, then
 * as many more as needed in controller.ActivePods order (the least advanced first).
 */
function activePodsForRemoval(s: SyncJobCtx, rmAtLeast: number): Pod[] {
  let rm: Pod[] = [];
  let left: Pod[] = [...s.activePods];
  if (isIndexedJob(s.job)) {
    const completions = s.job.spec?.completions ?? 0;
    const seen = new Set<number>();
    left = [];
    for (const pod of [...s.activePods].sort((a, b) => -deletionOrder(a, b))) {
      const ix = getCompletionIndex(pod);
      if (ix === UNKNOWN_INDEX || ix >= completions || seen.has(ix)) rm.push(pod);
      else {
        seen.add(ix);
        left.push(pod);
      }
    }
  }
  if (rm.length < rmAtLeast) rm = [...rm, ...left.sort(deletionOrder).slice(0, rmAtLeast - rm.length)];
  return rm;
}

/** firstPendingIndexes: the lowest indexes neither succeeded nor held by an active pod. */
function firstPendingIndexes(s: SyncJobCtx, count: number): number[] {
  const completions = s.job.spec?.completions ?? 0;
  const busy = new Set(s.activePods.map(getCompletionIndex));
  const out: number[] = [];
  for (let ix = 0; ix < completions && out.length < count; ix++) {
    if (!busy.has(ix) && !has(s.succeededIndexes, ix)) out.push(ix);
  }
  return out;
}
