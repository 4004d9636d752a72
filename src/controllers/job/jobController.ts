/**
 * The Job controller (pkg/controller/job/job_controller.go syncJob), Kubernetes 1.32
 * behaviour: pods from the template with the job-tracking finalizer, completions and
 * parallelism (NonIndexed and Indexed), back-off after failures, backoffLimit (restarts
 * count with restartPolicy OnFailure), activeDeadlineSeconds, suspend, and the 1.31+
 * interim conditions SuccessCriteriaMet / FailureTarget before Complete / Failed.
 */
import type { JobStatus } from "kubernetes-types/batch/v1";
import { clone, refOf } from "../../api/types";
import { formatTimestamp, parseTimestamp } from "../../util/clock";
import {
  type Controller,
  type ControllerContext,
  enqueueControllerOwner,
  enqueueSelf,
  splitKey,
} from "../controller";
import { type BackoffRecord, nextBackoffRecord } from "./backoff";
import { parseIndexes, withIndexes } from "./indexes";
import { ensureCondition, findCondition, isJobFinished, newCondition } from "./jobConditions";
import {
  getCompletionIndex,
  hasTrackingFinalizer,
  isActive,
  isPodFailed,
  isReady,
  isTerminating,
  type JobPod,
  podsOfJob,
  restartCount,
  UNKNOWN_INDEX,
} from "./jobPods";
import { manageJob } from "./manageJob";
import { JOB_CONTROLLER, removeTrackingFinalizer } from "./podControl";
import { isIndexedJob, type JobObject, jobSuspended, requeueAfter, type SyncJobCtx } from "./syncContext";
import { trackJobStatusAndRemoveFinalizers } from "./trackStatus";

/** The Job controller. Its back-off records live in this instance, as in kube-controller-manager's memory. */
export function jobController(): Controller {
  const backoffs = new Map<string, BackoffRecord>();
  return {
    name: JOB_CONTROLLER,
    watches: [enqueueSelf("Job"), enqueueControllerOwner("Pod", "Job")],
    reconcile(key, ctx) {
      const { namespace, name } = splitKey(key);
      const stored = ctx.api.store.get("Job", namespace, name) as JobObject | undefined;
      if (!stored) {
        backoffs.delete(key);
        releaseOrphanPods(ctx, namespace, name);
        return undefined;
      }
      if (isJobFinished(stored)) {
        backoffs.delete(key);
        return undefined;
      }
      const s = syncJob(ctx, clone(stored), backoffs.get(key));
      backoffs.set(key, s.newBackoffRecord);
      if (s.actions.length > 0) {
        ctx.trace.record({
          component: JOB_CONTROLLER,
          object: refOf(stored),
          observed: describe(s),
          actions: s.actions,
        });
      }
      return s.requeueAfterMs === undefined ? undefined : { requeueAfterMs: s.requeueAfterMs };
    },
  };
}

function syncJob(ctx: ControllerContext, job: JobObject, backoff: BackoffRecord | undefined): SyncJobCtx {
  const status = (job.status ??= {}) as JobStatus;
  status.uncountedTerminatedPods ??= {};
  const s = newSyncCtx(ctx, job, backoff);
  if (!status.startTime && !jobSuspended(job)) status.startTime = formatTimestamp(ctx.clock.now());
  decideFailure(s);
  if (isIndexedJob(job)) {
    const completions = job.spec?.completions ?? 0;
    s.prevSucceededIndexes = parseIndexes(status.completedIndexes, completions);
    s.succeededIndexes = withIndexes(s.prevSucceededIndexes, newlySucceededIndexes(s.pods, completions));
    s.succeeded = s.succeededIndexes.reduce((n, [a, b]) => n + b - a + 1, 0);
  }
  let active = s.activePods.length;
  let suspendChanged = false;
  if (s.finishedCondition) {
    active -= deleteActivePods(s);
  } else {
    if (!job.metadata.deletionTimestamp) active = manageJob(s);
    if (isComplete(s, active)) {
      s.finishedCondition = newCondition(
        "SuccessCriteriaMet",
        "True",
        "CompletionsReached",
        "Reached expected number of succeeded pods",
        ctx.clock.now(),
      );
    } else if (!job.metadata.deletionTimestamp) suspendChanged = updateSuspended(s);
  }
  const needsUpdate =
    suspendChanged ||
    active !== (status.active ?? 0) ||
    s.ready !== status.ready ||
    s.terminating !== status.terminating;
  status.active = active;
  status.ready = s.ready;
  status.terminating = s.terminating;
  trackJobStatusAndRemoveFinalizers(s, needsUpdate);
  return s;
}

