import { describe, expect, it } from "vitest";
import type { KubectlFailure } from "./commandErrors";
import {
  flagErrorMessage,
  getWithoutResourceFailure,
  kubectlFailure,
  missingResourceTypeMessage,
  noResourcesMessage,
  requiredFlagsMessage,
  unknownSubcommandMessage,
  usageErrorMessage,
} from "./commandErrors";
import { commandPath, effectiveFlags, findCommand } from "./findCommand";
import type { ParsedFlags } from "./flags";
import { parseFlags } from "./flags";
import { helpFlag } from "./globalFlags";
import { fixtureRoot } from "./goldens/fixtureCommands";
import type { Golden } from "./goldens/readGoldens";
import { golden, readGoldens } from "./goldens/readGoldens";
import { splitKubectlLine } from "./shellWords";

/** The command-line layer end to end: words, command lookup, flag parsing, required flags. */
function runCli(line: string): KubectlFailure | { path: string; parsed: ParsedFlags } {
  const split = splitKubectlLine(line);
  if ("error" in split) throw new Error(split.error);
  const found = findCommand(fixtureRoot, split.args);
  if ("failure" in found) return found.failure;
  const where = commandPath(found.path);
  const specs = [...effectiveFlags(found.path), helpFlag(found.path[found.path.length - 1].name)];
  const parsed = parseFlags(found.args, specs);
  if ("error" in parsed) return kubectlFailure(flagErrorMessage(parsed.error, where));
  const missing = requiredFlagsMessage(specs, parsed.changed);
  if (missing !== null) return kubectlFailure(missing);
  return { path: where, parsed };
}

function expectFailure(g: Golden, failure: KubectlFailure): void {
  expect(failure, g.name).toEqual({ stderr: g.stderr, exitCode: g.exitCode });
  expect(g.stdout).toBe("");
}

const pipelineGoldens = [...readGoldens().values()].filter((g) =>
  /^(flag|unknown-command|resolve)-/.test(g.name),
);

describe("flag, command and lookup errors match real kubectl", () => {
  for (const g of pipelineGoldens.filter((g) => g.exitCode !== 0)) {
    it(`kubectl ${g.line}`, () => {
      const result = runCli(g.line.replace(/\$'"a\\nbc"d'/, "'\"a\nbc\"d'"));
      expect("stderr" in result ? result : "parsed without error").toEqual({
        stderr: g.stderr,
        exitCode: g.exitCode,
      });
    });
  }
});

describe("successful parses agree with what kubectl did", () => {
  const parsedFor = (name: string) => {
    const result = runCli(golden(name).line);
    if ("stderr" in result) throw new Error(result.stderr);
    return result;
  };

  it("appends repeated stringSlice values, splitting each at commas", () => {
    expect(golden("flag-string-slice-repeated").stdout).toBe("a b c\n");
    expect(parsedFor("flag-string-slice-repeated").parsed.flags.image).toEqual(["a", "b", "c"]);
  });

  it("keeps a comma inside a CSV-quoted stringSlice value", () => {
    expect(golden("flag-string-slice-quoted-comma").stdout).toBe("a,b c\n");
    expect(parsedFor("flag-string-slice-quoted-comma").parsed.flags.image).toEqual(["a,b", "c"]);
  });

  it("reads --field_manager as --field-manager", () => {
    expect(parsedFor("flag-underscore-normalized").parsed.flags["field-manager"]).toBe("y");
  });

  it("finds flags placed before positional arguments", () => {
    const { path, parsed } = parsedFor("flag-interspersed-after-args");
    expect(path).toBe("kubectl create deployment");
    expect(parsed.positional).toEqual(["x"]);
  });

  it("keeps words after -- as positional arguments and records where -- was", () => {
    const { parsed } = parsedFor("flag-terminator");
    expect(parsed.positional).toEqual(["x", "sleep", "10"]);
    expect(parsed.argsLenAtDash).toBe(1);
  });

  it("reads -oname and -o=name as -o name", () => {
    expect(parsedFor("flag-shorthand-attached-value").parsed.flags.output).toBe("name");
    expect(parsedFor("flag-shorthand-equals-value").parsed.flags.output).toBe("name");
  });

  it("resolves a subcommand alias", () => {
    expect(golden("resolve-alias").stderr).toBe('error: required flag(s) "image" not set\n');
    expect(runCli("create deploy x --image=nginx")).toMatchObject({ path: "kubectl create deployment" });
  });
});

describe("argument errors commands print, as captured", () => {
  it("kubectl get", () => expectFailure(golden("no-args-get"), getWithoutResourceFailure()));

  it("kubectl describe and kubectl explain", () => {
    expectFailure(golden("no-args-describe"), kubectlFailure(missingResourceTypeMessage("describe")));
    expectFailure(golden("no-args-explain"), kubectlFailure(missingResourceTypeMessage("explain")));
  });

  it("kubectl delete, edit, expose and set image", () => {
    for (const name of ["no-args-delete", "no-args-edit", "no-args-expose", "no-args-set-image"]) {
      expectFailure(golden(name), kubectlFailure(noResourcesMessage));
    }
  });

  it("kubectl logs", () => {
    const message =
      "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command";
    expectFailure(golden("no-args-logs"), kubectlFailure(usageErrorMessage("kubectl logs", message)));
  });

  it("kubectl create namespace", () => {
    const message = usageErrorMessage("kubectl create namespace", "exactly one NAME is required, got 0");
    expectFailure(golden("no-args-create-namespace"), kubectlFailure(message));
  });

  it("unknown subcommands of rollout, set and config", () => {
    expectFailure(
      golden("unknown-subcommand-rollout"),
      kubectlFailure(unknownSubcommandMessage("kubectl rollout", ["statuss", "x"])),
    );
    expectFailure(
      golden("unknown-subcommand-set"),
      kubectlFailure(unknownSubcommandMessage("kubectl set", ["imag"])),
    );
    expectFailure(
      golden("unknown-subcommand-config"),
      kubectlFailure(unknownSubcommandMessage("kubectl config", ["use-contxt"])),
    );
  });

  it("kubectl scale and kubectl run without their required flags", () => {
    expectFailure(golden("no-args-scale"), kubectlFailure('required flag(s) "replicas" not set'));
    expect(runCli("scale")).toEqual({ stderr: golden("no-args-scale").stderr, exitCode: 1 });
    expect(runCli("run x")).toEqual({ stderr: golden("flag-required-not-set").stderr, exitCode: 1 });
  });

  it("kubectl diff exits with 2 where other commands exit with 1", () => {
    expectFailure(golden("no-args-diff"), kubectlFailure("must specify one of -f and -k", 2));
  });
});
