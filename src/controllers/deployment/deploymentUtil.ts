/**
 * Helpers of pkg/controller/deployment/util/deployment_util.go: revisions, the replica
 * annotations, finding the new and old ReplicaSets, and the rollout arithmetic.
 */
import type { KubeObject } from "../../api/types";
import { clone } from "../../api/types";
import { parseTimestamp } from "../../util/clock";
import { specReplicas } from "../replicaset/podUtil";
import { maxSurge, valueFromIntOrPercent } from "./fenceposts";
import { canonicalJson } from "./hash";

export const REVISION_ANNOTATION = "deployment.kubernetes.io/revision";
export const REVISION_HISTORY_ANNOTATION = "deployment.kubernetes.io/revision-history";
export const DESIRED_REPLICAS_ANNOTATION = "deployment.kubernetes.io/desired-replicas";
export const MAX_REPLICAS_ANNOTATION = "deployment.kubernetes.io/max-replicas";
export const POD_TEMPLATE_HASH_LABEL = "pod-template-hash";
const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
const MAX_INT32 = 2147483647;

/** Annotations a Deployment never copies to its ReplicaSets (annotationsToSkip). */
export const ANNOTATIONS_TO_SKIP = new Set([
  LAST_APPLIED,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  "deployment.kubernetes.io/error-selector-overlapping-with",
  "deployment.kubernetes.io/selector-updated-at",
]);

/** Revision: the revision annotation as a number (0 when absent, undefined when not a number). */
export function revisionOf(obj: KubeObject): number | undefined {
  const value = obj.metadata.annotations?.[REVISION_ANNOTATION];
  if (value === undefined) return 0;
  return /^[+-]?\d+$/.test(value) ? Number(value) : undefined;
}

/** MaxRevision over ReplicaSets (unparsable revisions skipped). */
export function maxRevision(rsList: KubeObject[]): number {
  return Math.max(0, ...rsList.map((rs) => revisionOf(rs) ?? 0));
}

/** EqualIgnoreHash: two pod templates equal apart from the pod-template-hash label. */
export function equalIgnoreHash(a: unknown, b: unknown): boolean {
  return canonicalJson(withoutHash(a)) === canonicalJson(withoutHash(b));
}

/** A copy of a pod template without the pod-template-hash label (empty labels dropped). */
export function withoutHash<T>(template: T): T {
  const copy = clone(template) as { metadata?: { labels?: Record<string, string> } } | undefined;
  const labels = copy?.metadata?.labels;
  if (labels) {
    delete labels[POD_TEMPLATE_HASH_LABEL];
    if (Object.keys(labels).length === 0) delete copy.metadata?.labels;
  }
  return copy as T;
}

/** ReplicaSetsByCreationTimestamp: oldest first, ties by name. */
export function byCreation(a: KubeObject, b: KubeObject): number {
  const ta = parseTimestamp(a.metadata.creationTimestamp) ?? 0;
  const tb = parseTimestamp(b.metadata.creationTimestamp) ?? 0;
  if (ta !== tb) return ta - tb;
  return (a.metadata.name ?? "") < (b.metadata.name ?? "") ? -1 : 1;
}

/** FindNewReplicaSet: the oldest ReplicaSet whose template is the Deployment's. */
export function findNewReplicaSet(d: KubeObject, rsList: KubeObject[]): KubeObject | undefined {
  return [...rsList].sort(byCreation).find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
}

/** FindOldReplicaSets' second result: every ReplicaSet but the new one. */
export function findOldReplicaSets(rsList: KubeObject[], newRS: KubeObject | undefined): KubeObject[] {
  return rsList.filter((rs) => rs.metadata.uid !== newRS?.metadata.uid);
}

/** FilterActiveReplicaSets: those with spec.replicas > 0. */
export function activeReplicaSets(rsList: (KubeObject | undefined)[]): KubeObject[] {
  return rsList.filter((rs): rs is KubeObject => rs !== undefined && specReplicas(rs) > 0);
}

/** GetReplicaCountForReplicaSets: the sum of spec.replicas. */
export function sumSpecReplicas(rsList: (KubeObject | undefined)[]): number {
  return rsList.reduce((n, rs) => n + (rs ? specReplicas(rs) : 0), 0);
}

