/**
 * Job conditions as the controller writes them (job_controller.go newCondition,
 * ensureJobConditionStatus; pkg/controller/job/util IsJobFinished).
 */
import type { Job, JobCondition } from "kubernetes-types/batch/v1";
import { formatTimestamp } from "../../util/clock";

/** A condition with both probe and transition time set to now. */
export function newCondition(
  type: string,
  status: string,
  reason: string,
  message: string,
  now: number,
): JobCondition {
  const at = formatTimestamp(now);
  const condition: JobCondition = { type, status, lastProbeTime: at, lastTransitionTime: at };
  if (reason) condition.reason = reason;
  if (message) condition.message = message;
  return condition;
}

export function findCondition(
  conditions: readonly JobCondition[] | undefined,
  type: string,
): JobCondition | undefined {
  return (conditions ?? []).find((c) => c.type === type);
}

/**
 * ensureJobConditionStatus: replaces a condition of that type when status, reason or
 * message differ, or appends it unless it would be a new False one. Returns whether it changed.
 */
export function ensureCondition(
  conditions: JobCondition[],
  type: string,
  status: string,
  reason: string,
  message: string,
  now: number,
): boolean {
  const i = conditions.findIndex((c) => c.type === type);
  if (i >= 0) {
    const c = conditions[i];
    if (c.status === status && (c.reason ?? "") === reason && (c.message ?? "") === message) return false;
    conditions[i] = newCondition(type, status, reason, message, now);
    return true;
  }
  if (status === "False") return false;
  conditions.push(newCondition(type, status, reason, message, now));
  return true;
}

/** IsJobFinished's condition: the first Complete or Failed condition that is True. */
export function finishedCondition(job: Job): JobCondition | undefined {
  return (job.status?.conditions ?? []).find(
    (c) => (c.type === "Complete" || c.type === "Failed") && c.status === "True",
  );
}

/** IsJobFinished. */
export function isJobFinished(job: Job): boolean {
  return finishedCondition(job) !== undefined;
}
