import { describe, expect, it } from "vitest";
import { golden } from "./goldens/readGoldens";
import { kubectlRootCommands, levenshteinDistance, suggestionsFor } from "./suggestions";

/** The tab-indented names under "Did you mean this?" in a captured stderr. */
function suggestedIn(name: string): string[] {
  return [...golden(name).stderr.matchAll(/^\t(.+)$/gm)].map((m) => m[1]);
}

describe("levenshteinDistance (cobra's ld)", () => {
  const cases: [string, string, boolean, number][] = [
    ["", "", false, 0],
    ["get", "get", false, 0],
    ["gett", "get", false, 1],
    ["gett", "set", false, 2],
    ["kitten", "sitting", false, 3],
    ["Get", "get", false, 1],
    ["Get", "get", true, 0],
    ["foo", "top", false, 2],
    ["list", "wait", false, 3],
    ["", "cp", false, 2],
    ["é", "e", false, 2],
  ];
  for (const [a, b, ignoreCase, distance] of cases) {
    it(`measures ${a || "''"} → ${b || "''"}${ignoreCase ? " ignoring case" : ""} as ${distance}`, () => {
      expect(levenshteinDistance(a, b, ignoreCase)).toBe(distance);
      expect(levenshteinDistance(b, a, ignoreCase)).toBe(distance);
    });
  }
});

describe("suggestionsFor matches kubectl's Did you mean this?", () => {
  const captured: [string, string][] = [
    ["foo", "unknown-command"],
    ["gett", "unknown-command-two-suggestions"],
    ["aplly", "unknown-command-apply"],
    ["dele", "unknown-command-prefix"],
    ["de", "unknown-command-short-prefix"],
    ["ap", "unknown-command-ap"],
    ["a", "unknown-command-a"],
    ["c", "unknown-command-c"],
    ["e", "unknown-command-e"],
    ["list", "unknown-command-suggest-for-list"],
    ["ps", "unknown-command-suggest-for-ps"],
    ["rm", "unknown-command-suggest-for-rm"],
    ["update", "unknown-command-no-suggestion"],
    ["Get", "unknown-command-case-insensitive"],
    ["clusterinfo", "unknown-command-cluster-info"],
    ["version2", "unknown-command-version"],
    ["alph", "unknown-command-hidden-alpha"],
    ["hel", "unknown-command-not-help"],
    ["x", "unknown-command-x"],
  ];
  for (const [typed, name] of captured) {
    it(`suggests for ${typed} what kubectl suggested`, () => {
      expect(suggestionsFor(typed)).toEqual(suggestedIn(name));
    });
  }

  it("lists each kubectl command once", () => {
    const names = kubectlRootCommands.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toHaveLength(43);
  });

  it("repeats a command matched both by distance and by SuggestFor, as cobra does", () => {
    expect(suggestionsFor("ps", [{ name: "pss", suggestFor: ["ps"] }])).toEqual(["pss", "pss"]);
  });

  it("honours a custom minimum distance", () => {
    expect(suggestionsFor("gett", undefined, 1)).toEqual(["get"]);
  });
});
