import { describe, expect, it } from "vitest";
import { alignColumns } from "./tabwriter";

describe("alignColumns", () => {
  it("pads every column but the last to its widest cell plus three spaces", () => {
    expect(
      alignColumns([
        ["NAME", "STATUS", "AGE"],
        ["web-1", "Running", "5m"],
      ]),
    ).toBe("NAME    STATUS    AGE\nweb-1   Running   5m\n");
  });

  it("keeps columns at least six characters wide", () => {
    expect(
      alignColumns([
        ["a", "b", "c"],
        ["1", "2", "3"],
      ]),
    ).toBe("a     b     c\n1     2     3\n");
  });

  it("never pads the last cell, but pads the cell before an empty last cell", () => {
    expect(
      alignColumns([
        ["NAME", "APP"],
        ["web", ""],
      ]),
    ).toBe("NAME   APP\nweb    \n");
  });

  it("counts characters, not UTF-16 units, for the width", () => {
    // Checked against kubectl: "ééééééé" pads like seven characters, not fourteen bytes.
    expect(
      alignColumns([
        ["ééééééé", "y"],
        ["abc", "z"],
      ]),
    ).toBe("ééééééé   y\nabc       z\n");
    expect(
      alignColumns([
        ["😀", "x"],
        ["ab", "y"],
      ]),
    ).toBe("😀     x\nab    y\n");
  });

  it("prints nothing for no rows", () => {
    expect(alignColumns([])).toBe("");
  });

  it("with a memory, never narrows a column below a width it has had (RememberWidths)", () => {
    const widths: number[] = [];
    alignColumns(
      [
        ["NAME", "STATUS", "AGE"],
        ["web", "ContainerCreating", "1s"],
      ],
      widths,
    );
    expect(alignColumns([["web", "Running", "7s"]], widths)).toBe("web    Running             7s\n");
    expect(alignColumns([["web-longer-name", "Running", "9s"]], widths)).toBe(
      "web-longer-name   Running             9s\n",
    );
    expect(alignColumns([["web", "Running", "9s"]], widths)).toBe(
      "web               Running             9s\n",
    );
  });
});
