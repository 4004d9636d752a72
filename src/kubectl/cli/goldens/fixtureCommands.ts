/**
 * Test-only: the part of kubectl 1.32's command tree that the goldens touch,
 * with the real names, shorthands, types, defaults and required marks of the
 * flags involved (from kubectl's source). Usage strings are left short.
 */
import type { CommandNode } from "../findCommand";
import type { FlagSpec } from "../flagSpec";
import { globalFlags } from "../globalFlags";
import { kubectlRootCommands } from "../suggestions";

const f = (name: string, type: FlagSpec["type"], more: Partial<FlagSpec> = {}): FlagSpec => ({
  name,
  type,
  usage: "",
  ...more,
});

const filename = f("filename", "stringSlice", { shorthand: "f" });
const output = f("output", "string", { shorthand: "o" });
const dryRun = f("dry-run", "string", { default: "none", noOptDefVal: "unchanged" });
const selector = f("selector", "string", { shorthand: "l" });
const fieldManager = f("field-manager", "string", { default: "kubectl-create" });

const commands: Record<string, CommandNode> = {
  get: {
    name: "get",
    suggestFor: ["list", "ps"],
    flags: [
      f("all-namespaces", "bool", { shorthand: "A" }),
      output,
      selector,
      filename,
      f("watch", "bool", { shorthand: "w" }),
    ],
  },
  exec: {
    name: "exec",
    flags: [
      f("stdin", "bool", { shorthand: "i" }),
      f("tty", "bool", { shorthand: "t" }),
      f("container", "string", { shorthand: "c" }),
      filename,
    ],
  },
  run: {
    name: "run",
    flags: [
      f("image", "string", { required: true }),
      dryRun,
      output,
      f("env", "stringArray"),
      f("port", "string"),
      f("restart", "string", { default: "Always" }),
    ],
  },
  scale: {
    name: "scale",
    flags: [f("replicas", "int", { default: -1, required: true }), dryRun, selector, filename],
  },
  logs: {
    name: "logs",
    flags: [
      f("tail", "int64", { default: -1 }),
      f("since", "duration"),
      f("follow", "bool", { shorthand: "f" }),
      f("container", "string", { shorthand: "c" }),
    ],
  },
  delete: {
    name: "delete",
    suggestFor: ["rm"],
    flags: [
      f("timeout", "duration"),
      f("all", "bool"),
      f("grace-period", "int", { default: -1 }),
      selector,
      filename,
      dryRun,
    ],
  },
  create: {
    name: "create",
    flags: [filename, dryRun, output, fieldManager],
    subcommands: [
      {
        name: "deployment",
        aliases: ["deploy"],
        flags: [
          f("image", "stringSlice", { required: true }),
          f("replicas", "int32", { shorthand: "r", default: 1 }),
          f("port", "int32", { default: -1 }),
          dryRun,
          output,
          fieldManager,
        ],
      },
    ],
  },
  config: {
    name: "config",
    subcommands: [
      { name: "view", flags: [f("raw", "bool"), f("minify", "bool"), f("flatten", "bool"), output] },
      { name: "use-context", aliases: ["use"] },
    ],
  },
  rollout: { name: "rollout", subcommands: [{ name: "status" }, { name: "undo" }, { name: "restart" }] },
  set: { name: "set", subcommands: [{ name: "image" }, { name: "env" }] },
};

/** The kubectl root with every top-level command (fixtures above, bare nodes for the rest). */
export const fixtureRoot: CommandNode = {
  name: "kubectl",
  persistentFlags: globalFlags,
  subcommands: [
    ...kubectlRootCommands.map((c) => commands[c.name] ?? { ...c }),
    { name: "alpha", hidden: true },
    { name: "help", hidden: true },
  ],
};
