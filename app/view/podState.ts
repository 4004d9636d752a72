import type { KubeObject } from "../../src";

/**
 * What a pod looks like at a glance, in kubectl's own words: the STATUS column's reasons
 * (`ContainerCreating`, `CrashLoopBackOff`, `Terminating`, `Completed`…) folded into the few
 * colour classes the view draws.
 */
export type PodLook =
  | "pending"
  | "creating"
  | "running"
  | "ready"
  | "terminating"
  | "succeeded"
  | "failed"
  | "crashloop"
  | "imagepull";

/** Every look, in the order a summary lists them (settled states first). */
export const POD_LOOKS: readonly PodLook[] = [
  "ready",
  "running",
  "creating",
  "pending",
  "terminating",
  "succeeded",
  "failed",
  "crashloop",
  "imagepull",
];

/** A pod as drawn: its phase (the test hook), status text, colour class, restarts and readiness. */
export interface PodStatusView {
  phase: string;
  /** kubectl's STATUS column text. */
  reason: string;
  look: PodLook;
  restarts: number;
  /** "ready/total" containers, as kubectl's READY column. */
  ready: string;
  allReady: boolean;
}

interface ContainerStatus {
  ready?: boolean;
  restartCount?: number;
  state?: { waiting?: { reason?: string }; terminated?: { reason?: string }; running?: unknown };
}

const IMAGE_PULL = new Set(["ImagePullBackOff", "ErrImagePull", "InvalidImageName", "ErrImageNeverPull"]);

/** Reads a pod's status the way kubectl's printer does (printPod), reduced to what the view needs. */
export function podStatusView(pod: KubeObject): PodStatusView {
  const status = pod.status ?? {};
  const phase: string = status.phase ?? "Pending";
  const containers: ContainerStatus[] = status.containerStatuses ?? [];
  const total = pod.spec?.containers?.length ?? containers.length;
  const readyCount = containers.filter((c) => c.ready).length;
  const restarts = containers.reduce((sum, c) => sum + (c.restartCount ?? 0), 0);
  const reason = podReason(pod, phase, containers);
  return {
    phase,
    reason,
    look: lookOf(pod, phase, reason, total > 0 && readyCount === total),
    restarts,
    ready: `${readyCount}/${total}`,
    allReady: total > 0 && readyCount === total,
  };
}

function podReason(pod: KubeObject, phase: string, containers: ContainerStatus[]): string {
  if (pod.metadata.deletionTimestamp) return "Terminating";
  if (phase === "Succeeded") return "Completed";
  if (phase === "Failed") return pod.status?.reason ?? "Error";
  for (const c of containers) {
    const waiting = c.state?.waiting?.reason;
    if (waiting) return waiting;
    const terminated = c.state?.terminated?.reason;
    if (terminated) return terminated;
  }
  if (phase === "Pending" && pod.spec?.nodeName) return "ContainerCreating";
  return phase;
}

function lookOf(pod: KubeObject, phase: string, reason: string, allReady: boolean): PodLook {
  if (reason === "Terminating") return "terminating";
  if (phase === "Succeeded") return "succeeded";
  if (phase === "Failed") return "failed";
  if (reason === "CrashLoopBackOff" || reason === "Error" || reason === "OOMKilled") return "crashloop";
  if (IMAGE_PULL.has(reason)) return "imagepull";
  if (phase === "Pending") return pod.spec?.nodeName ? "creating" : "pending";
  return allReady ? "ready" : "running";
}
