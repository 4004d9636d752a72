import { describe, expect, it } from "vitest";
import { FIELD_LABELS, fieldLabelConversion } from "./fieldLabels";
import {
  escapeFieldValue,
  FieldSelectorError,
  fieldSelectorFromSet,
  parseFieldSelector,
  unescapeFieldValue,
} from "./fieldSelector";
import { SelectorParseError } from "./parser";

const getter = (fields: Record<string, string>) => (f: string) => fields[f];

describe("escaping (TestEscapeValue)", () => {
  it.each([
    ["", ""],
    ["a", "a"],
    ["=", "\\="],
    [",", "\\,"],
    ["\\", "\\\\"],
    ["\\=\\,\\", "\\\\\\=\\\\\\,\\\\"],
  ])("escapes %j as %j and back", (raw, escaped) => {
    expect(escapeFieldValue(raw)).toBe(escaped);
    expect(unescapeFieldValue(escaped)).toBe(raw);
  });

  it.each(["\\", "\\\\\\", "\\a"])("rejects the invalid escape sequence in %j", (s) => {
    expect(() => unescapeFieldValue(s)).toThrow(FieldSelectorError);
  });

  it("words escape errors as Kubernetes does, printing an unescaped rune as its number", () => {
    expect(() => unescapeFieldValue("\\a")).toThrow("invalid field selector: invalid escape sequence: \\a");
    expect(() => unescapeFieldValue("a\\")).toThrow("invalid field selector: invalid escape sequence: \\");
    expect(() => unescapeFieldValue("a=b")).toThrow(
      "invalid field selector: unescaped character in value: 61",
    );
  });
});

describe("parseFieldSelector (TestSelectorParse)", () => {
  it.each(["x=a,y=b,z=c", "", "x!=a,y=b", "x=a||y\\=b", "x=a\\=\\=b"])(
    "parses %j and prints it back",
    (s) => {
      expect(parseFieldSelector(s).toString()).toBe(s);
    },
  );

  it.each(["x=a||y=b", "x==a==b", "x=a,b", "x in (a)", "x in (a,b,c)", "x"])("rejects %j", (s) => {
    expect(() => parseFieldSelector(s)).toThrow();
  });

  it("prints == as = and sorts terms by their text (TestDeterministicParse)", () => {
    expect(parseFieldSelector("x=a,a=x").toString()).toBe("a=x,x=a");
    expect(parseFieldSelector("status.phase==Running").toString()).toBe("status.phase=Running");
  });

  it("says which term it cannot understand", () => {
    expect(() => parseFieldSelector("x=a,b")).toThrow(
      new SelectorParseError("invalid selector: 'x=a,b'; can't understand 'b'"),
    );
  });

  it("splits terms on unescaped commas only and keeps multi-byte text (TestSplitTerms)", () => {
    // Terms sort by their raw text: "k2=v2" < "k=\\," because '2' < '='.
    expect(parseFieldSelector("k=\\,,k2=v2").requirements()).toEqual([
      { field: "k2", operator: "=", value: "v2" },
      { field: "k", operator: "=", value: "," },
    ]);
    expect(
      parseFieldSelector("함=수,목=록")
        .requirements()
        .map((r) => r.field),
    ).toEqual(["목", "함"]);
    expect(parseFieldSelector("a=a,").toString()).toBe("a=a");
  });
});

