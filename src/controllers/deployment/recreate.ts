/**
 * The Recreate strategy (recreate.go): scale every old ReplicaSet to 0, wait until no old pod
 * is left running, then create and scale up the new one.
 */
import type { KubeObject } from "../../api/types";
import { specReplicas } from "../replicaset/podUtil";
import { cleanupDeployment } from "./cleanup";
import { deploymentComplete } from "./conditions";
import { activeReplicaSets, sumStatus } from "./deploymentUtil";
import { getAllReplicaSetsAndSyncRevision } from "./newReplicaSet";
import { scaleAndRecord } from "./scaling";
import { syncRolloutStatus } from "./status";
import type { DeploymentSync } from "./syncContext";

/** rolloutRecreate: `pods` are the Deployment's pods (owned by its ReplicaSets). */
export function rolloutRecreate(s: DeploymentSync, rsList: KubeObject[], pods: KubeObject[]): void {
  let { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(s, rsList, false);
  let scaledDown = false;
  for (const rs of activeReplicaSets(oldRSs)) scaledDown = scaleAndRecord(s, rs, 0).scaled || scaledDown;
  if (scaledDown || oldPodsRunning(newRS, oldRSs, pods))
    return syncRolloutStatus(s, [...oldRSs, newRS], newRS);
  if (!newRS) ({ newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(s, rsList, true));
  if (!newRS) return;
  if (specReplicas(newRS) !== specReplicas(s.d)) newRS = scaleAndRecord(s, newRS, specReplicas(s.d)).rs;
  if (deploymentComplete(s.d, s.d.status ?? {})) cleanupDeployment(s, oldRSs);
  syncRolloutStatus(s, [...oldRSs, newRS], newRS);
}

/** oldPodsRunning: old ReplicaSets still report pods, or an old pod has not finished. */
function oldPodsRunning(newRS: KubeObject | undefined, oldRSs: KubeObject[], pods: KubeObject[]): boolean {
  if (sumStatus(oldRSs, "replicas") > 0) return true;
  const newUid = newRS?.metadata.uid;
  return pods.some((pod) => {
    const owner = pod.metadata.ownerReferences?.find((r) => r.controller);
    if (owner?.uid === newUid) return false;
    return pod.status?.phase !== "Failed" && pod.status?.phase !== "Succeeded";
  });
}
