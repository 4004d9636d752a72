import { describe, expect, it } from "vitest";
import {
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidLabelValue,
  regexError,
} from "./labelValidation";

const r = (c: string, n: number) => c.repeat(n);

describe("isDNS1123Label (TestIsDNS1123Label)", () => {
  it.each([
    "a",
    "ab",
    "abc",
    "a1",
    "a-1",
    "a--1--2--b",
    "0",
    "01",
    "012",
    "1a",
    "1-a",
    "1--a--b--2",
    r("a", 63),
  ])("accepts %j", (v) => expect(isDNS1123Label(v)).toEqual([]));
  it.each([
    "",
    "A",
    "ABC",
    "aBc",
    "A1",
    "A-1",
    "1-A",
    "-",
    "a-",
    "-a",
    "1-",
    "-1",
    "_",
    "a_",
    "_a",
    "a_b",
    "1_",
    "_1",
    "1_2",
    ".",
    "a.",
    ".a",
    "a.b",
    "1.",
    ".1",
    "1.2",
    " ",
    "a ",
    " a",
    "a b",
    "1 ",
    " 1",
    "1 2",
    r("a", 64),
  ])("rejects %j", (v) => expect(isDNS1123Label(v)).not.toEqual([]));

  it("explains dots separately when the value is a valid subdomain", () => {
    expect(isDNS1123Label("a.b")).toEqual(["must not contain dots"]);
    expect(isDNS1123Label("My_Name")).toEqual([
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    ]);
    expect(isDNS1123Label(r("a", 64))).toEqual(["must be no more than 63 characters"]);
  });
});

describe("isDNS1123Subdomain (TestIsDNS1123Subdomain)", () => {
  it.each([
    "a",
    "ab",
    "abc",
    "a1",
    "a-1",
    "a--1--2--b",
    "0",
    "01",
    "012",
    "1a",
    "1-a",
    "1--a--b--2",
    "a.a",
    "ab.a",
    "abc.a",
    "a1.a",
    "a-1.a",
    "a--1--2--b.a",
    "a.1",
    "ab.1",
    "abc.1",
    "a1.1",
    "a-1.1",
    "a--1--2--b.1",
    "0.a",
    "01.a",
    "012.a",
    "1a.a",
    "1-a.a",
    "1--a--b--2",
    "0.1",
    "01.1",
    "012.1",
    "1a.1",
    "1-a.1",
    "1--a--b--2.1",
    "a.b.c.d.e",
    "aa.bb.cc.dd.ee",
    "1.2.3.4.5",
    "11.22.33.44.55",
    r("a", 253),
  ])("accepts %j", (v) => expect(isDNS1123Subdomain(v)).toEqual([]));
  it.each([
    "",
    "A",
    "ABC",
    "aBc",
    "A1",
    "A-1",
    "1-A",
    "-",
    "a-",
    "-a",
    "1-",
    "-1",
    "_",
    "a_",
    "_a",
    "a_b",
    "1_",
    "_1",
    "1_2",
    ".",
    "a.",
    ".a",
    "a..b",
    "1.",
    ".1",
    "1..2",
    " ",
    "a ",
    " a",
    "a b",
    "1 ",
    " 1",
    "1 2",
    "A.a",
    "aB.a",
    "ab.A",
    "A1.a",
    "a1.A",
    "A.1",
    "aB.1",
    "A1.1",
    "1A.1",
    "0.A",
    "01.A",
    "012.A",
    "1A.a",
    "1a.A",
    "A.B.C.D.E",
    "AA.BB.CC.DD.EE",
    "a.B.c.d.e",
    "aa.bB.cc.dd.ee",
    "a@b",
    "a,b",
    "a_b",
    "a;b",
    "a:b",
    "a%b",
    "a?b",
    "a$b",
    r("a", 254),
  ])("rejects %j", (v) => expect(isDNS1123Subdomain(v)).not.toEqual([]));

  it("words its errors as Kubernetes does", () => {
    expect(isDNS1123Subdomain("My.Pod")).toEqual([
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ]);
    expect(isDNS1123Subdomain(r("a", 254))).toEqual(["must be no more than 253 characters"]);
  });
});

