import type { KubeObject, WatchEvent } from "../../api/types";
import { refOf } from "../../api/types";
import { labelSelectorAsSelector, type Selector } from "../../apimachinery/labels";
import {
  type Controller,
  type ControllerContext,
  enqueueControllerOwner,
  enqueueSelf,
  objectKey,
  type ReconcileResult,
  splitKey,
} from "../controller";
import { claimObjects } from "../replicaset/claim";
import { controllerOf, specReplicas } from "../replicaset/podUtil";
import { cleanupDeployment } from "./cleanup";
import { activeReplicaSets, DESIRED_REPLICAS_ANNOTATION } from "./deploymentUtil";
import { getAllReplicaSetsAndSyncRevision } from "./newReplicaSet";
import { rolloutRecreate } from "./recreate";
import { rolloutRolling } from "./rolling";
import { scale } from "./scaling";
import { checkPausedConditions, syncDeploymentStatus } from "./status";
import { DEPLOYMENT_CONTROLLER, DeploymentSync } from "./syncContext";

/**
 * The Deployment controller (pkg/controller/deployment): owns ReplicaSets named
 * `<deployment>-<pod-template-hash>`, rolls from old to new with the RollingUpdate or Recreate
 * strategy, scales proportionally, keeps revisionHistoryLimit old ReplicaSets, honours
 * `paused`, and reports status with the Available and Progressing conditions.
 */
export function deploymentController(): Controller {
  return {
    name: DEPLOYMENT_CONTROLLER,
    watches: [
      enqueueSelf("Deployment"),
      enqueueControllerOwner("ReplicaSet", "Deployment"),
      { kind: "ReplicaSet", keys: orphanKeys },
      { kind: "Pod", keys: podKeys },
    ],
    reconcile: syncDeployment,
  };
}

/** An orphan ReplicaSet wakes the Deployments that select it (they may adopt it). */
function orphanKeys(event: WatchEvent, ctx: ControllerContext): string[] {
  const rs = event.object;
  if (controllerOf(rs) || event.type === "DELETED") return [];
  return ctx.api.store
    .list("Deployment", rs.metadata.namespace ?? "")
    .filter((d) => selectorOf(d)?.matches(rs.metadata.labels ?? {}))
    .map(objectKey);
}

/** A deleted pod wakes its Deployment: a Recreate rollout waits for the last old pod to go. */
function podKeys(event: WatchEvent, ctx: ControllerContext): string[] {
  if (event.type !== "DELETED") return [];
  const ref = controllerOf(event.object);
  if (ref?.kind !== "ReplicaSet") return [];
  const rs = ctx.api.store.getByUid(ref.uid);
  const owner = rs && controllerOf(rs);
  return rs && owner?.kind === "Deployment" ? [`${rs.metadata.namespace ?? ""}/${owner.name}`] : [];
}

function selectorOf(d: KubeObject): Selector | undefined {
  try {
    return labelSelectorAsSelector(d.spec?.selector);
  } catch {
    return undefined;
  }
}

function syncDeployment(key: string, ctx: ControllerContext): ReconcileResult | undefined {
  const { namespace, name } = splitKey(key);
  const stored = ctx.api.store.get("Deployment", namespace, name);
  if (!stored) return undefined;
  const s = new DeploymentSync(ctx, stored);
  const selector = selectorOf(stored);
  if (!selector) return undefined;
  if (selector.empty()) return selectingAll(s);
  const rsList = claimReplicaSets(s, selector);
  const strategy = s.d.spec?.strategy?.type;
  const mode = decide(s, rsList);
  if (mode === "sync") sync(s, rsList);
  else if (mode === "status") syncStatusOnly(s, rsList);
  else if (strategy === "Recreate") rolloutRecreate(s, rsList, podsOf(ctx, rsList));
  else rolloutRolling(s, rsList);
  ctx.trace.record({
    component: DEPLOYMENT_CONTROLLER,
    object: refOf(stored),
    observed: observed(s, rsList, mode),
    actions: s.actions,
  });
  return s.requeueAfterMs !== undefined ? { requeueAfterMs: s.requeueAfterMs } : undefined;
}

