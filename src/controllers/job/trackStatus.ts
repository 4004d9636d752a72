/**
 * trackJobStatusAndRemoveFinalizers (job_controller.go): finished pods are first recorded
 * in status.uncountedTerminatedPods, then their job-tracking finalizer is removed, then
 * they move into the succeeded/failed counters. Only when nothing is uncounted and no pod
 * is terminating does the Job get its terminal condition (1.31+: after the interim
 * SuccessCriteriaMet / FailureTarget).
 */
import type { JobCondition, JobStatus } from "kubernetes-types/batch/v1";
import { formatTimestamp } from "../../util/clock";
import { formatIndexes, withIndexes } from "./indexes";
import { ensureCondition, findCondition, newCondition } from "./jobConditions";
import { getCompletionIndex, hasTrackingFinalizer, isPodFailed, type JobPod, UNKNOWN_INDEX } from "./jobPods";
import { JOB_CONTROLLER, removeTrackingFinalizer } from "./podControl";
import { isIndexedJob, type SyncJobCtx } from "./syncContext";

/** Writes the status (when needed), removes finalizers, and finishes the Job when it may. */
export function trackJobStatusAndRemoveFinalizers(s: SyncJobCtx, needsFlush: boolean): void {
  const status = s.job.status as JobStatus;
  const uncounted = (status.uncountedTerminatedPods ??= {});
  const withFinalizer = new Set(s.pods.filter(hasTrackingFinalizer).map((p) => p.metadata.uid ?? ""));
  let flush = cleanUncounted(status, withFinalizer) || needsFlush;
  const toRemove: JobPod[] = [];
  const newSucceededIndexes: number[] = [];
  const completions = s.job.spec?.completions ?? 0;
  for (const pod of s.pods) {
    if (!hasTrackingFinalizer(pod)) continue;
    const uid = pod.metadata.uid ?? "";
    const failed = isPodFailed(pod, s.job);
    if (!canRemoveFinalizer(s, pod, failed)) continue;
    toRemove.push(pod);
    const ix = getCompletionIndex(pod);
    if (pod.status?.phase === "Succeeded" && !s.uncounted.failed.has(uid)) {
      if (isIndexedJob(s.job)) {
        if (ix !== UNKNOWN_INDEX && ix < completions && !hasIndex(s.prevSucceededIndexes, ix))
          newSucceededIndexes.push(ix);
      } else if (!s.uncounted.succeeded.has(uid)) (uncounted.succeeded ??= []).push(uid);
    } else if (failed || (s.finishedCondition && s.finishedCondition.type !== "SuccessCriteriaMet")) {
      const validIndex = !isIndexedJob(s.job) || (ix !== UNKNOWN_INDEX && ix < completions);
      if (!s.uncounted.failed.has(uid) && validIndex) (uncounted.failed ??= []).push(uid);
    }
  }
  flush =
    flush ||
    newSucceededIndexes.length > 0 ||
    (uncounted.succeeded?.length ?? 0) + (uncounted.failed?.length ?? 0) > 0;
  if (isIndexedJob(s.job)) flush = setCompletedIndexes(s, newSucceededIndexes) || flush;
  flush = addInterimCondition(s) || flush;
  if (flush) writeStatus(s);
  const changed = removeFinalizers(s, toRemove, withFinalizer);
  const finished = enactJobFinished(s);
  if (changed || finished) writeStatus(s);
  if (finished) recordJobFinished(s);
}

function hasIndex(set: SyncJobCtx["prevSucceededIndexes"], ix: number): boolean {
  return set.some(([a, b]) => a <= ix && ix <= b);
}

/** canRemoveFinalizer: the Job is going away or finishing, or the pod succeeded or failed. */
function canRemoveFinalizer(s: SyncJobCtx, pod: JobPod, failed: boolean): boolean {
  return (
    !!s.job.metadata.deletionTimestamp || !!s.finishedCondition || pod.status?.phase === "Succeeded" || failed
  );
}

function setCompletedIndexes(s: SyncJobCtx, newIndexes: number[]): boolean {
  const status = s.job.status as JobStatus;
  s.succeededIndexes = withIndexes(s.succeededIndexes, newIndexes);
  const text = formatIndexes(s.succeededIndexes);
  const changed = text !== (status.completedIndexes ?? "");
  status.completedIndexes = text;
  status.succeeded = s.succeededIndexes.reduce((n, [a, b]) => n + b - a + 1, 0);
  return changed;
}

/**
 * The interim condition is written before any finalizer goes, so a restarted controller
 * still knows the outcome; the final condition is prepared for enactJobFinished.
 */
