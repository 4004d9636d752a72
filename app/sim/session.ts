import { useSyncExternalStore } from "react";
import { SimBridge, type WorkerLike } from "./bridge";
import { ClusterMirror } from "./mirror";

/** The UI's copy of the cluster (module singleton: one simulator per page). */
export const mirror = new ClusterMirror();

/** The page's one bridge to the simulation worker. It spawns the worker on `start`. */
export const bridge = new SimBridge({
  createWorker: () =>
    new Worker(new URL("./worker.ts", import.meta.url), {
      type: "module",
      name: "kubeplay-sim",
    }) as unknown as WorkerLike,
  mirror,
});

/** The simulated clock as of the last applied batch. */
export function useClock() {
  return useSyncExternalStore(bridge.clock.subscribe, bridge.clock.get);
}

/** Whether the simulator is starting, ready, or recovering from a lost worker. */
export function useBridgeStatus() {
  return useSyncExternalStore(bridge.status.subscribe, bridge.status.get);
}