describe("field matching (TestSelectorMatches)", () => {
  const fieldset = { foo: "bar", baz: "blah", complex: "=value\\,\\" };
  it.each<[string, Record<string, string>]>([
    ["", { x: "y" }],
    ["x=y", { x: "y" }],
    ["x=y,z=w", { x: "y", z: "w" }],
    ["x!=y,z!=w", { x: "z", z: "a" }],
    ["notin=in", { notin: "in" }],
    ["foo=bar", fieldset],
    ["baz=blah", fieldset],
    ["foo=bar,baz=blah", fieldset],
    ["foo=bar,baz=blah,complex=\\=value\\\\\\,\\\\", fieldset],
  ])("%j matches %j", (s, fields) => {
    expect(parseFieldSelector(s).matches(getter(fields))).toBe(true);
  });

  it.each<[string, Record<string, string>]>([
    ["x=y", { x: "z" }],
    ["x=y,z=w", { x: "w", z: "w" }],
    ["x!=y,z!=w", { x: "z", z: "w" }],
    ["foo=blah", fieldset],
    ["baz=bar", fieldset],
    ["foo=bar,foobar=bar,baz=blah", fieldset],
  ])("%j does not match %j", (s, fields) => {
    expect(parseFieldSelector(s).matches(getter(fields))).toBe(false);
  });

  it("compares an absent field as the empty string", () => {
    expect(parseFieldSelector("spec.nodeName=").matches(getter({}))).toBe(true);
    expect(parseFieldSelector("spec.nodeName!=").matches(getter({}))).toBe(false);
  });
});

describe("field selectors from sets and exact matches", () => {
  it("builds = terms from a set (TestSetMatches)", () => {
    const labelset = { foo: "bar", baz: "blah" };
    expect(fieldSelectorFromSet({ foo: "bar", baz: "blah" }).matches(getter(labelset))).toBe(true);
    expect(fieldSelectorFromSet({ foo: "=blah" }).matches(getter(labelset))).toBe(false);
    expect(fieldSelectorFromSet({}).empty()).toBe(true);
    expect(fieldSelectorFromSet({ foo: "a=b" }).toString()).toBe("foo=a\\=b");
  });

  it("reports the value an = term requires (TestRequiresExactMatch)", () => {
    expect(parseFieldSelector("test=b").requiresExactMatch("test")).toBe("b");
    expect(parseFieldSelector("test=").requiresExactMatch("test")).toBe("");
    expect(parseFieldSelector("a=b").requiresExactMatch("test")).toBeUndefined();
    expect(parseFieldSelector("test!=b").requiresExactMatch("test")).toBeUndefined();
  });
});

describe("field label support", () => {
  it("rejects a field outside the supported list as the API server does", () => {
    expect(() => parseFieldSelector("spec.foo=bar", ["metadata.name"])).toThrow(
      new FieldSelectorError("field label not supported: spec.foo"),
    );
    expect(parseFieldSelector("metadata.name=x", ["metadata.name"]).toString()).toBe("metadata.name=x");
  });

  it("reports the first unsupported field in sorted term order", () => {
    expect(() => parseFieldSelector("z.b=1,a.b=2", fieldLabelConversion("Pod"))).toThrow(
      "field label not supported: a.b",
    );
  });

  it("accepts Pod fields and renames the legacy spec.host to spec.nodeName", () => {
    const s = parseFieldSelector("spec.host=node-1,status.phase=Running", fieldLabelConversion("Pod"));
    expect(s.toString()).toBe("spec.nodeName=node-1,status.phase=Running");
    expect(() => parseFieldSelector("status.hostIP=10.0.0.1", fieldLabelConversion("Pod"))).toThrow(
      "field label not supported: status.hostIP",
    );
  });

  it("does not accept metadata.namespace on cluster-scoped Nodes", () => {
    expect(() => parseFieldSelector("metadata.namespace=a", fieldLabelConversion("Node"))).toThrow(
      "field label not supported: metadata.namespace",
    );
    expect(FIELD_LABELS.Node).toContain("spec.unschedulable");
  });

  it("uses the generic message for kinds without their own field labels", () => {
    expect(parseFieldSelector("metadata.name=web", fieldLabelConversion("Deployment")).toString()).toBe(
      "metadata.name=web",
    );
    expect(() => parseFieldSelector("foo.bar=baz", fieldLabelConversion("Ingress"))).toThrow(
      '"foo.bar" is not a known field selector: only "metadata.name", "metadata.namespace"',
    );
  });

  it("uses batch/v1's own wording for Jobs", () => {
    expect(() => parseFieldSelector("status.succeeded=1", fieldLabelConversion("Job"))).toThrow(
      'field label "status.succeeded" not supported for batchv1.Job',
    );
  });
});
