import { describe, expect, it } from "vitest";
import {
  QUANTITY_FORMAT_ERROR,
  QUANTITY_SUFFIX_ERROR,
  Quantity,
  compareQuantities,
  parseQuantity,
  parseQuantityValue,
  tryParseQuantity,
} from "./quantity";

/** decQuantity(i, exponent, format) from quantity_test.go. */
const dec = (i: number | bigint, exponent: number, format: Quantity["format"]) =>
  new Quantity(BigInt(i), exponent, format);

describe("parseQuantity", () => {
  // Ported from TestQuantityParse in apimachinery pkg/api/resource/quantity_test.go.
  const table: [string, Quantity][] = [
    ["0", dec(0, 0, "DecimalSI")],
    ["0n", dec(0, 0, "DecimalSI")],
    ["0Ki", dec(0, 0, "BinarySI")],
    ["0M", dec(0, 0, "DecimalSI")],
    ["1", dec(1, 0, "DecimalSI")],
    ["1Ki", dec(1024, 0, "BinarySI")],
    ["8Ki", dec(8 * 1024, 0, "BinarySI")],
    ["7Mi", dec(7 * 1024 * 1024, 0, "BinarySI")],
    ["6Gi", dec(6 * 1024 ** 3, 0, "BinarySI")],
    ["5Ti", dec(5 * 1024 ** 4, 0, "BinarySI")],
    ["4Pi", dec(4n * 1024n ** 5n, 0, "BinarySI")],
    ["3Ei", dec(3n * 1024n ** 6n, 0, "BinarySI")],
    ["5n", dec(5, -9, "DecimalSI")],
    ["4u", dec(4, -6, "DecimalSI")],
    ["3m", dec(3, -3, "DecimalSI")],
    ["8k", dec(8, 3, "DecimalSI")],
    ["50k", dec(5, 4, "DecimalSI")],
    ["300T", dec(3, 14, "DecimalSI")],
    ["1E", dec(1, 18, "DecimalSI")],
    ["1E-3", dec(1, -3, "DecimalExponent")],
    ["1e3", dec(1, 3, "DecimalExponent")],
    ["1E18", dec(1, 18, "DecimalExponent")],
    ["100.035k", dec(100035, 0, "DecimalSI")],
    ["0.001", dec(1, -3, "DecimalSI")],
    ["0.0005k", dec(5, -1, "DecimalSI")],
    ["0.5", dec(5, -1, "DecimalSI")],
    ["0.5e-2", dec(5, -3, "DecimalExponent")],
    ["1.3E+6", dec(13, 5, "DecimalExponent")],
    ["6.987654321G", dec(6987654321, 0, "DecimalSI")],
    ["1.01E", dec(101, 16, "DecimalSI")],
    ["3.001n", dec(4, -9, "DecimalSI")],
    ["1.1E-9", dec(2, -9, "DecimalExponent")],
    ["0.0000000001", dec(1, -9, "DecimalSI")],
    ["0.00000012345", dec(124, -9, "DecimalSI")],
    ["9Ei", dec(2n ** 63n - 1n, 0, "BinarySI")],
    ["9223372036854775807Ki", dec(2n ** 63n - 1n, 0, "BinarySI")],
    ["12E", dec(12, 18, "DecimalSI")],
    ["100.035Ki", dec(10243584, -2, "BinarySI")],
    ["0.5Mi", dec(0.5 * 1024 * 1024, 0, "BinarySI")],
    ["0.05Gi", dec(536870912, -1, "BinarySI")],
    ["0.000000000001Ki", dec(2, -9, "DecimalSI")],
    [".001", dec(1, -3, "DecimalSI")],
    [".0001k", dec(100, -3, "DecimalSI")],
    ["1.", dec(1, 0, "DecimalSI")],
    ["1.G", dec(1, 9, "DecimalSI")],
  ];
  it.each(table)("parses %s to the same value and format as Kubernetes", (input, expected) => {
    const got = parseQuantity(input);
    expect(got.cmp(expected)).toBe(0);
    expect(got.format).toBe(expected.format);
    const negative = parseQuantity("-" + input);
    expect(negative.cmp(new Quantity(-expected.unscaled, expected.scale, expected.format))).toBe(0);
    expect(parseQuantity("+" + input).cmp(expected)).toBe(0);
  });

  it.each(["1.1.M", "1+1.0M", "0.1mi", "0.1am", "aoeu", ".5i", "1i", "-3.01i", "-3.01e-", " 1", "1 ", ""])(
    "rejects %j",
    (input) => {
      expect(() => parseQuantity(input)).toThrow();
    },
  );

  it("reports the API server's regular-expression message for a malformed quantity", () => {
    expect(tryParseQuantity("abc")).toEqual({ error: QUANTITY_FORMAT_ERROR });
    expect(QUANTITY_FORMAT_ERROR).toBe(
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    );
  });

  it("reports an unknown suffix separately", () => {
    expect(tryParseQuantity("1i")).toEqual({ error: QUANTITY_SUFFIX_ERROR });
    expect(tryParseQuantity("10Gb")).toEqual({ error: QUANTITY_FORMAT_ERROR });
  });
});

