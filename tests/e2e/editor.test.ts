import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openWatchedPage, type WatchedPage } from "./support/browser";
import { type PreviewServer, startPreview } from "./support/preview";
import { terminalText, waitForTerminal } from "./support/terminal";

const EDITOR = '[data-testid="editor"]';

/** The visible editor text (Monaco renders spaces as no-break spaces). */
async function editorText(page: WatchedPage["page"]): Promise<string> {
  return (await page.locator(`${EDITOR} .view-lines`).innerText()).replace(/[\s\u200b-\u200d]+/g, " ");
}

/** Waits until Monaco has drawn text matching `pattern` (it renders on a later frame). */
async function waitForEditorText(page: WatchedPage["page"], pattern: RegExp): Promise<void> {
  await page.locator(`${EDITOR} .view-lines`, { hasText: pattern }).waitFor();
}

/**
 * Replaces the active file's text the way a learner would: select all, paste (typing would
 * auto-indent every line). The paste event carries the text, as the system clipboard would.
 */
async function replaceText(page: WatchedPage["page"], text: string): Promise<void> {
  await page.locator(`${EDITOR} .view-lines`).click();
  await page.keyboard.press("ControlOrMeta+A");
  await page
    .locator(`${EDITOR} textarea, ${EDITOR} .native-edit-context`)
    .first()
    .evaluate((target, pasted) => {
      const data = new DataTransfer();
      data.setData("text/plain", pasted);
      target.dispatchEvent(
        new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }),
      );
    }, text);
  const wanted = text.split("\n")[5].trim();
  await expect.poll(async () => (await editorText(page)).includes(wanted)).toBe(true);
}

const deployment = (replicas: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
`;

describe("the YAML editor", () => {
  let server: PreviewServer;
  let browser: WatchedPage;

  beforeAll(async () => {
    server = await startPreview();
    browser = await openWatchedPage();
    await browser.context.grantPermissions(["clipboard-read", "clipboard-write"], {
      origin: new URL(server.url).origin,
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("loads Monaco lazily with deployment.yaml, offline, and again after a reload", async () => {
    const { page } = browser;
    // The time this takes is a budget measured by `npm run bench` (bench/editorReady.ts), not asserted here.
    for (const open of [() => page.goto(server.url), () => page.reload()]) {
      await open();
      await page.locator(`${EDITOR}[data-ready="true"] .view-lines`).waitFor();
      await page.getByRole("tab", { name: "deployment.yaml" }).waitFor();
    }
    await waitForEditorText(page, /kind:\s+Deployment/);
    expect(browser.foreignRequests).toEqual([]);
  });

  it("documents fields on hover and completes them from the schema", async () => {
    const { page } = browser;
    await replaceText(page, deployment("2"));
    await page.locator(`${EDITOR} .view-line span`, { hasText: "replicas" }).first().hover();
    await page.locator(".monaco-hover", { hasText: "Number of desired pods" }).first().waitFor();
    await page.locator(`${EDITOR} .view-lines`).click();
    await page.keyboard.press("ControlOrMeta+End");
    await page.keyboard.type("stat");
    await page.keyboard.press("Control+Space");
    await page.locator(".suggest-widget .monaco-list-row", { hasText: "status" }).first().waitFor();
    await page.keyboard.press("Escape");
  });

  it("flags schema violations as you type: a wrong type and an unknown field", async () => {
    const { page } = browser;
    await replaceText(page, deployment("three"));
    await page
      .locator(`${EDITOR} .squiggly-warning, ${EDITOR} .squiggly-error`)
      .first()
      .waitFor({ timeout: 10_000 });
    await replaceText(page, deployment("2").replace("  selector:", "  replicass: 2\n  selector:"));
    await page
      .locator(`${EDITOR} .squiggly-warning, ${EDITOR} .squiggly-error`)
      .first()
      .waitFor({ timeout: 10_000 });
    // The marker's message names the field (Monaco lists markers in its problems hover/aria text).
    await expect(
      page.locator(`${EDITOR} .squiggly-warning, ${EDITOR} .squiggly-error`).count(),
    ).resolves.toBeGreaterThan(0);
  });

  it("applies the file with Apply and shows the result in the console and as a status line", async () => {
    const { page } = browser;
    await replaceText(page, deployment("2"));
    await page.locator('[data-testid="apply"]').click();
    await page.getByRole("status").filter({ hasText: "deployment.apps/web created" }).waitFor();
    await waitForTerminal(page, /\$ kubectl apply -f - < deployment\.yaml\s+deployment\.apps\/web created/);
  });

  it("shows an apply-time error as an alert and a marker on the failing line, keeping the text", async () => {
    const { page } = browser;
    await replaceText(page, deployment("three"));
    await page.keyboard.press("ControlOrMeta+Enter");
    const alert = page.locator('[data-region="editor"] [role="alert"]');
    await alert.waitFor();
    await expect(alert.innerText()).resolves.toMatch(
      /cannot unmarshal string into Go struct field DeploymentSpec\.spec\.replicas/,
    );
    await page.locator(`${EDITOR} .squiggly-error`).first().waitFor();
    await expect(page.locator(`${EDITOR} .view-lines`).innerText()).resolves.toMatch(/replicas:\s+three/);
    await expect(terminalText(page)).resolves.toMatch(/Error from server \(BadRequest\)/);
  });

  it("opens, renames and inserts templates into tabs", async () => {
    const { page } = browser;
    await page.getByRole("button", { name: "New file" }).click();
    await page.getByRole("tab", { name: "untitled.yaml" }).dblclick();
    const input = page.getByRole("textbox", { name: "File name" });
    await input.fill("pod.yaml");
    await input.press("Enter");
    await page.getByRole("tab", { name: "pod.yaml", selected: true }).waitFor();
    await page.getByRole("combobox", { name: "Insert template…" }).selectOption("Pod");
    await waitForEditorText(page, /kind:\s+Pod/);
  });

  it("keeps the editor text across a reload", async () => {
    const { page } = browser;
    await page.getByRole("tab", { name: "deployment.yaml" }).click();
    await replaceText(page, deployment("5"));
    await page.waitForTimeout(1500);
    await page.reload();
    await page.locator(`${EDITOR}[data-ready="true"] .view-lines`).waitFor();
    await page.getByRole("tab", { name: "pod.yaml" }).waitFor();
    await page.getByRole("tab", { name: "deployment.yaml" }).click();
    await expect(page.locator(`${EDITOR} .view-lines`).innerText()).resolves.toMatch(/replicas:\s+5/);
  });

  it("follows the app theme and language; screenshots", async () => {
    const { page } = browser;
    await page.getByRole("button", { name: "English" }).click();
    await page.screenshot({ path: ".tmp/editor-en-light.png" });
    await page.getByRole("button", { name: "中文" }).click();
    await page.getByRole("button", { name: "应用" }).waitFor();
    const toggle = page.locator(".theme-toggle");
    await toggle.click();
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe("dark");
    await page.locator(`${EDITOR} .monaco-editor.vs-dark`).waitFor();
    await page.screenshot({ path: ".tmp/editor-zh-dark.png" });
    await toggle.click();
    await page.getByRole("button", { name: "English" }).click();
    expect(browser.foreignRequests).toEqual([]);
    expect(browser.consoleErrors).toEqual([]);
  });
});
