import { describe, expect, it } from "vitest";
import { base64ErrorOffset } from "./goBase64";

// Cases from Go's encoding/base64 TestDecodeCorrupt (offset -1: decodes fine).
const CORRUPT: [string, number][] = [
  ["", -1],
  ["\n", -1],
  ["AAA=\n", -1],
  ["AAAA\n", -1],
  ["!!!!", 0],
  ["====", 0],
  ["x===", 1],
  ["=AAA", 0],
  ["A=AA", 1],
  ["AA=A", 2],
  ["AA==A", 4],
  ["AAA=AAAA", 4],
  ["AAAAA", 4],
  ["AAAAAA", 4],
  ["A=", 1],
  ["A==", 1],
  ["AA=", 3],
  ["AA==", -1],
  ["AAA=", -1],
  ["AAAA", -1],
  ["AAAAAA=", 7],
  ["YWJjZA=====", 8],
  ["A!\n", 1],
  ["A=\n", 1],
];

describe("base64ErrorOffset", () => {
  it.each(CORRUPT)("finds the corrupt byte of %j at %i as Go does", (input, offset) => {
    expect(base64ErrorOffset(input) ?? -1).toBe(offset);
  });

  it("accepts Secret values from the docs", () => {
    expect(base64ErrorOffset("YWRtaW4=")).toBeUndefined();
    expect(base64ErrorOffset("MWYyZDFlMmU2N2Rm")).toBeUndefined();
  });
});
