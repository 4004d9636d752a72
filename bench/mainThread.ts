import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { CDPSession, Page } from "playwright-core";
import { withBenchPage } from "./benchPage";
import { report } from "./timing";
import {
  describeBusyTasks,
  describeLongestTasks,
  type MainThreadTrace,
  taskCpuMs,
  traceMainThread,
} from "./traceTasks";

const graph = '[data-testid="cluster-graph"]';
const STORAGE_KEY = "kubeplay:work:v1";
const CONFIG_MAPS = 1000;

/** One file of CONFIG_MAPS ConfigMaps, one document each. */
function configMapsYaml(): string {
  return Array.from(
    { length: CONFIG_MAPS },
    (_, i) =>
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings-${String(i).padStart(4, "0")}\ndata:\n  mode: fast\n`,
  ).join("---\n");
}

/** Starts collecting long tasks (PerformanceObserver 'longtask') in the page. */
async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const tasks: number[] = [];
    (globalThis as { longTasks?: number[] }).longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(entry.duration);
    }).observe({ type: "longtask" });
  });
}

/** The long tasks (ms) seen since the last call. */
async function takeLongTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const tasks = (globalThis as { longTasks?: number[] }).longTasks ?? [];
    return tasks.splice(0, tasks.length);
  });
}

/**
 * Whether to trace the main thread (BENCH_TRACE=1 describes the longest tasks, BENCH_TRACE_DIR
 * keeps the events). Off by default: tracing Chromium's threads costs CPU of its own, and on
 * two cores it stretched the very tasks measured (runs with it had tasks of 50–78 ms where runs
 * without had at most 57).
 */
const tracing = Boolean(process.env.BENCH_TRACE || process.env.BENCH_TRACE_DIR);

/** Runs one measured phase, traced when asked. */
async function measuredPhase(
  cdp: CDPSession,
  run: () => Promise<void>,
): Promise<MainThreadTrace | undefined> {
  if (tracing) return traceMainThread(cdp, run);
  await run();
  return undefined;
}

function reportPhase(label: string, longTasks: number[], trace: MainThreadTrace | undefined): void {
  const longest = Math.max(0, ...longTasks);
  report(
    `${label}: longest main-thread task (${longTasks.length} over 50 ms)`,
    `${longest.toFixed(0)} ms`,
    "50 ms",
    longest < 50,
  );
  if (!trace) return;
  // BENCH_TRACE_DIR=dir: the main thread's trace events of each phase, as JSON, for a closer look.
  const dir = process.env.BENCH_TRACE_DIR;
  if (dir)
    writeFileSync(
      join(dir, `mainThread-${label.slice(0, 12).replace(/[^a-z0-9]/gi, "_")}.json`),
      JSON.stringify({ tasks: trace.tasks, events: trace.events, samples: trace.samples }),
    );
  report(
    `${label}: longest task, CPU time (trace)`,
    `${Math.max(0, ...taskCpuMs(trace)).toFixed(0)} ms`,
    "-",
    true,
  );
  // BENCH_TRACE=1: what the longest tasks spent their time on.
  if (process.env.BENCH_TRACE)
    for (const line of [...describeLongestTasks(trace, 3), ...describeBusyTasks(trace, 16)])
      console.log(`      ${line}`);
}

/**
 * What the bench does inside a measured phase goes through the DOM's own calls, as cheap as a
 * learner's click. Playwright's locators walk every element in JavaScript on the page's main
 * thread (shadow-piercing CSS, actionability checks): with 1,000 pods drawn that is 100–500 ms
 * per call, and it would be counted as the app's work.
 */
async function clickTestId(page: Page, testId: string): Promise<void> {
  await page.evaluate((id) => {
    const button = document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
    if (!button) throw new Error(`no element with data-testid=${id}`);
    button.click();
  }, testId);
}

/** Types a command line into the console (its focused xterm), as typeCommand does without the locator. */
async function typeInConsole(page: Page, line: string): Promise<void> {
  await page.evaluate(() =>
    document.querySelector<HTMLElement>('[data-testid="console"] .xterm-helper-textarea')?.focus(),
  );
  await page.keyboard.type(line);
  await page.keyboard.press("Enter");
}

/** Waits until the console's rows show `pattern` (read natively; see clickTestId). */
async function waitForConsole(page: Page, pattern: RegExp, timeoutMs = 10_000): Promise<void> {
  await page.waitForFunction(
    (source) =>
      new RegExp(source).test(
        [...document.querySelectorAll('[data-testid="console"] .xterm-rows > div')]
          .map((row) => (row as HTMLElement).innerText.replace(/\u00a0/g, " "))
          .join("\n"),
      ),
    pattern.source,
    { timeout: timeoutMs, polling: 100 },
  );
}

async function waitForText(page: Page, selector: string, pattern: RegExp, timeoutMs: number): Promise<void> {
  await page.waitForFunction(
    ([s, source]) =>
      new RegExp(source as string).test(document.querySelector(s as string)?.textContent ?? ""),
    [selector, pattern.source],
    { timeout: timeoutMs, polling: 250 },
  );
}

/**
 * "The UI never freezes" (issue 5), in the built app in headless Chromium: the longest
 * main-thread task while 1,000 ConfigMaps are applied from a file through the console, while a
 * 1,000-replica Deployment comes up and while its 1,000 pods roll out, at the fastest speed (on
 * ten nodes, so that every pod finds room).
 */
export async function benchMainThread(): Promise<void> {
  await withBenchPage({}, async (browser, server) => {
    const { page } = browser;
    const cdp = await browser.context.newCDPSession(page);
    const ready = async () => {
      await page.locator('[data-testid="console"][data-ready="true"] .xterm-rows').waitFor();
      await page.locator('[data-testid="editor"][data-ready="true"] .view-lines').waitFor();
    };
    await page.goto(server.url);
    await ready();
    // Import a work file holding the manifest (the Import button), as a learner would bring one in.
    // Autosave writes once something changes: let ten simulated seconds pass first.
    await page.getByRole("button", { name: "Advance time by +10s" }).click();
    await page.waitForFunction((key) => localStorage.getItem(key) !== null, STORAGE_KEY);
    const saved = JSON.parse((await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)) ?? "{}");
    saved.work.files = { ...saved.work.files, "settings.yaml": configMapsYaml() };
    // Ten nodes: 1,000 pods need room (a node takes at most 110).
    saved.work.nodes = 10;
    const file = { format: "kubeplay-work", version: 1, ...saved };
    await page.locator('.work-menu input[type="file"]').setInputFiles({
      name: "kubeplay-work.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(file)),
    });
    await ready();
    await page.waitForTimeout(1000);
    await watchLongTasks(page);

    const applyTrace = await measuredPhase(cdp, async () => {
      await typeInConsole(page, "kubectl apply -f settings.yaml");
      await waitForConsole(page, /configmap\/settings-0999 created/, 60_000);
      await page.waitForTimeout(1000);
    });
    reportPhase(`apply ${CONFIG_MAPS} ConfigMaps`, await takeLongTasks(page), applyTrace);

    await page.getByTestId("speed").selectOption("max");
    const scaleTrace = await measuredPhase(cdp, async () => {
      await typeInConsole(page, "kubectl create deployment big --image=nginx --replicas=1000");
      await waitForConsole(page, /deployment.apps\/big created/);
      await clickTestId(page, "play");
      await waitForText(page, `${graph} [data-kind="Deployment"]`, /1000\/1000 ready/, 180_000);
      await clickTestId(page, "pause");
    });
    reportPhase("1,000 pods created at max speed", await takeLongTasks(page), scaleTrace);

    const rolloutTrace = await measuredPhase(cdp, async () => {
      await typeInConsole(page, "kubectl set image deployment/big nginx=nginx:1.25");
      await waitForConsole(page, /image updated/);
      await clickTestId(page, "play");
      // Done when one ReplicaSet is left drawing pods and all 1,000 are ready.
      await page.waitForFunction(
        (s) =>
          new Set(
            [...document.querySelectorAll(`${s} [data-summary]`)].map((e) => e.getAttribute("data-summary")),
          ).size === 1,
        graph,
        { timeout: 180_000, polling: 250 },
      );
      await waitForText(page, `${graph} [data-kind="Deployment"]`, /1000\/1000 ready/, 180_000);
      await clickTestId(page, "pause");
    });
    reportPhase("1,000-pod rollout at max speed", await takeLongTasks(page), rolloutTrace);
  });
}
