import type { Cluster } from "../cluster";
import { type FlagValue, isFlagParseError, parseFlags } from "./cli/flags";
import {
  flagErrorMessage,
  kubectlFailure,
  unknownCommandMessage,
  unknownSubcommandMessage,
} from "./cli/commandErrors";
import { withGlobalFlags } from "./cli/globalFlags";
import { kubectlRootCommands, kubectlSubcommands } from "./cli/suggestions";
import { splitShellWords } from "./cli/shellWords";
import { rootHelp, unsimulatedFlag, verbHelp } from "./help";
import { formatError } from "./errorText";
import { type EditorOpen, type EditorSave, KubectlError, type Verb, type VerbContext } from "./verb";
import { findVerb } from "./verbs";
import {
  type KubectlStream,
  openStream,
  type StreamHandlers,
  type StreamIO,
  type WrittenText,
} from "./stream";

export type { WrittenText } from "./stream";

/** What a command reads besides its line: stdin (`-f -`) and named files (`-f web.yaml`, the editor's tabs). */
interface KubectlInput {
  stdin?: string;
  files: Record<string, string>;
  follow: VerbContext["follow"];
  editorSave?: EditorSave;
  openEditor: VerbContext["openEditor"];
}

/** What a kubectl invocation returns: its exit code and its two output streams. */
export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
  /**
   * Both streams' output in the order it was written, when some stderr came before stdout: a
   * terminal shows `Warning: …` before `pod "web" force deleted`, as kubectl writes them.
   */
  chunks?: WrittenText[];
  /** Present while the command keeps running (`get -w`, `rollout status`, `logs -f`): read it as time passes. */
  stream?: KubectlStream;
  /** Present when `kubectl edit` waits for its editor: show the file, then run the line again with the save. */
  editor?: EditorOpen;
}

/**
 * Runs one kubectl command line against the cluster. Never throws: every failure becomes
 * kubectl's error text on stderr and exit code 1.
 */
export function runKubectl(
  cluster: Cluster,
  line: string,
  stdin?: string,
  files: Record<string, string> = {},
  editorSave?: EditorSave,
): KubectlResult {
  const chunks: WrittenText[] = [];
  const out: Sink = { push: (...texts) => texts.forEach((text) => chunks.push({ stream: "stdout", text })) };
  const err: Sink = { push: (...texts) => texts.forEach((text) => chunks.push({ stream: "stderr", text })) };
  let code: number;
  let start: ((io: StreamIO) => StreamHandlers) | undefined;
  let editor: EditorOpen | undefined;
  const input: KubectlInput = {
    stdin,
    files,
    follow: (s) => (start = s),
    editorSave,
    openEditor: (open) => (editor = open),
  };
  try {
    code = dispatch(cluster, line, input, out, err);
  } catch (error) {
    code = 1;
    start = undefined;
    editor = undefined;
    if (error instanceof KubectlError) out.push(error.stdout);
    err.push(formatError(error));
  }
  const joined = (stream: WrittenText["stream"]) =>
    chunks
      .filter((c) => c.stream === stream)
      .map((c) => c.text)
      .join("");
  const result: KubectlResult = { code, stdout: joined("stdout"), stderr: joined("stderr") };
  // Only when a terminal would show it differently from stdout then stderr.
  const written = chunks.filter((c) => c.text !== "");
  const firstErr = written.findIndex((c) => c.stream === "stderr");
  if (firstErr >= 0 && written.slice(firstErr).some((c) => c.stream === "stdout")) result.chunks = written;
  if (start) result.stream = openStream(start, (next, nextStdin) => runKubectl(cluster, next, nextStdin));
  if (editor) result.editor = editor;
  return result;
}

/** Where a stream's output goes. */
interface Sink {
  push(...texts: string[]): void;
}

