import { describe, expect, it } from "vitest";
import { newRequirement, type Operator, type Requirement } from "./requirement";
import {
  everything,
  formatLabels,
  nothing,
  parseSelector,
  selectorFromRequirements,
  selectorFromSet,
  validatedSelectorFromSet,
} from "./selector";

const req = (key: string, op: Operator, values: string[] = []): Requirement =>
  newRequirement(key, op, values);

describe("parseSelector round trips (TestSelectorParse)", () => {
  it.each(["x=a,y=b,z=c", "", "x!=a,y=b", "x=", "x= ", "x=,z= ", "x= ,z= ", "!x", "x>1", "x>1,z<5"])(
    "parses %j and prints it back without spaces",
    (s) => {
      expect(parseSelector(s).toString()).toBe(s.replaceAll(" ", ""));
    },
  );

  it.each(["x=a||y=b", "x==a==b", "!x=a", "x<a"])("rejects %j", (s) => {
    expect(() => parseSelector(s)).toThrow();
  });

  it("prints the same string whatever the order of the requirements (TestDeterministicParse)", () => {
    expect(parseSelector("x=a,a=x").toString()).toBe(parseSelector("a=x,x=a").toString());
    expect(parseSelector("x=a,a=x").toString()).toBe("a=x,x=a");
  });
});

describe("matching (TestSelectorMatches)", () => {
  it.each<[string, Record<string, string>]>([
    ["", { x: "y" }],
    ["x=y", { x: "y" }],
    ["x=y,z=w", { x: "y", z: "w" }],
    ["x!=y,z!=w", { x: "z", z: "a" }],
    ["notin=in", { notin: "in" }],
    ["x", { x: "z" }],
    ["!x", { y: "z" }],
    ["x>1", { x: "2" }],
    ["x<1", { x: "0" }],
    ["foo=bar", { foo: "bar", baz: "blah" }],
    ["baz=blah", { foo: "bar", baz: "blah" }],
    ["foo=bar,baz=blah", { foo: "bar", baz: "blah" }],
  ])("%j matches %j", (s, labels) => {
    expect(parseSelector(s).matches(labels)).toBe(true);
  });

  it.each<[string, Record<string, string>]>([
    ["x=z", {}],
    ["x=y", { x: "z" }],
    ["x=y,z=w", { x: "w", z: "w" }],
    ["x!=y,z!=w", { x: "z", z: "w" }],
    ["x", { y: "z" }],
    ["!x", { x: "z" }],
    ["x>1", { x: "0" }],
    ["x<1", { x: "2" }],
    ["foo=blah", { foo: "bar", baz: "blah" }],
    ["baz=bar", { foo: "bar", baz: "blah" }],
    ["foo=bar,foobar=bar,baz=blah", { foo: "bar", baz: "blah" }],
  ])("%j does not match %j", (s, labels) => {
    expect(parseSelector(s).matches(labels)).toBe(false);
  });

  it("treats absent labels as an empty set", () => {
    expect(parseSelector("!x").matches(undefined)).toBe(true);
    expect(parseSelector("x notin (a)").matches(null)).toBe(true);
    expect(parseSelector("x").matches(undefined)).toBe(false);
  });

  it("does not find inherited object properties as labels", () => {
    expect(parseSelector("constructor").matches({})).toBe(false);
    expect(parseSelector("!toString").matches({})).toBe(true);
  });

  it("compares gt/lt numerically and never matches a non-integer label value", () => {
    expect(parseSelector("x>9").matches({ x: "10" })).toBe(true);
    expect(parseSelector("x>1").matches({ x: "v2" })).toBe(false);
    expect(parseSelector("x<1").matches({})).toBe(false);
  });
});

describe("requirement matching (TestRequirementSelectorMatching)", () => {
  it.each<[Record<string, string>, Requirement[], boolean]>([
    [{ x: "foo", y: "baz" }, [req("x", "in", ["foo"]), req("y", "notin", ["alpha"])], true],
    [{ x: "foo", y: "baz" }, [req("x", "in", ["foo"]), req("y", "in", ["alpha"])], false],
    [{ y: "" }, [req("x", "notin", [""]), req("y", "exists")], true],
    [{ y: "" }, [req("x", "!"), req("y", "exists")], true],
    [{ y: "" }, [req("x", "notin", [""]), req("y", "!")], false],
    [{ y: "baz" }, [req("x", "in", [""])], false],
    [{ z: "2" }, [req("z", "gt", ["1"])], true],
    [{ z: "v2" }, [req("z", "gt", ["1"])], false],
  ])("labels %j against %j match: %s", (labels, reqs, want) => {
    expect(selectorFromRequirements(reqs).matches(labels)).toBe(want);
  });
});

