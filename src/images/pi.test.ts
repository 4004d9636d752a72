import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { piDigits } from "./pi";

// Golden outputs of `perl -Mbignum=bpi -wle 'print bpi(N)'` (Math::BigFloat, perl 5.36).
describe("piDigits", () => {
  it.each([
    [1, "3"],
    [2, "3.1"],
    [3, "3.14"],
    [5, "3.1416"],
    [10, "3.141592654"],
    [31, "3.141592653589793238462643383280"],
    [33, "3.14159265358979323846264338327950"],
    [50, "3.1415926535897932384626433832795028841971693993751"],
  ])("prints bpi(%i) as %s", (n, expected) => {
    expect(piDigits(n)).toBe(expected);
  });

  it("prints bpi(2000) exactly as perl does, quickly", () => {
    const golden = readFileSync(new URL("./testdata/bpi2000.txt", import.meta.url), "utf8").trimEnd();
    const start = process.hrtime.bigint();
    const got = piDigits(2000);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    expect(got).toBe(golden);
    expect(got.length).toBe(2001);
    expect(ms).toBeLessThan(100);
  });

  it("refuses a non-positive digit count", () => {
    expect(() => piDigits(0)).toThrow(RangeError);
  });
});
