import { describe, expect, it } from "vitest";
import { formatGoDuration, nanosToSeconds, parseGoDuration } from "./goDuration";

const ns = 1n;
const us = 1000n * ns;
const ms = 1000n * us;
const s = 1000n * ms;
const m = 60n * s;
const h = 60n * m;
const max = (1n << 63n) - 1n;

describe("parseGoDuration (time.ParseDuration)", () => {
  // Go's time_test.go parseDurationTests.
  const values: [string, bigint][] = [
    ["0", 0n],
    ["5s", 5n * s],
    ["30s", 30n * s],
    ["1478s", 1478n * s],
    ["-5s", -5n * s],
    ["+5s", 5n * s],
    ["-0", 0n],
    ["+0", 0n],
    ["5.0s", 5n * s],
    ["5.6s", 5n * s + 600n * ms],
    ["5.s", 5n * s],
    [".5s", 500n * ms],
    ["1.0s", s],
    ["1.00s", s],
    ["1.004s", s + 4n * ms],
    ["1.0040s", s + 4n * ms],
    ["100.00100s", 100n * s + 1n * ms],
    ["10ns", 10n],
    ["11us", 11n * us],
    ["12µs", 12n * us],
    ["12μs", 12n * us],
    ["13ms", 13n * ms],
    ["14s", 14n * s],
    ["15m", 15n * m],
    ["16h", 16n * h],
    ["3h30m", 3n * h + 30n * m],
    ["10.5s4m", 4n * m + 10n * s + 500n * ms],
    ["-2m3.4s", -(2n * m + 3n * s + 400n * ms)],
    ["1h2m3s4ms5us6ns", h + 2n * m + 3n * s + 4n * ms + 5n * us + 6n],
    ["39h9m14.425s", 39n * h + 9n * m + 14n * s + 425n * ms],
    ["52763797000ns", 52763797000n],
    ["0.3333333333333333333h", 20n * m],
    ["9007199254740993ns", (1n << 53n) + 1n],
    ["9223372036854775807ns", max],
    ["9223372036854775.807us", max],
    ["9223372036s854ms775us807ns", max],
    ["-9223372036854775808ns", -(1n << 63n)],
    ["-9223372036854775.808us", -(1n << 63n)],
    ["0.100000000000000000000h", 6n * m],
    ["0.830103483285477580700h", 49n * m + 48n * s + 372539827n],
  ];
  for (const [text, nanos] of values) {
    it(`reads ${text}`, () => expect(parseGoDuration(text)).toEqual({ ok: true, value: nanos }));
  }

  const errors: [string, string][] = [
    ["", 'time: invalid duration ""'],
    ["3", 'time: missing unit in duration "3"'],
    ["-", 'time: invalid duration "-"'],
    ["s", 'time: invalid duration "s"'],
    [".", 'time: invalid duration "."'],
    ["-.", 'time: invalid duration "-."'],
    [".s", 'time: invalid duration ".s"'],
    ["+.s", 'time: invalid duration "+.s"'],
    ["1d", 'time: unknown unit "d" in duration "1d"'],
    ["1.5x2s", 'time: unknown unit "x" in duration "1.5x2s"'],
    ["1s2", 'time: missing unit in duration "1s2"'],
    ["\u0085\u0085", 'time: invalid duration "\\xc2\\x85\\xc2\\x85"'],
    ["1é", 'time: unknown unit "\\xc3\\xa9" in duration "1\\xc3\\xa9"'],
    ['1"', 'time: unknown unit "\\"" in duration "1\\""'],
    ["9223372036854775808ns", 'time: invalid duration "9223372036854775808ns"'],
    ["9223372036854775.808us", 'time: invalid duration "9223372036854775.808us"'],
    ["-9223372036854775809ns", 'time: invalid duration "-9223372036854775809ns"'],
    ["3000000h", 'time: invalid duration "3000000h"'],
  ];
  for (const [text, error] of errors) {
    it(`rejects ${JSON.stringify(text)}`, () => expect(parseGoDuration(text)).toEqual({ ok: false, error }));
  }
});

describe("formatGoDuration (Duration.String)", () => {
  // Go's time_test.go durationTests.
  const cases: [string, bigint][] = [
    ["0s", 0n],
    ["1ns", 1n],
    ["1.1µs", 1100n],
    ["2.2ms", 2200n * us],
    ["3.3s", 3300n * ms],
    ["4m5s", 4n * m + 5n * s],
    ["4m5.001s", 4n * m + 5001n * ms],
    ["5h6m7.001s", 5n * h + 6n * m + 7001n * ms],
    ["8m0.000000001s", 8n * m + 1n],
    ["2562047h47m16.854775807s", max],
    ["-2562047h47m16.854775808s", -(1n << 63n)],
    ["1h0m0s", h],
    ["5s", 5n * s],
  ];
  for (const [text, nanos] of cases) {
    it(`prints ${text}`, () => expect(formatGoDuration(nanos)).toBe(text));
  }
});

describe("nanosToSeconds", () => {
  it("converts to fractional seconds", () => {
    expect(nanosToSeconds(90n * s)).toBe(90);
    expect(nanosToSeconds(250n * ms)).toBe(0.25);
  });
});
