import { describe, expect, it } from "vitest";
import { compareGoStrings, goQuote, goStringSlice, parseInt64, utf8Length } from "./goString";

describe("goString", () => {
  it("counts UTF-8 bytes like Go's len()", () => {
    expect(utf8Length("abc")).toBe(3);
    expect(utf8Length("rā")).toBe(3);
    expect(utf8Length("함")).toBe(3);
    expect(utf8Length("😀")).toBe(4);
  });

  it("orders strings by code point, so astral characters sort after U+FFFF", () => {
    expect(compareGoStrings("\uffff", "😀")).toBeLessThan(0);
    expect(compareGoStrings("a", "ab")).toBeLessThan(0);
    expect(compareGoStrings("B", "a")).toBeLessThan(0);
    expect(compareGoStrings("x", "x")).toBe(0);
  });

  it("quotes like strconv.Quote: escapes controls, keeps printable Unicode", () => {
    expect(goQuote('a "b"\\')).toBe('"a \\"b\\"\\\\"');
    expect(goQuote("a\tb\n")).toBe('"a\\tb\\n"');
    expect(goQuote("\x00\x7f")).toBe('"\\x00\\x7f"');
    expect(goQuote("Tama-nui-te-rā")).toBe('"Tama-nui-te-rā"');
    expect(goQuote("\u200b")).toBe('"\\u200b"');
  });

  it("prints []string values as %#v does, nil and empty differently", () => {
    expect(goStringSlice(null)).toBe("[]string(nil)");
    expect(goStringSlice([])).toBe("[]string{}");
    expect(goStringSlice(["bar", "foo"])).toBe('[]string{"bar", "foo"}');
  });

  it("parses int64 like strconv.ParseInt base 10", () => {
    expect(parseInt64("42")).toBe(42n);
    expect(parseInt64("-7")).toBe(-7n);
    expect(parseInt64("+7")).toBe(7n);
    expect(parseInt64("9223372036854775807")).toBe(9223372036854775807n);
    expect(parseInt64("9223372036854775808")).toBeUndefined();
    for (const bad of ["", "1.5", "0x10", "1_000", " 1", "v2"]) expect(parseInt64(bad)).toBeUndefined();
  });
});
