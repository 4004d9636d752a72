/**
 * How the Job controller reads its pods: which are active, terminating, ready or failed,
 * and their completion index (pkg/controller/job/job_controller.go, indexed_job_utils.go,
 * pkg/controller/controller_utils.go FilterActivePods / CountTerminatingPods).
 */
import type { Pod } from "kubernetes-types/core/v1";
import type { Job } from "kubernetes-types/batch/v1";
import type { KubeObject } from "../../api/types";

/** The finalizer that keeps a finished pod around until the Job has counted it (1.26+). */
export const JOB_TRACKING_FINALIZER = "batch.kubernetes.io/job-tracking";
/** Annotation (and, since PodIndexLabel, label) holding an Indexed Job pod's index. */
export const JOB_COMPLETION_INDEX = "batch.kubernetes.io/job-completion-index";
/** Environment variable through which an Indexed Job's containers read their index. */
export const COMPLETION_INDEX_ENV = "JOB_COMPLETION_INDEX";
/** The index of a pod with no valid completion index. */
export const UNKNOWN_INDEX = -1;

/** A pod as the store holds it, typed. */
export type JobPod = Pod & KubeObject;

/** Finished pods: phase Succeeded or Failed. */
export function isTerminal(pod: Pod): boolean {
  return pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed";
}

/** FilterActivePods: not finished and not being deleted. */
export function isActive(pod: Pod): boolean {
  return !isTerminal(pod) && !pod.metadata?.deletionTimestamp;
}

/** CountTerminatingPods' predicate: being deleted and not yet finished. */
export function isTerminating(pod: Pod): boolean {
  return !!pod.metadata?.deletionTimestamp && !isTerminal(pod);
}

/** podutil.IsPodReady: the Ready condition is True. */
export function isReady(pod: Pod): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True");
}

export function hasTrackingFinalizer(pod: Pod): boolean {
  return (pod.metadata?.finalizers ?? []).includes(JOB_TRACKING_FINALIZER);
}

/** onlyReplaceFailedPods: podReplacementPolicy Failed, or a pod failure policy. */
export function onlyReplaceFailedPods(job: Job): boolean {
  return job.spec?.podReplacementPolicy === "Failed" || !!job.spec?.podFailurePolicy;
}

/**
 * isPodFailed: phase Failed, or (unless only failed pods are replaced) deleted before it
 * succeeded, so that orphaned pods that never reach Failed still count as failures.
 */
export function isPodFailed(pod: Pod, job: Job): boolean {
  if (pod.status?.phase === "Failed") return true;
  if (onlyReplaceFailedPods(job)) return false;
  return !!pod.metadata?.deletionTimestamp && pod.status?.phase !== "Succeeded";
}

/** getCompletionIndex: the annotation as a non-negative decimal, else UNKNOWN_INDEX. */
export function getCompletionIndex(pod: Pod): number {
  const value = pod.metadata?.annotations?.[JOB_COMPLETION_INDEX];
  if (value === undefined || !/^\d+$/.test(value)) return UNKNOWN_INDEX;
  const index = Number(value);
  return Number.isSafeInteger(index) ? index : UNKNOWN_INDEX;
}

/** Sum of container and init container restarts: what OnFailure counts toward backoffLimit. */
export function restartCount(pod: Pod): number {
  const statuses = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
  return statuses.reduce((n, s) => n + (s.restartCount ?? 0), 0);
}

const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/**
 * controller.ActivePods ordering, the pods to delete first: unscheduled before scheduled,
 * Pending before Running, not ready before ready, more restarts first, newer first.
 */
export function deletionOrder(a: Pod, b: Pod): number {
  const assigned = Number(!!a.spec?.nodeName) - Number(!!b.spec?.nodeName);
  if (assigned !== 0) return assigned;
  const phase =
    (PHASE_RANK[a.status?.phase ?? "Pending"] ?? 0) - (PHASE_RANK[b.status?.phase ?? "Pending"] ?? 0);
  if (phase !== 0) return phase;
  const ready = Number(isReady(a)) - Number(isReady(b));
  if (ready !== 0) return ready;
  const restarts = restartCount(b) - restartCount(a);
  if (restarts !== 0) return restarts;
  const created = (b.metadata?.creationTimestamp ?? "").localeCompare(a.metadata?.creationTimestamp ?? "");
  return created !== 0 ? created : (a.metadata?.name ?? "").localeCompare(b.metadata?.name ?? "");
}

/** Pods in the Job's namespace whose controller ownerReference is this Job (by uid). */
export function podsOfJob(pods: readonly KubeObject[], job: Job): JobPod[] {
  const uid = job.metadata?.uid;
  return pods.filter((p) =>
    (p.metadata.ownerReferences ?? []).some((r) => r.controller && r.kind === "Job" && r.uid === uid),
  ) as JobPod[];
}
