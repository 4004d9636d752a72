/**
 * Which command a kubectl argument list names, found the way cobra's
 * Command.Find does (skipping flags and their values without parsing them),
 * plus the two errors that can come out before any flag is parsed: kubectl's
 * plugin lookup ("flags cannot be placed before plugin name") and cobra's
 * unknown top-level command.
 */
import type { KubectlFailure } from "./commandErrors";
import { flagsBeforePluginNameFailure, kubectlFailure, unknownCommandMessage } from "./commandErrors";
import type { FlagSpec } from "./flagSpec";
import { effectiveNoOptDefVal, normalizeFlagName } from "./flagSpec";
import type { SuggestibleCommand } from "./suggestions";

/** A node of the command tree, as much of it as command lookup needs. */
export interface CommandNode extends SuggestibleCommand {
  aliases?: readonly string[];
  /** Flags of this command only (cobra's local flags). */
  flags?: readonly FlagSpec[];
  /** Flags this command and every command under it accept; kubectl's root holds the global flags here. */
  persistentFlags?: readonly FlagSpec[];
  subcommands?: readonly CommandNode[];
  /** Hidden and unavailable commands are found but never suggested. */
  hidden?: boolean;
}

/** The command found: the path from the root, and the arguments left for it (flags included). */
export interface FoundCommand {
  path: CommandNode[];
  args: string[];
}

/**
 * Resolves `args` against the tree under `root`. Returns the found command,
 * or the failure kubectl prints when the first word names no command.
 */
export function findCommand(
  root: CommandNode,
  args: readonly string[],
): FoundCommand | { failure: KubectlFailure } {
  const path = [root];
  let rest = [...args];
  for (;;) {
    const node = path[path.length - 1];
    const flags = effectiveFlags(path);
    const words = stripFlags(rest, flags);
    const next = words.length > 0 ? findNext(node, words[0]) : undefined;
    if (next === undefined) break;
    rest = argsMinusFirst(rest, words[0], flags);
    path.push(next);
  }
  if (path.length > 1) return { path, args: rest };
  return rootResult(root, args, rest);
}

/** At the root, leftover words mean an unknown command (cobra's legacyArgs). */
function rootResult(
  root: CommandNode,
  args: readonly string[],
  rest: string[],
): FoundCommand | { failure: KubectlFailure } {
  const words = stripFlags(rest, effectiveFlags([root]));
  if (words.length === 0 || (root.subcommands ?? []).length === 0) return { path: [root], args: rest };
  // kubectl first looks for a plugin named by the leading words (not for "help"),
  // and refuses a line that starts with a flag.
  const firstWord = args.find((a) => !a.startsWith("-"));
  if (args[0].startsWith("-") && firstWord !== "help")
    return { failure: flagsBeforePluginNameFailure(args[0]) };
  const visible = (root.subcommands ?? []).filter((c) => !c.hidden);
  return { failure: kubectlFailure(unknownCommandMessage(words[0], visible, root.name)) };
}

/**
 * The flags the last command of `path` accepts: its own plus the persistent
 * flags of it and its ancestors (cobra's c.Flags() after merging). Add the
 * help flag (globalFlags.helpFlag) before parsing.
 */
export function effectiveFlags(path: readonly CommandNode[]): FlagSpec[] {
  const last = path[path.length - 1];
  return [...(last.flags ?? []), ...path.flatMap((n) => n.persistentFlags ?? [])];
}

/** The command path as kubectl prints it in hints, e.g. "kubectl create deployment". */
export function commandPath(path: readonly CommandNode[]): string {
  return path.map((n) => n.name).join(" ");
}

function findNext(node: CommandNode, word: string): CommandNode | undefined {
  return (node.subcommands ?? []).find((c) => c.name === word || (c.aliases ?? []).includes(word));
}

function lookup(flags: readonly FlagSpec[], name: string, short: boolean): FlagSpec | undefined {
  if (short) return flags.find((f) => f.shorthand === name);
  return flags.find((f) => normalizeFlagName(f.name) === normalizeFlagName(name));
}

/** Whether a bare `--name` / `-n` takes the next word as its value, as cobra guesses without parsing. */
function takesValue(word: string, flags: readonly FlagSpec[]): boolean {
  if (word.includes("=")) return false;
  if (word.startsWith("--")) {
    const spec = lookup(flags, word.slice(2), false);
    return spec === undefined || effectiveNoOptDefVal(spec) === "";
  }
  if (word.startsWith("-") && word.length === 2) {
    const spec = lookup(flags, word.slice(1), true);
    return spec === undefined || effectiveNoOptDefVal(spec) === "";
  }
  return false;
}

/**
 * cobra's stripFlags: the words that are neither flags nor flag values, where
 * a bare flag that is unknown or not a bool is taken to consume the next
 * word (`kubectl --bogus get pods` sees only "pods").
 */
export function stripFlags(args: readonly string[], flags: readonly FlagSpec[]): string[] {
  const words: string[] = [];
  const rest = [...args];
  while (rest.length > 0) {
    const s = rest.shift()!;
    if (s === "--") break;
    if (takesValue(s, flags)) {
      if (rest.length <= 1) break;
      rest.shift();
    } else if (s !== "" && !s.startsWith("-")) {
      words.push(s);
    }
  }
  return words;
}

/** cobra's argsMinusFirstX: `args` without the first non-flag occurrence of `word`. */
function argsMinusFirst(args: string[], word: string, flags: readonly FlagSpec[]): string[] {
  for (let pos = 0; pos < args.length; pos++) {
    const s = args[pos];
    if (s === "--") break;
    if (takesValue(s, flags)) {
      pos++;
    } else if (!s.startsWith("-") && s === word) {
      return [...args.slice(0, pos), ...args.slice(pos + 1)];
    }
  }
  return args;
}
