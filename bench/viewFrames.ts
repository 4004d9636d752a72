import type { Page } from "playwright-core";
import { withBenchPage } from "./benchPage";
import { typeCommand, waitForTerminal } from "../tests/e2e/support/terminal";
import { report } from "./timing";

const graph = '[data-testid="cluster-graph"]';

/** requestAnimationFrame intervals (ms) over `ms` of wall time. */
function frames(page: Page, ms: number): Promise<number[]> {
  return page.evaluate(
    (duration) =>
      new Promise<number[]>((resolve) => {
        const deltas: number[] = [];
        let last = performance.now();
        const end = last + duration;
        const tick = (now: number) => {
          deltas.push(now - last);
          last = now;
          if (now < end) requestAnimationFrame(tick);
          else resolve(deltas.slice(1));
        };
        requestAnimationFrame(tick);
      }),
    ms,
  );
}

/**
 * Per watch batch, ms from the mirror taking it to the graph committing it (recorded since the
 * last call): the view's work, and since the graph renders in React's deferred pass, any wait
 * for that pass while other batches or frames go first.
 */
async function batchWork(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const entries = performance.getEntriesByName("kubeplay:view-batch").map((e) => e.duration);
    performance.clearMeasures("kubeplay:view-batch");
    return entries;
  });
}

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? 0;
}

/** Reports the p95 of `values` against a budget (ms); "-" for figures without one. */
function reportP95(label: string, values: number[], budgetMs?: number): void {
  const figure = p95(values);
  report(
    `${label} (p95, n=${values.length})`,
    `${figure.toFixed(1)} ms`,
    budgetMs ? `${budgetMs} ms` : "-",
    budgetMs === undefined || figure <= budgetMs,
  );
}

/**
 * Moves the pointer onto the Deployment card and measures, in the page, from the pointer event
 * to the first frame painted with its ReplicaSets highlighted (then moves it away again).
 */
async function hoverToHighlight(page: Page): Promise<number> {
  const box = await page.locator(`${graph} [data-kind="Deployment"]`).boundingBox();
  if (!box) throw new Error("no Deployment drawn");
  // Listen first (a separate round trip), so the pointer event cannot come before the listener.
  await page.evaluate((selector) => {
    const svg = document.querySelector(selector) as SVGSVGElement;
    const done = new Promise<number>((resolve) => {
      svg.addEventListener(
        "pointerover",
        (event) => {
          const start = event.timeStamp;
          const lit = () => svg.querySelector('[data-kind="ReplicaSet"][data-highlighted="true"]');
          const painted = () => requestAnimationFrame(() => resolve(performance.now() - start));
          if (lit()) return painted();
          const observer = new MutationObserver(() => {
            if (!lit()) return;
            observer.disconnect();
            painted();
          });
          observer.observe(svg, { subtree: true, attributes: true, attributeFilter: ["data-highlighted"] });
        },
        { once: true },
      );
    });
    (globalThis as { hoverMeasure?: Promise<number> }).hoverMeasure = done;
  }, graph);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const ms = await page.evaluate(() => (globalThis as { hoverMeasure?: Promise<number> }).hoverMeasure ?? -1);
  await page.mouse.move(2, 2);
  await page.locator(`${graph} [data-highlighted="true"]`).first().waitFor({ state: "detached" });
  return ms;
}

/** Clicks every group toggle whose accessible name is `name` (one at a time: each click redraws). */
async function toggleAll(page: Page, name: string): Promise<void> {
  const toggles = page.locator(`${graph} [data-toggle][aria-label="${name}"]`);
  for (let left = 10; left > 0 && (await toggles.count()) > 0; left--)
    await toggles.first().dispatchEvent("click");
}

/** The median of five hover measurements. */
async function medianHover(page: Page): Promise<number> {
  const hovers: number[] = [];
  for (let i = 0; i < 5; i++) hovers.push(await hoverToHighlight(page));
  return [...hovers].sort((a, b) => a - b)[2];
}

/** Waits until the view has taken in everything the worker sent (no batch for half a second). */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      new Promise<boolean>((resolve) => {
        const count = () => performance.getEntriesByName("kubeplay:view-batch").length;
        const before = count();
        setTimeout(() => resolve(count() === before), 500);
      }),
    undefined,
    { timeout: 30_000 },
  );
}

async function advance(page: Page, label: string, clock: string): Promise<void> {
  await page.getByRole("button", { name: `Advance time by ${label}` }).click();
  await page.getByTestId("clock").filter({ hasText: clock }).waitFor({ timeout: 30_000 });
}

/**
 * Frame-time budgets of the cluster view (issue 6), in headless Chromium with
 * requestAnimationFrame intervals: a 300-pod rolling update, the same with every pod drawn,
 * and 1,000 pods in collapsed groups (how long a hover takes to highlight).
 */
export async function benchViewFrames(): Promise<void> {
  await withBenchPage({}, async (browser, server) => {
    const { page } = browser;
    await page.goto(server.url);
    await page.locator('[data-testid="console"][data-ready="true"] .xterm-rows').waitFor();
    await typeCommand(page, "kubectl create deployment big --image=nginx --replicas=300");
    await waitForTerminal(page, /deployment.apps\/big created/);
    await advance(page, "+1m", "10:01:00");
    await advance(page, "+1m", "10:02:00");
    await page.locator(`${graph} [data-summary]`).first().waitFor();
    reportP95("view idle, 300 pods, frame interval", await frames(page, 2000), 17.5);
    await batchWork(page);
    await typeCommand(page, "kubectl set image deployment/big nginx=nginx:1.25");
    await waitForTerminal(page, /image updated/);
    await page.getByTestId("speed").selectOption("10");
    await page.getByTestId("play").click();
    reportP95("300-pod rolling update at 10x, frame interval", await frames(page, 5000), 33);
    reportP95("view: watch batch to graph drawn, 300 pods", await batchWork(page), 8);
    await page.getByTestId("pause").click();

    for (const toggle of await page.locator(`${graph} [data-toggle]`).all())
      await toggle.dispatchEvent("click");
    await page.locator(`${graph} [data-kind="Pod"]`).nth(250).waitFor();
    await batchWork(page);
    await typeCommand(page, "kubectl set image deployment/big nginx=nginx:1.26");
    await waitForTerminal(page, /image updated/);
    await page.getByTestId("play").click();
    reportP95("300 expanded pods, rolling update at 10x, frame interval", await frames(page, 5000));
    reportP95("view: watch batch to graph drawn, 300 expanded pods", await batchWork(page));
    await page.getByTestId("pause").click();

    // Collapse what was expanded (only those: a toggle on a collapsed group would expand it).
    await toggleAll(page, "Collapse into a summary");
    await typeCommand(page, "kubectl scale deployment big --replicas=1000");
    await waitForTerminal(page, /deployment.apps\/big scaled/);
    await page.getByTestId("speed").selectOption("60");
    await page.getByTestId("play").click();
    await page.waitForTimeout(1500);
    reportP95("1,000 pods scaling up at 60x, frame interval", await frames(page, 3000), 50);
    await page.getByTestId("pause").click();
    await settled(page);
    const collapsed = await medianHover(page);
    report(
      "1,000 pods, groups collapsed: hover to highlight painted (median of 5)",
      `${collapsed.toFixed(0)} ms`,
      "100 ms",
      collapsed <= 100,
    );
  });
}
