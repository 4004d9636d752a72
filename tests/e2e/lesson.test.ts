import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCourse } from "../../app/lessons/courseFiles";
import { openWatchedPage, type WatchedPage } from "./support/browser";
import { type PreviewServer, startPreview } from "./support/preview";
import { waitForTerminal } from "./support/terminal";

/** The real course, read the way the app bundles it. */
function readCourse() {
  const root = new URL("../../lessons/", import.meta.url).pathname;
  const texts: Record<string, string> = {};
  for (const folder of readdirSync(root).filter((f) => statSync(join(root, f)).isDirectory())) {
    for (const file of readdirSync(join(root, folder)).filter((f) => f.endsWith(".yaml"))) {
      texts[`/lessons/${folder}/${file}`] = readFileSync(join(root, folder, file), "utf8");
    }
  }
  return buildCourse(texts).lessons;
}

const course = readCourse();
const lesson = course[0];
const steps = lesson.spec.steps;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The open step, once it is ready for the learner. */
async function readyStep(page: Page, stepId: string) {
  const step = page.getByTestId("lesson-step");
  try {
    await page.locator(`[data-testid="lesson-step"][data-step="${stepId}"][data-status="ready"]`).waitFor();
  } catch (error) {
    const seen = await page.locator('[data-region="lessons"]').innerHTML();
    throw new Error(
      `step ${stepId} never became ready at ${page.url()}; the lessons region shows:\n${seen}`,
      {
        cause: error,
      },
    );
  }
  return step;
}

/** Pod names drawn in the cluster view (the cluster's state as the learner sees it). */
async function podNames(page: Page): Promise<string[]> {
  const pods = page.locator('[data-testid="cluster-graph"] [data-kind="Pod"]');
  return (await pods.evaluateAll((els) => els.map((el) => el.getAttribute("data-name") ?? ""))).sort();
}

/** The page itself never scrolls at 1280×800: instructions, editor, view and console all fit. */
async function expectFitsWithoutScrolling(page: Page): Promise<void> {
  const size = await page.evaluate(() => ({
    scrollHeight: document.documentElement.scrollHeight,
    scrollWidth: document.documentElement.scrollWidth,
    width: innerWidth,
    height: innerHeight,
  }));
  expect(size.scrollHeight).toBeLessThanOrEqual(size.height);
  expect(size.scrollWidth).toBeLessThanOrEqual(size.width);
  for (const region of ["lessons", "editor", "view", "console"]) {
    const box = await page.locator(`[data-region="${region}"]`).boundingBox();
    expect(box, region).not.toBeNull();
    expect((box?.y ?? 0) + (box?.height ?? 0), region).toBeLessThanOrEqual(800);
    expect(box?.height ?? 0, region).toBeGreaterThan(150);
  }
  const actions = await page
    .getByTestId("show-solution")
    .or(page.getByTestId("next-step"))
    .first()
    .boundingBox();
  expect((actions?.y ?? 900) + (actions?.height ?? 0)).toBeLessThanOrEqual(800);
}

