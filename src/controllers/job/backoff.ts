/**
 * The Job controller's pod failure back-off (backoff_utils.go): after consecutive pod
 * failures, new pods wait 10s, 20s, 40s … capped at 10 minutes, counted from the last failure.
 */
import type { Pod } from "kubernetes-types/core/v1";
import { parseTimestamp } from "../../util/clock";

/** DefaultJobPodFailureBackOff. */
export const DEFAULT_POD_FAILURE_BACKOFF_MS = 10_000;
/** MaxJobPodFailureBackOff (the code's value; the docs still say six minutes). */
export const MAX_POD_FAILURE_BACKOFF_MS = 600_000;

/** backoffRecord: failures since the last success and when the last one happened. */
export interface BackoffRecord {
  failuresAfterLastSuccess: number;
  lastFailureTime?: number;
}

/**
 * newBackoffRecord: folds newly finished pods into the previous record. A success resets
 * the count; only failures after the latest success count.
 */
export function nextBackoffRecord(
  old: BackoffRecord | undefined,
  succeeded: Pod[],
  failed: Pod[],
): BackoffRecord {
  const record: BackoffRecord = { ...(old ?? { failuresAfterLastSuccess: 0 }) };
  const failTimes = failed.map(finishedTime).sort((a, b) => a - b);
  if (succeeded.length === 0) {
    if (failTimes.length === 0) return record;
    return {
      failuresAfterLastSuccess: record.failuresAfterLastSuccess + failTimes.length,
      lastFailureTime: failTimes[failTimes.length - 1],
    };
  }
  const lastSuccess = Math.max(...succeeded.map(finishedTime));
  const after = failTimes.filter((t) => t > lastSuccess);
  return {
    failuresAfterLastSuccess: after.length,
    lastFailureTime: after.length ? after[after.length - 1] : undefined,
  };
}

/** How long pod creation must still wait (0 when it may go ahead). */
export function remainingBackoffMs(record: BackoffRecord, now: number): number {
  if (record.failuresAfterLastSuccess === 0 || record.lastFailureTime === undefined) return 0;
  let delay = DEFAULT_POD_FAILURE_BACKOFF_MS;
  for (let i = 1; i < record.failuresAfterLastSuccess; i++) {
    delay *= 2;
    if (delay >= MAX_POD_FAILURE_BACKOFF_MS) {
      delay = MAX_POD_FAILURE_BACKOFF_MS;
      break;
    }
  }
  const elapsed = now - record.lastFailureTime;
  return delay < elapsed ? 0 : delay - elapsed;
}

/**
 * getFinishedTime: the latest container finish, else when Ready turned False, else the
 * deletion time minus the grace period, else the creation time.
 */
export function finishedTime(pod: Pod): number {
  return (
    containersFinishedAt(pod) ??
    readyFalseAt(pod) ??
    deletedAt(pod) ??
    parseTimestamp(pod.metadata?.creationTimestamp) ??
    0
  );
}

function containersFinishedAt(pod: Pod): number | undefined {
  const statuses = pod.status?.containerStatuses ?? [];
  if (statuses.length === 0) return undefined;
  let latest: number | undefined;
  for (const s of statuses) {
    const at = parseTimestamp(s.state?.terminated?.finishedAt);
    if (at === undefined) return undefined;
    latest = latest === undefined ? at : Math.max(latest, at);
  }
  return latest;
}

function readyFalseAt(pod: Pod): number | undefined {
  const ready = pod.status?.conditions?.find((c) => c.type === "Ready");
  return ready?.status === "False" ? parseTimestamp(ready.lastTransitionTime) : undefined;
}

function deletedAt(pod: Pod): number | undefined {
  const at = parseTimestamp(pod.metadata?.deletionTimestamp);
  return at === undefined ? undefined : at - (pod.metadata?.deletionGracePeriodSeconds ?? 0) * 1000;
}
