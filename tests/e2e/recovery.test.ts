import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeWorkLink } from "../../app/permalink/codec";
import type { Work } from "../../app/permalink/work";
import { openWatchedPage, type WatchedPage } from "./support/browser";
import { type PreviewServer, startPreview } from "./support/preview";

const start = "2026-01-05T10:00:00Z";
const t0 = Date.parse(start);
const work: Work = {
  seed: 7,
  nodes: 2,
  start,
  files: {},
  log: [{ at: t0 + 1000, tool: "kubectl", line: "create deployment api --image=nginx --replicas=2" }],
  end: t0 + 20_000,
};

/** The simulation worker among the page's workers (the editor has its own): the one named kubeplay-sim. */
async function simWorkers(page: WatchedPage["page"]) {
  const named = await Promise.all(
    page.workers().map(async (w) => ((await w.evaluate("self.name")) === "kubeplay-sim" ? w : undefined)),
  );
  return named.filter((w) => w !== undefined);
}

async function podNames(browser: WatchedPage): Promise<string[]> {
  // The cluster view draws each pod with its name in `data-name`.
  const pods = browser.page.locator('[data-testid="cluster-graph"] [data-kind="Pod"]');
  await pods.nth(1).waitFor();
  return (await pods.evaluateAll((els) => els.map((el) => el.getAttribute("data-name") ?? ""))).sort();
}

describe("recovery from a lost simulation worker", () => {
  let server: PreviewServer;
  let browser: WatchedPage;

  beforeAll(async () => {
    server = await startPreview();
    browser = await openWatchedPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("restarts a worker that stopped, replays the log and tells the learner; nothing is lost", async () => {
    const { page } = browser;
    await page.goto(`${server.url}${encodeWorkLink(work)}`, { waitUntil: "networkidle" });
    const before = await podNames(browser);
    await page.getByRole("button", { name: "Advance time by +10s" }).click();
    await page.getByTestId("clock").filter({ hasText: "10:00:30" }).waitFor();

    // Kill the worker from outside, as a crash would: it closes itself and never answers again.
    const workers = await simWorkers(page);
    expect(workers).toHaveLength(1);
    void workers[0].evaluate("self.close()").catch(() => undefined);

    const alert = page.locator('[role="alert"][data-notice="simulator"]');
    await alert.filter({ hasText: "your work replayed" }).waitFor({ timeout: 20_000 });
    await page.screenshot({ path: ".tmp/recovered.png" });
    await expect(podNames(browser)).resolves.toEqual(before);
    await expect(page.getByTestId("clock").textContent()).resolves.toBe("10:00:30");
    await expect(simWorkers(page)).resolves.toHaveLength(1);

    // The new worker answers.
    await page.getByRole("button", { name: "Advance time by +1m" }).click();
    await page.getByTestId("clock").filter({ hasText: "10:01:30" }).waitFor();
    expect(browser.foreignRequests).toEqual([]);
    expect(browser.consoleErrors).toEqual([]);
  });
});
