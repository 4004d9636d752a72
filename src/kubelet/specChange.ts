/**
 * computePodActions' "container definition changed" rule (kuberuntime_manager.go): when a
 * stored pod's container spec no longer matches the running instance's hash (in practice:
 * `kubectl set image`, the only mutable container field), the kubelet kills the running
 * container with "Container c definition changed, will be restarted" and starts it again
 * with the new spec, whatever the restart policy. A container still waiting (pulling, in
 * ImagePullBackOff or CrashLoopBackOff) simply starts over with the new image.
 */
import type { Container, Pod } from "kubernetes-types/core/v1";
import type { PodWorker } from "./podWorker";
import { cancelTimers } from "./timers";
import type { ContainerRuntime } from "./types";

/** Applies the stored pod's container specs to the worker's containers, restarting changed ones. */
export function applySpecChanges(w: PodWorker, pod: Pod): void {
  if (w.rt.terminating) return;
  const specs = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  for (const c of w.rt.containers) {
    const spec = specs.find((s) => s.name === c.spec.name);
    if (!spec || !definitionChanged(c.spec, spec)) continue;
    c.spec = spec;
    restartWithNewSpec(w, c);
  }
}

/** The part of the container hash that can change on a live pod: its image. */
function definitionChanged(old: Container, next: Container): boolean {
  return (old.image ?? "") !== (next.image ?? "");
}

/** Kills a running instance (it restarts on exit); a waiting one starts over now. */
function restartWithNewSpec(w: PodWorker, c: ContainerRuntime): void {
  if (c.phase === "running") {
    if (c.stopping) {
      c.specChanged = true;
      return;
    }
    w.normal("Killing", `Container ${c.spec.name} definition changed, will be restarted`);
    w.trace(`container ${c.spec.name} definition changed`, [
      `stopping container ${c.spec.name} to restart it`,
    ]);
    c.specChanged = true;
    w.stopContainer(c, graceSeconds(w));
    return;
  }
  const waitingToRetry = c.phase === "starting" || c.phase === "blocked" || c.timers.length > 0;
  if (!waitingToRetry) return;
  cancelTimers(c);
  restartChanged(w, c);
}

/** A container killed for a new definition starts again at once, under a new back-off key. */
export function restartChanged(w: PodWorker, c: ContainerRuntime): void {
  c.specChanged = false;
  w.host.containerBackoff.forget(`${w.rt.uid}/${c.spec.name}`);
  c.phase = "idle";
  c.waiting = undefined;
  w.writeStatus();
  w.sync();
}

function graceSeconds(w: PodWorker): number {
  return w.pod()?.spec?.terminationGracePeriodSeconds ?? 30;
}