describe("Quantity.toString", () => {
  // Ported from TestQuantityString.
  const table: [Quantity, string, string][] = [
    [dec(1024 * 1024 * 1024, 0, "BinarySI"), "1Gi", "1024Mi"],
    [dec(300 * 1024 * 1024, 0, "BinarySI"), "300Mi", "307200Ki"],
    [dec(6 * 1024, 0, "BinarySI"), "6Ki", ""],
    [dec(1001 * 1024 ** 3, 0, "BinarySI"), "1001Gi", "1025024Mi"],
    [dec(1024 ** 4, 0, "BinarySI"), "1Ti", "1024Gi"],
    [dec(5, 0, "BinarySI"), "5", "5000m"],
    [dec(500, -3, "BinarySI"), "500m", "0.5"],
    [dec(1, 9, "DecimalSI"), "1G", "1000M"],
    [dec(1000, 6, "DecimalSI"), "1G", "0.001T"],
    [dec(1, -3, "DecimalSI"), "1m", "1000u"],
    [dec(80, -3, "DecimalSI"), "80m", ""],
    [dec(1080, -3, "DecimalSI"), "1080m", "1.08"],
    [dec(108, -2, "DecimalSI"), "1080m", "1080000000n"],
    [dec(300, 6, "DecimalSI"), "300M", ""],
    [dec(1234567, 6, "DecimalSI"), "1234567M", ""],
    [dec(1234567, -3, "BinarySI"), "1234567m", ""],
    [dec(3, 3, "DecimalSI"), "3k", ""],
    [dec(1025, 0, "BinarySI"), "1025", ""],
    [dec(0, 0, "DecimalSI"), "0", ""],
    [dec(0, 0, "BinarySI"), "0", ""],
    [dec(1, 9, "DecimalExponent"), "1e9", ".001e12"],
    [dec(1, -3, "DecimalExponent"), "1e-3", "0.001e0"],
    [dec(1, -9, "DecimalExponent"), "1e-9", "1000e-12"],
    [dec(80, -3, "DecimalExponent"), "80e-3", ""],
    [dec(0, 0, "DecimalExponent"), "0", "00"],
    [dec(10800, -10, "DecimalSI"), "1080n", ""],
    [dec(1080, -6, "DecimalSI"), "1080u", ""],
  ];
  it.each(table)(
    "prints %o as %s, and parses the alternate spelling %j back to it",
    (q, expected, alternate) => {
      expect(q.toString()).toBe(expected);
      expect(parseQuantity(expected).toString()).toBe(expected);
      if (alternate) expect(parseQuantity(alternate).toString()).toBe(expected);
      if (!q.isZero()) expect(new Quantity(-q.unscaled, q.scale, q.format).toString()).toBe("-" + expected);
    },
  );

  // Ported from TestQuantityParseEmit.
  it.each([
    ["1Ki", "1Ki"],
    ["1024Mi", "1Gi"],
    ["1000M", "1G"],
    [".001Ki", "1024m"],
    [".000001Ki", "1024u"],
    [".000000001Ki", "1024n"],
    [".000000000001Ki", "2n"],
    ["1.5", "1500m"],
    ["1.5Gi", "1536Mi"],
    ["128974848", "128974848"],
    ["129e6", "129e6"],
    ["123Mi", "123Mi"],
  ])("re-emits %s as %s", (input, expected) => {
    expect(parseQuantity(input).toString()).toBe(expected);
    expect(parseQuantity("-" + input).toString()).toBe("-" + expected);
  });

  // From TestParseQuantity: values beyond int64 stay exact.
  it.each([
    ["999999999999999999.1", "999999999999999999100m"],
    ["1000000000000000000", "1E"],
    ["10000000000000000000", "10E"],
    ["-9223372036854775809.0", "-9223372036854775809"],
    ["9223372036854775808.1", "9223372036854775808100m"],
    ["1.0000000000000000001E", "1000000000000000000100m"],
  ])("keeps %s exact as %s", (input, expected) => {
    expect(parseQuantity(input).toString()).toBe(expected);
  });

  it("keeps the caller's spelling when Go reuses it", () => {
    expect(parseQuantity("+1").toString()).toBe("+1");
    expect(parseQuantity("100m").toString()).toBe("100m");
  });
});