function addInterimCondition(s: SyncJobCtx): boolean {
  const cond = s.finishedCondition;
  const status = s.job.status as JobStatus;
  const conditions = (status.conditions ??= []);
  const now = s.ctx.clock.now();
  if (cond?.type === "FailureTarget") {
    conditions.push(cond);
    s.actions.push(`added condition FailureTarget (${cond.reason})`);
    s.finishedCondition = newCondition("Failed", "True", cond.reason ?? "", cond.message ?? "", now);
    return true;
  }
  if (cond?.type !== "SuccessCriteriaMet") return false;
  const added = !findCondition(conditions, "SuccessCriteriaMet");
  if (added) {
    conditions.push(cond);
    s.actions.push(`added condition SuccessCriteriaMet (${cond.reason})`);
  }
  s.finishedCondition = newCondition("Complete", "True", cond.reason ?? "", cond.message ?? "", now);
  return added;
}

/** Removes the finalizers, then moves the pods whose finalizer went from uncounted into the counters. */
function removeFinalizers(s: SyncJobCtx, pods: JobPod[], withFinalizer: Set<string>): boolean {
  for (const pod of pods) {
    if (!removeTrackingFinalizer(s.ctx, pod.metadata.namespace ?? "", pod.metadata.name ?? "")) continue;
    withFinalizer.delete(pod.metadata.uid ?? "");
    s.actions.push(`removed finalizer batch.kubernetes.io/job-tracking from pod ${pod.metadata.name}`);
  }
  return cleanUncounted(s.job.status as JobStatus, withFinalizer);
}

/** cleanUncountedPodsWithoutFinalizers: uncounted pods whose finalizer is gone are counted now. */
function cleanUncounted(status: JobStatus, withFinalizer: Set<string>): boolean {
  const uncounted = (status.uncountedTerminatedPods ??= {});
  let changed = false;
  for (const field of ["succeeded", "failed"] as const) {
    const before = uncounted[field] ?? [];
    const after = before.filter((uid) => withFinalizer.has(uid));
    if (after.length === before.length) continue;
    changed = true;
    status[field] = (status[field] ?? 0) + before.length - after.length;
    if (after.length > 0) uncounted[field] = after;
    else delete uncounted[field];
  }
  return changed;
}

/** enactJobFinished: the terminal condition, once nothing is uncounted and no pod terminates. */
function enactJobFinished(s: SyncJobCtx): boolean {
  const cond = s.finishedCondition;
  if (!cond) return false;
  const status = s.job.status as JobStatus;
  const uncounted = status.uncountedTerminatedPods ?? {};
  if ((uncounted.succeeded?.length ?? 0) + (uncounted.failed?.length ?? 0) > 0) return false;
  if (s.terminating > 0) return false;
  const now = s.ctx.clock.now();
  ensureCondition(
    (status.conditions ??= []),
    cond.type ?? "",
    "True",
    cond.reason ?? "",
    cond.message ?? "",
    now,
  );
  if (cond.type === "Complete") status.completionTime = formatTimestamp(now);
  s.actions.push(`added condition ${cond.type} (${cond.reason})`);
  return true;
}

/** recordJobFinished: the Completed event, or a Warning named after the failure reason. */
function recordJobFinished(s: SyncJobCtx): void {
  const cond = s.finishedCondition as JobCondition;
  const source = { component: JOB_CONTROLLER };
  const job = s.ctx.api.store.get("Job", s.job.metadata.namespace ?? "", s.job.metadata.name ?? "") ?? s.job;
  if (cond.type !== "Complete") {
    s.ctx.events.warning(source, job, cond.reason ?? "", cond.message ?? "");
    return;
  }
  const completions = s.job.spec?.completions;
  if (completions !== undefined && completions !== null && (s.job.status?.succeeded ?? 0) > completions) {
    s.ctx.events.warning(
      source,
      job,
      "TooManySucceededPods",
      "Too many succeeded pods running after completion count reached",
    );
  }
  s.ctx.events.normal(source, job, "Completed", "Job completed");
}

/** Writes the working status, in Kubernetes' shape (zero counters omitted), and keeps the copy current. */
export function writeStatus(s: SyncJobCtx): void {
  const st = s.job.status as JobStatus;
  const status: JobStatus = {};
  if (st.conditions?.length) status.conditions = st.conditions;
  if (st.startTime) status.startTime = st.startTime;
  if (st.completionTime) status.completionTime = st.completionTime;
  if (st.active) status.active = st.active;
  if (st.succeeded) status.succeeded = st.succeeded;
  if (st.failed) status.failed = st.failed;
  if (st.terminating !== undefined) status.terminating = st.terminating;
  if (st.completedIndexes) status.completedIndexes = st.completedIndexes;
  status.uncountedTerminatedPods = st.uncountedTerminatedPods ?? {};
  status.ready = st.ready ?? 0;
  const metadata = { ...s.job.metadata };
  // The sync owns this Job's status; a stale resourceVersion must not turn into a conflict.
  delete metadata.resourceVersion;
  const written = s.ctx.api.updateStatus({ ...s.job, metadata, status });
  s.job = { ...s.job, metadata: written.metadata, status: JSON.parse(JSON.stringify(status)) };
}
