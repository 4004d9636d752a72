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
  ) {
    super(message);
  }
}
