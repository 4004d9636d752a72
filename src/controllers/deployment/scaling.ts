/**
 * Resizing ReplicaSets (sync.go scale, scaleReplicaSet, scaleReplicaSetAndRecordEvent) and
 * proportional scaling (deployment_util.go GetProportion, getReplicaSetFraction).
 */
import type { KubeObject } from "../../api/types";
import { clone } from "../../api/types";
import { specReplicas } from "../replicaset/podUtil";
import {
  activeReplicaSets,
  byCreation,
  isSaturated,
  MAX_REPLICAS_ANNOTATION,
  setReplicasAnnotations,
  sumSpecReplicas,
} from "./deploymentUtil";
import { isRollingUpdate, maxSurge } from "./fenceposts";
import type { DeploymentSync } from "./syncContext";

/** scaleReplicaSetAndRecordEvent: resizes when the size differs; returns whether it did, and the ReplicaSet. */
export function scaleAndRecord(
  s: DeploymentSync,
  rs: KubeObject,
  newScale: number,
): { scaled: boolean; rs: KubeObject } {
  if (specReplicas(rs) === newScale) return { scaled: false, rs };
  return scaleReplicaSet(s, rs, newScale, specReplicas(rs) < newScale ? "up" : "down");
}

/**
 * scaleReplicaSet: writes the size and the desired/max replica annotations when either
 * changed; a size change gets the `Scaled up|down replica set X from A to B` event.
 */
export function scaleReplicaSet(
  s: DeploymentSync,
  rs: KubeObject,
  newScale: number,
  operation: string,
): { scaled: boolean; rs: KubeObject } {
  const desired = specReplicas(s.d);
  const max = desired + maxSurge(s.d);
  const copy = clone(rs);
  const annotationsChanged = setReplicasAnnotations(copy, desired, max);
  const oldScale = specReplicas(rs);
  if (oldScale === newScale && !annotationsChanged) return { scaled: false, rs };
  copy.spec.replicas = newScale;
  const stored = s.updateReplicaSet(copy);
  if (oldScale === newScale) return { scaled: false, rs: stored };
  s.event(
    "ScalingReplicaSet",
    `Scaled ${operation} replica set ${rs.metadata.name} from ${oldScale} to ${newScale}`,
  );
  s.actions.push(`scaled ${operation} replica set ${rs.metadata.name} from ${oldScale} to ${newScale}`);
  return { scaled: true, rs: stored };
}

/**
 * scale: a scaling event (spec.replicas changed, or paused). One active ReplicaSet takes the
 * full count; a saturated new one means old ones go to 0; otherwise a rolling Deployment
 * spreads the change proportionally, largest ReplicaSets first, leftovers to the first.
 */
export function scale(s: DeploymentSync, newRS: KubeObject | undefined, oldRSs: KubeObject[]): void {
  const replicas = specReplicas(s.d);
  const activeOrLatest = findActiveOrLatest(newRS, oldRSs);
  if (activeOrLatest) {
    if (specReplicas(activeOrLatest) !== replicas) scaleAndRecord(s, activeOrLatest, replicas);
    return;
  }
  if (isSaturated(s.d, newRS)) {
    for (const old of activeReplicaSets(oldRSs)) scaleAndRecord(s, old, 0);
    return;
  }
  if (isRollingUpdate(s.d)) scaleProportionally(s, activeReplicaSets([...oldRSs, newRS]));
}

function scaleProportionally(s: DeploymentSync, allRSs: KubeObject[]): void {
  const replicas = specReplicas(s.d);
  const allowed = replicas > 0 ? replicas + maxSurge(s.d) : 0;
  const toAdd = allowed - sumSpecReplicas(allRSs);
  // ReplicaSetsBySizeNewer when growing, BySizeOlder when shrinking: larger first, then by age.
  const newerFirst = toAdd > 0;
  allRSs.sort(
    (a, b) => specReplicas(b) - specReplicas(a) || (newerFirst ? byCreation(b, a) : byCreation(a, b)),
  );
  const operation = toAdd > 0 ? "up" : toAdd < 0 ? "down" : "";
  let added = 0;
  const sizes = new Map<string, number>();
  for (const rs of allRSs) {
    const proportion = toAdd !== 0 ? getProportion(rs, s.d, toAdd, added) : 0;
    sizes.set(rs.metadata.name ?? "", specReplicas(rs) + proportion);
    added += proportion;
  }
  allRSs.forEach((rs, i) => {
    const name = rs.metadata.name ?? "";
    let size = sizes.get(name) ?? 0;
    if (i === 0 && toAdd !== 0) size = Math.max(0, size + toAdd - added);
    scaleReplicaSet(s, rs, size, operation);
  });
}

/** FindActiveOrLatest: the only active ReplicaSet, the newest when none is active, else none. */
function findActiveOrLatest(newRS: KubeObject | undefined, oldRSs: KubeObject[]): KubeObject | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const newestFirst = [...oldRSs].sort((a, b) => byCreation(b, a));
  const active = activeReplicaSets([...newestFirst, newRS]);
  if (active.length === 0) return newRS ?? newestFirst[0];
  return active.length === 1 ? active[0] : undefined;
}

/** GetProportion: this ReplicaSet's share of the replicas being added (or removed). */
export function getProportion(rs: KubeObject, d: KubeObject, toAdd: number, added: number): number {
  if (specReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = replicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

function replicaSetFraction(rs: KubeObject, d: KubeObject): number {
  const replicas = specReplicas(d);
  if (replicas === 0) return -specReplicas(rs);
  const deploymentReplicas = replicas + maxSurge(d);
  const annotated = Number.parseInt(rs.metadata.annotations?.[MAX_REPLICAS_ANNOTATION] ?? "", 10);
  const base = Number.isNaN(annotated) ? (d.status?.replicas ?? 0) : annotated;
  // integer.RoundToInt32 rounds half away from zero.
  const size = (specReplicas(rs) * deploymentReplicas) / base;
  return Math.sign(size) * Math.round(Math.abs(size)) - specReplicas(rs);
}
