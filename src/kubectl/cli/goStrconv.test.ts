import { describe, expect, it } from "vitest";
import { goQuote, goQuoteByte, parseGoBool, parseGoInt } from "./goStrconv";

describe("goQuote (strconv.Quote)", () => {
  const cases: [string, string][] = [
    ["abc", '"abc"'],
    ['"a', '"\\"a"'],
    ["a\\b", '"a\\\\b"'],
    ["a\nb\tc\r", '"a\\nb\\tc\\r"'],
    ["\x07\b\f\v", '"\\a\\b\\f\\v"'],
    ["\x00\x1b\x7f", '"\\x00\\x1b\\x7f"'],
    ["héllo ☺", '"héllo ☺"'],
    ["\u00a0", '"\\u00a0"'],
    ["\u200b", '"\\u200b"'],
    ["'", `"'"`],
    ["", '""'],
  ];
  for (const [input, quoted] of cases) {
    it(`quotes ${JSON.stringify(input)} as ${quoted}`, () => expect(goQuote(input)).toBe(quoted));
  }

  it("quotes a byte the way %q prints pflag's shorthand", () => {
    expect(goQuoteByte("z")).toBe("'z'");
    expect(goQuoteByte("'")).toBe("'\\''");
    expect(goQuoteByte('"')).toBe(`'"'`);
    expect(goQuoteByte("é")).toBe("'Ã'");
  });
});

describe("parseGoBool (strconv.ParseBool)", () => {
  for (const s of ["1", "t", "T", "TRUE", "true", "True"])
    it(`reads ${s} as true`, () => expect(parseGoBool(s)).toEqual({ ok: true, value: true }));
  for (const s of ["0", "f", "F", "FALSE", "false", "False"])
    it(`reads ${s} as false`, () => expect(parseGoBool(s)).toEqual({ ok: true, value: false }));
  for (const s of ["", "yes", "tRUE", " true", "2"]) {
    it(`rejects ${JSON.stringify(s)}`, () => {
      expect(parseGoBool(s)).toEqual({
        ok: false,
        error: `strconv.ParseBool: parsing ${goQuote(s)}: invalid syntax`,
      });
    });
  }
});

describe("parseGoInt (strconv.ParseInt with base 0)", () => {
  // From Go's strconv atoi_test.go tables (base 0 and 64/32-bit cases).
  const values: [string, number, (32 | 64)?][] = [
    ["0", 0],
    ["-0", 0],
    ["+0", 0],
    ["1", 1],
    ["-1", -1],
    ["+1", 1],
    ["12345", 12345],
    ["-12345", -12345],
    ["012345", 0o12345],
    ["-012345", -0o12345],
    ["0x12345", 0x12345],
    ["-0X12345", -0x12345],
    ["0o17", 15],
    ["0O17", 15],
    ["0b101", 5],
    ["0B101", 5],
    ["1_000", 1000],
    ["0x_1F", 31],
    ["0_777", 0o777],
    ["-0x_1F", -31],
    ["98765432100", 98765432100],
    ["9223372036854775807", Number(9223372036854775807n)],
    ["-9223372036854775808", Number(-9223372036854775808n)],
    ["2147483647", 2147483647, 32],
    ["-2147483648", -2147483648, 32],
  ];
  for (const [s, value, bits] of values) {
    it(`reads ${s}${bits ? ` as int${bits}` : ""}`, () =>
      expect(parseGoInt(s, bits)).toEqual({ ok: true, value }));
  }

  const syntax = [
    "",
    "+",
    "-",
    "12345x",
    "-12345x",
    "1__2",
    "_12",
    "12_",
    "0x",
    "0b2",
    "08",
    "0x_",
    "1.5",
    " 1",
    "1 ",
    "++1",
    "+-1",
    "٣",
  ];
  for (const s of syntax) {
    it(`rejects ${JSON.stringify(s)} as invalid syntax`, () => {
      expect(parseGoInt(s)).toEqual({
        ok: false,
        error: `strconv.ParseInt: parsing ${goQuote(s)}: invalid syntax`,
      });
    });
  }

  const range: [string, (32 | 64)?][] = [
    ["9223372036854775808"],
    ["-9223372036854775809"],
    ["18446744073709551616"],
    ["0x8000000000000000"],
    ["12345678901234567890123x"],
    ["2147483648", 32],
    ["-2147483649", 32],
  ];
  for (const [s, bits] of range) {
    it(`rejects ${s} as out of range${bits ? ` for int${bits}` : ""}`, () => {
      expect(parseGoInt(s, bits)).toEqual({
        ok: false,
        error: `strconv.ParseInt: parsing ${goQuote(s)}: value out of range`,
      });
    });
  }
});
