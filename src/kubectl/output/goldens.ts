// Loads the goldens captured from a real kubectl 1.32 by goldens/capture.sh (test helper).

import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const DIR = join(import.meta.dirname, "goldens");

/** One captured kubectl run. */
export interface CapturedRun {
  name: string;
  command: string;
  template?: string;
  exit: number;
  stdout: string;
  stderr: string;
}

/** A file of the goldens folder, as text. */
export function readGolden(path: string): string {
  return readFileSync(join(DIR, path), "utf8");
}

/** The runs recorded in jsonpath.json or get.json. */
export function capturedRuns(file: "jsonpath.json" | "get.json"): CapturedRun[] {
  return (JSON.parse(readGolden(file)) as { cases: CapturedRun[] }).cases;
}

/** Names of the objects captured with -o json and -o yaml (objects/NAME.{json,yaml}). */
export function capturedObjectNames(): string[] {
  return readdirSync(join(DIR, "objects"))
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.slice(0, -".json".length))
    .sort();
}

/** The objects the fake API server served to kubectl get (inputs/configmaps.json). */
export function servedConfigMaps(): Record<string, unknown>[] {
  return JSON.parse(readGolden("inputs/configmaps.json")) as Record<string, unknown>[];
}

/** What kubectl prints for an error: "error: " and the message, ending in a newline. */
export function kubectlErrorText(message: string): string {
  const text = `error: ${message}`;
  return text.endsWith("\n") ? text : `${text}\n`;
}
