import type { Taint } from "kubernetes-types/core/v1";
import type { KubeObject } from "../../api/types";
import { TAINT_NODE_NOT_READY, TAINT_NODE_UNREACHABLE, TAINT_NODE_UNSCHEDULABLE } from "../../nodes/taints";
import { formatTimestamp } from "../../util/clock";

/** The taints this controller owns (it never touches others). */
const MANAGED_KEYS = new Set([TAINT_NODE_NOT_READY, TAINT_NODE_UNREACHABLE, TAINT_NODE_UNSCHEDULABLE]);

/**
 * The controller-owned taints a node should carry, given its Ready condition and
 * spec.unschedulable (doNoExecuteTaintingPass + doNoScheduleTaintingPass): not-ready when
 * Ready=False, unreachable when Ready=Unknown, each as NoExecute and NoSchedule, and
 * unschedulable:NoSchedule when cordoned.
 */
export function desiredControllerTaints(node: KubeObject): Taint[] {
  const ready = (node.status?.conditions ?? []).find((c: { type: string }) => c.type === "Ready")?.status;
  const out: Taint[] = [];
  const key =
    ready === "False" ? TAINT_NODE_NOT_READY : ready === "Unknown" ? TAINT_NODE_UNREACHABLE : undefined;
  if (key) out.push({ key, effect: "NoExecute" }, { key, effect: "NoSchedule" });
  if (node.spec?.unschedulable) out.push({ key: TAINT_NODE_UNSCHEDULABLE, effect: "NoSchedule" });
  return out;
}

const same = (a: Taint, b: Taint) => a.key === b.key && a.effect === b.effect;

/**
 * SwapNodeControllerTaint: the node's taints with managed ones reconciled to `desired`;
 * new ones get timeAdded = now, kept ones keep theirs. Undefined when nothing changes.
 */
export function reconcileTaints(node: KubeObject, desired: Taint[], nowMs: number): Taint[] | undefined {
  const current: Taint[] = node.spec?.taints ?? [];
  const kept = current.filter((t) => !MANAGED_KEYS.has(t.key) || desired.some((d) => same(d, t)));
  const added = desired
    .filter((d) => !current.some((t) => same(d, t)))
    .map((d) => ({ ...d, timeAdded: formatTimestamp(nowMs) }));
  if (added.length === 0 && kept.length === current.length) return undefined;
  return [...kept, ...added];
}