/** The sum of a status count over ReplicaSets. */
export function sumStatus(
  rsList: (KubeObject | undefined)[],
  field: "replicas" | "readyReplicas" | "availableReplicas",
): number {
  return rsList.reduce((n, rs) => n + (rs?.status?.[field] ?? 0), 0);
}

/**
 * NewRSNewReplicas: the new ReplicaSet's next size. RollingUpdate grows it by what maxSurge
 * leaves room for, never past spec.replicas; Recreate jumps to spec.replicas.
 */
export function newRSNewReplicas(d: KubeObject, allRSs: KubeObject[], newRS: KubeObject): number {
  const replicas = specReplicas(d);
  if (d.spec?.strategy?.type === "Recreate") return replicas;
  const surge = valueFromIntOrPercent(d.spec?.strategy?.rollingUpdate?.maxSurge, replicas, true);
  const current = sumSpecReplicas(allRSs);
  const maxTotal = replicas + surge;
  if (current >= maxTotal) return specReplicas(newRS);
  const scaleUp = Math.min(maxTotal - current, replicas - specReplicas(newRS));
  return specReplicas(newRS) + scaleUp;
}

/** SetReplicasAnnotations: desired-replicas and max-replicas; true when they changed. */
export function setReplicasAnnotations(rs: KubeObject, desired: number, max: number): boolean {
  const annotations = (rs.metadata.annotations ??= {});
  let changed = false;
  for (const [key, value] of [
    [DESIRED_REPLICAS_ANNOTATION, String(desired)],
    [MAX_REPLICAS_ANNOTATION, String(max)],
  ]) {
    if (annotations[key] !== value) {
      annotations[key] = value;
      changed = true;
    }
  }
  return changed;
}

/**
 * SetNewReplicaSetAnnotations: copy the Deployment's annotations (but the skipped ones), raise
 * the revision (keeping the old one in revision-history when rolling back to this ReplicaSet)
 * and, for a ReplicaSet about to be created, the replica annotations. True when anything changed.
 */
export function setNewReplicaSetAnnotations(
  d: KubeObject,
  rs: KubeObject,
  newRevision: number,
  exists: boolean,
): boolean {
  const annotations = (rs.metadata.annotations ??= {});
  let changed = false;
  for (const [key, value] of Object.entries((d.metadata.annotations ?? {}) as Record<string, string>)) {
    if (ANNOTATIONS_TO_SKIP.has(key) || annotations[key] === value) continue;
    annotations[key] = value;
    changed = true;
  }
  const old = annotations[REVISION_ANNOTATION];
  if (old === undefined || Number(old) < newRevision) {
    annotations[REVISION_ANNOTATION] = String(newRevision);
    if (old !== undefined) {
      const history = annotations[REVISION_HISTORY_ANNOTATION];
      annotations[REVISION_HISTORY_ANNOTATION] = history ? `${history},${old}` : old;
    }
    changed = true;
  }
  if (!exists && setReplicasAnnotations(rs, specReplicas(d), specReplicas(d) + maxSurge(d))) changed = true;
  return changed;
}

/** IsSaturated: the new ReplicaSet holds, and has available, every desired replica. */
export function isSaturated(d: KubeObject, rs: KubeObject | undefined): boolean {
  if (!rs) return false;
  const desired = Number(rs.metadata.annotations?.[DESIRED_REPLICAS_ANNOTATION]);
  const replicas = specReplicas(d);
  return (
    specReplicas(rs) === replicas && desired === replicas && (rs.status?.availableReplicas ?? 0) === replicas
  );
}

/** HasProgressDeadline: set and not MaxInt32. */
export function hasProgressDeadline(d: KubeObject): boolean {
  const deadline = d.spec?.progressDeadlineSeconds;
  return deadline !== undefined && deadline !== MAX_INT32;
}

/** HasRevisionHistoryLimit: set and not MaxInt32. */
export function hasRevisionHistoryLimit(d: KubeObject): boolean {
  const limit = d.spec?.revisionHistoryLimit;
  return limit !== undefined && limit !== MAX_INT32;
}
