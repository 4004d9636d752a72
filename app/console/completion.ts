/**
 * Tab completion for the console, from the engine's own tables (verbs, their flags and
 * subcommands, kubectl's global flags, the served resource types) and the UI's mirror of the
 * cluster (object and namespace names). Pure: the caller supplies what the cluster holds.
 */
import { RESOURCE_TYPES, resolveResource } from "../../src/api/registry";
import { globalFlags } from "../../src/kubectl/cli/globalFlags";
import { PIPE_FILTERS } from "../../src/kubectl/cli/shellWords";
import type { Verb } from "../../src/kubectl/verb";
import { VERB_GROUPS } from "../../src/kubectl/verbs";
import { KUBEPLAY_COMMANDS } from "../../src/kubeplay/commands";
import type { FlagSpec } from "../../src/kubectl/cli/flags";

/** What the cluster and editor hold, for names. */
export interface CompletionSource {
  /** Names of objects of `kind` in `namespace` (cluster-scoped kinds ignore it). */
  objectNames: (kind: string, namespace: string) => string[];
  namespaces: () => string[];
  /** The namespace a command without -n works in: the current kubeconfig context's. */
  defaultNamespace: () => string;
  /** Editor tab names, for `-f`. */
  fileNames: () => string[];
}

/** Candidates for the word ending at the cursor, which starts at `from`. */
export interface Completion {
  from: number;
  candidates: string[];
}

const CONSOLE_COMMANDS = ["kubectl", "k", "kubeplay", "clear", "help"];
const OUTPUT_FORMATS = ["json", "yaml", "wide", "name", "jsonpath=", "custom-columns="];
const ALL_VERBS: Verb[] = VERB_GROUPS.flatMap((g) => g.verbs);

/** The verb names and aliases kubectl answers to. */
export function kubectlVerbWords(): string[] {
  return ALL_VERBS.flatMap((v) => [v.name, ...(v.aliases ?? [])]);
}

/** Completes the text before the cursor; `variables` are the console's shell variables' names. */
export function complete(
  beforeCursor: string,
  source: CompletionSource,
  variables: readonly string[] = [],
): Completion {
  const words = beforeCursor.split(/\s+/).filter((w, i, all) => w !== "" || i === all.length - 1);
  const current = words.pop() ?? "";
  const from = beforeCursor.length - current.length;
  const pick = (options: readonly string[]) => ({
    from,
    candidates: unique(options.filter((o) => o.startsWith(current))),
  });
  // `$PO` completes to a variable the console holds, as bash completes `$` words.
  if (/^\$[A-Za-z0-9_]*$/.test(current)) return pick(variables.map((name) => `$${name}`));
  if (words.length === 0) return pick(CONSOLE_COMMANDS);
  // After `>` or `>>` comes the editor tab the output goes to; after `|`, a text filter.
  const previous = words[words.length - 1];
  if (/^\d?>>?\|?$/.test(previous)) return pick(source.fileNames());
  if (previous === "|") return pick(PIPE_FILTERS);
  if (words[0] === "kubeplay") return pick(words.length === 1 ? KUBEPLAY_COMMANDS.map((c) => c.name) : []);
  if (words[0] !== "kubectl" && words[0] !== "k") return pick([]);
  return pick(kubectlOptions(words.slice(1), current, source));
}

function kubectlOptions(words: string[], current: string, source: CompletionSource): string[] {
  const { positional, namespace, pendingFlag } = scan(words, source.defaultNamespace());
  const verb = ALL_VERBS.find((v) => v.name === positional[0] || v.aliases?.includes(positional[0] ?? ""));
  if (pendingFlag) return flagValues(pendingFlag, source, namespace);
  if (current.startsWith("-")) return flagWords([...(verb?.flags ?? []), ...globalFlags]);
  if (!verb) return positional.length === 0 ? kubectlVerbWords() : [];
  const sub = verb.subcommands?.find((s) => s.name === positional[1]);
  if (verb.subcommands && !sub) return positional.length === 1 ? verb.subcommands.map((s) => s.name) : [];
  const usage = (sub ?? verb).usage;
  const args = positional.slice(sub ? 2 : 1);
  return argumentOptions(usage, args, current, namespace, source);
}

function argumentOptions(
  usage: string,
  args: string[],
  current: string,
  namespace: string,
  source: CompletionSource,
): string[] {
  if (/\b(POD|NODE)\b/.test(usage) && args.length === 0 && !current.includes("/")) {
    return source.objectNames(/\bPOD\b/.test(usage) ? "Pod" : "Node", namespace);
  }
  // `TYPE NAME` for most verbs; `RESOURCE/NAME` in edit's usage line.
  if (!/\b(TYPE|RESOURCE)\b/.test(usage)) return [];
  if (current.includes("/")) {
    const [typed] = current.split("/");
    const type = resolveResource(typed);
    return type ? source.objectNames(type.kind, namespace).map((n) => `${typed}/${n}`) : [];
  }
  if (args.length === 0) return RESOURCE_TYPES.flatMap((t) => [t.plural, t.singular, ...t.shortNames]);
  const type = resolveResource(args[0].split(",")[0]);
  return type ? source.objectNames(type.kind, namespace) : [];
}

/** Positional words, the -n namespace, and a flag still waiting for its value. */
function scan(
  words: string[],
  defaultNamespace: string,
): { positional: string[]; namespace: string; pendingFlag?: FlagSpec } {
  const positional: string[] = [];
  let namespace = defaultNamespace;
  let pendingFlag: FlagSpec | undefined;
  for (const word of words) {
    if (pendingFlag) {
      if (pendingFlag.name === "namespace") namespace = word;
      pendingFlag = undefined;
    } else if (word.startsWith("-") && word.length > 1) {
      const [flagWord, value] = word.split("=", 2);
      const flag = findFlag(flagWord);
      if (flag?.name === "namespace" && value !== undefined) namespace = value;
      if (flag && flag.type !== "bool" && value === undefined) pendingFlag = flag;
    } else if (word !== "") positional.push(word);
  }
  return { positional, namespace, pendingFlag };
}

function findFlag(word: string): FlagSpec | undefined {
  const all = [
    ...ALL_VERBS.flatMap((v) => [...v.flags, ...(v.subcommands ?? []).flatMap((s) => s.flags)]),
    ...globalFlags,
  ];
  if (word.startsWith("--")) return all.find((f) => f.name === word.slice(2));
  return all.find((f) => f.shorthand === word.slice(1));
}

function flagValues(flag: FlagSpec, source: CompletionSource, namespace: string): string[] {
  if (flag.name === "namespace") return source.namespaces();
  if (flag.name === "output") return OUTPUT_FORMATS;
  if (flag.name === "filename") return ["-", ...source.fileNames()];
  void namespace;
  return [];
}

function flagWords(flags: FlagSpec[]): string[] {
  return flags.map((f) => `--${f.name}`).sort();
}

function unique(words: string[]): string[] {
  return [...new Set(words)];
}

/** The longest prefix every candidate shares. */
export function commonPrefix(candidates: readonly string[]): string {
  if (candidates.length === 0) return "";
  let prefix = candidates[0];
  for (const c of candidates) while (!c.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}
