import type { Page } from "playwright-core";
import { openWatchedPage } from "../tests/e2e/support/browser";
import { startPreview } from "../tests/e2e/support/preview";
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

/** Durations (ms) of the view's per-batch main-thread work recorded since the last call. */
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

async function advance(page: Page, label: string, clock: string): Promise<void> {
  await page.getByRole("button", { name: `Advance time by ${label}` }).click();
  await page.getByTestId("clock").filter({ hasText: clock }).waitFor({ timeout: 30_000 });
}

/**
 * Frame-time budgets of the cluster view (issue 6), in headless Chromium with
 * requestAnimationFrame intervals: a 300-pod rolling update, the same with every pod drawn,
 * and 1,000 pods (how long a hover takes to highlight).
 */
export async function benchViewFrames(): Promise<void> {
  const server = await startPreview();
  const browser = await openWatchedPage();
  // tsx (esbuild keepNames) wraps functions passed to page.evaluate in __name(); give the page a no-op one.
  await browser.context.addInitScript("globalThis.__name = (fn) => fn;");
  try {
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
    reportP95("view work per watch batch, 300 pods", await batchWork(page), 8);
    await page.getByTestId("pause").click();

    for (const toggle of await page.locator(`${graph} [data-toggle]`).all())
      await toggle.dispatchEvent("click");
    await page.locator(`${graph} [data-kind="Pod"]`).nth(250).waitFor();
    await batchWork(page);
    await typeCommand(page, "kubectl set image deployment/big nginx=nginx:1.26");
    await waitForTerminal(page, /image updated/);
    await page.getByTestId("play").click();
    reportP95("300 expanded pods, rolling update at 10x, frame interval", await frames(page, 5000));
    reportP95("view work per watch batch, 300 expanded pods", await batchWork(page));
    await page.getByTestId("pause").click();

    for (const toggle of await page.locator(`${graph} [data-toggle]`).all())
      await toggle.dispatchEvent("click");
    await typeCommand(page, "kubectl scale deployment big --replicas=1000");
    await waitForTerminal(page, /deployment.apps\/big scaled/);
    await page.getByTestId("speed").selectOption("60");
    await page.getByTestId("play").click();
    await page.waitForTimeout(1500);
    reportP95("1,000 pods scaling up at 60x, frame interval", await frames(page, 3000), 50);
    await page.getByTestId("pause").click();
    const started = performance.now();
    await page.locator(`${graph} [data-kind="Deployment"]`).hover();
    await page
      .locator(`${graph} [data-kind="ReplicaSet"][data-highlighted="true"]`)
      .first()
      .waitFor({ timeout: 60_000 });
    const hover = performance.now() - started;
    report(
      "1,000 pods: hover to highlight (with Playwright round trips)",
      `${hover.toFixed(0)} ms`,
      "100 ms",
      hover <= 100,
    );
  } finally {
    await browser.close();
    await server.stop();
  }
}