function newSyncCtx(ctx: ControllerContext, job: JobObject, backoff: BackoffRecord | undefined): SyncJobCtx {
  const status = job.status as JobStatus;
  const pods = podsOfJob(ctx.api.store.list("Pod", job.metadata.namespace), job);
  const activePods = pods.filter(isActive);
  const uncounted = {
    succeeded: new Set<string>(status.uncountedTerminatedPods?.succeeded ?? []),
    failed: new Set<string>(status.uncountedTerminatedPods?.failed ?? []),
  };
  const counting = (p: JobPod) => hasTrackingFinalizer(p) && validIndex(job, p);
  const newSucceeded = pods.filter(
    (p) => counting(p) && !uncounted.succeeded.has(p.metadata.uid ?? "") && p.status?.phase === "Succeeded",
  );
  const newFailed = pods.filter(
    (p) => counting(p) && !uncounted.failed.has(p.metadata.uid ?? "") && isPodFailed(p, job),
  );
  return {
    ctx,
    job,
    pods,
    activePods,
    ready: activePods.filter(isReady).length,
    terminating: pods.filter(isTerminating).length,
    uncounted,
    succeeded: (status.succeeded ?? 0) + newSucceeded.length + uncounted.succeeded.size,
    failed: (status.failed ?? 0) + newFailed.length + uncounted.failed.size,
    newBackoffRecord: nextBackoffRecord(backoff, newSucceeded, newFailed),
    prevSucceededIndexes: [],
    succeededIndexes: [],
    actions: [],
  };
}

function validIndex(job: JobObject, pod: JobPod): boolean {
  if (!isIndexedJob(job)) return true;
  const ix = getCompletionIndex(pod);
  return ix !== UNKNOWN_INDEX && ix < (job.spec?.completions ?? 0);
}

function newlySucceededIndexes(pods: JobPod[], completions: number): number[] {
  return pods
    .filter((p) => p.status?.phase === "Succeeded" && hasTrackingFinalizer(p))
    .map(getCompletionIndex)
    .filter((ix) => ix !== UNKNOWN_INDEX && ix < completions);
}

/** The terminal decision: an earlier interim condition, the backoff limit, or the deadline. */
function decideFailure(s: SyncJobCtx): void {
  const job = s.job;
  const conditions = job.status?.conditions;
  const now = s.ctx.clock.now();
  const met = findCondition(conditions, "SuccessCriteriaMet");
  if (met?.status === "True") return void (s.finishedCondition = met);
  const target = findCondition(conditions, "FailureTarget");
  if (target?.status === "True") {
    s.finishedCondition = newCondition("Failed", "True", target.reason ?? "", target.message ?? "", now);
    return;
  }
  if (s.failed > (job.spec?.backoffLimit ?? 6) || pastBackoffLimitOnFailure(s)) {
    s.finishedCondition = newCondition(
      "FailureTarget",
      "True",
      "BackoffLimitExceeded",
      "Job has reached the specified backoff limit",
      now,
    );
    return;
  }
  const deadline = job.spec?.activeDeadlineSeconds;
  const start = parseTimestamp(job.status?.startTime);
  if (deadline === undefined || deadline === null || start === undefined || jobSuspended(job)) return;
  const left = deadline * 1000 - (now - start);
  if (left <= 0) {
    s.finishedCondition = newCondition(
      "FailureTarget",
      "True",
      "DeadlineExceeded",
      "Job was active longer than specified deadline",
      now,
    );
  } else requeueAfter(s, left);
}

