import { type Cluster, createCluster } from "../../src";
import { runKubeplay } from "../../src/kubeplay";
import type { InputEntry, InputLog } from "./protocol";

/** Replay yields to the event loop after this much work, so pings are answered during a long replay. */
const REPLAY_SLICE_MS = 20;

/** Runs one logged input against the cluster, as it ran the first time. */
export function runEntry(cluster: Cluster, entry: InputEntry): void {
  // A command that kept running (get -w) only printed: a replay has no one to print to.
  if (entry.tool === "kubectl")
    cluster.kubectl(entry.line, entry.stdin, entry.files, entry.editorSave).stream?.stop();
  else runKubeplay(cluster, entry.line);
}

/** Advances the cluster to simulated instant `at` (never backwards). */
export function advanceTo(cluster: Cluster, at: number): void {
  if (at > cluster.now()) cluster.advance((at - cluster.now()) / 1000);
}

/**
 * Rebuilds the cluster an InputLog describes: for each entry, advance to its time and run it;
 * then advance to the log's end. The engine is deterministic, so the result is the same cluster
 * (same names, same UIDs). `pause` is awaited between slices of work; pass none to run at once.
 */
export async function replayLog(
  log: InputLog,
  pause?: () => Promise<void>,
  realNow?: () => number,
): Promise<Cluster> {
  const cluster = createCluster({ seed: log.seed, nodes: log.nodes, start: log.start });
  let sliceStart = realNow?.() ?? 0;
  for (const entry of log.entries) {
    advanceTo(cluster, entry.at);
    runEntry(cluster, entry);
    if (pause && realNow && realNow() - sliceStart > REPLAY_SLICE_MS) {
      await pause();
      sliceStart = realNow();
    }
  }
  if (log.end !== undefined) advanceTo(cluster, log.end);
  return cluster;
}