describe("Quantity arithmetic", () => {
  it("compares across formats (TestQuantityCmp)", () => {
    expect(compareQuantities("0", "0")).toBe(0);
    expect(compareQuantities("100m", "50m")).toBe(1);
    expect(compareQuantities("50m", "100m")).toBe(-1);
    expect(compareQuantities("10000T", "100Gi")).toBe(1);
    expect(compareQuantities("1", "1000m")).toBe(0);
  });

  it("rounds up to a scale and reports lost precision (TestQuantityRoundUp)", () => {
    const cases: [string, number, Quantity, boolean][] = [
      ["9.01", -3, dec(901, -2, "DecimalSI"), true],
      ["9.01", -1, dec(91, -1, "DecimalSI"), false],
      ["9.01", 0, dec(10, 0, "DecimalSI"), false],
      ["9.01", 2, dec(100, 0, "DecimalSI"), false],
      ["-9.01", -1, dec(-91, -1, "DecimalSI"), false],
      ["-9.01", 2, dec(-100, 0, "DecimalSI"), false],
    ];
    for (const [input, scale, expected, exact] of cases) {
      const r = parseQuantity(input).roundUp(scale);
      expect(r.exact).toBe(exact);
      expect(r.quantity.cmp(expected)).toBe(0);
    }
  });

  it("converts to milli-units and bytes, rounding up", () => {
    expect(parseQuantity("100m").milliValue()).toBe(100);
    expect(parseQuantity("0.5").milliValue()).toBe(500);
    expect(parseQuantity("1").milliValue()).toBe(1000);
    expect(parseQuantity("1n").milliValue()).toBe(1);
    expect(parseQuantity("128Mi").value()).toBe(134217728);
    expect(parseQuantity("1G").value()).toBe(1e9);
    expect(parseQuantity("1500m").value()).toBe(2);
  });

  it("scales as TestScaledValue", () => {
    expect(new Quantity(1n, -9, "DecimalSI").scaledValue(-6)).toBe(1);
    expect(new Quantity(1n, -6, "DecimalSI").scaledValue(-9)).toBe(1000);
    expect(new Quantity(1n, 2, "DecimalSI").scaledValue(-2)).toBe(10000);
  });

  it("adds and subtracts, a zero receiver taking the other format", () => {
    const sum = parseQuantity("0").add(parseQuantity("1Gi"));
    expect(sum.toString()).toBe("1Gi");
    expect(parseQuantity("1").add(parseQuantity("500m")).toString()).toBe("1500m");
    expect(parseQuantity("1Gi").sub(parseQuantity("512Mi")).toString()).toBe("512Mi");
  });

  it("accepts JSON numbers and trims whitespace as the JSON decoder does", () => {
    expect(parseQuantityValue(0.5).toString()).toBe("500m");
    expect(parseQuantityValue(" 2 ").toString()).toBe("2");
  });
});
