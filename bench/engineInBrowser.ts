import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { resolve } from "node:path";
import type { Page } from "playwright-core";
import { build } from "vite";
import { openWatchedPage } from "../tests/e2e/support/browser";
import { median, msWithRange, type ScaleRuns } from "./scaleScenarios";
import { report } from "./timing";

const OUT_DIR = ".tmp/bench-engine-browser";
const WORKER_FILE = "engineWorker.js";

/** Builds the scenarios' worker as the app's worker is built (Vite, ES module, minified). */
async function buildWorker(): Promise<string> {
  await build({
    configFile: false,
    logLevel: "warn",
    build: {
      outDir: OUT_DIR,
      emptyOutDir: true,
      target: "es2022",
      minify: true,
      lib: { entry: "bench/engineWorker.ts", formats: ["es"], fileName: () => WORKER_FILE },
    },
  });
  return readFileSync(resolve(OUT_DIR, WORKER_FILE), "utf8");
}

/** Serves an empty page and the worker on localhost; resolves to its address. */
async function serve(workerCode: string): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    if (request.url?.startsWith(`/${WORKER_FILE}`)) {
      response.writeHead(200, { "content-type": "text/javascript" });
      response.end(workerCode);
      return;
    }
    response.writeHead(200, { "content-type": "text/html" });
    response.end("<!doctype html><title>engine bench</title>");
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { server, url: `http://127.0.0.1:${port}/` };
}

/** Runs the worker at `path` (a V8 heap of its own) in the page; its one message. */
function runWorker<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(
    (src) =>
      new Promise<T>((ok, fail) => {
        const worker = new Worker(src, { type: "module" });
        worker.onmessage = (event) => {
          worker.terminate();
          ok(event.data as T);
        };
        worker.onerror = (event) => fail(new Error(event.message));
      }),
    path,
  );
}

/** Runs of the 1,000-replica scenario after its first, and of the 10,000-replica one. */
const RUNS = 5;
const LARGE_RUNS = 3;

/**
 * Engine scale budgets, measured where kubeplay's engine runs: a module Web Worker in
 * Chromium, fed as fast as it goes (the app's fastest speed). Budgeted figures are medians of
 * the runs after a first one, which is reported too: it pays for V8 compiling the engine's hot
 * paths, as a learner's first big Deployment of a session would. Each line shows the runs'
 * range: a shared 2-core machine is noisy.
 */
export async function benchScaleInBrowser(): Promise<void> {
  const { server, url } = await serve(await buildWorker());
  const browser = await openWatchedPage();
  let runs: ScaleRuns;
  try {
    await browser.page.goto(url);
    runs = await runWorker<ScaleRuns>(browser.page, `/${WORKER_FILE}?runs=${RUNS}&large=${LARGE_RUNS}`);
  } finally {
    await browser.close();
    server.close();
  }
  report(
    "1,000-replica Deployment, first run in a fresh worker",
    `${runs.first.converge.toFixed(0)} ms`,
    "-",
    true,
  );
  report("  its rolling update, first run", `${runs.first.roll.toFixed(0)} ms`, "-", true);
  const convergeMs = median(runs.converge);
  report(
    "1,000-replica Deployment on 100 nodes: all Ready (wall)",
    msWithRange(runs.converge),
    "300 ms",
    convergeMs <= 300,
  );
  report(
    "  its rolling update (set image) complete (wall)",
    msWithRange(runs.roll),
    "1,000 ms",
    median(runs.roll) <= 1000,
  );
  const ratio = median(runs.large) / convergeMs;
  report(
    `10,000 replicas vs 1,000: time ratio (${msWithRange(runs.large)})`,
    `${ratio.toFixed(1)}x`,
    "12x",
    ratio <= 12,
  );
}
