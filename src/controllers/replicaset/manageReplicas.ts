/**
 * ReplicaSetController.manageReplicas (pkg/controller/replicaset/replica_set.go): create or
 * delete pods so the ReplicaSet owns `spec.replicas` active pods.
 */
import type { KubeObject } from "../../api/types";
import { StatusError } from "../../api/errors";
import type { ControllerContext } from "../controller";
import { getPodsToDelete } from "./podRanking";
import { controllerOf, newControllerRef, specReplicas } from "./podUtil";

/** The controller's name as its events and traces carry it. */
export const REPLICASET_CONTROLLER = "replicaset-controller";
/** burstReplicas: at most this many creations or deletions per sync. */
export const BURST_REPLICAS = 500;
/** SlowStartInitialBatchSize: the first creation batch; each later one doubles. */
const SLOW_START_INITIAL_BATCH = 1;

/**
 * Creates (in slow-start batches 1, 2, 4, … that stop at the first failing batch) or deletes
 * (best candidates first, see getPodsToDelete) pods to reach spec.replicas. Records an event per
 * pod and a sentence per action in `actions`. Returns the first error, if any.
 */
export function manageReplicas(
  rs: KubeObject,
  pods: KubeObject[],
  ctx: ControllerContext,
  actions: string[],
): Error | undefined {
  const diff = pods.length - specReplicas(rs);
  if (diff > 0) return deletePods(rs, pods, Math.min(diff, BURST_REPLICAS), ctx, actions);
  return createMissingPods(rs, pods.length, ctx, actions);
}

/** The creating half of manageReplicas, which needs only how many pods the ReplicaSet has. */
export function createMissingPods(
  rs: KubeObject,
  podCount: number,
  ctx: ControllerContext,
  actions: string[],
): Error | undefined {
  const diff = podCount - specReplicas(rs);
  if (diff < 0) return createPods(rs, Math.min(-diff, BURST_REPLICAS), ctx, actions);
  return undefined;
}

function createPods(
  rs: KubeObject,
  count: number,
  ctx: ControllerContext,
  actions: string[],
): Error | undefined {
  let remaining = count;
  for (
    let batch = Math.min(remaining, SLOW_START_INITIAL_BATCH);
    batch > 0;
    batch = Math.min(2 * batch, remaining)
  ) {
    let failure: Error | undefined;
    for (let i = 0; i < batch; i++) {
      const error = createPod(rs, ctx, actions);
      failure ??= error;
    }
    if (failure) return failure;
    remaining -= batch;
  }
  return undefined;
}

function createPod(rs: KubeObject, ctx: ControllerContext, actions: string[]): Error | undefined {
  const source = { component: REPLICASET_CONTROLLER };
  try {
    const pod = ctx.api.create(podFromTemplate(rs));
    ctx.events.normal(source, rs, "SuccessfulCreate", `Created pod: ${pod.metadata.name}`);
    actions.push(`created pod ${pod.metadata.name}`);
    return undefined;
  } catch (error) {
    if (!(error instanceof StatusError)) throw error;
    if (!error.message.includes("because it is being terminated")) {
      ctx.events.warning(source, rs, "FailedCreate", `Error creating: ${error.message}`);
    }
    actions.push(`failed to create a pod: ${error.message}`);
    return error;
  }
}

/** GetPodFromTemplate: the template's labels, annotations, finalizers and spec, named `<rs>-xxxxx`. */
export function podFromTemplate(rs: KubeObject): KubeObject {
  const template = rs.spec?.template ?? {};
  // The template's parts are shared, not copied: the API server copies what it is sent.
  const metadata: KubeObject["metadata"] = {
    generateName: `${rs.metadata.name}-`,
    namespace: rs.metadata.namespace,
    labels: template.metadata?.labels,
    annotations: template.metadata?.annotations,
    finalizers: template.metadata?.finalizers,
    ownerReferences: [newControllerRef(rs)],
  };
  for (const key of ["labels", "annotations", "finalizers"] as const)
    if (metadata[key] === undefined) delete metadata[key];
  return { apiVersion: "v1", kind: "Pod", metadata, spec: template.spec ?? {} };
}

function deletePods(
  rs: KubeObject,
  pods: KubeObject[],
  count: number,
  ctx: ControllerContext,
  actions: string[],
): Error | undefined {
  const victims = getPodsToDelete(pods, relatedPods(rs, ctx), count, ctx.clock.now());
  let failure: Error | undefined;
  for (const pod of victims) {
    const name = pod.metadata.name ?? "";
    try {
      ctx.api.delete("Pod", pod.metadata.namespace ?? "", name, {});
      ctx.events.normal({ component: REPLICASET_CONTROLLER }, rs, "SuccessfulDelete", `Deleted pod: ${name}`);
      actions.push(`deleted pod ${name}`);
    } catch (error) {
      if (!(error instanceof StatusError)) throw error;
      if (error.reason === "NotFound") continue;
      ctx.events.warning(
        { component: REPLICASET_CONTROLLER },
        rs,
        "FailedDelete",
        `Error deleting: ${error.message}`,
      );
      failure ??= error;
    }
  }
  return failure;
}

/**
 * getIndirectlyRelatedPods: pods of every ReplicaSet with the same controller owner (the
 * Deployment's other revisions), used to prefer deleting pods doubled up on a node.
 */
function relatedPods(rs: KubeObject, ctx: ControllerContext): KubeObject[] {
  const owner = controllerOf(rs);
  const siblings = owner
    ? ctx.api.store
        .list("ReplicaSet", rs.metadata.namespace ?? "")
        .filter((r) => controllerOf(r)?.uid === owner.uid)
    : [rs];
  return siblings.flatMap((r) =>
    ctx.api.store.dependentsOf(r.metadata.uid ?? "").filter((p) => p.kind === "Pod"),
  );
}
