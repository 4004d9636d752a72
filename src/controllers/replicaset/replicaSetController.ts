import type { KubeObject, WatchEvent } from "../../api/types";
import { refOf } from "../../api/types";
import { labelSelectorAsSelector, type Selector } from "../../apimachinery/labels";
import { parseTimestamp } from "../../util/clock";
import {
  type Controller,
  type ControllerContext,
  enqueueSelf,
  objectKey,
  type ReconcileResult,
  splitKey,
} from "../controller";
import { claimObjects } from "./claim";
import { manageReplicas, REPLICASET_CONTROLLER } from "./manageReplicas";
import { controllerOf, isPodActive, isPodReady, readyCondition, specReplicas } from "./podUtil";
import { calculateStatus, writeStatus } from "./replicaSetStatus";

/**
 * The ReplicaSet controller (pkg/controller/replicaset): claims the pods its selector matches
 * (adopting orphans, releasing pods whose labels changed), creates or deletes pods to reach
 * spec.replicas, and reports status (replicas, fullyLabeled, ready, available, observedGeneration).
 */
export function replicaSetController(): Controller {
  return {
    name: REPLICASET_CONTROLLER,
    watches: [enqueueSelf("ReplicaSet"), { kind: "Pod", keys: podKeys }],
    reconcile: syncReplicaSet,
  };
}

/** A pod wakes its controlling ReplicaSet, or, as an orphan, every ReplicaSet that selects it. */
function podKeys(event: WatchEvent, ctx: ControllerContext): string[] {
  const pod = event.object;
  const ref = controllerOf(pod);
  if (ref) return ref.kind === "ReplicaSet" ? [`${pod.metadata.namespace ?? ""}/${ref.name}`] : [];
  if (event.type === "DELETED") return [];
  return ctx.api.store
    .list("ReplicaSet", pod.metadata.namespace ?? "")
    .filter((rs) => selectorOf(rs)?.matches(pod.metadata.labels ?? {}))
    .map(objectKey);
}

function selectorOf(rs: KubeObject): Selector | undefined {
  try {
    const selector = labelSelectorAsSelector(rs.spec?.selector);
    return selector.empty() ? undefined : selector;
  } catch {
    return undefined;
  }
}

function syncReplicaSet(key: string, ctx: ControllerContext): ReconcileResult | undefined {
  const { namespace, name } = splitKey(key);
  const rs = ctx.api.store.get("ReplicaSet", namespace, name);
  if (!rs) return undefined;
  const selector = selectorOf(rs);
  if (!selector) return undefined;
  const active = ctx.api.store.list("Pod", namespace).filter(isPodActive);
  const claim = claimObjects(rs, selector, active, ctx);
  const pods = claim.claimed;
  const actions = [
    ...claim.adopted.map((p) => `adopted orphan pod ${p}`),
    ...claim.released.map((p) => `released pod ${p} (labels no longer match)`),
  ];
  const manageError = rs.metadata.deletionTimestamp ? undefined : manageReplicas(rs, pods, ctx, actions);
  const now = ctx.clock.now();
  const stored = writeStatus(rs, calculateStatus(rs, pods, manageError, now), ctx);
  ctx.trace.record({
    component: REPLICASET_CONTROLLER,
    object: refOf(rs),
    observed: `${pods.length} pod${pods.length === 1 ? "" : "s"} match ${selector.toString()}, want ${specReplicas(rs)}`,
    actions,
  });
  if (manageError) return { requeueAfterMs: 1000 };
  return availabilityRequeue(stored, pods, now);
}

/**
 * Ready pods become available only minReadySeconds after turning ready, with no event to say
 * so: look again when the next one crosses that line.
 */
function availabilityRequeue(rs: KubeObject, pods: KubeObject[], now: number): ReconcileResult | undefined {
  const minReady = rs.spec?.minReadySeconds ?? 0;
  if (minReady <= 0) return undefined;
  let next = Number.POSITIVE_INFINITY;
  for (const pod of pods) {
    if (!isPodReady(pod)) continue;
    const at = (parseTimestamp(readyCondition(pod)?.lastTransitionTime) ?? now) + minReady * 1000;
    if (at > now) next = Math.min(next, at);
  }
  return Number.isFinite(next) ? { requeueAfterMs: next - now } : undefined;
}
