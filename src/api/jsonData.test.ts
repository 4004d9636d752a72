import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonCopy, jsonEqual } from "./jsonData";

const roundTrip = (v: unknown) => (v === undefined ? v : JSON.parse(JSON.stringify(v)));
const odd = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.constant(Number.NaN),
  fc.constant(Number.POSITIVE_INFINITY),
  fc.constant(-0),
  fc.constant(() => 1),
);
const value = fc
  .letrec((tie) => ({
    v: fc.oneof(
      { depthSize: "small" },
      fc.string(),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      odd,
      fc.array(tie("v"), { maxLength: 4 }),
      fc.dictionary(fc.constantFrom("a", "b", "c", "1", "0", "__proto__x"), tie("v"), { maxKeys: 4 }),
    ),
  }))
  .v.filter((v) => typeof v !== "function");

describe("jsonCopy", () => {
  it("gives exactly what the JSON round trip gives, key order included", () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(JSON.stringify(jsonCopy(v))).toBe(JSON.stringify(roundTrip(v)));
        expect(jsonCopy(v)).toStrictEqual(roundTrip(v));
      }),
    );
  });

  it("copies deeply: changing the copy leaves the original alone", () => {
    const original = { spec: { containers: [{ name: "a" }] } };
    const copy = jsonCopy(original);
    copy.spec.containers[0].name = "b";
    expect(original.spec.containers[0].name).toBe("a");
  });

  it("writes dates as JSON does", () => {
    expect(jsonCopy({ at: new Date(0) })).toEqual({ at: "1970-01-01T00:00:00.000Z" });
  });
});

describe("jsonEqual", () => {
  it("agrees with comparing the JSON texts", () => {
    fc.assert(
      fc.property(value, value, (a, b) => {
        expect(jsonEqual(a, b)).toBe(JSON.stringify(a) === JSON.stringify(b));
        expect(jsonEqual(a, roundTrip(a))).toBe(JSON.stringify(a) === JSON.stringify(roundTrip(a)));
      }),
      { numRuns: 500 },
    );
  });

  it("treats reordered members as different, as the texts are", () => {
    expect(jsonEqual({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
  });

  it("ignores undefined members and treats undefined array items as null", () => {
    expect(jsonEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(jsonEqual([undefined], [null])).toBe(true);
    expect(jsonEqual({ a: Number.NaN }, { a: null })).toBe(true);
  });
});
