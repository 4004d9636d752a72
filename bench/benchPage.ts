import { openWatchedPage, type WatchedPage } from "../tests/e2e/support/browser";
import { type PreviewServer, startPreview } from "../tests/e2e/support/preview";

type PageOptions = Parameters<typeof openWatchedPage>[0];

/** A watched page for a benchmark. */
export async function openBenchPage(options?: PageOptions): Promise<WatchedPage> {
  const browser = await openWatchedPage(options);
  // tsx (esbuild keepNames) wraps functions passed to page.evaluate in __name(); give the page a no-op one.
  await browser.context.addInitScript("globalThis.__name = (fn) => fn;");
  return browser;
}

/** Runs `bench` on the built app served by a fresh preview server, in a fresh page; closes both after. */
export async function withBenchPage(
  options: PageOptions,
  bench: (browser: WatchedPage, server: PreviewServer) => Promise<void>,
): Promise<void> {
  const server = await startPreview();
  try {
    const browser = await openBenchPage(options);
    try {
      await bench(browser, server);
    } finally {
      await browser.close();
    }
  } finally {
    await server.stop();
  }
}
