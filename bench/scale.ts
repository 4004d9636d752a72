import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { createCluster } from "../src";
import { convergeDeployment, msWithRange, runScale } from "./scaleScenarios";
import { onceMs, report } from "./timing";

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

/**
 * The engine's figures in Node: the heap a 10,000-pod cluster holds, a CronJob over a day, and
 * the 1,000-replica converge for reference (the budgeted times are measured in Chromium's
 * worker, engineInBrowser.ts; Node 20's older V8 runs the same code more slowly).
 */
export function benchScale(): void {
  // Run as in the browser (engineInBrowser.ts), so that the two lines compare.
  const { converge } = runScale(5, 0);
  report(`  the same in Node ${process.versions.node} (reference)`, msWithRange(converge), "-", true);

  const baseHeap = heapAfterGcMb();
  const large = convergeDeployment(10_000);
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
