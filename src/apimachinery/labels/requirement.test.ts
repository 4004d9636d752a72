import { describe, expect, it } from "vitest";
import {
  InvalidRequirementError,
  newRequirement,
  requirementMatches,
  requirementToString,
} from "./requirement";

/** The FieldErrors newRequirement reports, without their detail (as the Go test ignores Detail). */
function errorsOf(
  key: string,
  op: string,
  values: string[] | null,
): { type: string; field: string; badValue: string }[] {
  try {
    newRequirement(key, op, values);
    return [];
  } catch (e) {
    if (!(e instanceof InvalidRequirementError)) throw e;
    return e.errors.map(({ type, field, badValue }) => ({ type, field, badValue }));
  }
}

const invalid = (field: string, badValue: string) => [{ type: "FieldValueInvalid", field, badValue }];

describe("newRequirement validation (TestRequirementConstructor)", () => {
  it.each<[string, string, string[], ReturnType<typeof errorsOf>]>([
    ["x1", "in", [], invalid("values", "[]string{}")],
    ["x2", "notin", [], invalid("values", "[]string{}")],
    ["x3", "in", ["foo"], []],
    ["x4", "notin", ["foo"], []],
    ["x5", "=", ["bar", "foo"], invalid("values", '[]string{"bar", "foo"}')],
    ["x6", "exists", [], []],
    ["x7", "!", [], []],
    ["x8", "exists", ["foo"], invalid("values", '[]string{"foo"}')],
    ["x9", "in", ["bar"], []],
    ["x11", "gt", ["1"], []],
    ["x12", "lt", ["6"], []],
    ["x13", "gt", [], invalid("values", "[]string{}")],
    ["x14", "gt", ["bar"], invalid("values[0]", '"bar"')],
    ["x15", "lt", ["bar"], invalid("values[0]", '"bar"')],
    ["a".repeat(254), "exists", [], invalid("key", `"${"a".repeat(254)}"`)],
    ["x16", "=", ["a".repeat(254)], invalid("values[0][x16]", `"${"a".repeat(254)}"`)],
    ["x17", "=", ["a b"], invalid("values[0][x17]", '"a b"')],
    [
      "x18",
      "unsupportedOp",
      [],
      [{ type: "FieldValueNotSupported", field: "operator", badValue: '"unsupportedOp"' }],
    ],
  ])("newRequirement(%j, %j, %j) reports %j", (key, op, values, want) => {
    expect(errorsOf(key, op, values)).toEqual(want);
  });

  it("words each rule as Kubernetes does", () => {
    const msg = (key: string, op: string, values: string[] | null) => {
      try {
        newRequirement(key, op, values);
        return "";
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(msg("x", "in", null)).toBe(
      "values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty",
    );
    expect(msg("x", "=", ["a", "b"])).toBe(
      'values: Invalid value: []string{"a", "b"}: exact-match compatibility requires one single value',
    );
    expect(msg("x", "exists", ["a"])).toBe(
      'values: Invalid value: []string{"a"}: values set must be empty for exists and does not exist',
    );
    expect(msg("x", "gt", [])).toBe(
      "values: Invalid value: []string{}: for 'Gt', 'Lt' operators, exactly one value is required",
    );
    expect(msg("x", "Foo", [])).toBe(
      'operator: Unsupported value: "Foo": supported values: "in", "notin", "=", "==", "!=", "gt", "lt", "exists", "!"',
    );
  });

  it("collects every error into one bracketed aggregate", () => {
    expect(() => newRequirement("a/b/c", "gt", ["x", "y"])).toThrow(
      "[key: Invalid value: \"a/b/c\": a qualified name must consist of alphanumeric characters, '-', '_' or '.', " +
        "and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', " +
        "regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain " +
        "prefix and '/' (e.g. 'example.com/MyName'), " +
        "values: Invalid value: []string{\"x\", \"y\"}: for 'Gt', 'Lt' operators, exactly one value is required, " +
        "values[0]: Invalid value: \"x\": for 'Gt', 'Lt' operators, the value must be an integer, " +
        "values[1]: Invalid value: \"y\": for 'Gt', 'Lt' operators, the value must be an integer]",
    );
  });

  it("prefixes field paths with the given path", () => {
    expect(() => newRequirement("x", "in", [], "spec.selector")).toThrow(
      "spec.selector.values: Invalid value: []string{}:",
    );
  });

  it("returns frozen plain data that keeps the values' order", () => {
    const r = newRequirement("x", "in", ["b", "a"]);
    expect(r).toEqual({ key: "x", operator: "in", values: ["b", "a"] });
    expect(Object.isFrozen(r)).toBe(true);
  });
});

describe("requirement helpers", () => {
  it("tells whether one requirement matches, for marking labels in the UI", () => {
    const r = newRequirement("environment", "in", ["production", "qa"]);
    expect(requirementMatches(r, { environment: "qa" })).toBe(true);
    expect(requirementMatches(r, { environment: "dev" })).toBe(false);
  });

  it("prints one requirement (BenchmarkRequirementString)", () => {
    expect(requirementToString(newRequirement("environment", "notin", ["dev"]))).toBe(
      "environment notin (dev)",
    );
    expect(requirementToString(newRequirement("x", "!", []))).toBe("!x");
  });
});
