import type { Page } from "playwright-core";
import { withBenchPage } from "./benchPage";
import { terminalText, typeCommand, waitForTerminal } from "../tests/e2e/support/terminal";
import { report } from "./timing";

const RUNS = 9;
const CONSOLE = '[data-testid="console"]';

/** Clears the console and waits until it shows nothing but the prompt. */
async function clearConsole(page: Page): Promise<void> {
  await typeCommand(page, "clear");
  await waitForTerminal(page, /^\$\s*$/);
}

/**
 * Arms an in-page stopwatch: it starts at the Enter keydown (captured before xterm sees it) and
 * stops when a mutation of xterm's rows shows `lastRow`, i.e. when the table's last row is in the
 * terminal's DOM (xterm's renderer writes rows in an animation frame; the paint follows it).
 */
function armStopwatch(page: Page, lastRow: string): Promise<void> {
  return page.evaluate(
    ({ selector, last }) => {
      const rows = document.querySelector(`${selector} .xterm-rows`);
      if (!rows) throw new Error("no xterm rows");
      let pressed: number | undefined;
      const onKey = (event: KeyboardEvent) => {
        if (event.key === "Enter" && pressed === undefined) pressed = performance.now();
      };
      document.addEventListener("keydown", onKey, true);
      (window as unknown as { roundTrip: Promise<number> }).roundTrip = new Promise<number>((resolve) => {
        const observer = new MutationObserver(() => {
          if (pressed === undefined || !rows.textContent?.includes(last)) return;
          const took = performance.now() - pressed;
          observer.disconnect();
          document.removeEventListener("keydown", onKey, true);
          resolve(took);
        });
        observer.observe(rows, { childList: true, subtree: true, characterData: true });
      });
    },
    { selector: CONSOLE, last: lastRow },
  );
}

/**
 * The console's answer time as a learner sees it (issue 5: ≤ 50 ms): in the built app, a
 * 100-replica Deployment with all pods running; then, RUNS times, from the Enter key of
 * `kubectl get pods` to the table's last row rendered in xterm. Reports the median.
 */
export async function benchConsoleRoundTrip(): Promise<void> {
  await withBenchPage({ intercept: false }, async (browser, server) => {
    const { page } = browser;
    await page.goto(server.url);
    await page.locator(`${CONSOLE}[data-ready="true"] .xterm-rows`).waitFor();
    await typeCommand(page, "kubectl create deployment web --image=nginx --replicas=100");
    await waitForTerminal(page, /deployment\.apps\/web created/);
    for (let minute = 1; minute <= 5; minute++) {
      await page.getByRole("button", { name: "Advance time by +1m" }).click();
      await page
        .getByTestId("clock")
        .filter({ hasText: `10:0${minute}:00` })
        .waitFor();
      await typeCommand(page, "kubectl get deployment web");
      const text = await waitForTerminal(page, /web\s+\d+\/100/);
      if (/web\s+100\/100/.test(text.split("\n").slice(-3).join("\n"))) break;
    }
    await clearConsole(page);
    await typeCommand(page, "kubectl get pods");
    const table = await waitForTerminal(page, /Running.*\n\$\s*$/);
    const rows = table.split("\n").filter((line) => /\sRunning\s/.test(line));
    const lastRow = rows[rows.length - 1].trim().split(/\s+/)[0];
    const samples: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      await clearConsole(page);
      await page.keyboard.type("kubectl get pods");
      await armStopwatch(page, lastRow);
      await page.keyboard.press("Enter");
      samples.push(
        await page.evaluate(() => (window as unknown as { roundTrip: Promise<number> }).roundTrip),
      );
    }
    const running = (await terminalText(page)).split("\n").filter((l) => /\sRunning\s/.test(l)).length;
    samples.sort((a, b) => a - b);
    const median = samples[Math.floor(samples.length / 2)];
    report(
      `console: Enter to last row of get pods, 100 pods (median of ${RUNS})`,
      `${median.toFixed(1)} ms`,
      "50 ms",
      median <= 50,
    );
    console.log(
      `      (samples ${samples.map((s) => s.toFixed(0)).join(", ")} ms; ${running} Running rows on screen)`,
    );
  });
}
