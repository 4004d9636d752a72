import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";

/** A headless Chromium page that records what a test must never see. */
export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Requests to any host other than localhost (each was aborted). */
  foreignRequests: string[];
  /** console.error messages and uncaught page errors. */
  consoleErrors: string[];
  close: () => Promise<void>;
}

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

function isLocal(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === "data:" || protocol === "blob:" || protocol === "about:") return true;
  return LOCAL_HOSTS.has(hostname);
}

/**
 * Launches Debian's Chromium (never a downloaded browser) with a fresh profile.
 * Every non-localhost request is aborted and recorded, so a test can assert the app works offline.
 * `intercept: false` (for timings) leaves requests alone: Playwright's interception routes each one
 * through this process and turns the HTTP cache off, so a reload would not be a return visit. Other
 * hosts still cannot be reached (the resolver rules below), they are just not recorded.
 * `jsFlags` passes flags to V8 (a benchmark's `--expose-gc`).
 */
export async function openWatchedPage(
  options: { viewport?: { width: number; height: number }; intercept?: boolean; jsFlags?: string } = {},
): Promise<WatchedPage> {
  const tmpRoot = resolve(".tmp");
  mkdirSync(tmpRoot, { recursive: true });
  const profile = mkdtempSync(resolve(tmpRoot, "profile-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
      ...(options.jsFlags ? [`--js-flags=${options.jsFlags}`] : []),
    ],
  });
  const foreignRequests: string[] = [];
  const consoleErrors: string[] = [];
  if (options.intercept !== false) {
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (isLocal(url)) return route.continue();
      foreignRequests.push(url);
      return route.abort("blockedbyclient");
    });
  }
  const page = context.pages()[0] ?? (await context.newPage());
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(String(error)));
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { page, context, foreignRequests, consoleErrors, close };
}
