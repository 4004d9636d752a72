import { bridge, mirror } from "../sim/session";
import { ViewHistory } from "./history";

/** The page's history of cluster states, recorded from the mirror for time travel. */
export const viewHistory = new ViewHistory();

let batchStart: number | undefined;
let started = false;
/** The mirror version last recorded; what came after it is the next frame's changes. */
let recorded = 0;

/**
 * Starts recording every mirror update into `viewHistory` (once per page). The record waits a
 * microtask because the bridge sets the clock just after it applies a batch to the mirror.
 */
export function startRecording(): void {
  if (started) return;
  started = true;
  const record = () => {
    batchStart ??= performance.now();
    queueMicrotask(() => {
      // While the worker boots (or reboots) the clock lags the mirror: wait for "ready".
      const status = bridge.status.get();
      if (status === "starting" || status === "recovering") return;
      const state = mirror.get();
      if (state.version === recorded) return;
      const delta = mirror.changesSince(recorded);
      recorded = state.version;
      viewHistory.record(state.objects, delta, bridge.clock.get().now, state.resourceVersion);
    });
  };
  mirror.subscribe(record);
  bridge.status.subscribe(record);
  record();
}

/**
 * Closes the measurement of one watch batch (from the mirror update to the graph's commit: the
 * view's work, and any wait for React's deferred pass), as a `kubeplay:view-batch` performance
 * entry the frame bench reads.
 */
export function measureBatch(): void {
  if (batchStart === undefined) return;
  performance.measure("kubeplay:view-batch", { start: batchStart, end: performance.now() });
  batchStart = undefined;
  if (performance.getEntriesByName("kubeplay:view-batch").length > 2000)
    performance.clearMeasures("kubeplay:view-batch");
}
