import type { KubeObject } from "../../api/types";
import { specReplicas } from "../replicaset/podUtil";
import { byCreation, hasRevisionHistoryLimit, revisionOf } from "./deploymentUtil";
import type { DeploymentSync } from "./syncContext";

/**
 * cleanupDeployment (sync.go): keeps at most revisionHistoryLimit old ReplicaSets, deleting
 * the lowest revisions first, and only those scaled to 0 with no pods left and their
 * generation observed.
 */
export function cleanupDeployment(s: DeploymentSync, oldRSs: KubeObject[]): void {
  if (!hasRevisionHistoryLimit(s.d)) return;
  const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
  const diff = cleanable.length - s.d.spec.revisionHistoryLimit;
  if (diff <= 0) return;
  // ReplicaSetsByRevision: by revision, ties by creation.
  cleanable.sort((a, b) => (revisionOf(a) ?? 0) - (revisionOf(b) ?? 0) || byCreation(a, b));
  for (const rs of cleanable.slice(0, diff)) {
    const busy = (rs.status?.replicas ?? 0) !== 0 || specReplicas(rs) !== 0;
    const unobserved = (rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0);
    if (busy || unobserved) continue;
    try {
      s.ctx.api.delete("ReplicaSet", rs.metadata.namespace ?? "", rs.metadata.name ?? "", {});
      s.actions.push(
        `deleted old replica set ${rs.metadata.name} (revisionHistoryLimit ${s.d.spec.revisionHistoryLimit})`,
      );
    } catch (error) {
      if ((error as { reason?: string }).reason !== "NotFound") throw error;
    }
  }
}