describe("canonical strings (TestToString)", () => {
  it.each<[Requirement[], string]>([
    [
      [req("x", "in", ["abc", "def"]), req("y", "notin", ["jkl"]), req("z", "exists")],
      "x in (abc,def),y notin (jkl),z",
    ],
    [
      [req("x", "notin", ["abc", "def"]), req("y", "!=", ["jkl"]), req("z", "!")],
      "x notin (abc,def),y!=jkl,!z",
    ],
    [
      [req("x", "notin", ["abc"]), req("y", "in", ["jkl", "mno"]), req("z", "notin", [""])],
      "x notin (abc),y in (jkl,mno),z notin ()",
    ],
    [
      [req("x", "=", ["abc"]), req("y", "==", ["jkl"]), req("z", "!=", ["a"]), req("z", "exists")],
      "x=abc,y==jkl,z!=a,z",
    ],
    [[req("x", "gt", ["2"]), req("y", "lt", ["8"]), req("z", "exists")], "x>2,y<8,z"],
  ])("prints %j as %j", (reqs, want) => {
    expect(selectorFromRequirements(reqs).toString()).toBe(want);
  });

  it("sorts values on output without reordering the stored requirement", () => {
    const r = req("x", "in", ["foo", "bar"]);
    expect(selectorFromRequirements([r]).toString()).toBe("x in (bar,foo)");
    expect(r.values).toEqual(["foo", "bar"]);
  });
});

describe("set-based parsing (TestSetSelectorParser)", () => {
  it.each<[string, Requirement[]]>([
    ["", []],
    ["\rx", [req("x", "exists")]],
    ["this-is-a-dns.domain.com/key-with-dash", [req("this-is-a-dns.domain.com/key-with-dash", "exists")]],
    [
      "this-is-another-dns.domain.com/key-with-dash in (so,what)",
      [req("this-is-another-dns.domain.com/key-with-dash", "in", ["so", "what"])],
    ],
    [
      "0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)",
      [req("0.1.2.domain/99", "notin", ["10.10.100.1", "tick.tack.clock"])],
    ],
    ["foo  in\t (abc)", [req("foo", "in", ["abc"])]],
    ["x notin\n (abc)", [req("x", "notin", ["abc"])]],
    ["x  notin\t\t\t(abc,def)", [req("x", "notin", ["abc", "def"])]],
    ["x in (abc,def)", [req("x", "in", ["abc", "def"])]],
    ["x in (abc,)", [req("x", "in", ["", "abc"])]],
    ["x in ()", [req("x", "in", [""])]],
    [
      "x notin (abc,,def),bar,z in (),w",
      [req("bar", "exists"), req("w", "exists"), req("x", "notin", ["", "abc", "def"]), req("z", "in", [""])],
    ],
    ["x,y in (a)", [req("x", "exists"), req("y", "in", ["a"])]],
    ["x=a", [req("x", "=", ["a"])]],
    ["x>1", [req("x", "gt", ["1"])]],
    ["x<7", [req("x", "lt", ["7"])]],
    ["x=a,y!=b", [req("x", "=", ["a"]), req("y", "!=", ["b"])]],
    ["x=a,y!=b,z in (h,i,j)", [req("x", "=", ["a"]), req("y", "!=", ["b"]), req("z", "in", ["h", "i", "j"])]],
    ["x notin ( )", [req("x", "notin", [""])]],
    ["x notin (, a)", [req("x", "notin", ["", "a"])]],
    ["a ", [req("a", "exists")]],
    ["a in (x,y,notin, z,in)", [req("a", "in", ["in", "notin", "x", "y", "z"])]],
    ["a in (b,b,a)", [req("a", "in", ["a", "b"])]],
  ])("parses %j into sorted, de-duplicated requirements", (s, want) => {
    expect(parseSelector(s).requirements()).toEqual(want);
  });

  it.each([
    "x=a||y=b",
    "x,,y",
    ",x,y",
    "x nott in (y)",
    "a in (xyz),",
    "a in (xyz)b notin ()",
    "a in (xyz abc)",
    "a notin(",
    "a (",
    "(",
  ])("rejects %j", (s) => {
    expect(() => parseSelector(s)).toThrow();
  });

  it("keeps repeated keys in input order after sorting", () => {
    expect(parseSelector("b,a=2,a=1").toString()).toBe("a=2,a=1,b");
  });
});

