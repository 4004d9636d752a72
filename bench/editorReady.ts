import { openWatchedPage } from "../tests/e2e/support/browser";
import { startPreview } from "../tests/e2e/support/preview";
import { report } from "./timing";

/** Time from navigation until Monaco shows the editor's text, on a first and on a return visit. */
export async function benchEditorReady(): Promise<void> {
  const server = await startPreview();
  const browser = await openWatchedPage();
  // tsx (esbuild keepNames) wraps functions passed to page.evaluate in __name(); give the page a no-op one.
  await browser.context.addInitScript("globalThis.__name = (fn) => fn;");
  try {
    const { page } = browser;
    const usableAfter = async (open: () => Promise<unknown>) => {
      const started = performance.now();
      await open();
      await page.locator('[data-testid="editor"][data-ready="true"] .view-lines').waitFor();
      return performance.now() - started;
    };
    const cold = await usableAfter(() => page.goto(server.url));
    const warm = await usableAfter(() => page.reload());
    report(
      "editor usable after navigation, first visit (new profile)",
      `${cold.toFixed(0)} ms`,
      "2,500 ms",
      cold <= 2500,
    );
    report("editor usable after navigation, return visit", `${warm.toFixed(0)} ms`, "2,500 ms", warm <= 2500);
  } finally {
    await browser.close();
    await server.stop();
  }
}
