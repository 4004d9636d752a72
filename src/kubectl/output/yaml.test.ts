import { describe, expect, it } from "vitest";
import { capturedObjectNames, capturedRuns, readGolden, servedConfigMaps } from "./goldens";
import { toKubectlList } from "./list";
import { sortedYamlKeys, toYaml, toYamlDocuments } from "./yaml";

describe("toYaml matches kubectl -o yaml", () => {
  for (const name of capturedObjectNames()) {
    it(`prints the ${name} object as kubectl does (goldens/objects/${name}.yaml)`, () => {
      const obj = JSON.parse(readGolden(`objects/${name}.json`));
      expect(toYaml(obj)).toBe(readGolden(`objects/${name}.yaml`));
    });
  }

  const runs = Object.fromEntries(capturedRuns("get.json").map((r) => [r.name, r]));
  it("prints several fetched objects wrapped in a List with an empty resourceVersion", () => {
    expect(toYaml(toKubectlList(servedConfigMaps()))).toBe(runs["list-yaml"].stdout);
  });
  it("prints a single named object bare", () => {
    expect(toYaml(servedConfigMaps()[0])).toBe(runs["single-yaml"].stdout);
  });
});

describe("toYaml quoting", () => {
  const line = (value: unknown) => toYaml({ k: value });
  it("double-quotes strings that YAML 1.1 would read as another type", () => {
    for (const s of [
      "80",
      "true",
      "y",
      "No",
      "on",
      "null",
      "~",
      "",
      "1e3",
      "0x1F",
      "0777",
      "1_000",
      ".5",
      "1:20",
    ]) {
      expect(line(s)).toBe(`k: ${JSON.stringify(s)}\n`);
    }
  });
  it("double-quotes timestamps and dates, but not impossible dates", () => {
    expect(line("2026-01-05T10:00:00Z")).toBe('k: "2026-01-05T10:00:00Z"\n');
    expect(line("2026-1-5")).toBe('k: "2026-1-5"\n');
    expect(line("2026-01-05 10:00:00.5")).toBe('k: "2026-01-05 10:00:00.5"\n');
    expect(line("2026-02-30")).toBe("k: 2026-02-30\n");
    expect(line("2024-02-29")).toBe('k: "2024-02-29"\n');
  });
  it("single-quotes strings that start with an indicator or contain ': ' or ' #'", () => {
    expect(line("*")).toBe("k: '*'\n");
    expect(line("- x")).toBe("k: '- x'\n");
    expect(line("a: b")).toBe("k: 'a: b'\n");
    expect(line("it's #1")).toBe("k: 'it''s #1'\n");
    expect(line(" lead")).toBe("k: ' lead'\n");
  });
  it("leaves ordinary strings, URLs and images plain", () => {
    expect(line("nginx:1.27")).toBe("k: nginx:1.27\n");
    expect(line("http://example.com/a#b")).toBe("k: http://example.com/a#b\n");
    expect(line("a-b_c.d")).toBe("k: a-b_c.d\n");
  });
  it("writes multi-line strings as literal blocks with the right chomping", () => {
    expect(line("a\nb")).toBe("k: |-\n  a\n  b\n");
    expect(line("a\nb\n")).toBe("k: |\n  a\n  b\n");
    expect(line("a\n\n")).toBe("k: |+\n  a\n\n");
    expect(line("\nx")).toBe("k: |2-\n\n  x\n");
  });
  it("falls back to double quotes for tabs, emoji and trailing spaces before a newline", () => {
    expect(line("a\tb")).toBe('k: "a\\tb"\n');
    expect(line("hi 😀")).toBe('k: "hi \\U0001F600"\n');
    expect(line("a \nb")).toBe('k: "a \\nb"\n');
  });
  it("folds long plain strings after column 80 under the key's indentation", () => {
    const words = Array.from({ length: 20 }, (_, i) => `word${i}`).join(" ");
    expect(toYaml({ a: { k: words } })).toBe(
      "a:\n  k: word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n" +
        "    word13 word14 word15 word16 word17 word18 word19\n",
    );
  });
});

describe("toYaml layout", () => {
  it("does not indent sequences under their key, but indents nested ones", () => {
    expect(toYaml({ c: [{ n: 1, m: [[1, 2]] }] })).toBe('c:\n- m:\n  - - 1\n    - 2\n  "n": 1\n');
  });
  it("prints empty collections in flow style and numbers as go-yaml does", () => {
    expect(toYaml({ a: {}, b: [], c: null, d: 0.5, e: 3, f: 1234567.5, g: 1e-7 })).toBe(
      "a: {}\nb: []\nc: null\nd: 0.5\ne: 3\nf: 1.2345675e+06\ng: 1e-07\n",
    );
  });
  it("writes keys longer than 128 bytes as explicit ? keys", () => {
    const key = "k".repeat(129);
    expect(toYaml({ [key]: "v" })).toBe(`? ${key}\n: v\n`);
  });
  it("separates several documents with ---", () => {
    expect(toYamlDocuments([{ a: 1 }, { b: 2 }])).toBe("a: 1\n---\nb: 2\n");
  });
});

describe("sortedYamlKeys", () => {
  it("orders keys as go-yaml does: numbers by value, non-letters before letters", () => {
    const keys = ["a10", "a9", "B", "a", "a_b", "aB", "a-b", "10", "9", "_x", "7", "07"];
    expect(sortedYamlKeys(Object.fromEntries(keys.map((k) => [k, 1])))).toEqual([
      "_x",
      "7",
      "07",
      "9",
      "10",
      "B",
      "a",
      "a-b",
      "a_b",
      "a9",
      "a10",
      "aB",
    ]);
  });
});
