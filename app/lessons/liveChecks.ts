/**
 * Live check status: while a step is open and not yet passed, its checks are re-evaluated by
 * the worker whenever the cluster may have changed (new watch events, new inputs, simulated
 * time moving), at most once per LIVE_CHECK_INTERVAL_MS.
 */
import type { SimBridge } from "../sim/bridge";
import type { ClusterMirror } from "../sim/mirror";

/** Checks run at most this often while the cluster changes (trailing: the last change is always checked). */
export const LIVE_CHECK_INTERVAL_MS = 300;

/** What changes in the cluster look like from the UI, without reading objects. */
function fingerprint(bridge: Pick<SimBridge, "clock" | "log">, mirror: ClusterMirror): string {
  return `${mirror.get().resourceVersion}/${bridge.log.get()?.entries.length ?? 0}/${bridge.clock.get().now}`;
}

/**
 * Calls `evaluate` (throttled) after every change to the cluster; returns the function that stops it.
 * `evaluate` decides itself whether a step is open and still pending.
 */
export function watchCluster(
  bridge: Pick<SimBridge, "clock" | "log">,
  mirror: ClusterMirror,
  evaluate: () => void,
  intervalMs = LIVE_CHECK_INTERVAL_MS,
): () => void {
  let last = fingerprint(bridge, mirror);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let ranAt = Number.NEGATIVE_INFINITY;
  const run = () => {
    timer = undefined;
    ranAt = Date.now();
    evaluate();
  };
  const changed = () => {
    const now = fingerprint(bridge, mirror);
    if (now === last) return;
    last = now;
    timer ??= setTimeout(run, Math.max(0, ranAt + intervalMs - Date.now()));
  };
  const stops = [mirror.subscribe(changed), bridge.clock.subscribe(changed), bridge.log.subscribe(changed)];
  return () => {
    if (timer !== undefined) clearTimeout(timer);
    for (const stop of stops) stop();
  };
}
