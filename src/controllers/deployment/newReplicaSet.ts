/**
 * Finding and creating the Deployment's new ReplicaSet, and keeping revisions in step
 * (sync.go getAllReplicaSetsAndSyncRevision, getNewReplicaSet).
 */
import { StatusError } from "../../api/errors";
import type { KubeObject } from "../../api/types";
import { clone } from "../../api/types";
import { newControllerRef } from "../replicaset/podUtil";
import { getCondition, newCondition, REASON, setCondition } from "./conditions";
import {
  findNewReplicaSet,
  findOldReplicaSets,
  hasProgressDeadline,
  maxRevision,
  newRSNewReplicas,
  POD_TEMPLATE_HASH_LABEL,
  REVISION_ANNOTATION,
  setNewReplicaSetAnnotations,
} from "./deploymentUtil";
import { computeHash } from "./hash";
import type { DeploymentSync } from "./syncContext";

/** The new ReplicaSet (if any) and all the old ones. */
export interface ReplicaSets {
  newRS?: KubeObject;
  oldRSs: KubeObject[];
}

/**
 * getAllReplicaSetsAndSyncRevision: splits the owned ReplicaSets into new and old, gives the new
 * one revision max(old)+1 and the Deployment the same, creating the new one when asked to.
 */
export function getAllReplicaSetsAndSyncRevision(
  s: DeploymentSync,
  rsList: KubeObject[],
  createIfNotExisted: boolean,
): ReplicaSets {
  const existing = findNewReplicaSet(s.d, rsList);
  const oldRSs = findOldReplicaSets(rsList, existing);
  const newRS = getNewReplicaSet(s, existing, oldRSs, createIfNotExisted);
  return { newRS, oldRSs };
}

function getNewReplicaSet(
  s: DeploymentSync,
  existing: KubeObject | undefined,
  oldRSs: KubeObject[],
  create: boolean,
): KubeObject | undefined {
  const newRevision = maxRevision(oldRSs) + 1;
  if (existing) return syncExistingNewRS(s, existing, newRevision);
  if (!create) return undefined;
  return createNewRS(s, oldRSs, newRevision);
}

function syncExistingNewRS(s: DeploymentSync, existing: KubeObject, newRevision: number): KubeObject {
  const rsCopy = clone(existing);
  const annotationsUpdated = setNewReplicaSetAnnotations(s.d, rsCopy, newRevision, true);
  const minReadySeconds = s.d.spec?.minReadySeconds ?? 0;
  if (annotationsUpdated || (rsCopy.spec?.minReadySeconds ?? 0) !== minReadySeconds) {
    rsCopy.spec.minReadySeconds = minReadySeconds;
    if (minReadySeconds === 0) delete rsCopy.spec.minReadySeconds;
    s.actions.push(`updated revision annotations of replica set ${rsCopy.metadata.name}`);
    return s.updateReplicaSet(rsCopy);
  }
  let needsUpdate = setDeploymentRevision(s.d, rsCopy.metadata.annotations?.[REVISION_ANNOTATION] ?? "");
  if (hasProgressDeadline(s.d) && !getCondition(s.d.status, "Progressing")) {
    const message = `Found new replica set "${rsCopy.metadata.name}"`;
    setCondition(
      (s.d.status ??= {}),
      newCondition("Progressing", "True", REASON.foundNewRS, message, s.now()),
    );
    needsUpdate = true;
  }
  if (needsUpdate) s.writeStatus();
  return rsCopy;
}

function createNewRS(s: DeploymentSync, oldRSs: KubeObject[], newRevision: number): KubeObject | undefined {
  const d = s.d;
  const hash = computeHash(d.spec.template, d.status?.collisionCount);
  const template = clone(d.spec.template);
  template.metadata = {
    ...template.metadata,
    labels: { ...template.metadata?.labels, [POD_TEMPLATE_HASH_LABEL]: hash },
  };
  const selector = clone(d.spec.selector);
  selector.matchLabels = { ...selector.matchLabels, [POD_TEMPLATE_HASH_LABEL]: hash };
  const name = `${d.metadata.name}-${hash}`;
  const rs: KubeObject = {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: {
      name,
      namespace: d.metadata.namespace,
      labels: { ...template.metadata.labels },
      ownerReferences: [newControllerRef(d)],
    },
    spec: { replicas: 0, minReadySeconds: d.spec.minReadySeconds, selector, template },
  };
  if (!rs.spec.minReadySeconds) delete rs.spec.minReadySeconds;
  const replicas = newRSNewReplicas(d, [...oldRSs, rs], rs);
  rs.spec.replicas = replicas;
  setNewReplicaSetAnnotations(d, rs, newRevision, false);
  const created = tryCreate(s, rs);
  if (!created) return undefined;
  if (replicas > 0) s.event("ScalingReplicaSet", `Scaled up replica set ${name} from 0 to ${replicas}`);
  s.actions.push(
    `created replica set ${name} (revision ${newRevision}) with ${replicas} replica${replicas === 1 ? "" : "s"}`,
  );
  setDeploymentRevision(d, String(newRevision));
  if (hasProgressDeadline(d)) {
    const message = `Created new replica set "${name}"`;
    setCondition(
      (d.status ??= {}),
      newCondition("Progressing", "True", REASON.newReplicaSet, message, s.now()),
    );
  }
  s.writeStatus();
  return created;
}

/** Creates the ReplicaSet; on a name collision with a foreign template, bumps collisionCount. */
function tryCreate(s: DeploymentSync, rs: KubeObject): KubeObject | undefined {
  try {
    return s.ctx.api.create(rs);
  } catch (error) {
    if (!(error instanceof StatusError)) throw error;
    if (error.reason === "AlreadyExists") return adoptOrCollide(s, rs);
    const message = `Failed to create new replica set "${rs.metadata.name}": ${error.message}`;
    if (hasProgressDeadline(s.d)) {
      setCondition(
        (s.d.status ??= {}),
        newCondition("Progressing", "False", "ReplicaSetCreateError", message, s.now()),
      );
      s.writeStatus();
    }
    s.warning("ReplicaSetCreateError", message);
    throw error;
  }
}

function adoptOrCollide(s: DeploymentSync, rs: KubeObject): KubeObject | undefined {
  const found = s.ctx.api.store.get("ReplicaSet", rs.metadata.namespace ?? "", rs.metadata.name ?? "");
  const ref = found?.metadata.ownerReferences?.find((r) => r.controller);
  if (found && ref?.uid === s.d.metadata.uid && findNewReplicaSet(s.d, [found])) return found;
  s.d.status = { ...s.d.status, collisionCount: (s.d.status?.collisionCount ?? 0) + 1 };
  s.actions.push(`hash collision on ${rs.metadata.name}: collisionCount is now ${s.d.status.collisionCount}`);
  s.writeStatus();
  s.requeueAfterMs = 0;
  return undefined;
}

/** SetDeploymentRevision: true when the annotation changed. */
function setDeploymentRevision(d: KubeObject, revision: string): boolean {
  const annotations = (d.metadata.annotations ??= {});
  if (annotations[REVISION_ANNOTATION] === revision) return false;
  annotations[REVISION_ANNOTATION] = revision;
  return true;
}
