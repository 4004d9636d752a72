import { describe, expect, it } from "vitest";
import {
  flagErrorMessage,
  flagsBeforePluginNameFailure,
  kubectlFailure,
  requiredFlagsMessage,
  unknownCommandMessage,
  unknownSubcommandMessage,
  usageErrorMessage,
} from "./commandErrors";
import type { FlagSpec } from "./flagSpec";
import { golden } from "./goldens/readGoldens";

describe("kubectlFailure (CheckErr)", () => {
  it("prefixes error: and ends with a newline, exiting 1", () => {
    expect(kubectlFailure("boom")).toEqual({ stderr: "error: boom\n", exitCode: 1 });
  });

  it("does not double the prefix or the newline", () => {
    expect(kubectlFailure("error: boom\n")).toEqual({ stderr: "error: boom\n", exitCode: 1 });
  });

  it("keeps a custom exit code", () => {
    expect(kubectlFailure("x", 2).exitCode).toBe(2);
  });
});

describe("top-level error texts", () => {
  it("prints an unknown command with its suggestions as kubectl does", () => {
    const g = golden("unknown-command-two-suggestions");
    expect(kubectlFailure(unknownCommandMessage("gett"))).toEqual({ stderr: g.stderr, exitCode: g.exitCode });
  });

  it("prints an unknown command without suggestions on one line", () => {
    expect(kubectlFailure(unknownCommandMessage("update")).stderr).toBe(
      golden("unknown-command-no-suggestion").stderr,
    );
  });

  it("quotes the typed word as Go's %q does", () => {
    expect(unknownCommandMessage('"x\n', [])).toBe('unknown command "\\"x\\n" for "kubectl"');
  });

  it("adds kubectl's --help hint to flag errors", () => {
    expect(kubectlFailure(flagErrorMessage("unknown flag: --bar", "kubectl get")).stderr).toBe(
      golden("flag-unknown-long").stderr,
    );
  });

  it("adds kubectl's -h hint to usage errors", () => {
    expect(usageErrorMessage("kubectl cordon", "USAGE: cordon NODE [flags]")).toBe(
      golden("no-args-cordon")
        .stderr.replace(/^error: /, "")
        .trimEnd(),
    );
  });

  it("joins the unknown subcommand's words", () => {
    expect(unknownSubcommandMessage("kubectl rollout", ["statuss", "x"])).toBe(
      "unknown command \"statuss x\"\nSee 'kubectl rollout -h' for help and examples",
    );
  });

  it("prints the plugin lookup's refusal with cobra's capital Error", () => {
    expect(flagsBeforePluginNameFailure("-n")).toEqual({
      stderr: golden("unknown-command-flag-before").stderr,
      exitCode: 1,
    });
  });
});

describe("requiredFlagsMessage", () => {
  const specs: FlagSpec[] = [
    { name: "min", type: "int", usage: "", required: true },
    { name: "max", type: "int", usage: "", required: true },
    { name: "cpu-percent", type: "int", usage: "" },
  ];

  it("names every missing required flag in name order", () => {
    expect(requiredFlagsMessage(specs, new Set())).toBe('required flag(s) "max", "min" not set');
  });

  it("names only those not given", () => {
    expect(requiredFlagsMessage(specs, new Set(["min"]))).toBe('required flag(s) "max" not set');
  });

  it("is null when all required flags were given", () => {
    expect(requiredFlagsMessage(specs, new Set(["min", "max"]))).toBeNull();
  });

  it("matches kubectl autoscale's message", () => {
    expect(kubectlFailure(requiredFlagsMessage([specs[1]], new Set())!).stderr).toBe(
      golden("no-args-autoscale").stderr,
    );
  });
});
