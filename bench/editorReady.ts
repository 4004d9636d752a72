import { openBenchPage } from "./benchPage";
import { startPreview } from "../tests/e2e/support/preview";
import { report } from "./timing";

const RUNS = 3;
/** The marks app/editor/monacoLoader.ts leaves, in order (ms after navigation start). */
const PHASES = ["requested", "evaluated", "configured", "created", "yaml"] as const;

interface Visit {
  usable: number;
  phases: Record<string, number>;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Time from navigation until Monaco shows the editor's text, on a first visit (new profile) and on
 * a return visit (reload), each the median of RUNS fresh profiles. Requests are not intercepted
 * (see openWatchedPage), so the return visit has its HTTP and code caches as a learner's would.
 * Also prints where the time goes: the editor's start-up phases (User Timing marks).
 */
export async function benchEditorReady(): Promise<void> {
  const server = await startPreview();
  const visits: { first: Visit[]; again: Visit[] } = { first: [], again: [] };
  try {
    for (let run = 0; run < RUNS; run++) {
      const browser = await openBenchPage({ intercept: false });
      try {
        const { page } = browser;
        const visit = async (open: () => Promise<unknown>): Promise<Visit> => {
          const started = performance.now();
          await open();
          await page.locator('[data-testid="editor"][data-ready="true"] .view-lines').waitFor();
          const usable = performance.now() - started;
          await page.waitForFunction(() => performance.getEntriesByName("kubeplay:monaco-yaml").length > 0);
          const phases = await page.evaluate(() =>
            Object.fromEntries(
              performance
                .getEntriesByType("mark")
                .filter((m) => m.name.startsWith("kubeplay:monaco-"))
                .map((m) => [m.name.slice("kubeplay:monaco-".length), m.startTime]),
            ),
          );
          return { usable, phases };
        };
        visits.first.push(await visit(() => page.goto(server.url)));
        visits.again.push(await visit(() => page.reload()));
      } finally {
        await browser.close();
      }
    }
  } finally {
    await server.stop();
  }
  for (const [label, list] of [
    ["first visit (new profile)", visits.first],
    ["return visit", visits.again],
  ] as const) {
    const usable = median(list.map((v) => v.usable));
    report(`editor usable after navigation, ${label}`, `${usable.toFixed(0)} ms`, "2,500 ms", usable <= 2500);
    const phases = PHASES.map((p) => `${p} ${median(list.map((v) => v.phases[p] ?? Number.NaN)).toFixed(0)}`);
    console.log(`      (median of ${RUNS}; ms after navigation: ${phases.join(", ")})`);
  }
}
