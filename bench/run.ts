import { existsSync } from "node:fs";
import { initialJsGzip } from "./bundleSize";
import { benchConsoleRoundTrip } from "./consoleRoundTrip";
import { benchEditorReady } from "./editorReady";
import { benchEngineBundled } from "./engineBundle";
import { benchScaleInBrowser } from "./engineInBrowser";
import { benchMainThread } from "./mainThread";
import { typicalPermalinkChars } from "./permalinkSize";
import { report } from "./timing";
import { benchUiSurvival } from "./uiSurvival";
import { benchViewFrames } from "./viewFrames";

/** `npm run bench`: prints every performance figure the issues budget, one line each. */
if (existsSync("dist/index.html")) {
  const { total } = initialJsGzip();
  report(
    "initial JS (gzip, before lazy chunks)",
    `${(total / 1024).toFixed(1)} KB`,
    "150 KB",
    total <= 150 * 1024,
  );
} else {
  console.log("skip  initial JS size: run `npm run build` first");
}

// The engine's time budgets are measured in Chromium's Web Worker, where the engine runs.
const chromium = existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium");
if (chromium) await benchScaleInBrowser();
else console.log("skip  engine scale times: Chromium not found");
await benchEngineBundled();

const linkChars = typicalPermalinkChars();
report("permalink, typical lesson state (chars in hash)", `${linkChars}`, "2,000", linkChars <= 2000);
benchUiSurvival();

// The app's figures need the build too.
if (existsSync("dist/index.html") && chromium) {
  await benchEditorReady();
  await benchConsoleRoundTrip();
  await benchViewFrames();
  await benchMainThread();
}
