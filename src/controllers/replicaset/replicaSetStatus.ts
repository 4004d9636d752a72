/**
 * The ReplicaSet's status as replica_set_utils.go computes it (calculateStatus,
 * updateReplicaSetStatus), written only when it changed.
 */
import { jsonEqual } from "../../api/jsonData";
import type { KubeObject } from "../../api/types";
import { selectorFromSet } from "../../apimachinery/labels";
import { formatTimestamp } from "../../util/clock";
import type { ControllerContext } from "../controller";
import { isPodAvailable, isPodReady } from "./podUtil";

interface ReplicaSetCondition {
  type: string;
  status: string;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

/**
 * The status for the pods the ReplicaSet owns before this sync's changes, as Kubernetes reports
 * it: replicas (active pods), fullyLabeled/ready/available counts (available honours
 * minReadySeconds), observedGeneration, and a ReplicaFailure condition while create/delete fails.
 * Zero counts are omitted as Go's `omitempty` omits them.
 */
export function calculateStatus(
  rs: KubeObject,
  pods: KubeObject[],
  manageError: Error | undefined,
  nowMs: number,
): Record<string, unknown> {
  const templateLabels = selectorFromSet(rs.spec?.template?.metadata?.labels ?? {});
  const minReady = rs.spec?.minReadySeconds ?? 0;
  const fullyLabeled = pods.filter((p) => templateLabels.matches(p.metadata.labels ?? {})).length;
  const ready = pods.filter(isPodReady).length;
  const available = pods.filter((p) => isPodAvailable(p, minReady, nowMs)).length;
  return statusFromCounts(rs, { replicas: pods.length, fullyLabeled, ready, available }, manageError, nowMs);
}

/** The replica counts a ReplicaSet's status reports. */
export interface ReplicaCounts {
  replicas: number;
  fullyLabeled: number;
  ready: number;
  available: number;
}

/** calculateStatus from counts already taken (the controller's index keeps them). */
export function statusFromCounts(
  rs: KubeObject,
  counts: ReplicaCounts,
  manageError: Error | undefined,
  nowMs: number,
): Record<string, unknown> {
  const { fullyLabeled, ready, available } = counts;
  const status: Record<string, unknown> = { replicas: counts.replicas };
  if (fullyLabeled) status.fullyLabeledReplicas = fullyLabeled;
  if (ready) status.readyReplicas = ready;
  if (available) status.availableReplicas = available;
  if (rs.metadata.generation) status.observedGeneration = rs.metadata.generation;
  const conditions = failureConditions(rs, counts.replicas, manageError, nowMs);
  if (conditions.length > 0) status.conditions = conditions;
  return status;
}

function failureConditions(
  rs: KubeObject,
  podCount: number,
  manageError: Error | undefined,
  nowMs: number,
): ReplicaSetCondition[] {
  const existing: ReplicaSetCondition[] = rs.status?.conditions ?? [];
  const failure = existing.find((c) => c.type === "ReplicaFailure");
  if (manageError && !failure) {
    const diff = podCount - (rs.spec?.replicas ?? 1);
    const reason = diff < 0 ? "FailedCreate" : diff > 0 ? "FailedDelete" : "";
    const condition = {
      type: "ReplicaFailure",
      status: "True",
      lastTransitionTime: formatTimestamp(nowMs),
      reason,
      message: manageError.message,
    };
    return [...existing, condition];
  }
  if (!manageError && failure) return existing.filter((c) => c.type !== "ReplicaFailure");
  return existing;
}

/** Writes the status when it differs from the stored one; returns the ReplicaSet as stored. */
export function writeStatus(
  rs: KubeObject,
  status: Record<string, unknown>,
  ctx: ControllerContext,
): KubeObject {
  if (jsonEqual(rs.status ?? {}, status)) return rs;
  return ctx.api.updateStatus({ ...rs, status });
}
