import type { PodCondition } from "kubernetes-types/core/v1";
import type { ApiServer } from "../../api/server";
import type { KubeObject } from "../../api/types";
import { formatTimestamp } from "../../util/clock";

/** The last timestamp formatted: conditions written in one instant (a burst of bindings) share it. */
let lastStamp = { ms: Number.NaN, text: "" };

function timestamp(ms: number): string {
  if (ms !== lastStamp.ms) lastStamp = { ms, text: formatTimestamp(ms) };
  return lastStamp.text;
}

/**
 * podutil.UpdatePodCondition: replaces or appends the condition, keeping its
 * lastTransitionTime when the status did not change. Returns the new status, or
 * undefined when nothing would change.
 */
export function withPodCondition(
  status: KubeObject["status"],
  condition: PodCondition,
  nowMs: number,
): KubeObject["status"] | undefined {
  const conditions: PodCondition[] = [...(status?.conditions ?? [])];
  const index = conditions.findIndex((c) => c.type === condition.type);
  const old = index >= 0 ? conditions[index] : undefined;
  const lastTransitionTime =
    old && old.status === condition.status ? old.lastTransitionTime : timestamp(nowMs);
  const next: PodCondition = { ...condition, lastProbeTime: null as unknown as string, lastTransitionTime };
  if (old && old.status === next.status && old.reason === next.reason && old.message === next.message)
    return undefined;
  if (index >= 0) conditions[index] = next;
  else conditions.push(next);
  return { phase: "Pending", ...status, conditions };
}

/** Binds a pod to a node through the API server's pods/binding subresource, marking it PodScheduled. */
export function bindPod(api: ApiServer, pod: KubeObject, nodeName: string): KubeObject {
  return api.bind(
    pod.metadata.namespace ?? "",
    pod.metadata.name ?? "",
    nodeName,
    (status) => withPodCondition(status, { type: "PodScheduled", status: "True" }, api.clock.now()) ?? status,
  );
}

/** Records PodScheduled=False (Unschedulable) with the scheduler's message, if it changed. */
export function markUnschedulable(api: ApiServer, pod: KubeObject, message: string): void {
  const status = withPodCondition(
    pod.status,
    { type: "PodScheduled", status: "False", reason: "Unschedulable", message },
    api.clock.now(),
  );
  if (status) api.updateStatus({ ...pod, status });
}
