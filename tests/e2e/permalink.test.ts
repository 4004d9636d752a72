import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeWorkLink } from "../../app/permalink/codec";
import type { Work } from "../../app/permalink/work";
import { openWatchedPage, type WatchedPage } from "./support/browser";
import { type PreviewServer, startPreview } from "./support/preview";

const start = "2026-01-05T10:00:00Z";
const t0 = Date.parse(start);

/** A learner's session: one deployment created two seconds in, shared at the 30-second mark. */
const work: Work = {
  seed: 1,
  nodes: 3,
  start,
  files: { "notes.yaml": "# my notes\n" },
  log: [{ at: t0 + 2000, tool: "kubectl", line: "create deployment web --image=nginx --replicas=3" }],
  end: t0 + 30_000,
};

/** Names of the objects of one kind drawn in the cluster view, once `count` of them are shown. */
async function namesOf(browser: WatchedPage, kind: string, count: number): Promise<string[]> {
  const drawn = browser.page.locator(`[data-testid="cluster-graph"] [data-kind="${kind}"]`);
  await drawn.nth(count - 1).waitFor();
  return (await drawn.evaluateAll((els) => els.map((el) => el.getAttribute("data-name") ?? ""))).sort();
}

describe("permalinks", () => {
  let server: PreviewServer;
  const browsers: WatchedPage[] = [];
  const open = async () => {
    const browser = await openWatchedPage();
    browsers.push(browser);
    return browser;
  };

  beforeAll(async () => {
    server = await startPreview();
  });

  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await server?.stop();
  });

  let sharedUrl = "";
  let podNames: string[] = [];

  it("opening a link replays it: the deployment, its ReplicaSet and three pods exist at the shared time", async () => {
    const browser = await open();
    await browser.page.goto(`${server.url}${encodeWorkLink(work)}`, { waitUntil: "networkidle" });
    await expect(namesOf(browser, "Deployment", 1)).resolves.toEqual(["web"]);
    const [replicaSet] = await namesOf(browser, "ReplicaSet", 1);
    expect(replicaSet).toMatch(/^web-[a-z0-9]+$/);
    podNames = await namesOf(browser, "Pod", 3);
    expect(podNames.every((name) => name.startsWith(`${replicaSet}-`))).toBe(true);
    await expect(browser.page.getByTestId("clock").textContent()).resolves.toBe("10:00:30");
    // The link is consumed: a reload restores the autosave, not the link.
    expect(new URL(browser.page.url()).hash).toBe("");

    await browser.page.getByTestId("share").click();
    sharedUrl = await browser.page.getByTestId("share-url").inputValue();
    expect(sharedUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#\/s\/2\.[A-Za-z0-9_-]+$/);
    await browser.page.screenshot({ path: ".tmp/permalink-shared.png" });
    expect(browser.foreignRequests).toEqual([]);
    expect(browser.consoleErrors).toEqual([]);
  });

  it("the shared link opens in a fresh browser profile as the identical cluster (same pod names)", async () => {
    const browser = await open();
    await browser.page.goto(sharedUrl, { waitUntil: "networkidle" });
    await expect(namesOf(browser, "Pod", 3)).resolves.toEqual(podNames);
    await expect(browser.page.getByTestId("clock").textContent()).resolves.toBe("10:00:30");
    expect(browser.foreignRequests).toEqual([]);
    expect(browser.consoleErrors).toEqual([]);
  });

  it("the work survives a reload (autosave)", async () => {
    const browser = browsers[1];
    await browser.page.getByRole("button", { name: "Advance time by +1m" }).click();
    await browser.page.getByTestId("clock").filter({ hasText: "10:01:30" }).waitFor();
    await browser.page.waitForTimeout(1500); // autosave writes at most once a second
    await browser.page.reload({ waitUntil: "networkidle" });
    await expect(namesOf(browser, "Pod", 3)).resolves.toEqual(podNames);
    await browser.page.getByTestId("clock").filter({ hasText: "10:01:30" }).waitFor();
  });

  it("reset, once confirmed, restores a clean cluster", async () => {
    const { page } = browsers[1];
    await page.getByRole("button", { name: "Reset", exact: true }).click();
    await page.getByRole("button", { name: "Cancel" }).click();
    await expect(namesOf(browsers[1], "Pod", 3)).resolves.toEqual(podNames);
    await page.getByRole("button", { name: "Reset", exact: true }).click();
    await page.getByRole("button", { name: "Reset the cluster" }).click();
    await page.getByTestId("clock").filter({ hasText: "10:00:00" }).waitFor();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="cluster-graph"] [data-kind="Pod"]').length === 0,
    );
  });

  it("a truncated link shows a translated alert and an empty, working playground", async () => {
    const browser = await open();
    const { page } = browser;
    const broken = encodeWorkLink(work).slice(0, 40);
    await page.goto(`${server.url}${broken}`, { waitUntil: "networkidle" });
    const alert = page.locator('[role="alert"][data-notice="link"]');
    await expect(alert.textContent()).resolves.toContain("This link is damaged or incomplete");
    await page.locator('[data-testid="cluster-graph"] [data-kind="Node"]').first().waitFor();
    await expect(
      page.locator('[data-testid="cluster-graph"] [data-kind="Deployment"]').count(),
    ).resolves.toBe(0);
    await page.getByRole("button", { name: "Advance time by +1m" }).click();
    await page.getByTestId("clock").filter({ hasText: "10:01:00" }).waitFor();
    await page.getByRole("button", { name: "中文" }).click();
    await expect(alert.textContent()).resolves.toContain("这个链接已损坏或不完整");
    await page.screenshot({ path: ".tmp/permalink-broken.png" });
    expect(browser.foreignRequests).toEqual([]);
    expect(browser.consoleErrors).toEqual([]);
  });

  it("a tampered link never injects its text as HTML", async () => {
    const browser = await open();
    const { page } = browser;
    await page.goto(`${server.url}#/s/1.<img src=x onerror=alert(1)>`, { waitUntil: "networkidle" });
    await page.locator('[role="alert"][data-notice="link"]').waitFor();
    await expect(page.locator("img[src=x]").count()).resolves.toBe(0);
    expect(browser.consoleErrors).toEqual([]);
  });
});
