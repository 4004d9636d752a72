import type { NodeCondition } from "kubernetes-types/core/v1";
import { clone, type KubeObject, refOf } from "../../api/types";
import { NODE_LEASE_NAMESPACE } from "../../nodes/nodeObject";
import { formatTimestamp, parseTimestamp } from "../../util/clock";
import { type Controller, type ControllerContext, enqueueSelf, splitKey } from "../controller";
import { desiredControllerTaints, reconcileTaints } from "./nodeTaints";

/** kube-controller-manager --node-monitor-grace-period default (50 s since v1.29). */
export const NODE_MONITOR_GRACE_MS = 50_000;
/** --node-monitor-period: health is checked on this tick. */
export const NODE_MONITOR_PERIOD_MS = 5_000;
const COMPONENT = "node-controller";
const STOPPED_MESSAGE = "Kubelet stopped posting node status.";

/**
 * The node lifecycle controller (pkg/controller/nodelifecycle): when neither the node's
 * Lease nor its Ready heartbeat was renewed within the grace period, marks every node
 * condition Unknown (NodeStatusUnknown), marks its pods not Ready, and keeps the
 * not-ready / unreachable / unschedulable taints in step with the node's state. Instead of
 * polling every node every 5 s it requeues each node for the monitor tick after its deadline.
 */
export function nodeLifecycleController(): Controller {
  return {
    name: COMPONENT,
    watches: [enqueueSelf("Node")],
    reconcile(key, ctx) {
      const node = ctx.api.store.get("Node", "", splitKey(key).name);
      if (!node) return undefined;
      const deadline = lastProbe(node, ctx) + NODE_MONITOR_GRACE_MS;
      const now = ctx.clock.now();
      let current = node;
      if (now > deadline) current = markUnknown(node, ctx) ?? node;
      syncTaints(current, ctx);
      if (now > deadline) return undefined;
      const tick = (Math.floor(deadline / NODE_MONITOR_PERIOD_MS) + 1) * NODE_MONITOR_PERIOD_MS;
      return { requeueAfterMs: tick - now };
    },
  };
}

/** The latest sign of life: the Lease's renewTime or the Ready condition's heartbeat. */
function lastProbe(node: KubeObject, ctx: ControllerContext): number {
  const lease = ctx.api.store.get("Lease", NODE_LEASE_NAMESPACE, node.metadata.name ?? "");
  const renew = parseTimestamp(lease?.spec?.renewTime) ?? 0;
  const ready = readyCondition(node);
  return Math.max(
    renew,
    parseTimestamp(ready?.lastHeartbeatTime) ?? 0,
    parseTimestamp(node.metadata.creationTimestamp) ?? 0,
  );
}

function readyCondition(node: KubeObject): NodeCondition | undefined {
  return (node.status?.conditions ?? []).find((c: NodeCondition) => c.type === "Ready");
}

/** tryUpdateNodeHealth's Unknown branch; returns the updated node, or undefined if already Unknown. */
function markUnknown(node: KubeObject, ctx: ControllerContext): KubeObject | undefined {
  const wasReady = readyCondition(node)?.status === "True";
  if (readyCondition(node)?.status === "Unknown") return undefined;
  const now = formatTimestamp(ctx.clock.now());
  const conditions = (node.status?.conditions ?? []).map((c: NodeCondition) =>
    c.status === "Unknown"
      ? c
      : {
          ...c,
          status: "Unknown",
          reason: "NodeStatusUnknown",
          message: STOPPED_MESSAGE,
          lastTransitionTime: now,
        },
  );
  const updated = ctx.api.updateStatus({ ...node, status: { ...node.status, conditions } });
  const name = node.metadata.name ?? "";
  const actions = [`set node ${name} conditions to Unknown (NodeStatusUnknown)`];
  if (wasReady) {
    ctx.events.normal(
      { component: COMPONENT },
      node,
      "NodeNotReady",
      `Node ${name} status is now: NodeNotReady`,
    );
    actions.push(...markPodsNotReady(name, ctx));
  }
  ctx.trace.record({
    component: COMPONENT,
    object: refOf(node),
    observed: `no heartbeat from node ${name} for over ${NODE_MONITOR_GRACE_MS / 1000}s`,
    actions,
  });
  return updated;
}

/** MarkPodsNotReady: each pod on the node gets Ready=False and a NodeNotReady warning. */
function markPodsNotReady(nodeName: string, ctx: ControllerContext): string[] {
  const actions: string[] = [];
  const now = formatTimestamp(ctx.clock.now());
  for (const pod of ctx.api.store.list("Pod")) {
    if (pod.spec?.nodeName !== nodeName) continue;
    const conditions = pod.status?.conditions ?? [];
    const ready = conditions.find((c: { type: string }) => c.type === "Ready");
    if (!ready || ready.status === "False") continue;
    const next = conditions.map((c: { type: string }) =>
      c.type === "Ready" ? { ...c, status: "False", lastTransitionTime: now } : c,
    );
    ctx.api.updateStatus({ ...clone(pod), status: { ...pod.status, conditions: next } });
    ctx.events.warning({ component: COMPONENT }, pod, "NodeNotReady", "Node is not ready");
    actions.push(`marked pod ${pod.metadata.namespace}/${pod.metadata.name} not Ready`);
  }
  return actions;
}

function syncTaints(node: KubeObject, ctx: ControllerContext): void {
  const taints = reconcileTaints(node, desiredControllerTaints(node), ctx.clock.now());
  if (!taints) return;
  const spec = { ...node.spec, taints: taints.length > 0 ? taints : undefined };
  if (!spec.taints) delete spec.taints;
  ctx.api.update({ ...clone(node), spec });
  ctx.trace.record({
    component: COMPONENT,
    object: refOf(node),
    observed: `node ${node.metadata.name} Ready=${readyCondition(node)?.status ?? "?"}, unschedulable=${Boolean(node.spec?.unschedulable)}`,
    actions: [`set taints: ${taints.map((t) => `${t.key}:${t.effect}`).join(", ") || "none"}`],
  });
}