function dispatch(cluster: Cluster, line: string, input: KubectlInput, out: Sink, err: Sink): number {
  const split = splitShellWords(line);
  if ("error" in split) throw new KubectlError(`error: ${split.error}`);
  const words = split.words[0] === "kubectl" ? split.words.slice(1) : split.words;
  const { verb, path, rest, unsimulated } = locateVerb(words);
  if (unsimulated) throw new KubectlError(notSimulated(unsimulated, path.join(" ")));
  if (!verb) {
    if (path.length === 0) {
      out.push(rootHelp());
      return 0;
    }
    if (kubectlRootCommands.some((c) => c.name === path[0])) throw new KubectlError(notSimulated(path[0]));
    throw new KubectlError(kubectlFailure(unknownCommandMessage(path[0])).stderr.trimEnd());
  }
  const parsed = parseFlags(rest, withGlobalFlags(verb.name, verb.flags));
  if (isFlagParseError(parsed)) {
    if (parsed.help) {
      out.push(verbHelp(verb, path));
      return 0;
    }
    const flag = unsimulatedFlag(path, parsed.error);
    if (flag !== undefined) {
      const command = `kubectl ${path.join(" ")}`;
      throw new KubectlError(
        `error: "${flag}" is a real flag of "${command}", but kubeplay does not simulate it (run "${command} --help" for the flags it does)`,
      );
    }
    throw new KubectlError(
      kubectlFailure(flagErrorMessage(parsed.error, `kubectl ${path.join(" ")}`)).stderr.trimEnd(),
    );
  }
  // A command group given an unknown sub-command (`kubectl set foo x`), as cobra reports it.
  if (verb.group && parsed.positional.length > 0) {
    throw new KubectlError(
      kubectlFailure(
        unknownSubcommandMessage(`kubectl ${path.join(" ")}`, parsed.positional),
      ).stderr.trimEnd(),
    );
  }
  if (parsed.flags.help === true) {
    out.push(verbHelp(verb, path));
    return 0;
  }
  err.push(...parsed.warnings.map((w) => `${w}\n`));
  rejectKustomize(parsed.flags);
  const namespace = String(
    parsed.flags.namespace || cluster.kubeconfig.namespaceFor(String(parsed.flags.context ?? "")),
  );
  return verb.run({
    cluster,
    namespace,
    namespaceExplicit: parsed.changed.has("namespace"),
    flags: parsed.flags,
    changed: parsed.changed,
    args: parsed.positional,
    argsLenAtDash: parsed.argsLenAtDash,
    stdin: input.stdin,
    files: input.files,
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    follow: input.follow,
    editorSave: input.editorSave,
    openEditor: input.openEditor,
  });
}

/**
 * Finds the verb (and sub-verb) among the words, skipping global flags that precede it
 * (`kubectl -n kube-system get pods`). Returns the remaining words for flag parsing.
 */
function locateVerb(words: string[]): { verb?: Verb; path: string[]; rest: string[]; unsimulated?: string } {
  const leading: string[] = [];
  let i = 0;
  while (i < words.length && words[i].startsWith("-")) {
    const word = words[i];
    leading.push(word);
    const takesValue = /^(-n|--namespace|--context|--cluster|--user|--kubeconfig|-s|--server)$/.test(word);
    if (takesValue && i + 1 < words.length) leading.push(words[++i]);
    i++;
  }
  if (i >= words.length) return { path: [], rest: leading };
  const top = findVerb(words[i]);
  const path = [words[i]];
  if (!top) return { path, rest: [] };
  let verb: Verb = top;
  i++;
  while (verb.subcommands && i < words.length) {
    const word = words[i];
    const sub: Verb | undefined = verb.subcommands.find((s) => s.name === word || s.aliases?.includes(word));
    if (!sub) {
      if (kubectlSubcommands[path.join(" ")]?.includes(word))
        return { path, rest: [], unsimulated: `${path.join(" ")} ${word}` };
      break;
    }
    verb = sub;
    path.push(words[i]);
    i++;
  }
  return { verb, path, rest: [...leading, ...words.slice(i)] };
}

/** A real kubectl command kubeplay does not simulate: said plainly, never passed off as unknown. */
/**
 * `-k DIR`: kubectl's checks of -f, -k and -R together (FilenameOptions.validate), then
 * kubeplay's word that kustomize is not simulated: its files are editor tabs, with no
 * kustomization directory to build.
 */
function rejectKustomize(flags: Record<string, FlagValue>): void {
  const kustomize = flags.kustomize;
  if (typeof kustomize !== "string" || kustomize === "") return;
  const filenames = flags.filename;
  if (Array.isArray(filenames) && filenames.length > 0)
    throw new KubectlError("error: only one of -f or -k can be specified");
  if (flags.recursive === true) throw new KubectlError("error: the -k flag can't be used with -f or -R");
  throw new KubectlError(
    `error: kubeplay does not simulate kustomize, so "-k ${kustomize}" has no kustomization to build: give the manifests to -f (each editor tab is a file)`,
  );
}

function notSimulated(command: string, group?: string): string {
  const list = group ? `kubectl ${group} --help` : "kubectl";
  return `error: "kubectl ${command}" is a real kubectl command, but kubeplay does not simulate it (run "${list}" for the commands it does)`;
}