describe(`the lesson runner plays ${lesson.spec.id} through the UI`, () => {
  let server: PreviewServer;
  let browser: WatchedPage;
  const others: WatchedPage[] = [];

  beforeAll(async () => {
    server = await startPreview();
    browser = await openWatchedPage();
  });

  afterAll(async () => {
    for (const other of others) await other.close();
    await browser?.close();
    await server?.stop();
  });

  it("lists every lesson in course order, with progress", async () => {
    const { page } = browser;
    await page.goto(`${server.url}#/lessons`, { waitUntil: "networkidle" });
    await page.getByRole("button", { name: "English" }).click();
    const links = page.getByTestId("lesson-link");
    await links.first().waitFor();
    const hrefs = await links.evaluateAll((els) => els.map((el) => el.getAttribute("href")));
    expect(hrefs).toEqual(course.map((l) => `#/lessons/${l.spec.id}/1`));
    await expect(page.getByText(`0 of ${steps.length} steps`).first().isVisible()).resolves.toBe(true);
    await page.screenshot({ path: ".tmp/lesson-list.png" });
  });

  it("plays every step with hints and show solution, each step at its own URL, to the summary", async () => {
    const { page } = browser;
    await page.getByTestId("lesson-link").first().click();
    for (const [index, spec] of steps.entries()) {
      const step = await readyStep(page, spec.id);
      expect(new URL(page.url()).hash).toBe(`#/lessons/${lesson.spec.id}/${index + 1}`);
      await expect(step.getAttribute("data-state")).resolves.toBe("pending");
      const hints = lesson.prose.en.steps[spec.id].hints;
      await page.getByTestId("hint").click();
      await expect(page.locator(".lesson-hints li").count()).resolves.toBe(1);
      if (hints.length > 1) {
        await page.getByTestId("hint").click();
        await expect(page.locator(".lesson-hints li").count()).resolves.toBe(2);
      }
      if (index === 1) await screenshotsMidway(page);
      await page.getByTestId("show-solution").click();
      await page.locator('[data-testid="lesson-step"][data-state="passed"]').waitFor({ timeout: 60_000 });
      const checks = await page
        .locator(".lesson-checks .check")
        .evaluateAll((els) => els.map((el) => el.getAttribute("data-state")));
      expect(checks).toEqual(spec.checks.map(() => "passed"));
      const shown = spec.solution.find((c) => c.kubectl !== undefined)?.kubectl;
      if (index === 0 && shown) await waitForTerminal(page, new RegExp(`\\$ kubectl ${escape(shown)}`));
      if (index === 1) await page.screenshot({ path: ".tmp/lesson-passed-en.png" });
      await page.getByTestId("next-step").click();
    }
    await page.getByTestId("lesson-summary").waitFor();
    await expect(page.getByTestId("lesson-summary").textContent()).resolves.toContain("Lesson complete");
    await page.screenshot({ path: ".tmp/lesson-summary.png" });
    await page.getByRole("link", { name: /All lessons/ }).click();
    await expect(page.getByText("✓ Completed").first().isVisible()).resolves.toBe(true);
    expect(browser.foreignRequests).toEqual([]);
    expect(browser.consoleErrors).toEqual([]);
  });

  /** Step 2, mid-way through: both languages, looked at by a person; the page must not scroll. */
  async function screenshotsMidway(page: Page): Promise<void> {
    await expectFitsWithoutScrolling(page);
    await page.screenshot({ path: ".tmp/lesson-midway-en.png" });
    await page.getByRole("button", { name: "中文" }).click();
    await expect(page.getByTestId("show-solution").textContent()).resolves.toBe("查看答案");
    await expectFitsWithoutScrolling(page);
    await page.screenshot({ path: ".tmp/lesson-midway-zh.png" });
    await page.getByRole("button", { name: "English" }).click();
  }

  /** A step after some pods exist (the lesson's last step tears everything down). */
  const jump = Math.min(2, steps.length - 1);

  it("opens a step by URL on a cluster rebuilt from the earlier steps, and a permalink reopens the same step and cluster", async () => {
    const { page } = browser;
    const last = jump;
    await page.goto(`${server.url}#/lessons/${lesson.spec.id}/${last + 1}`);
    await readyStep(page, steps[last].id);
    await page.locator('[data-testid="cluster-graph"] [data-kind="Pod"]').first().waitFor();
    const pods = await podNames(page);
    const clock = await page.getByTestId("clock").textContent();
    await page.getByTestId("share").click();
    const link = await page.getByTestId("share-url").inputValue();

    const other = await openWatchedPage();
    others.push(other);
    await other.page.goto(link, { waitUntil: "networkidle" });
    await readyStep(other.page, steps[last].id);
    expect(new URL(other.page.url()).hash).toBe(`#/lessons/${lesson.spec.id}/${last + 1}`);
    await other.page.locator('[data-testid="cluster-graph"] [data-kind="Pod"]').first().waitFor();
    await expect(podNames(other.page)).resolves.toEqual(pods);
    await expect(other.page.getByTestId("clock").textContent()).resolves.toBe(clock);
    expect(other.foreignRequests).toEqual([]);
    expect(other.consoleErrors).toEqual([]);
  });

  it("keeps the step and its cluster across a reload (autosave), and resets the step on request", async () => {
    const { page } = browser;
    const last = jump;
    const pods = await podNames(page);
    await page.waitForTimeout(1500); // autosave writes at most once a second
    await page.reload({ waitUntil: "networkidle" });
    await readyStep(page, steps[last].id);
    await page.locator('[data-testid="cluster-graph"] [data-kind="Pod"]').first().waitFor();
    await expect(podNames(page)).resolves.toEqual(pods);
    await page.getByRole("button", { name: "Reset step" }).click();
    await readyStep(page, steps[last].id);
    await expect(page.getByTestId("lesson-step").getAttribute("data-state")).resolves.toBe("pending");
    expect(browser.foreignRequests).toEqual([]);
    expect(browser.consoleErrors).toEqual([]);
  });
});
