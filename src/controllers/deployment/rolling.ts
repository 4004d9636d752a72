/**
 * The RollingUpdate strategy (rolling.go): grow the new ReplicaSet within maxSurge, shrink
 * old ones within maxUnavailable, unhealthy old replicas first.
 */
import type { KubeObject } from "../../api/types";
import { specReplicas } from "../replicaset/podUtil";
import { deploymentComplete } from "./conditions";
import {
  activeReplicaSets,
  byCreation,
  newRSNewReplicas,
  sumSpecReplicas,
  sumStatus,
} from "./deploymentUtil";
import { maxUnavailable } from "./fenceposts";
import { getAllReplicaSetsAndSyncRevision } from "./newReplicaSet";
import { cleanupDeployment } from "./cleanup";
import { scaleAndRecord } from "./scaling";
import { syncRolloutStatus } from "./status";
import type { DeploymentSync } from "./syncContext";

/** rolloutRolling: one step of a rolling update, then the rollout status. */
export function rolloutRolling(s: DeploymentSync, rsList: KubeObject[]): void {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(s, rsList, true);
  if (!newRS) return;
  const allRSs = [...oldRSs, newRS];
  if (reconcileNewReplicaSet(s, allRSs, newRS)) return syncRolloutStatus(s, allRSs, newRS);
  if (reconcileOldReplicaSets(s, allRSs, activeReplicaSets(oldRSs), newRS))
    return syncRolloutStatus(s, allRSs, newRS);
  if (deploymentComplete(s.d, s.d.status ?? {})) cleanupDeployment(s, oldRSs);
  syncRolloutStatus(s, allRSs, newRS);
}

function reconcileNewReplicaSet(s: DeploymentSync, allRSs: KubeObject[], newRS: KubeObject): boolean {
  const replicas = specReplicas(s.d);
  if (specReplicas(newRS) === replicas) return false;
  if (specReplicas(newRS) > replicas) return scaleAndRecord(s, newRS, replicas).scaled;
  return scaleAndRecord(s, newRS, newRSNewReplicas(s.d, allRSs, newRS)).scaled;
}

/**
 * reconcileOldReplicaSets: may scale down by allPods - minAvailable - newRSUnavailable,
 * first the old replicas that are not available, then available ones while availability allows.
 */
function reconcileOldReplicaSets(
  s: DeploymentSync,
  allRSs: KubeObject[],
  oldRSs: KubeObject[],
  newRS: KubeObject,
): boolean {
  if (sumSpecReplicas(oldRSs) === 0) return false;
  const minAvailable = specReplicas(s.d) - maxUnavailable(s.d);
  const newRSUnavailable = specReplicas(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = sumSpecReplicas(allRSs) - minAvailable - newRSUnavailable;
  if (maxScaledDown <= 0) return false;
  const cleaned = cleanupUnhealthyReplicas(s, oldRSs, maxScaledDown);
  const scaledDown = scaleDownOldReplicaSets(s, [...cleaned.oldRSs, newRS], cleaned.oldRSs);
  return cleaned.count + scaledDown > 0;
}

/** cleanupUnhealthyReplicas: drop old replicas that are not available, oldest ReplicaSet first. */
function cleanupUnhealthyReplicas(
  s: DeploymentSync,
  oldRSs: KubeObject[],
  maxCleanup: number,
): { oldRSs: KubeObject[]; count: number } {
  const sorted = [...oldRSs].sort(byCreation);
  let total = 0;
  for (let i = 0; i < sorted.length && total < maxCleanup; i++) {
    const rs = sorted[i];
    const unhealthy = specReplicas(rs) - (rs.status?.availableReplicas ?? 0);
    if (specReplicas(rs) === 0 || unhealthy <= 0) continue;
    const count = Math.min(maxCleanup - total, unhealthy);
    sorted[i] = scaleAndRecord(s, rs, specReplicas(rs) - count).rs;
    total += count;
  }
  return { oldRSs: sorted, count: total };
}

/** scaleDownOldReplicaSetsForRollingUpdate: shrink old ReplicaSets while available pods exceed minAvailable. */
function scaleDownOldReplicaSets(s: DeploymentSync, allRSs: KubeObject[], oldRSs: KubeObject[]): number {
  const minAvailable = specReplicas(s.d) - maxUnavailable(s.d);
  const available = sumStatus(allRSs, "availableReplicas");
  if (available <= minAvailable) return 0;
  const target = available - minAvailable;
  let total = 0;
  for (const rs of [...oldRSs].sort(byCreation)) {
    if (total >= target) break;
    if (specReplicas(rs) === 0) continue;
    const count = Math.min(specReplicas(rs), target - total);
    scaleAndRecord(s, rs, specReplicas(rs) - count);
    total += count;
  }
  return total;
}
