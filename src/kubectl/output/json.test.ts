import { describe, expect, it } from "vitest";
import { capturedObjectNames, capturedRuns, readGolden, servedConfigMaps } from "./goldens";
import { encodeGoJson, goJsonString, toJson } from "./json";
import { toKubectlList } from "./list";

/** Rebuilds a value with every object's keys in reverse order, to prove sorting happens. */
function reverseKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reverseKeys);
  if (typeof v !== "object" || v === null) return v;
  return Object.fromEntries(
    Object.entries(v)
      .reverse()
      .map(([k, x]) => [k, reverseKeys(x)]),
  );
}

/** Objects built by kubectl itself (typed structs) print in field order, not sorted. */
const TYPED = (name: string) => readGolden(`objects/${name}.cmd`).includes("kubectl create ");

describe("toJson matches kubectl -o json", () => {
  for (const name of capturedObjectNames()) {
    const text = readGolden(`objects/${name}.json`);
    if (TYPED(name)) {
      it(`reprints the typed ${name} object in its field order`, () => {
        expect(toJson(JSON.parse(text), { sortKeys: false })).toBe(text);
      });
    } else {
      it(`prints the ${name} object read from a file with its keys sorted`, () => {
        expect(toJson(reverseKeys(JSON.parse(text)))).toBe(text);
      });
    }
  }

  const runs = Object.fromEntries(capturedRuns("get.json").map((r) => [r.name, r]));
  it("prints fetched objects as a List, keys sorted", () => {
    expect(toJson(reverseKeys(toKubectlList(servedConfigMaps())))).toBe(runs["list-json"].stdout);
  });
  it("prints a single named object bare", () => {
    expect(toJson(servedConfigMaps()[0])).toBe(runs["single-json"].stdout);
  });
});

describe("Go's JSON encoding", () => {
  it("escapes <, >, & and the JS line separators as Go's HTML-safe encoder does", () => {
    expect(goJsonString("<a href='x'>&</a>\u2028")).toBe(
      "\"\\u003ca href='x'\\u003e\\u0026\\u003c/a\\u003e\\u2028\"",
    );
  });
  it("uses short escapes for \\b and \\f and \\u00XX for other control characters", () => {
    expect(goJsonString("\b\f\n\r\t\u0001\u007f")).toBe('"\\b\\f\\n\\r\\t\\u0001\u007f"');
  });
  it("keeps astral characters and replaces lone surrogates", () => {
    expect(goJsonString("😀\ud800")).toBe('"😀\\ufffd"');
  });
  it("sorts keys by byte order and prints empty collections compactly", () => {
    expect(encodeGoJson({ b: [], a10: {}, a9: 1, B: 0.5 }, { indent: "" })).toBe(
      '{"B":0.5,"a10":{},"a9":1,"b":[]}',
    );
  });
  it("prints numbers as Go prints int64 and float64", () => {
    expect(encodeGoJson([3, 0.5, 1e-7, 1e21, 123456789012], { indent: "" })).toBe(
      "[3,0.5,1e-7,1e+21,123456789012]",
    );
  });
});
