import { describe, expect, it } from "vitest";
import {
  applyMergePatch,
  applyPreconditions,
  createMergePatch,
  createThreeWayJsonMergePatch,
} from "./jsonMergePatch";
import { type JsonObject, type JsonValue } from "./jsonValue";

// RFC 7386 Appendix A, with v4's answers where it departs from the RFC (non-object patches).
describe("merge patch applies the RFC 7386 examples", () => {
  const table: [JsonValue, JsonValue, JsonValue][] = [
    [{ a: "b" }, { a: "c" }, { a: "c" }],
    [{ a: "b" }, { b: "c" }, { a: "b", b: "c" }],
    [{ a: "b" }, { a: null }, {}],
    [{ a: "b", b: "c" }, { a: null }, { b: "c" }],
    [{ a: ["b"] }, { a: "c" }, { a: "c" }],
    [{ a: "c" }, { a: ["b"] }, { a: ["b"] }],
    [{ a: { b: "c" } }, { a: { b: "d", c: null } }, { a: { b: "d" } }],
    [{ a: [{ b: "c" }] }, { a: [1] }, { a: [1] }],
    [
      ["a", "b"],
      ["c", "d"],
      ["c", "d"],
    ],
    [{ a: "b" }, ["c"], ["c"]],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: "b", c: null }, { a: "b" }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ];
  for (const [doc, patch, want] of table) {
    it(`${JSON.stringify(doc)} + ${JSON.stringify(patch)} = ${JSON.stringify(want)}`, () => {
      expect(applyMergePatch(doc, patch)).toEqual(want);
    });
  }

  it("rejects a null or scalar patch as v4 does ('Invalid JSON Patch')", () => {
    expect(() => applyMergePatch({ a: "foo" }, null)).toThrow("Invalid JSON Patch");
    expect(() => applyMergePatch({ a: "foo" }, "bar")).toThrow("Invalid JSON Patch");
  });

  it("replaces lists whole, unlike a strategic merge", () => {
    const doc: JsonObject = { spec: { containers: [{ name: "a", image: "x" }, { name: "b" }] } };
    const patch: JsonObject = { spec: { containers: [{ name: "a", image: "y" }] } };
    expect(applyMergePatch(doc, patch)).toEqual(patch);
  });
});

describe("merge patch creation", () => {
  it("records changes, additions and deletions as null", () => {
    const original = { a: 1, b: { c: "x", d: "y" }, l: [1, 2], gone: true };
    const modified = { a: 2, b: { c: "x" }, l: [1, 2], added: "z" };
    expect(createMergePatch(original, modified)).toEqual({ a: 2, b: { d: null }, added: "z", gone: null });
  });

  it("is empty for equal documents", () => {
    expect(createMergePatch({ a: [{ b: 1 }] }, { a: [{ b: 1 }] })).toEqual({});
  });
});

describe("three-way JSON merge patch (kubectl apply for custom resources)", () => {
  const lastApplied: JsonObject = {
    apiVersion: "example.com/v1",
    kind: "Widget",
    metadata: { name: "w" },
    spec: { size: 1, color: "red" },
  };
  const live: JsonObject = {
    ...lastApplied,
    metadata: { name: "w", labels: { team: "x" } },
    spec: { size: 1, color: "red", zone: "a" },
    status: { ok: true },
  };

  it("deletes what the config dropped and keeps what others set", () => {
    const config: JsonObject = {
      apiVersion: "example.com/v1",
      kind: "Widget",
      metadata: { name: "w" },
      spec: { size: 2 },
    };
    expect(createThreeWayJsonMergePatch(lastApplied, config, live, applyPreconditions)).toEqual({
      spec: { size: 2, color: null },
    });
  });

  it("refuses to change the name", () => {
    const config: JsonObject = { ...lastApplied, metadata: { name: "other" } };
    expect(() => createThreeWayJsonMergePatch(lastApplied, config, live, applyPreconditions)).toThrow(
      "precondition failed for: map[metadata:map[name:other]]",
    );
  });
});
