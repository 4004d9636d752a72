import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openWatchedPage, type WatchedPage } from "./support/browser";
import { type PreviewServer, startPreview } from "./support/preview";

describe("the app shell", () => {
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

  it("loads with its header, language switch and four regions, offline and without console errors", async () => {
    const { page } = browser;
    await page.goto(server.url, { waitUntil: "networkidle" });

    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("kubeplay");
    await expect(page.getByRole("button", { name: "中文" }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole("button", { name: "English" }).isVisible()).resolves.toBe(true);
    for (const region of ["lessons", "editor", "view", "console"]) {
      await expect(page.locator(`[data-region="${region}"]`).isVisible(), region).resolves.toBe(true);
    }

    expect(browser.foreignRequests).toEqual([]);
    expect(browser.consoleErrors).toEqual([]);
  });

  it("switches the whole shell between 中文 and English", async () => {
    const { page } = browser;
    await page.getByRole("button", { name: "中文" }).click();
    await expect(page.locator('[data-region="console"] h2').textContent()).resolves.toBe("控制台");
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe("zh-CN");
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator('[data-region="console"] h2').textContent()).resolves.toBe("Console");
  });
});
