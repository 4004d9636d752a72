import type { LabelSelector } from "kubernetes-types/meta/v1";
import { describe, expect, it } from "vitest";
import { InvalidLabelSelectorError, labelSelectorAsMap, labelSelectorAsSelector } from "./labelSelector";
import { InvalidRequirementError } from "./requirement";

const matchLabels = { foo: "bar" };
const matchExpressions = [{ key: "baz", operator: "In", values: ["qux", "norf"] }];

describe("labelSelectorAsSelector (TestLabelSelectorAsSelector)", () => {
  it("turns a null selector into Nothing, which matches no pod", () => {
    const s = labelSelectorAsSelector(null);
    expect(s.matches({ foo: "bar" })).toBe(false);
    expect(s.matches({})).toBe(false);
    expect(s.selectable()).toBe(false);
    expect(labelSelectorAsSelector(undefined).matches({})).toBe(false);
  });

  it("turns an empty selector into Everything, which matches every pod", () => {
    const s = labelSelectorAsSelector({});
    expect(s.empty()).toBe(true);
    expect(s.matches({})).toBe(true);
    expect(labelSelectorAsSelector({ matchLabels: {}, matchExpressions: [] }).matches({ a: "b" })).toBe(true);
  });

  it.each<[LabelSelector, string]>([
    [{ matchLabels }, "foo=bar"],
    [{ matchExpressions }, "baz in (norf,qux)"],
    [{ matchLabels, matchExpressions }, "baz in (norf,qux),foo=bar"],
    [{ matchLabels: { b: "2", a: "1" } }, "a=1,b=2"],
    [
      {
        matchExpressions: [
          { key: "tier", operator: "NotIn", values: ["frontend", "backend"] },
          { key: "partition", operator: "Exists" },
          { key: "canary", operator: "DoesNotExist", values: [] },
        ],
      },
      "!canary,partition,tier notin (backend,frontend)",
    ],
  ])("converts %j to %j", (ls, want) => {
    expect(labelSelectorAsSelector(ls).toString()).toBe(want);
  });

  it("does not modify its input", () => {
    const ls = {
      matchLabels: { ...matchLabels },
      matchExpressions: [{ ...matchExpressions[0], values: ["qux", "norf"] }],
    };
    labelSelectorAsSelector(ls);
    expect(ls.matchExpressions[0].values).toEqual(["qux", "norf"]);
  });

  it("matches like the equivalent selector string", () => {
    const s = labelSelectorAsSelector({
      matchLabels: { app: "web" },
      matchExpressions: [{ key: "env", operator: "NotIn", values: ["dev"] }],
    });
    expect(s.matches({ app: "web", env: "prod" })).toBe(true);
    expect(s.matches({ app: "web" })).toBe(true);
    expect(s.matches({ app: "web", env: "dev" })).toBe(false);
    expect(s.matches({ env: "prod" })).toBe(false);
  });

  it("rejects values on Exists with NewRequirement's message", () => {
    const ls = { matchExpressions: [{ key: "baz", operator: "Exists", values: ["qux", "norf"] }] };
    expect(() => labelSelectorAsSelector(ls)).toThrow(InvalidRequirementError);
    expect(() => labelSelectorAsSelector(ls)).toThrow(
      'values: Invalid value: []string{"qux", "norf"}: values set must be empty for exists and does not exist',
    );
  });

  it("rejects In without values, printing the missing list as a nil slice", () => {
    expect(() => labelSelectorAsSelector({ matchExpressions: [{ key: "a", operator: "In" }] })).toThrow(
      "values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty",
    );
    expect(() =>
      labelSelectorAsSelector({ matchExpressions: [{ key: "a", operator: "NotIn", values: [] }] }),
    ).toThrow("[]string(nil)");
  });

  it("rejects an unknown operator", () => {
    const ls = { matchExpressions: [{ key: "a", operator: "Gt", values: ["1"] }] };
    expect(() => labelSelectorAsSelector(ls)).toThrow(
      new InvalidLabelSelectorError('"Gt" is not a valid label selector operator'),
    );
  });

  it("validates matchLabels keys and values, reporting the first bad entry in key order", () => {
    expect(() => labelSelectorAsSelector({ matchLabels: { b: "-x", a: "y_" } })).toThrow(
      /^values\[0\]\[a\]: Invalid value: "y_"/,
    );
  });
});

describe("labelSelectorAsMap", () => {
  it("flattens matchLabels and one-value In expressions", () => {
    expect(
      labelSelectorAsMap({
        matchLabels: { a: "1" },
        matchExpressions: [{ key: "b", operator: "In", values: ["2"] }],
      }),
    ).toEqual({ a: "1", b: "2" });
    expect(labelSelectorAsMap(null)).toBeUndefined();
  });

  it("refuses what a map cannot express", () => {
    expect(() =>
      labelSelectorAsMap({ matchExpressions: [{ key: "b", operator: "In", values: ["1", "2"] }] }),
    ).toThrow('operator "In" without a single value cannot be converted into the old label selector format');
    expect(() => labelSelectorAsMap({ matchExpressions: [{ key: "b", operator: "Exists" }] })).toThrow(
      'operator "Exists" cannot be converted into the old label selector format',
    );
    expect(() => labelSelectorAsMap({ matchExpressions: [{ key: "b", operator: "Foo" }] })).toThrow(
      '"Foo" is not a valid selector operator',
    );
  });
});
