import { describe, expect, it } from "vitest";
import {
  isCIdentifier,
  isConfigMapKey,
  isEnvVarName,
  isInRange,
  isValidPortName,
  isValidPortNum,
} from "./stringValidation";

describe("isCIdentifier (TestIsCIdentifier)", () => {
  it.each([
    "a",
    "ab",
    "abc",
    "a1",
    "_a",
    "a_",
    "a_b",
    "a_1",
    "a__1__2__b",
    "__abc_123",
    "A",
    "AB",
    "AbC",
    "A1",
    "_A",
    "A_",
    "A_B",
    "A_1",
    "A__1__2__B",
    "__123_ABC",
  ])("accepts %j", (v) => expect(isCIdentifier(v)).toEqual([]));
  it.each([
    "",
    "1",
    "123",
    "1a",
    "-",
    "a-",
    "-a",
    "1-",
    "-1",
    "1_",
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
    "#a#",
  ])("rejects %j", (v) => expect(isCIdentifier(v)).not.toEqual([]));
});

describe("port numbers and ranges (TestIsValidPortNum, TestIsInRange)", () => {
  it.each([1, 2, 1000, 16384, 32768, 65535])("accepts port %d", (p) => expect(isValidPortNum(p)).toEqual([]));
  it.each([0, -1, 65536, 100000])("rejects port %d", (p) =>
    expect(isValidPortNum(p)).toEqual(["must be between 1 and 65535, inclusive"]),
  );
  it("checks inclusive ranges", () => {
    expect(isInRange(25, 10, 25)).toEqual([]);
    expect(isInRange(5, -4, 2)).toEqual(["must be between -4 and 2, inclusive"]);
  });
});

describe("isValidPortName (TestIsValidPortName)", () => {
  it.each(["telnet", "re-mail-ck", "pop3", "a", "a-1", "1-a", "a-1-b-2-c", "1-a-2-b-3"])("accepts %j", (v) =>
    expect(isValidPortName(v)).toEqual([]),
  );
  it.each([
    "longerthan15characters",
    "",
    "a".repeat(16),
    "12345",
    "1-2-3-4",
    "-begin",
    "end-",
    "two--hyphens",
    "whois++",
  ])("rejects %j", (v) => expect(isValidPortName(v)).not.toEqual([]));
  it("reports every rule broken", () => {
    expect(isValidPortName("-1--")).toEqual([
      "must contain at least one letter (a-z)",
      "must not contain consecutive hyphens",
      "must not begin or end with a hyphen",
    ]);
  });
});

describe("isConfigMapKey (TestIsConfigMapKey)", () => {
  it.each([
    "a",
    "good",
    "good-good",
    "still.good",
    "this.is.also.good",
    ".so.is.this",
    "THIS_IS_GOOD",
    "so_is_this_17",
  ])("accepts %j", (v) => expect(isConfigMapKey(v)).toEqual([]));
  it.each([".", "..", "..bad", "b*d", "bad!&bad"])("rejects %j", (v) =>
    expect(isConfigMapKey(v)).not.toEqual([]),
  );
  it("words its errors as Kubernetes does", () => {
    expect(isConfigMapKey("..")).toEqual(["must not be '..'"]);
    expect(isConfigMapKey("b*d")).toEqual([
      "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    ]);
  });
});

describe("isEnvVarName", () => {
  it.each(["A", "my.env-name", "MY_ENV.NAME", "MyEnvName1", "_x"])("accepts %j", (v) =>
    expect(isEnvVarName(v)).toEqual([]),
  );
  it.each(["", "1A", "A B", "A=B", "..", "..x"])("rejects %j", (v) =>
    expect(isEnvVarName(v)).not.toEqual([]),
  );
});