describe("isDNS1035Label (TestIsDNS1035Label)", () => {
  it.each(["a", "ab", "abc", "a1", "a-1", "a--1--2--b", r("a", 63)])("accepts %j", (v) =>
    expect(isDNS1035Label(v)).toEqual([]),
  );
  it.each([
    "0",
    "01",
    "012",
    "1a",
    "1-a",
    "1--a--b--2",
    "",
    "A",
    "ABC",
    "aBc",
    "A1",
    "A-1",
    "1-A",
    "-",
    "a-",
    "-a",
    "1-",
    "-1",
    "_",
    "a_",
    "_a",
    "a_b",
    "1_",
    "_1",
    "1_2",
    ".",
    "a.",
    ".a",
    "a.b",
    "1.",
    ".1",
    "1.2",
    " ",
    "a ",
    " a",
    "a b",
    "1 ",
    " 1",
    "1 2",
    r("a", 64),
  ])("rejects %j", (v) => expect(isDNS1035Label(v)).not.toEqual([]));

  it("words its error as Kubernetes does", () => {
    expect(isDNS1035Label("1web")).toEqual([
      "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    ]);
  });
});

describe("isQualifiedName (TestIsQualifiedName)", () => {
  it.each([
    "simple",
    "now-with-dashes",
    "1-starts-with-num",
    "1234",
    "simple/simple",
    "now-with-dashes/simple",
    "now-with-dashes/now-with-dashes",
    "now.with.dots/simple",
    "now-with.dashes-and.dots/simple",
    "1-num.2-num/3-num",
    "1234/5678",
    "1.2.3.4/5678",
    "Uppercase_Is_OK_123",
    "example.com/Uppercase_Is_OK_123",
    "requests.storage-foo",
    r("a", 63),
    r("a", 253) + "/" + r("b", 63),
  ])("accepts %j", (v) => expect(isQualifiedName(v)).toEqual([]));
  it.each([
    "nospecialchars%^=@",
    "cantendwithadash-",
    "-cantstartwithadash-",
    "only/one/slash",
    "Example.com/abc",
    "example_com/abc",
    "example.com/",
    "/simple",
    r("a", 64),
    r("a", 254) + "/abc",
  ])("rejects %j", (v) => expect(isQualifiedName(v)).not.toEqual([]));

  it("prefixes prefix and name errors and reports all of them", () => {
    expect(isQualifiedName("/simple")).toEqual(["prefix part must be non-empty"]);
    expect(isQualifiedName(r("a", 64))).toEqual(["name part must be no more than 63 characters"]);
    expect(isQualifiedName("Example.com/")).toEqual([
      "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      "name part must be non-empty",
      "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    ]);
  });
});

describe("isValidLabelValue (TestIsValidLabelValue)", () => {
  it.each(["simple", "now-with-dashes", "1-starts-with-num", "end-with-num-1", "1234", r("a", 63), ""])(
    "accepts %j",
    (v) => expect(isValidLabelValue(v)).toEqual([]),
  );
  it.each([
    "nospecialchars%^=@",
    "Tama-nui-te-rā.is.Māori.sun",
    "\\backslashes\\are\\bad",
    "-starts-with-dash",
    "ends-with-dash-",
    ".starts.with.dot",
    "ends.with.dot.",
    r("a", 64),
  ])("rejects %j", (v) => expect(isValidLabelValue(v)).not.toEqual([]));

  it("counts bytes, not characters, against the 63 limit", () => {
    expect(isValidLabelValue(r("ā", 32))).toContain("must be no more than 63 characters");
  });
});

describe("regexError", () => {
  it("matches Kubernetes' wording with and without examples", () => {
    expect(regexError("bad", "[a-z]+")).toBe("bad (regex used for validation is '[a-z]+')");
    expect(regexError("bad", "[a-z]+", "a", "b")).toBe(
      "bad (e.g. 'a',  or 'b', regex used for validation is '[a-z]+')",
    );
  });
});
