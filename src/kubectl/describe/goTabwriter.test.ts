import { describe, expect, it } from "vitest";
import { tabwriterFormat } from "./goTabwriter";

describe("tabwriterFormat (Go text/tabwriter, describe's settings)", () => {
  it("aligns a column across consecutive lines that have it", () => {
    expect(tabwriterFormat("Name:\tweb\nNamespace:\tdefault\n")).toBe(
      "Name:       web\nNamespace:  default\n",
    );
  });

  it("starts a new block after a line without the column", () => {
    expect(tabwriterFormat("a:\t1\nheader\nlonger key:\t2\n")).toBe("a:  1\nheader\nlonger key:  2\n");
  });

  it("keeps a block going across every consecutive line that has the column", () => {
    const text = "Conditions:\n  Type\tStatus\n  Ready \tTrue \nX:\ty\n";
    expect(tabwriterFormat(text)).toBe("Conditions:\n  Type    Status\n  Ready   True \nX:        y\n");
  });

  it("pads an empty cell but never the last cell of a line", () => {
    expect(tabwriterFormat("IP:\t\nIPs:\t<none>\n")).toBe("IP:   \nIPs:  <none>\n");
  });
});
