/**
 * Records what real kubectl says about each command kubeplay simulates, for `--help`:
 * `KUBECTL=/path/to/kubectl-1.32 npx tsx scripts/record-kubectl-help.ts` (a plain upstream client: no
 * server needed; not a dispatcher wrapper, which words some errors differently).
 * Writes src/kubectl/helpText.ts: per command path, its description, its examples and each of
 * its options' entries, exactly as `kubectl <path> --help` prints them. help.ts lists only the
 * options kubeplay accepts, in kubectl's words.
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import type { Verb } from "../src/kubectl/verb";
import { VERB_GROUPS } from "../src/kubectl/verbs";

const KUBECTL = process.env.KUBECTL ?? "kubectl";
const version = execFileSync(KUBECTL, ["version", "--client"], { encoding: "utf8" }).split("\n")[0];
if (!/v1\.32\./.test(version)) throw new Error(`kubectl 1.32 expected, found: ${version}`);

const paths: string[][] = [];
const walk = (verb: Verb, parent: string[]) => {
  paths.push([...parent, verb.name]);
  for (const sub of verb.subcommands ?? []) walk(sub, [...parent, verb.name]);
};
for (const group of VERB_GROUPS) for (const verb of group.verbs) walk(verb, []);

/** Every distinct flag entry (`    --name=default:` and its usage line): commands share most. */
const blocks: string[] = [];
const blockIds = new Map<string, number>();

/** The parts of a help page before its command list, and its options by flag name. */
function sections(help: string): { description: string; examples?: string; options: Record<string, number> } {
  const end = help.search(/^(Available Commands|Options|Usage):$/m);
  const head = (end < 0 ? help : help.slice(0, end)).replace(/\n+$/, "");
  const options: Record<string, number> = {};
  const optionsAt = help.search(/^Options:$/m);
  if (optionsAt >= 0) {
    const list = help.slice(optionsAt + "Options:\n".length, help.search(/^Usage:$/m));
    for (const block of list.split(/\n\n(?= {4}-)/)) {
      const name = /--([a-z0-9-]+)=/.exec(block)?.[1];
      if (!name) continue;
      const text = block.replace(/\n+$/, "");
      if (!blockIds.has(text)) blockIds.set(text, blocks.push(text) - 1);
      options[name] = blockIds.get(text) ?? -1;
    }
  }
  const at = head.search(/^Examples:$/m);
  if (at < 0) return { description: head, options };
  return {
    description: head.slice(0, at).replace(/\n+$/, ""),
    examples: head.slice(at + "Examples:\n".length),
    options,
  };
}

const entries = paths.map((path) => {
  const help = execFileSync(KUBECTL, [...path, "--help"], { encoding: "utf8" });
  return [path.join(" "), sections(help)] as const;
});

// `kubectl options`: the global flags. kubectl shows its own cache directory under $HOME.
const home = process.env.HOME ?? "";
const globalOptions = execFileSync(KUBECTL, ["options"], { encoding: "utf8" }).replaceAll(
  `'${home}/.kube/cache'`,
  "'$HOME/.kube/cache'",
);

const body = entries
  .map(([path, { description, examples, options }]) => {
    const fields = [`description: ${JSON.stringify(description)}`];
    if (examples) fields.push(`examples: ${JSON.stringify(examples)}`);
    if (Object.keys(options).length > 0) fields.push(`options: ${JSON.stringify(options)}`);
    return `  ${JSON.stringify(path)}: { ${fields.join(", ")} },`;
  })
  .join("\n");

writeFileSync(
  "src/kubectl/helpText.ts",
  `/**
 * What kubectl says about each command kubeplay simulates, recorded from \`${version.trim()}\`
 * by scripts/record-kubectl-help.ts (do not edit by hand: run it again). Printed by help.ts.
 */
export interface CommandHelpText {
  /** The text before the examples: the short description and kubectl's longer one. */
  description: string;
  /** The lines under \`Examples:\`, each indented two spaces as kubectl prints them. */
  examples?: string;
  /** Each flag's entry under \`Options:\`, as an index into FLAG_HELP. */
  options?: Readonly<Record<string, number>>;
}

export const KUBECTL_HELP_TEXT: Readonly<Record<string, CommandHelpText>> = {
${body}
};

/** What \`kubectl options\` prints: the flags every command accepts. */
export const GLOBAL_OPTIONS_TEXT = ${JSON.stringify(globalOptions)};

/** The distinct entries of the options lists: \`    --name=default:\` and a tab-indented usage line. */
export const FLAG_HELP: readonly string[] = ${JSON.stringify(blocks, null, 2)};
`,
);
console.log(`recorded ${entries.length} commands`);
