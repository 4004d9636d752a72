import { describe, expect, it } from "vitest";
import { parseGoDuration } from "./goDuration";

// Cases from Go's time/time_test.go parseDurationTests.
describe("parseGoDuration", () => {
  it.each([
    ["0", 0n],
    ["5s", 5_000_000_000n],
    ["30s", 30_000_000_000n],
    ["-5s", -5_000_000_000n],
    ["+5s", 5_000_000_000n],
    ["1478s", 1_478_000_000_000n],
    ["5.6s", 5_600_000_000n],
    ["5.s", 5_000_000_000n],
    [".5s", 500_000_000n],
    ["1.004s", 1_004_000_000n],
    ["100.00100s", 100_001_000_000n],
    ["10ns", 10n],
    ["11us", 11_000n],
    ["12µs", 12_000n],
    ["13ms", 13_000_000n],
    ["14s", 14_000_000_000n],
    ["15m", 900_000_000_000n],
    ["16h", 57_600_000_000_000n],
    ["3h30m", 12_600_000_000_000n],
    ["10.5s4m", 250_500_000_000n],
    ["-2m3.4s", -123_400_000_000n],
    ["1h2m3s4ms5us6ns", 3_723_004_005_006n],
    ["9223372036854775807ns", 9223372036854775807n],
  ])("reads %j as %i ns", (text, nanos) => {
    expect(parseGoDuration(text)).toEqual({ ok: true, value: nanos });
  });

  it.each([
    ["", 'time: invalid duration ""'],
    ["3", 'time: missing unit in duration "3"'],
    ["-", 'time: invalid duration "-"'],
    ["s", 'time: invalid duration "s"'],
    [".", 'time: invalid duration "."'],
    ["-.", 'time: invalid duration "-."'],
    [".s", 'time: invalid duration ".s"'],
    ["+.s", 'time: invalid duration "+.s"'],
    ["1d", 'time: unknown unit "d" in duration "1d"'],
    ["9223372036854775808ns", 'time: invalid duration "9223372036854775808ns"'],
  ])("rejects %j with %j", (text, error) => {
    expect(parseGoDuration(text)).toEqual({ ok: false, error });
  });
});
