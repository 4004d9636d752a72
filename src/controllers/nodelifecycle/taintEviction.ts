import type { Taint, Toleration } from "kubernetes-types/core/v1";
import type { KubeObject, WatchEvent } from "../../api/types";
import { refOf } from "../../api/types";
import { matchingTolerations } from "../../nodes/taints";
import { withPodCondition } from "../scheduler/binding";
import { type Controller, type ControllerContext, objectKey, splitKey } from "../controller";

const COMPONENT = "taint-eviction-controller";

/** getMinTolerationTime: the shortest tolerationSeconds in ms, 0 when one is <= 0, -1 when all are forever. */
export function minTolerationMs(used: readonly Toleration[]): number {
  if (used.length === 0) return 0;
  let min = Number.POSITIVE_INFINITY;
  for (const t of used) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
    if (t.tolerationSeconds <= 0) return 0;
    min = Math.min(min, t.tolerationSeconds);
  }
  return min === Number.POSITIVE_INFINITY ? -1 : min * 1000;
}

function noExecuteTaints(node: KubeObject | undefined): Taint[] {
  return (node?.spec?.taints ?? []).filter((t: Taint) => t.effect === "NoExecute");
}

/**
 * The taint eviction controller (pkg/controller/tainteviction): a pod on a node with a
 * NoExecute taint it does not tolerate is deleted at once; one that tolerates it for
 * tolerationSeconds is deleted when that time has passed since the taint was seen
 * (TaintManagerEviction event, DisruptionTarget condition). Removing the taint in time
 * cancels the eviction.
 */
export function taintEvictionController(): Controller {
  /** Pending evictions by pod key: the pod's uid and when the countdown started. */
  const scheduled = new Map<string, { uid: string; startedAt: number }>();
  const nodeTaints = new Map<string, string>();

  function nodeKeys(event: WatchEvent, ctx: ControllerContext): string[] {
    const name = event.object.metadata.name ?? "";
    const taints = event.type === "DELETED" ? "[]" : JSON.stringify(noExecuteTaints(event.object));
    if ((nodeTaints.get(name) ?? "[]") === taints) return [];
    nodeTaints.set(name, taints);
    return ctx.api.store
      .list("Pod")
      .filter((p) => p.spec?.nodeName === name)
      .map(objectKey);
  }

  function podKeys(event: WatchEvent): string[] {
    const key = objectKey(event.object);
    if (scheduled.has(key)) return [key];
    const node = event.object.spec?.nodeName;
    return node && (nodeTaints.get(node) ?? "[]") !== "[]" ? [key] : [];
  }

  function cancel(key: string, ctx: ControllerContext, pod: KubeObject | undefined): void {
    if (!scheduled.delete(key) || !pod) return;
    ctx.events.normal(
      { component: COMPONENT },
      pod,
      "TaintManagerEviction",
      `Cancelling deletion of Pod ${key}`,
    );
  }

  return {
    name: COMPONENT,
    watches: [
      { kind: "Node", keys: nodeKeys },
      { kind: "Pod", keys: podKeys },
    ],
    reconcile(key, ctx) {
      const { namespace, name } = splitKey(key);
      const pod = ctx.api.store.get("Pod", namespace, name);
      if (!pod?.spec?.nodeName || pod.metadata.deletionTimestamp) {
        scheduled.delete(key);
        return undefined;
      }
      const taints = noExecuteTaints(ctx.api.store.get("Node", "", pod.spec.nodeName));
      if (taints.length === 0) {
        cancel(key, ctx, pod);
        return undefined;
      }
      const { allTolerated, used } = matchingTolerations(taints, pod.spec.tolerations);
      const wait = allTolerated ? minTolerationMs(used) : 0;
      if (wait < 0) {
        cancel(key, ctx, pod);
        return undefined;
      }
      const now = ctx.clock.now();
      const entry = scheduled.get(key);
      const startedAt = entry && entry.uid === pod.metadata.uid ? entry.startedAt : now;
      scheduled.set(key, { uid: pod.metadata.uid ?? "", startedAt });
      const fireAt = startedAt + wait;
      if (now < fireAt) return { requeueAfterMs: fireAt - now };
      scheduled.delete(key);
      evict(pod, key, taints, ctx);
      return undefined;
    },
  };
}

/** deletePodHandler: the event, the DisruptionTarget condition, then a normal (graceful) delete. */
function evict(pod: KubeObject, key: string, taints: Taint[], ctx: ControllerContext): void {
  ctx.events.normal({ component: COMPONENT }, pod, "TaintManagerEviction", `Marking for deletion Pod ${key}`);
  const condition = {
    type: "DisruptionTarget",
    status: "True",
    reason: "DeletionByTaintManager",
    message: "Taint manager: deleting due to NoExecute taint",
  };
  const status = withPodCondition(pod.status, condition, ctx.clock.now());
  if (status) ctx.api.updateStatus({ ...pod, status });
  ctx.api.delete("Pod", pod.metadata.namespace ?? "", pod.metadata.name ?? "");
  ctx.trace.record({
    component: COMPONENT,
    object: refOf(pod),
    observed: `pod ${key} is on node ${pod.spec?.nodeName} with NoExecute taint(s) ${taints.map((t) => t.key).join(", ")}`,
    actions: [`deleted pod ${key}`],
  });
}
