/**
 * Deployment conditions (deployment_util.go NewDeploymentCondition, SetDeploymentCondition,
 * RemoveDeploymentCondition) and their reasons.
 */
import type { KubeObject } from "../../api/types";
import { formatTimestamp, parseTimestamp } from "../../util/clock";
import { specReplicas } from "../replicaset/podUtil";
import { hasProgressDeadline } from "./deploymentUtil";

/** A DeploymentCondition, in the field order Kubernetes serialises. */
export interface DeploymentCondition {
  type: "Available" | "Progressing" | "ReplicaFailure";
  status: "True" | "False" | "Unknown";
  lastUpdateTime: string;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

export const REASON = {
  replicaSetUpdated: "ReplicaSetUpdated",
  newReplicaSet: "NewReplicaSetCreated",
  foundNewRS: "FoundNewReplicaSet",
  newRSAvailable: "NewReplicaSetAvailable",
  timedOut: "ProgressDeadlineExceeded",
  paused: "DeploymentPaused",
  resumed: "DeploymentResumed",
  minimumReplicasAvailable: "MinimumReplicasAvailable",
  minimumReplicasUnavailable: "MinimumReplicasUnavailable",
} as const;

/** NewDeploymentCondition, stamped now. */
export function newCondition(
  type: DeploymentCondition["type"],
  status: DeploymentCondition["status"],
  reason: string,
  message: string,
  nowMs: number,
): DeploymentCondition {
  const now = formatTimestamp(nowMs);
  return { type, status, lastUpdateTime: now, lastTransitionTime: now, reason, message };
}

/** GetDeploymentCondition. */
export function getCondition(
  status: { conditions?: DeploymentCondition[] } | undefined,
  type: string,
): DeploymentCondition | undefined {
  return status?.conditions?.find((c) => c.type === type);
}

/**
 * SetDeploymentCondition: nothing when status and reason are unchanged; keeps the
 * lastTransitionTime when only the reason changes; the condition moves to the end.
 */
export function setCondition(
  status: { conditions?: DeploymentCondition[] },
  condition: DeploymentCondition,
): void {
  const current = getCondition(status, condition.type);
  if (current && current.status === condition.status && current.reason === condition.reason) return;
  const next = { ...condition };
  if (current && current.status === condition.status) next.lastTransitionTime = current.lastTransitionTime;
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== condition.type), next];
}

/** RemoveDeploymentCondition. */
export function removeCondition(status: { conditions?: DeploymentCondition[] }, type: string): void {
  const kept = (status.conditions ?? []).filter((c) => c.type !== type);
  if (kept.length > 0) status.conditions = kept;
  else delete status.conditions;
}

/** The status counts a rollout is judged by. */
export interface RolloutCounts {
  replicas?: number;
  updatedReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  observedGeneration?: number;
}

/** DeploymentComplete: every desired replica updated and available, none old, generation observed. */
export function deploymentComplete(d: KubeObject, status: RolloutCounts): boolean {
  const replicas = specReplicas(d);
  return (
    (status.updatedReplicas ?? 0) === replicas &&
    (status.replicas ?? 0) === replicas &&
    (status.availableReplicas ?? 0) === replicas &&
    (status.observedGeneration ?? 0) >= (d.metadata.generation ?? 0)
  );
}

/** DeploymentProgressing: more updated, ready or available pods, or fewer old ones, than before. */
export function deploymentProgressing(d: KubeObject, next: RolloutCounts): boolean {
  const old: RolloutCounts = d.status ?? {};
  const n = (v: number | undefined) => v ?? 0;
  return (
    n(next.updatedReplicas) > n(old.updatedReplicas) ||
    n(next.replicas) - n(next.updatedReplicas) < n(old.replicas) - n(old.updatedReplicas) ||
    n(next.readyReplicas) > n(old.readyReplicas) ||
    n(next.availableReplicas) > n(old.availableReplicas)
  );
}

/** DeploymentTimedOut: no progress reported for progressDeadlineSeconds (or already timed out). */
export function deploymentTimedOut(
  d: KubeObject,
  status: { conditions?: DeploymentCondition[] },
  nowMs: number,
): boolean {
  if (!hasProgressDeadline(d)) return false;
  const condition = getCondition(status, "Progressing");
  if (!condition || condition.reason === REASON.newRSAvailable) return false;
  if (condition.reason === REASON.timedOut) return true;
  const from = parseTimestamp(condition.lastUpdateTime) ?? nowMs;
  return from + d.spec.progressDeadlineSeconds * 1000 < nowMs;
}
