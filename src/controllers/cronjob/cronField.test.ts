import { describe, expect, it } from "vitest";
import { all, BOUNDS, getBits, getField, getRange, STAR_BIT, type Bounds } from "./cronField";

// Ported from robfig/cron v3 parser_test.go (TestRange, TestField, TestAll, TestBits).
describe("getRange", () => {
  const b = (min: number, max: number): Bounds => ({ min, max });
  const ok: [string, number, number, bigint][] = [
    ["5", 0, 7, 1n << 5n],
    ["0", 0, 7, 1n << 0n],
    ["7", 0, 7, 1n << 7n],
    ["5-5", 0, 7, 1n << 5n],
    ["5-6", 0, 7, (1n << 5n) | (1n << 6n)],
    ["5-7", 0, 7, (1n << 5n) | (1n << 6n) | (1n << 7n)],
    ["5-6/2", 0, 7, 1n << 5n],
    ["5-7/2", 0, 7, (1n << 5n) | (1n << 7n)],
    ["5-7/1", 0, 7, (1n << 5n) | (1n << 6n) | (1n << 7n)],
    ["*", 1, 3, (1n << 1n) | (1n << 2n) | (1n << 3n) | STAR_BIT],
    ["*/2", 1, 3, (1n << 1n) | (1n << 3n)],
  ];
  it.each(ok)("parses %s within %i-%i", (expr, min, max, expected) => {
    expect(getRange(expr, b(min, max))).toBe(expected);
  });

  const bad: [string, number, number, string][] = [
    ["5--5", 0, 0, "too many hyphens: 5--5"],
    ["jan-x", 0, 0, 'failed to parse int from jan: strconv.Atoi: parsing "jan": invalid syntax'],
    ["2-x", 1, 5, 'failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax'],
    ["*/-12", 0, 0, "negative number (-12) not allowed: -12"],
    ["*//2", 0, 0, "too many slashes: *//2"],
    ["1", 3, 5, "beginning of range (1) below minimum (3): 1"],
    ["6", 3, 5, "end of range (6) above maximum (5): 6"],
    ["5-3", 3, 5, "beginning of range (5) beyond end of range (3): 5-3"],
    ["*/0", 0, 0, "step of range should be a positive number: */0"],
  ];
  it.each(bad)("rejects %s within %i-%i with robfig's message", (expr, min, max, message) => {
    expect(() => getRange(expr, b(min, max))).toThrow(message);
  });

  it("reads month and weekday names in any case", () => {
    expect(getRange("JAN-mar", BOUNDS.months)).toBe((1n << 1n) | (1n << 2n) | (1n << 3n));
    expect(getRange("Sun", BOUNDS.dow)).toBe(1n);
  });

  it("drops the star bit only for steps above 1", () => {
    expect(getRange("*/1", BOUNDS.hours) & STAR_BIT).toBe(STAR_BIT);
    expect(getRange("?", BOUNDS.dow) & STAR_BIT).toBe(STAR_BIT);
  });
});

describe("getField", () => {
  it.each([
    ["5", 1n << 5n],
    ["5,6", (1n << 5n) | (1n << 6n)],
    ["5,6,7", (1n << 5n) | (1n << 6n) | (1n << 7n)],
    ["1,5-7/2,3", (1n << 1n) | (1n << 5n) | (1n << 7n) | (1n << 3n)],
  ])("unions the list %s", (expr, expected) => {
    expect(getField(expr, { min: 1, max: 7 })).toBe(expected);
  });
});

describe("all and getBits", () => {
  it.each([
    [BOUNDS.minutes, 0xfffffffffffffffn],
    [BOUNDS.hours, 0xffffffn],
    [BOUNDS.dom, 0xfffffffen],
    [BOUNDS.months, 0x1ffen],
    [BOUNDS.dow, 0x7fn],
  ])("covers every value of %o plus the star bit", (r, expected) => {
    expect(all(r)).toBe(expected | STAR_BIT);
  });

  it.each([
    [0, 0, 1, 0x1n],
    [1, 1, 1, 0x2n],
    [1, 5, 2, 0x2an],
    [1, 4, 2, 0xan],
  ])("sets %i-%i/%i", (min, max, step, expected) => {
    expect(getBits(min, max, step)).toBe(expected);
  });
});
