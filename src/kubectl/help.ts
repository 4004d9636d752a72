import { kubectlSubcommands } from "./cli/suggestions";
import { FLAG_HELP, KUBECTL_HELP_TEXT } from "./helpText";
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
  lines.push(`Use "kubectl options" for a list of global command-line options (applies to all commands).`);
  return `${lines.join("\n")}\n`;
}

/**
 * `kubectl <verb> --help`: kubectl's own description and examples (recorded from kubectl 1.32,
 * helpText.ts), the sub-commands kubeplay simulates, the options it accepts, and the usage.
 */
export function verbHelp(verb: Verb, path: string[]): string {
  const text = KUBECTL_HELP_TEXT[path.join(" ")];
  const lines = [text?.description ?? (verb.short.endsWith(".") ? verb.short : `${verb.short}.`), ""];
  if (text?.examples) lines.push("Examples:", text.examples, "");
  if (verb.subcommands?.length) {
    lines.push("Available Commands:");
    // cobra pads names to the longest of all the group's commands (at least 11), plus two.
    const names = kubectlSubcommands[path.join(" ")] ?? verb.subcommands.map((sub) => sub.name);
    const width = Math.max(11, ...names.map((name) => name.length)) + 2;
    for (const sub of verb.subcommands) lines.push(`  ${sub.name.padEnd(width)} ${sub.short}`);
    lines.push("");
  }
  // pflag lists flags sorted by name; kubectl's own words for each, where it has the flag.
  const visible = verb.flags.filter((f) => !f.hidden).sort((a, b) => (a.name < b.name ? -1 : 1));
  if (visible.length > 0) {
    lines.push("Options:");
    for (const flag of visible) {
      const recorded = text?.options?.[flag.name];
      // help.test.ts checks that kubectl lists every flag kubeplay accepts.
      if (recorded !== undefined) lines.push(FLAG_HELP[recorded], "");
    }
  }
  lines.push("Usage:", `  ${verb.usage}`, "");
  const command = `kubectl ${path.join(" ")}`;
  if (verb.subcommands?.length)
    lines.push(`Use "${command} <command> --help" for more information about a given command.`);
  lines.push(`Use "kubectl options" for a list of global command-line options (applies to all commands).`);
  return `${lines.join("\n")}\n`;
}

/**
 * The real kubectl flag a parse error names, when kubectl has it for this command but kubeplay
 * does not simulate it (`apply --server-side`, `delete -i`): from the recorded help, so such a
 * flag is named as such rather than called unknown. Returns the flag as typed (`--prune`,
 * `-i/--interactive`).
 */
export function unsimulatedFlag(path: readonly string[], parseError: string): string | undefined {
  const options = KUBECTL_HELP_TEXT[path.join(" ")]?.options ?? {};
  const long = /^unknown flag: --([^\s=]+)/.exec(parseError)?.[1];
  if (long !== undefined) return long in options ? `--${long}` : undefined;
  const short = /^unknown shorthand flag: '(.)'/.exec(parseError)?.[1];
  if (short === undefined) return undefined;
  const name = Object.keys(options).find((n) => FLAG_HELP[options[n]].startsWith(`    -${short}, --${n}=`));
  return name && `-${short}/--${name}`;
}
