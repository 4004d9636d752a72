import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { type Cluster, createCluster } from "../src";
import { onceMs, report } from "./timing";

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

/** A full garbage collection, now. */
function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  gc();
  gc();
}

/** Heap in use after a full GC, in MB. */
function heapAfterGcMb(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed / (1024 * 1024);
}

/** The median of `values`. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Runs the 1,000-replica converge and its rollout `runs` times, each on a new cluster; ms of each. */
function convergeAndRoll(runs: number): { converge: number[]; roll: number[] } {
  const converge: number[] = [];
  const roll: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Each run starts from a clean heap, as the first one does: the previous runs' clusters are
    // garbage, and collecting them must not land in the next run's time.
    collectGarbage();
    const run = convergeDeployment(1000);
    converge.push(run.ms);
    roll.push(rollingUpdate(run.cluster, 1000));
  }
  return { converge, roll };
}

/** `306 ms (242–448)`: the median and the range of the runs, so that noise shows. */
function msWithRange(values: number[]): string {
  const range = `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}`;
  return `${median(values).toFixed(0)} ms (${range})`;
}

/** Warm runs of the 1,000-replica scenario, and of the 10,000-replica one. */
const WARM_RUNS = 5;
const LARGE_RUNS = 3;

/**
 * Engine scale budgets: Deployment convergence and rollout, linear scaling, heap, CronJob over
 * a day. The budgeted figures are medians of warm runs after a first one, which is reported
 * too: it pays for V8 compiling the engine's hot paths, as a learner's first big Deployment of
 * a session would. Each line shows the runs' range: a shared 2-core machine is noisy.
 */
export function benchScale(): void {
  const first = convergeAndRoll(1);
  report(
    "1,000-replica Deployment, first run in a fresh process",
    `${first.converge[0].toFixed(0)} ms`,
    "-",
    true,
  );
  report("  its rolling update, first run", `${first.roll[0].toFixed(0)} ms`, "-", true);
  const warm = convergeAndRoll(WARM_RUNS);
  const convergeMs = median(warm.converge);
  report(
    "1,000-replica Deployment on 100 nodes: all Ready (wall)",
    msWithRange(warm.converge),
    "300 ms",
    convergeMs <= 300,
  );
  const rollMs = median(warm.roll);
  report(
    "  its rolling update (set image) complete (wall)",
    msWithRange(warm.roll),
    "1,000 ms",
    rollMs <= 1000,
  );

  const baseHeap = heapAfterGcMb();
  const largeMs: number[] = [];
  let large = convergeDeployment(10_000);
  largeMs.push(large.ms);
  for (let i = 1; i < LARGE_RUNS; i++) {
    collectGarbage();
    large = convergeDeployment(10_000);
    largeMs.push(large.ms);
  }
  const ratio = median(largeMs) / convergeMs;
  report("10,000 replicas vs 1,000: time ratio (medians)", `${ratio.toFixed(1)}x`, "12x", ratio <= 12);
  const heap = heapAfterGcMb() - baseHeap;
  // Read the cluster after measuring, so that it is still reachable while the heap is weighed.
  const pods = large.cluster.store.count("Pod");
  report(
    `${pods.toLocaleString("en")}-pod cluster: heap held`,
    `${heap.toFixed(0)} MB`,
    "300 MB",
    heap <= 300,
  );

  const cron = createCluster({ seed: 1, nodes: 3 });
  cron.kubectl("create cronjob tick --image=busybox:1.36 --schedule=*/1 * * * * -- echo hi");
  const cronMs = onceMs(() => cron.advance(24 * 3600));
  report(
    "CronJob every minute over a simulated day (wall)",
    `${(cronMs / 1000).toFixed(1)} s`,
    "seconds",
    cronMs <= 10_000,
  );
}
