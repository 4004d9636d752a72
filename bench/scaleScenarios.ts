import { type Cluster, createCluster } from "../src";
import { onceMs } from "./timing";

/**
 * The engine's scale scenarios, free of any runtime's API so that they run both in Node and
 * in a Web Worker in Chromium (engineInBrowser.ts), where kubeplay's engine really runs.
 */

/** Simulated seconds the scenarios may take before they count as not converging. */
const MAX_SIM_SECONDS = 600;

/** True when the Deployment's rollout is complete: every replica updated, ready and available, no old pods. */
function rolledOut(c: Cluster, name: string, replicas: number): boolean {
  const d = c.store.get("Deployment", "default", name);
  const s = d?.status;
  if (!d || !s || (s.observedGeneration ?? 0) < (d.metadata.generation ?? 0)) return false;
  return (
    s.replicas === replicas &&
    s.updatedReplicas === replicas &&
    s.readyReplicas === replicas &&
    s.availableReplicas === replicas
  );
}

/** Advances simulated time one second at a time until `done`; returns the simulated seconds used. */
function advanceUntil(c: Cluster, done: () => boolean): number {
  for (let s = 0; s < MAX_SIM_SECONDS; s++) {
    if (done()) return s;
    c.advance(1);
  }
  throw new Error(`did not converge within ${MAX_SIM_SECONDS} simulated seconds`);
}

/** Creates a Deployment of `replicas` on `nodes` nodes and waits until all are Ready; returns wall ms and the cluster. */
export function convergeDeployment(replicas: number, nodes = 100): { ms: number; cluster: Cluster } {
  const cluster = createCluster({ seed: 1, nodes });
  const ms = onceMs(() => {
    cluster.kubectl(`create deployment web --image=nginx:1.27.4 --replicas=${replicas}`);
    advanceUntil(cluster, () => rolledOut(cluster, "web", replicas));
  });
  return { ms, cluster };
}

/** `kubectl set image` on a converged Deployment and waits for the rollout to complete; wall ms. */
export function rollingUpdate(cluster: Cluster, replicas: number): number {
  return onceMs(() => {
    cluster.kubectl("set image deployment/web nginx=nginx:1.26.3");
    advanceUntil(cluster, () => {
      if (!rolledOut(cluster, "web", replicas)) return false;
      return cluster.store.list("Pod", "default").length === replicas;
    });
  });
}

/** One 1,000-replica converge and its rollout, on a new cluster; wall ms of each. */
function convergeAndRoll(): { converge: number; roll: number } {
  const run = convergeDeployment(1000);
  return { converge: run.ms, roll: rollingUpdate(run.cluster, 1000) };
}

/** Wall milliseconds of the scale scenarios' runs in one runtime. */
export interface ScaleRuns {
  /** The first 1,000-replica run of a fresh runtime: it pays for compiling the engine's hot paths. */
  first: { converge: number; roll: number };
  /** The 1,000-replica runs after it, each on a new cluster (the previous one left to the garbage collector). */
  converge: number[];
  roll: number[];
  /** Then the 10,000-replica converges, the same way. */
  large: number[];
}

/**
 * The scale scenarios in one runtime, one run after another, as a learner who resets and tries
 * again would make them: the 1,000-replica one `runs` times after a first run, then the
 * 10,000-replica converge `largeRuns` times, so that the time ratio compares runs made in the
 * same minute of a noisy machine. No collection is forced between runs: a forced full GC
 * leaves V8 a small heap limit, so the next run pays incremental marking that a real session
 * does not (runs measured 30% slower that way); collecting the previous cluster, which a
 * session does pay, counts.
 */
export function runScale(runs: number, largeRuns: number): ScaleRuns {
  const first = convergeAndRoll();
  const converge: number[] = [];
  const roll: number[] = [];
  for (let i = 0; i < runs; i++) {
    const run = convergeAndRoll();
    converge.push(run.converge);
    roll.push(run.roll);
  }
  const large: number[] = [];
  for (let i = 0; i < largeRuns; i++) large.push(convergeDeployment(10_000).ms);
  return { first, converge, roll, large };
}

/** The median of `values`. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** `306 ms (242–448)`: the median and the range of the runs, so that noise shows. */
export function msWithRange(values: number[]): string {
  const range = `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}`;
  return `${median(values).toFixed(0)} ms (${range})`;
}
