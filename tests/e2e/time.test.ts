import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openWatchedPage, type WatchedPage } from "./support/browser";
import { type PreviewServer, startPreview } from "./support/preview";

/** Seconds since midnight UTC shown by the simulated clock (`10:00:10` → 36010). */
/**
 * Seconds since the start day's midnight, from the clock's title (the full instant: at max
 * speed an idle cluster passes midnight within a second, which the HH:MM:SS text hides).
 */
async function clockSeconds(browser: WatchedPage): Promise<number> {
  const title = (await browser.page.getByTestId("clock").getAttribute("title")) ?? "";
  const ms = Date.parse(title.replace(" UTC", "Z").replace(" ", "T"));
  return (ms - START_DAY) / 1000;
}

const START_DAY = Date.parse("2026-01-05T00:00:00Z");
const START = 10 * 3600; // the default cluster starts at 10:00:00 UTC

describe("time controls", () => {
  let server: PreviewServer;
  let browser: WatchedPage;

  beforeAll(async () => {
    server = await startPreview();
    browser = await openWatchedPage();
    await browser.page.goto(server.url, { waitUntil: "networkidle" });
    await browser.page.getByTestId("play").and(browser.page.locator(":enabled")).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("starts paused at the cluster's start time", async () => {
    await expect(browser.page.getByTestId("clock").textContent()).resolves.toBe("10:00:00");
    await browser.page.waitForTimeout(500);
    await expect(clockSeconds(browser)).resolves.toBe(START);
  });

  it("steps to the next scheduled event (the nodes' 10-second heartbeat)", async () => {
    await browser.page.getByRole("button", { name: "Step" }).click();
    await browser.page.getByTestId("clock").filter({ hasText: "10:00:10" }).waitFor();
  });

  it("advances by a minute on +1m", async () => {
    await browser.page.getByRole("button", { name: "Advance time by +1m" }).click();
    await browser.page.getByTestId("clock").filter({ hasText: "10:01:10" }).waitFor();
  });

  it("plays at 60× and stops when paused", async () => {
    const { page } = browser;
    await page.getByTestId("speed").selectOption("60");
    const before = await clockSeconds(browser);
    await page.getByTestId("play").click();
    await page.waitForTimeout(2000);
    await page.getByTestId("pause").click();
    await page.getByTestId("play").waitFor();
    const played = (await clockSeconds(browser)) - before;
    // 2 s of real time at 60× is 120 s; allow for click latency either side.
    expect(played).toBeGreaterThanOrEqual(90);
    expect(played).toBeLessThanOrEqual(180);
    const paused = await clockSeconds(browser);
    await page.waitForTimeout(1000);
    await expect(clockSeconds(browser)).resolves.toBe(paused);
  });

  it("plays faster at max than at 1×", async () => {
    const { page } = browser;
    await page.getByTestId("speed").selectOption("max");
    const before = await clockSeconds(browser);
    await page.getByTestId("play").click();
    await page.waitForTimeout(1000);
    await page.getByTestId("pause").click();
    const after = await clockSeconds(browser);
    expect(after - before).toBeGreaterThan(60);
    // Past midnight (an idle cluster gets there within the second) the clock says which day it is.
    const day = Math.floor(after / 86_400) + 1;
    const text = (await page.getByTestId("clock").textContent()) ?? "";
    if (day > 1) expect(text).toMatch(new RegExp(`^Day ${day} \\d\\d:\\d\\d:\\d\\d$`));
    else expect(text).toMatch(/^\d\d:\d\d:\d\d$/);
    await page.screenshot({ path: ".tmp/time-controls.png" });
  });

  it("is operable from the keyboard", async () => {
    const { page } = browser;
    await page.getByTestId("speed").selectOption("1");
    await page.getByTestId("play").focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("pause").waitFor();
    await page.getByTestId("pause").focus();
    await page.keyboard.press("Space");
    await page.getByTestId("play").waitFor();
  });

  it("made no foreign requests and logged no errors", () => {
    expect(browser.foreignRequests).toEqual([]);
    expect(browser.consoleErrors).toEqual([]);
  });
});
