import type { PodTemplateSpec } from "kubernetes-types/core/v1";
import { PrefixWriter } from "../describe/prefixWriter";
import { describePodTemplate as describeTemplateSection } from "../describe/sections";
/**
 * `kubectl rollout history` and `rollout undo` for Deployments (kubectl's
 * polymorphichelpers/history.go and rollback.go): revisions live in the ReplicaSets.
 */
import type { KubeObject } from "../../api/types";
import { clone } from "../../api/types";
import {
  ANNOTATIONS_TO_SKIP,
  equalIgnoreHash,
  revisionOf,
  withoutHash,
} from "../../controllers/deployment/deploymentUtil";
import { controllerOf } from "../../controllers/replicaset/podUtil";
import type { Cluster } from "../../cluster";
import { KubectlError } from "../verb";

const CHANGE_CAUSE = "kubernetes.io/change-cause";

/** GetAllReplicaSets: the ReplicaSets the Deployment controls. */
export function replicaSetsOf(cluster: Cluster, d: KubeObject): KubeObject[] {
  return cluster.store
    .list("ReplicaSet", d.metadata.namespace ?? "")
    .filter((rs) => controllerOf(rs)?.uid === d.metadata.uid);
}

/** GetHistory: the Deployment's ReplicaSets by revision (those without one are left out). */
export function replicaSetsByRevision(cluster: Cluster, d: KubeObject): Map<number, KubeObject> {
  const byRevision = new Map<number, KubeObject>();
  for (const rs of replicaSetsOf(cluster, d)) {
    const v = revisionOf(rs);
    if (v !== undefined) byRevision.set(v, rs);
  }
  return byRevision;
}

/** ViewHistory: the REVISION/CHANGE-CAUSE table, or one revision's pod template. */
export function viewHistory(cluster: Cluster, d: KubeObject, revision: number): string {
  const byRevision = new Map<number, KubeObject>();
  for (const [v, rs] of replicaSetsByRevision(cluster, d)) {
    const template = clone(rs.spec?.template ?? {});
    const cause = rs.metadata.annotations?.[CHANGE_CAUSE];
    template.metadata = { ...template.metadata, annotations: { ...template.metadata?.annotations } };
    if (cause) template.metadata.annotations[CHANGE_CAUSE] = cause;
    byRevision.set(v, template);
  }
  if (byRevision.size === 0) return "No rollout history found.";
  if (revision > 0) {
    const template = byRevision.get(revision);
    if (!template) throw new KubectlError("error: unable to find the specified revision");
    return describePodTemplate(template);
  }
  const rows = [...byRevision.keys()]
    .sort((a, b) => a - b)
    .map((r) => [String(r), byRevision.get(r)?.metadata.annotations?.[CHANGE_CAUSE] || "<none>"]);
  // history.go's tabwriter pads with 2 spaces (kubectl get's tables use 3).
  const width = Math.max(...[["REVISION"], ...rows].map((r) => r[0].length)) + 2;
  return [["REVISION", "CHANGE-CAUSE"], ...rows].map(([r, cause]) => `${r.padEnd(width)}${cause}\n`).join("");
}

/**
 * DeploymentRollbacker.Rollback: puts the target revision's template (without its hash label)
 * and annotations back on the Deployment. Returns kubectl's outcome words.
 */
export function rollbackDeployment(
  cluster: Cluster,
  d: KubeObject,
  toRevision: number,
  dryRun: boolean,
): string {
  if (toRevision < 0)
    throw new KubectlError(`error: unable to find specified revision ${toRevision} in history`);
  const target = revisionReplicaSet(cluster, d, toRevision);
  if (dryRun) return `will roll back to ${describePodTemplate(target.spec.template)}`;
  if (d.spec?.paused) {
    throw new KubectlError(
      `error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/${d.metadata.name}' and try again`,
    );
  }
  if (equalIgnoreHash(target.spec.template, d.spec.template))
    return `skipped rollback (current template already matches revision ${toRevision})`;
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries((d.metadata.annotations ?? {}) as Record<string, string>))
    if (ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  for (const [k, v] of Object.entries((target.metadata.annotations ?? {}) as Record<string, string>))
    if (!ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  const updated = clone(d);
  updated.spec.template = withoutHash(target.spec.template);
  updated.metadata.annotations = annotations;
  cluster.api.update(updated);
  return "rolled back";
}

/** deploymentRevision: the ReplicaSet of `toRevision`, or of the previous revision for 0. */
function revisionReplicaSet(cluster: Cluster, d: KubeObject, toRevision: number): KubeObject {
  const ranked = replicaSetsOf(cluster, d)
    .map((rs) => ({ rs, v: revisionOf(rs) }))
    .filter((e): e is { rs: KubeObject; v: number } => e.v !== undefined);
  if (toRevision > 0) {
    const found = ranked.find((e) => e.v === toRevision);
    if (!found) throw new KubectlError(`error: unable to find specified revision ${toRevision} in history`);
    return found.rs;
  }
  const sorted = ranked.sort((a, b) => b.v - a.v);
  if (sorted.length < 2)
    throw new KubectlError(`error: no rollout history found for deployment "${d.metadata.name}"`);
  return sorted[1].rs;
}

/** The pod template as `kubectl describe` prints it (DescribePodTemplate), as history and undo show it. */
export function describePodTemplate(template: PodTemplateSpec | undefined): string {
  const w = new PrefixWriter();
  describeTemplateSection(w, template);
  // kubectl's printTemplate hands DescribePodTemplate a plain buffer: the tabs stay unaligned.
  return w.unaligned();
}
