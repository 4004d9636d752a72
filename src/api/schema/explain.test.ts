import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { explain, resourceFor } from "./explain";
import { wrapString } from "./wordWrap";

/**
 * Golden files: the output of a real kubectl 1.32 `kubectl explain` run against an API
 * server serving this schema as OpenAPI v3 (so they pin kubectl's layout, wrapping and
 * ordering byte for byte; regenerate them when definitions.json changes).
 */
function golden(name: string): string {
  return readFileSync(new URL(`./testdata/explain-${name}.txt`, import.meta.url), "utf8");
}

describe("explain", () => {
  it("prints a kind's description and its fields as kubectl explain pods does", () => {
    expect(explain(["pods"])).toEqual({ output: golden("pods") });
  });

  it("prints a nested field with its type's description and sub-fields, enums included", () => {
    expect(explain(["deployment", "spec", "strategy"])).toEqual({
      output: golden("deployment.spec.strategy"),
    });
  });

  it("steps through lists to a scalar field", () => {
    expect(explain(["pods", "spec", "containers", "image"])).toEqual({
      output: golden("pods.spec.containers.image"),
    });
  });

  it("lists only names and types, indented by depth, with --recursive", () => {
    expect(explain(["deployment", "spec", "strategy"], { recursive: true })).toEqual({
      output: golden("deployment.spec.strategy-recursive"),
    });
  });

  it("prints every enum value in the long view of one field", () => {
    expect(explain(["svc", "spec", "type"])).toEqual({ output: golden("svc.spec.type") });
  });

  it("steps through maps and names map types as map[string]T", () => {
    expect(explain(["deploy", "spec", "template", "spec", "containers", "resources", "limits"])).toEqual({
      output: golden("limits"),
    });
  });

  it("prints the header and names the last path element when a field does not exist", () => {
    expect(explain(["pods", "spec", "foo", "bar"])).toEqual({
      output: "KIND:       Pod\nVERSION:    v1\n\n",
      error: 'error: field "bar" does not exist',
    });
  });

  it("rejects a resource type the server does not have", () => {
    expect(explain(["foo"])).toEqual({ output: "", error: 'the server doesn\'t have a resource type "foo"' });
  });

  it("resolves plural, singular, short and kind names case-insensitively", () => {
    for (const name of ["deployments", "deployment", "deploy", "Deployment"]) {
      expect(resourceFor(name)?.kind).toBe("Deployment");
    }
    expect(resourceFor("cj")?.kind).toBe("CronJob");
  });
});

describe("wrapString", () => {
  it("breaks at white space before the limit and keeps existing newlines", () => {
    expect(wrapString("aaa bbb ccc", 7)).toBe("aaa bbb\nccc");
    expect(wrapString("a\n\nb", 10)).toBe("a\n\nb");
  });

  it("lets a word longer than the limit overflow its line", () => {
    expect(wrapString("More info: https://example.com/a/very/long/url", 12)).toBe(
      "More info:\nhttps://example.com/a/very/long/url",
    );
  });
});
