import { existsSync } from "node:fs";
import { initialJsGzip } from "./bundleSize";

/** `npm run bench`: prints every performance figure the issues budget, one line each. */
function report(name: string, value: string, budget: string, ok: boolean) {
  console.log(`${ok ? "ok  " : "OVER"}  ${name.padEnd(52)} ${value.padStart(12)}   budget ${budget}`);
}

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
