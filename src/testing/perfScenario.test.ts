import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { perfScenarioTranscript } from "./perfScenario";

describe("engine performance work keeps behaviour", () => {
  it("prints the same kubectl transcript, watch stream and trace as recorded before the optimisations", () => {
    const golden = readFileSync(new URL("./testdata/perfScenario.txt", import.meta.url), "utf8");
    const actual = perfScenarioTranscript();
    // Compare line by line first so that a failure names the first differing line.
    const a = actual.split("\n");
    const g = golden.split("\n");
    const first = a.findIndex((line, i) => line !== g[i]);
    expect(first === -1 ? null : { line: first + 1, actual: a[first], golden: g[first] }).toBeNull();
    expect(actual).toBe(golden);
  }, 60_000);
});
