import { describe, expect, it } from "vitest";
import type { CommandNode } from "./findCommand";
import { commandPath, effectiveFlags, findCommand, stripFlags } from "./findCommand";
import { globalFlags } from "./globalFlags";
import { fixtureRoot } from "./goldens/fixtureCommands";

function found(args: string[]): { path: string; args: string[] } {
  const result = findCommand(fixtureRoot, args);
  if ("failure" in result) throw new Error(result.failure.stderr);
  return { path: commandPath(result.path), args: result.args };
}

function failure(args: string[]): string {
  const result = findCommand(fixtureRoot, args);
  if (!("failure" in result)) throw new Error(`found ${commandPath(result.path)}`);
  return result.failure.stderr;
}

describe("findCommand", () => {
  it("finds a top-level command and leaves the rest", () => {
    expect(found(["get", "pods", "-o", "wide"])).toEqual({
      path: "kubectl get",
      args: ["pods", "-o", "wide"],
    });
  });

  it("finds a subcommand through global flags placed before it", () => {
    expect(found(["-n", "dev", "create", "--dry-run=client", "deployment", "web"])).toEqual({
      path: "kubectl create deployment",
      args: ["-n", "dev", "--dry-run=client", "web"],
    });
  });

  it("finds a subcommand by its alias", () => {
    expect(found(["config", "use", "kind"]).path).toBe("kubectl config use-context");
  });

  it("does not read a flag's value as the command", () => {
    expect(found(["get", "-n", "create"])).toEqual({ path: "kubectl get", args: ["-n", "create"] });
  });

  it("stays at the root for a line of flags only", () => {
    expect(found(["-n", "dev"])).toEqual({ path: "kubectl", args: ["-n", "dev"] });
    expect(found([])).toEqual({ path: "kubectl", args: [] });
  });

  it("stays at the root when -- comes first", () => {
    expect(found(["--", "get"]).path).toBe("kubectl");
  });

  it("leaves an unknown word after a group command to the group", () => {
    expect(found(["rollout", "statuss", "x"])).toEqual({ path: "kubectl rollout", args: ["statuss", "x"] });
  });

  it("reports an unknown command with suggestions", () => {
    expect(failure(["gett", "pods"])).toBe(
      'error: unknown command "gett" for "kubectl"\n\nDid you mean this?\n\tset\n\tget\n',
    );
  });

  it("refuses a flag before an unknown command, as kubectl's plugin lookup does", () => {
    expect(failure(["-n", "default", "gett"])).toBe("Error: flags cannot be placed before plugin name: -n\n");
  });

  it("treats an unknown flag as taking the next word, as cobra does", () => {
    expect(failure(["--bogus", "get", "pods"])).toBe(
      "Error: flags cannot be placed before plugin name: --bogus\n",
    );
  });

  it("does not look for a plugin called help", () => {
    expect(failure(["-n", "help", "foo"])).toBe(
      'error: unknown command "foo" for "kubectl"\n\nDid you mean this?\n\ttop\n',
    );
  });

  it("never suggests hidden commands", () => {
    expect(failure(["alph"])).toBe(
      'error: unknown command "alph" for "kubectl"\n\nDid you mean this?\n\tauth\n',
    );
  });
});

describe("stripFlags", () => {
  it("drops flags, their values and everything after --", () => {
    expect(
      stripFlags(
        ["a", "-n", "x", "--namespace", "y", "-A", "b", "--", "c"],
        [...globalFlags, { name: "all-namespaces", shorthand: "A", type: "bool", usage: "" }],
      ),
    ).toEqual(["a", "b"]);
  });

  it("keeps the word after a bool flag", () => {
    expect(stripFlags(["--warnings-as-errors", "get"], globalFlags)).toEqual(["get"]);
  });

  it("keeps the word after a flag written with =", () => {
    expect(stripFlags(["--namespace=x", "get"], globalFlags)).toEqual(["get"]);
  });
});

describe("effectiveFlags", () => {
  it("gives a subcommand its own flags and the root's persistent ones, not its parent's local ones", () => {
    const child: CommandNode = { name: "child", flags: [{ name: "own", type: "bool", usage: "" }] };
    const parent: CommandNode = {
      name: "parent",
      flags: [{ name: "local", type: "bool", usage: "" }],
      subcommands: [child],
    };
    const root: CommandNode = { name: "kubectl", persistentFlags: globalFlags, subcommands: [parent] };
    const names = effectiveFlags([root, parent, child]).map((f) => f.name);
    expect(names).toContain("own");
    expect(names).toContain("namespace");
    expect(names).not.toContain("local");
  });
});
