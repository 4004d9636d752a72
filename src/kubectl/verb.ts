import type { Cluster } from "../cluster";
import type { FlagSpec, FlagValue } from "./cli/flags";
import type { StreamHandlers, StreamIO } from "./stream";

/** What a verb's run gets: the cluster, its parsed flags and arguments, and its output streams. */
export interface VerbContext {
  cluster: Cluster;
  /** -n/--namespace, or "default". */
  namespace: string;
  /** True when -n was given explicitly (kubectl checks it against manifests' namespaces). */
  namespaceExplicit: boolean;
  flags: Record<string, FlagValue>;
  /** Flags the user actually set. */
  changed: ReadonlySet<string>;
  args: string[];
  /** How many positional arguments came before `--` (-1 without it), as cobra's ArgsLenAtDash. */
  argsLenAtDash: number;
  stdin?: string;
  /** Files `-f NAME` can read (the editor's tabs), by name. */
  files: Record<string, string>;
  out: (text: string) => void;
  err: (text: string) => void;
  /**
   * Keeps the command running after `run` returns (`get -w`, `rollout status`, `logs -f`):
   * `start` subscribes to what the command follows, writing through the stream's `io`.
   */
  follow: (start: (io: StreamIO) => StreamHandlers) => void;
  /** What the learner's editor saved, when this run is a round of `kubectl edit` (see EditorSave). */
  editorSave?: EditorSave;
  /** Hands `kubectl edit`'s file to the editor; the command goes on when the app sends the save back. */
  openEditor: (open: EditorOpen) => void;
}

/**
 * One save of the file `kubectl edit` opened, sent back with the same command line: what the
 * editor saved, and what kubectl keeps from round to round (a real kubectl waits for its editor
 * process; kubeplay's editor is the app's, so each round is a call and the state travels with it).
 */
export interface EditorSave {
  /** The file's name, as messages show it (the app's editor tab). */
  file: string;
  /** The file of the first round: the objects as fetched, which the patches are computed from. */
  original: string;
  /** The file as saved this round. */
  edited: string;
  /** On a round reopened after an error: what was saved then (saving it again unchanged gives up). */
  previous?: string;
}

/** `kubectl edit` waiting for its editor: the file to show, and what the save must carry back. */
export interface EditorOpen {
  text: string;
  /** `.yaml`, or `.json` with `-o json`. */
  extension: ".yaml" | ".json";
  original: string;
  previous?: string;
}

/**
 * One kubectl verb: its name, help, flags and behaviour. `run` returns the exit code;
 * it may throw StatusError (printed as kubectl prints server errors) or KubectlError.
 */
export interface Verb {
  name: string;
  aliases?: string[];
  /** One line for `kubectl --help`. */
  short: string;
  /** The `Usage:` line, e.g. `kubectl get [(-o|--output=)json|yaml|...] (TYPE[.VERSION][.GROUP] ...) [flags] [options]`. */
  usage: string;
  flags: FlagSpec[];
  /** Sub-verbs (`rollout status`, `create deployment`). */
  subcommands?: Verb[];
  /** A pure command group (`set`, `rollout`): any other word after it is an unknown sub-command. */
  group?: boolean;
  run: (ctx: VerbContext) => number;
}

/** A client-side error, printed as given (already prefixed `error: ` where kubectl does). */
export class KubectlError extends Error {
  constructor(
    message: string,
    readonly code = 1,
    /** What the command printed on stdout before it failed (a template's partial output and its debugging block). */
    readonly stdout = "",
  ) {
    super(message);
  }
}