/** What this sync does: only status (deleting), a scaling sync (paused or replicas changed), or a rollout. */
function decide(s: DeploymentSync, rsList: KubeObject[]): "status" | "sync" | "rollout" {
  if (s.d.metadata.deletionTimestamp) return "status";
  checkPausedConditions(s);
  if (s.d.spec?.paused) return "sync";
  return isScalingEvent(s, rsList) ? "sync" : "rollout";
}

function observed(s: DeploymentSync, rsList: KubeObject[], mode: string): string {
  const sizes = rsList.map((rs) => `${rs.metadata.name}=${specReplicas(rs)}`).join(", ") || "no replica sets";
  const why =
    mode === "sync"
      ? s.d.spec?.paused
        ? " (paused: scaling only)"
        : " (scaling event)"
      : mode === "status"
        ? " (being deleted)"
        : "";
  return `want ${specReplicas(s.d)} replicas (${s.d.spec?.strategy?.type ?? "RollingUpdate"}); ${sizes}${why}`;
}

/** getReplicaSetsForDeployment: the ReplicaSets it controls, adopting and releasing as ClaimReplicaSets does. */
function claimReplicaSets(s: DeploymentSync, selector: Selector): KubeObject[] {
  const all = s.ctx.api.store.list("ReplicaSet", s.d.metadata.namespace ?? "");
  const claim = claimObjects(s.d, selector, all, s.ctx);
  s.actions.push(
    ...claim.adopted.map((n) => `adopted replica set ${n}`),
    ...claim.released.map((n) => `released replica set ${n}`),
  );
  return claim.claimed;
}

function podsOf(ctx: ControllerContext, rsList: KubeObject[]): KubeObject[] {
  return rsList.flatMap((rs) =>
    ctx.api.store
      .dependentsOf(rs.metadata.uid ?? "")
      .filter((o) => o.kind === "Pod" && controllerOf(o)?.uid === rs.metadata.uid),
  );
}

function selectingAll(s: DeploymentSync): ReconcileResult | undefined {
  s.warning("SelectingAll", "This deployment is selecting all pods. A non-empty selector is required.");
  if ((s.d.status?.observedGeneration ?? 0) < (s.d.metadata.generation ?? 0)) {
    s.d.status = { ...s.d.status, observedGeneration: s.d.metadata.generation };
    s.writeStatus();
  }
  return undefined;
}

/** isScalingEvent: an active ReplicaSet's desired-replicas annotation differs from spec.replicas. */
function isScalingEvent(s: DeploymentSync, rsList: KubeObject[]): boolean {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(s, rsList, false);
  return activeReplicaSets([...oldRSs, newRS]).some((rs) => {
    const desired = rs.metadata.annotations?.[DESIRED_REPLICAS_ANNOTATION];
    return desired !== undefined && /^-?\d+$/.test(desired) && Number(desired) !== specReplicas(s.d);
  });
}

/** sync: reconcile a scaling event or a paused Deployment: resize, clean up, report. */
function sync(s: DeploymentSync, rsList: KubeObject[]): void {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(s, fresh(s, rsList), false);
  scale(s, newRS, oldRSs);
  const after = fresh(s, rsList);
  const { newRS: newAfter, oldRSs: oldAfter } = getAllReplicaSetsAndSyncRevision(s, after, false);
  cleanupDeployment(s, oldAfter);
  syncDeploymentStatus(s, [...oldAfter, newAfter], newAfter);
}

function syncStatusOnly(s: DeploymentSync, rsList: KubeObject[]): void {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(s, rsList, false);
  syncDeploymentStatus(s, [...oldRSs, newRS], newRS);
}

/** The ReplicaSets as stored now (after this sync's own writes). */
function fresh(s: DeploymentSync, rsList: KubeObject[]): KubeObject[] {
  return rsList
    .map((rs) => s.ctx.api.store.getByUid(rs.metadata.uid ?? ""))
    .filter((rs): rs is KubeObject => rs !== undefined);
}
