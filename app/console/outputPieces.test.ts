import { describe, expect, it } from "vitest";
import { outputPieces } from "./outputPieces";

describe("outputPieces", () => {
  it("splits long output at line ends, keeping every character in order", () => {
    const text = Array.from({ length: 250 }, (_, i) => `configmap/settings-${i} created\r\n`).join("");
    const pieces = outputPieces(text, 100);
    expect(pieces.map((p) => p.split("\n").length - 1)).toEqual([100, 100, 50]);
    expect(pieces.join("")).toBe(text);
  });

  it("leaves short output, and a last line without a newline, whole", () => {
    expect(outputPieces("one\ntwo", 100)).toEqual(["one\ntwo"]);
    expect(outputPieces("", 100)).toEqual([]);
  });
});