/** pastBackoffLimitOnFailure: with OnFailure, container restarts of running pods count. */
function pastBackoffLimitOnFailure(s: SyncJobCtx): boolean {
  if (s.job.spec?.template?.spec?.restartPolicy !== "OnFailure") return false;
  const restarts = s.pods
    .filter((p) => p.status?.phase === "Running" || p.status?.phase === "Pending" || !p.status?.phase)
    .reduce((n, p) => n + restartCount(p), 0);
  const limit = s.job.spec?.backoffLimit ?? 6;
  return limit === 0 ? restarts > 0 : restarts >= limit;
}

/** deleteActivePods: a finishing Job stops its running pods (their finalizers stay until counted). */
function deleteActivePods(s: SyncJobCtx): number {
  let deleted = 0;
  for (const pod of s.activePods) {
    try {
      s.ctx.api.delete("Pod", pod.metadata.namespace ?? "", pod.metadata.name ?? "");
    } catch {
      continue;
    }
    s.ctx.events.normal(
      { component: JOB_CONTROLLER },
      s.job,
      "SuccessfulDelete",
      `Deleted pod: ${pod.metadata.name}`,
    );
    deleted++;
    s.terminating++;
    if (isReady(pod)) s.ready--;
    s.actions.push(
      `job is finishing (${s.finishedCondition?.reason}): deleted active pod ${pod.metadata.name}`,
    );
  }
  return deleted;
}

function isComplete(s: SyncJobCtx, active: number): boolean {
  const completions = s.job.spec?.completions;
  if (completions === undefined || completions === null) return s.succeeded > 0 && active === 0;
  return s.succeeded >= completions && active === 0;
}

/** The Suspended condition and its events; resuming restarts the activeDeadlineSeconds clock. */
function updateSuspended(s: SyncJobCtx): boolean {
  const status = s.job.status as JobStatus;
  const conditions = (status.conditions ??= []);
  const now = s.ctx.clock.now();
  const source = { component: JOB_CONTROLLER };
  if (jobSuspended(s.job)) {
    if (!ensureCondition(conditions, "Suspended", "True", "JobSuspended", "Job suspended", now)) return false;
    s.ctx.events.normal(source, s.job, "Suspended", "Job suspended");
    s.actions.push("added condition Suspended");
    return true;
  }
  if (!ensureCondition(conditions, "Suspended", "False", "JobResumed", "Job resumed", now)) return false;
  s.ctx.events.normal(source, s.job, "Resumed", "Job resumed");
  status.startTime = formatTimestamp(now);
  s.actions.push("job resumed: condition Suspended is now False, startTime reset");
  return true;
}

/** Pods whose Job is gone keep no job-tracking finalizer (the orphan pod cleanup). */
function releaseOrphanPods(ctx: ControllerContext, namespace: string, name: string): void {
  for (const pod of ctx.api.store.list("Pod", namespace)) {
    const owner = pod.metadata.ownerReferences?.find((r) => r.controller && r.kind === "Job");
    if (owner?.name !== name || !hasTrackingFinalizer(pod as JobPod)) continue;
    removeTrackingFinalizer(ctx, namespace, pod.metadata.name ?? "");
  }
}

function describe(s: SyncJobCtx): string {
  const spec = s.job.spec;
  const want =
    spec?.completions === undefined || spec?.completions === null
      ? "until one succeeds"
      : `${spec.completions} completion(s)`;
  return `${s.activePods.length} active pod(s), ${s.succeeded} succeeded, ${s.failed} failed; want ${want}, parallelism ${spec?.parallelism ?? 1}, backoffLimit ${spec?.backoffLimit ?? 6}`;
}