describe("selectors built from sets (TestSetMatches, TestSetSelectorString)", () => {
  const labelset = { foo: "bar", baz: "blah" };
  it.each<Record<string, string>>([{}, { foo: "bar" }, { baz: "blah" }, { foo: "bar", baz: "blah" }])(
    "set %j matches the labels",
    (set) => {
      expect(selectorFromSet(set).matches(labelset)).toBe(true);
    },
  );

  it("prints sorted key=value pairs, and an empty or absent set is Everything", () => {
    expect(selectorFromSet({ app: "foo", a: "b" }).toString()).toBe("a=b,app=foo");
    expect(selectorFromSet({}).empty()).toBe(true);
    expect(selectorFromSet(undefined).empty()).toBe(true);
  });

  it("validates keys and values only in validatedSelectorFromSet (TestValidatedSelectorFromSet)", () => {
    const long = "axahm2EJ8Phiephe2eixohbee9eGeiyees1thuozi1xoh0GiuH3diewi8iem7Nui";
    expect(selectorFromSet({ Key: long }).toString()).toBe(`Key=${long}`);
    expect(() => validatedSelectorFromSet({ Key: long })).toThrow(
      `values[0][Key]: Invalid value: "${long}": must be no more than 63 characters`,
    );
    expect(validatedSelectorFromSet({ key: "val" }).requirements()).toEqual([req("key", "=", ["val"])]);
  });

  it("formats labels as kubectl's LABELS column does", () => {
    expect(formatLabels({ b: "2", a: "1" })).toBe("a=1,b=2");
    expect(formatLabels({})).toBe("<none>");
    expect(formatLabels(undefined)).toBe("<none>");
  });
});

describe("Everything and Nothing", () => {
  it("Everything matches all labels, is empty and prints nothing (TestEverything)", () => {
    expect(everything().matches({ x: "y" })).toBe(true);
    expect(everything().empty()).toBe(true);
    expect(everything().toString()).toBe("");
    expect(parseSelector("").empty()).toBe(true);
  });

  it("Nothing matches no labels, is not empty and is not selectable", () => {
    expect(nothing().matches({})).toBe(false);
    expect(nothing().empty()).toBe(false);
    expect(nothing().selectable()).toBe(false);
    expect(nothing().add(req("a", "exists")).matches({ a: "" })).toBe(false);
  });
});

describe("add and requiresExactMatch (TestAdd, TestRequiresExactMatch)", () => {
  it("adds requirements into a new selector sorted by key", () => {
    const base = selectorFromRequirements([req("key2", "=", ["value2"])]);
    const added = base.add(req("key", "in", ["value"]));
    expect(added.toString()).toBe("key in (value),key2=value2");
    expect(base.toString()).toBe("key2=value2");
  });

  it.each<[Requirement[], string, string | undefined]>([
    [[req("key", "in", ["value"])], "key", "value"],
    [[req("key", "in", ["value", "value2"])], "key", undefined],
    [[req("key", "in", ["value", "value1"]), req("key2", "in", ["value2"])], "key2", "value2"],
    [[req("key", "=", ["value"])], "key", "value"],
    [[req("key", "==", ["value"])], "key", "value"],
    [[req("key", "!=", ["value"])], "key", undefined],
    [[req("key", "in", ["value"]), req("key2", "in", ["value2"])], "key", "value"],
  ])("%j requires %s to be %s", (reqs, label, want) => {
    expect(selectorFromRequirements(reqs).requiresExactMatch(label)).toBe(want);
  });
});

describe("the course's pods", () => {
  const pods: Record<string, Record<string, string>> = {
    "web-stable-prod": { release: "stable", environment: "production", tier: "frontend" },
    "web-canary-qa": { release: "canary", environment: "qa", tier: "frontend", partition: "customerA" },
    "api-stable-dev": { release: "stable", environment: "dev", tier: "backend" },
    "cache-canary-prod": {
      release: "canary",
      environment: "production",
      tier: "cache",
      partition: "customerB",
    },
    "batch-dev": { environment: "dev" },
  };
  const select = (s: string) => Object.keys(pods).filter((name) => parseSelector(s).matches(pods[name]));

  it("environment in (production, qa) selects production and qa pods", () => {
    expect(select("environment in (production, qa)")).toEqual([
      "web-stable-prod",
      "web-canary-qa",
      "cache-canary-prod",
    ]);
  });

  it("tier notin (frontend, backend) also selects pods without a tier label", () => {
    expect(select("tier notin (frontend, backend)")).toEqual(["cache-canary-prod", "batch-dev"]);
  });

  it("partition selects pods that have the label, !partition those that do not", () => {
    expect(select("partition")).toEqual(["web-canary-qa", "cache-canary-prod"]);
    expect(select("!partition")).toEqual(["web-stable-prod", "api-stable-dev", "batch-dev"]);
  });

  it("equality and set requirements combine with AND", () => {
    expect(select("release=canary,environment!=qa")).toEqual(["cache-canary-prod"]);
    expect(select("partition in (customerA, customerB),environment!=qa")).toEqual(["cache-canary-prod"]);
    expect(select("environment=production,tier!=frontend")).toEqual(["cache-canary-prod"]);
  });

  it("prints the canonical form kubectl would send", () => {
    expect(parseSelector("tier notin (frontend, backend), environment in (qa,production)").toString()).toBe(
      "environment in (production,qa),tier notin (backend,frontend)",
    );
  });
});
