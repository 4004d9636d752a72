/**
 * The Deployment's status and progress (sync.go calculateStatus, syncDeploymentStatus,
 * checkPausedConditions; progress.go syncRolloutStatus, requeueStuckDeployment).
 */
import type { KubeObject } from "../../api/types";
import { clone } from "../../api/types";
import { parseTimestamp } from "../../util/clock";
import { specReplicas } from "../replicaset/podUtil";
import {
  type DeploymentCondition,
  deploymentComplete,
  deploymentProgressing,
  deploymentTimedOut,
  getCondition,
  newCondition,
  REASON,
  removeCondition,
  setCondition,
} from "./conditions";
import { hasProgressDeadline, sumSpecReplicas, sumStatus } from "./deploymentUtil";
import { maxUnavailable } from "./fenceposts";
import type { DeploymentSync } from "./syncContext";

type Status = Record<string, unknown> & {
  conditions?: DeploymentCondition[];
  replicas?: number;
  updatedReplicas?: number;
};

/**
 * calculateStatus: counts summed over the ReplicaSets (updated = the new one's pods), the
 * conditions carried over, and Available set from minimum availability (replicas - maxUnavailable).
 * Zero counts are omitted, as Go's omitempty does.
 */
export function calculateStatus(
  s: DeploymentSync,
  allRSs: (KubeObject | undefined)[],
  newRS: KubeObject | undefined,
): Status {
  const d = s.d;
  const available = sumStatus(allRSs, "availableReplicas");
  const counts: [string, number | undefined][] = [
    ["observedGeneration", d.metadata.generation],
    ["replicas", sumStatus(allRSs, "replicas")],
    ["updatedReplicas", sumStatus([newRS], "replicas")],
    ["readyReplicas", sumStatus(allRSs, "readyReplicas")],
    ["availableReplicas", available],
    ["unavailableReplicas", Math.max(0, sumSpecReplicas(allRSs) - available)],
    ["collisionCount", d.status?.collisionCount],
  ];
  const status: Status = {};
  for (const [key, value] of counts) if (value) status[key] = value;
  if (d.status?.conditions) status.conditions = clone(d.status.conditions);
  const minimumMet = available >= specReplicas(d) - maxUnavailable(d);
  const condition = minimumMet
    ? newCondition(
        "Available",
        "True",
        REASON.minimumReplicasAvailable,
        "Deployment has minimum availability.",
        s.now(),
      )
    : newCondition(
        "Available",
        "False",
        REASON.minimumReplicasUnavailable,
        "Deployment does not have minimum availability.",
        s.now(),
      );
  setCondition(status, condition);
  return status;
}

/** syncDeploymentStatus: writes the calculated status when it changed. */
export function syncDeploymentStatus(
  s: DeploymentSync,
  allRSs: (KubeObject | undefined)[],
  newRS: KubeObject | undefined,
): void {
  const status = calculateStatus(s, allRSs, newRS);
  if (JSON.stringify(status) === JSON.stringify(s.d.status ?? {})) return;
  s.d.status = status;
  s.writeStatus();
}

/**
 * syncRolloutStatus: the status plus the Progressing condition (NewReplicaSetAvailable once
 * complete, ReplicaSetUpdated on progress, ProgressDeadlineExceeded after the deadline); when
 * nothing changed, schedules the next deadline check.
 */
export function syncRolloutStatus(
  s: DeploymentSync,
  allRSs: (KubeObject | undefined)[],
  newRS: KubeObject | undefined,
): void {
  const d = s.d;
  const status = calculateStatus(s, allRSs, newRS);
  if (!hasProgressDeadline(d)) removeCondition(status, "Progressing");
  const current = getCondition(d.status, "Progressing");
  const isComplete = status.replicas === status.updatedReplicas && current?.reason === REASON.newRSAvailable;
  if (hasProgressDeadline(d) && !isComplete) updateProgressing(s, status, newRS, current);
  if (JSON.stringify(status) === JSON.stringify(d.status ?? {})) {
    requeueStuckDeployment(s, status);
    return;
  }
  s.d.status = status;
  s.writeStatus();
}

function updateProgressing(
  s: DeploymentSync,
  status: Status,
  newRS: KubeObject | undefined,
  current: DeploymentCondition | undefined,
): void {
  const d = s.d;
  const subject = newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${d.metadata.name}"`;
  if (deploymentComplete(d, status)) {
    setCondition(
      status,
      newCondition(
        "Progressing",
        "True",
        REASON.newRSAvailable,
        `${subject} has successfully progressed.`,
        s.now(),
      ),
    );
  } else if (deploymentProgressing(d, status)) {
    const condition = newCondition(
      "Progressing",
      "True",
      REASON.replicaSetUpdated,
      `${subject} is progressing.`,
      s.now(),
    );
    // Progress refreshes lastUpdateTime even when the reason is unchanged.
    if (current) {
      if (current.status === "True") condition.lastTransitionTime = current.lastTransitionTime;
      removeCondition(status, "Progressing");
    }
    setCondition(status, condition);
  } else if (deploymentTimedOut(d, status, s.now())) {
    setCondition(
      status,
      newCondition("Progressing", "False", REASON.timedOut, `${subject} has timed out progressing.`, s.now()),
    );
  }
}

/** requeueStuckDeployment: look again when the progress deadline would pass. */
function requeueStuckDeployment(s: DeploymentSync, status: Status): void {
  const d = s.d;
  const current = getCondition(d.status, "Progressing");
  if (!hasProgressDeadline(d) || !current) return;
  if (deploymentComplete(d, status) || current.reason === REASON.timedOut) return;
  const lastUpdate = parseTimestamp(current.lastUpdateTime) ?? s.now();
  const after = lastUpdate + d.spec.progressDeadlineSeconds * 1000 - s.now();
  // A second extra, as the Go code adds, so the check lands past the deadline.
  s.requeueAfterMs = after < 1000 ? Math.max(after + 1, 5) : after + 1000;
}

/**
 * checkPausedConditions: Progressing Unknown DeploymentPaused while paused, DeploymentResumed
 * after, so a paused stretch never counts against the progress deadline.
 */
export function checkPausedConditions(s: DeploymentSync): void {
  const d = s.d;
  if (!hasProgressDeadline(d)) return;
  const current = getCondition(d.status, "Progressing");
  if (current?.reason === REASON.timedOut) return;
  const pausedCondition = current?.reason === REASON.paused;
  let condition: DeploymentCondition | undefined;
  if (d.spec.paused && !pausedCondition) {
    condition = newCondition("Progressing", "Unknown", REASON.paused, "Deployment is paused", s.now());
  } else if (!d.spec.paused && pausedCondition) {
    condition = newCondition("Progressing", "Unknown", REASON.resumed, "Deployment is resumed", s.now());
  }
  if (!condition) return;
  setCondition((d.status ??= {}), condition);
  s.writeStatus();
}
