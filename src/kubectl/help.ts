import type { FlagSpec } from "./cli/flags";
import type { Verb } from "./verb";
import { VERB_GROUPS } from "./verbs";

/** `kubectl` with no arguments: the command list, grouped as kubectl groups it (only verbs kubeplay has). */
export function rootHelp(): string {
  const lines = [
    "kubectl controls the Kubernetes cluster manager.",
    "",
    " Find more information at: https://kubernetes.io/docs/reference/kubectl/",
    "",
  ];
  for (const group of VERB_GROUPS) {
    lines.push(`${group.title}:`);
    for (const verb of group.verbs) lines.push(`  ${verb.name.padEnd(15)} ${verb.short}`);
    lines.push("");
  }
  lines.push("Usage:", "  kubectl [flags] [options]", "");
  lines.push(`Use "kubectl <command> --help" for more information about a given command.`);
  return `${lines.join("\n")}\n`;
}

/** `kubectl <verb> --help`: the short description, sub-commands, options and usage. */
export function verbHelp(verb: Verb, path: string[]): string {
  const lines = [verb.short.endsWith(".") ? verb.short : `${verb.short}.`, ""];
  if (verb.subcommands?.length) {
    lines.push("Available Commands:");
    for (const sub of verb.subcommands) lines.push(`  ${sub.name.padEnd(15)} ${sub.short}`);
    lines.push("");
  }
  const visible = verb.flags.filter((f) => !f.hidden);
  if (visible.length > 0) {
    lines.push("Options:");
    for (const flag of visible) lines.push(...flagHelp(flag));
    lines.push("");
  }
  lines.push("Usage:", `  ${verb.usage}`, "");
  const command = `kubectl ${path.join(" ")}`;
  if (verb.subcommands?.length)
    lines.push(`Use "${command} <command> --help" for more information about a given command.`);
  lines.push(`Use "kubectl options" for a list of global command-line options (applies to all commands).`);
  return `${lines.join("\n")}\n`;
}

function flagHelp(flag: FlagSpec): string[] {
  const name = flag.shorthand ? `-${flag.shorthand}, --${flag.name}` : `--${flag.name}`;
  return [`    ${name}=${defaultText(flag)}:`, `\t${flag.usage}`, ""];
}

function defaultText(flag: FlagSpec): string {
  const value = flag.default;
  if (flag.type === "bool") return String(value ?? false);
  if (flag.type === "string") return `'${value ?? ""}'`;
  if (flag.type === "stringArray" || flag.type === "stringSlice")
    return `[${((value as string[]) ?? []).join(",")}]`;
  if (flag.type === "duration") return String(value ?? "0s");
  return String(value ?? 0);
}
