import { describe, expect, it } from "vitest";
import { formatGoDuration } from "./goDuration";
import type { FlagSpec } from "./flagSpec";
import { isFlagParseError, parseFlags } from "./flags";
import { globalFlags, helpFlag, withGlobalFlags } from "./globalFlags";
import { golden } from "./goldens/readGoldens";

/** How `kubectl options` prints a flag's default. */
function shownDefault(spec: FlagSpec): string {
  const value = spec.default;
  switch (spec.type) {
    case "string":
      return `'${(value as string | undefined) ?? ""}'`;
    case "stringArray":
    case "stringSlice":
      return `[${((value as string[] | undefined) ?? []).join(",")}]`;
    case "duration":
      return formatGoDuration(BigInt(Math.round(((value as number | undefined) ?? 0) * 1e9)));
    default:
      return String(value ?? (spec.type === "bool" ? false : 0));
  }
}

/** `kubectl options` entries: flag heading line → usage line. */
function capturedOptions(): Map<string, string> {
  const entries = new Map<string, string>();
  for (const m of golden("global-options").stdout.matchAll(/^ {4}(.+):\n\t(.+)$/gm)) entries.set(m[1], m[2]);
  return entries;
}

describe("globalFlags", () => {
  const captured = capturedOptions();

  it("declares every flag kubectl options lists, and no other", () => {
    expect(globalFlags).toHaveLength(captured.size);
  });

  for (const spec of globalFlags) {
    it(`matches kubectl options for --${spec.name}`, () => {
      const names = spec.shorthand ? `-${spec.shorthand}, --${spec.name}` : `--${spec.name}`;
      // vmodule's moduleSpec prints an empty default without quotes; cache-dir's default is the capturing machine's home.
      const shown =
        spec.name === "vmodule" ? "" : spec.name === "cache-dir" ? "'/root/.kube/cache'" : shownDefault(spec);
      expect(captured.get(`${names}=${shown}`)).toBe(spec.usage);
    });
  }

  it("parses a namespace given before or after the command's own flags", () => {
    const specs = withGlobalFlags("get", [{ name: "output", shorthand: "o", type: "string", usage: "" }]);
    const parsed = parseFlags(["pods", "-o", "wide", "-n", "dev", "--kubeconfig", "/x", "-v=4"], specs);
    expect(isFlagParseError(parsed)).toBe(false);
    expect(parsed).toMatchObject({ flags: { namespace: "dev", output: "wide", v: 4 }, positional: ["pods"] });
  });

  it("adds cobra's help flag for the command", () => {
    expect(helpFlag("get")).toEqual({ name: "help", shorthand: "h", type: "bool", usage: "help for get" });
    expect(parseFlags(["-h"], withGlobalFlags("get", []))).toMatchObject({ flags: { help: true } });
  });
});
