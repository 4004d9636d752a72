/** Pending work owned by a container instance. */
import type { ContainerRuntime } from "./types";

/** Cancels a container instance's pending work (sleeps, pulls, kills, back-offs). */
export function cancelTimers(c: ContainerRuntime): void {
  for (const t of c.timers) t.cancel();
  c.timers = [];
}
