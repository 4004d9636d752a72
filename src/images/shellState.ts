/** The mutable state of one simulated shell process, and the signals that unwind it. */
import { ContainerFs, type Files } from "./containerFs";
import type { ContainerStep, ProcessContext } from "./containerSteps";

/** A running command: yields steps, returns its exit status. */
export type Run = Generator<ContainerStep, number, undefined>;

/** One shell process: variables, positional parameters, options and last status. */
export interface ShellState {
  ctx: ProcessContext;
  /** The container's files (ctx.fs, or a private one). */
  root: ContainerFs;
  /** The same files as this shell names them: relative paths from its working directory. */
  fs: Files;
  /** The working directory (`cd`, `pwd`); a new shell process starts in its parent's. */
  cwd: string;
  vars: Map<string, string>;
  exported: Set<string>;
  arg0: string;
  positional: string[];
  status: number;
  errexit: boolean;
  xtrace: boolean;
  /** Commands run since a step was last yielded; a guard against silent busy loops. */
  idle: number;
  /**
   * Runs a script in another shell process: a fresh `sh -c`, or a subshell (`$( )`).
   */
  runScript(script: string, opts: ScriptOptions): Run;
}

/** How a nested script is started. */
export interface ScriptOptions {
  arg0: string;
  args: string[];
  stdin: string;
  /** The shell starting it. */
  parent: ShellState;
  /** A subshell copies every variable; a new `sh` sees exported ones only. */
  subshell: boolean;
}

/** `exit N`: unwinds to the shell's top. */
export class ExitSignal {
  constructor(readonly code: number) {}
}

/** `break N` / `continue N`. */
export class LoopSignal {
  constructor(
    readonly kind: "break" | "continue",
    public levels: number,
  ) {}
}

/** A loop that spins without output or sleep: the process is busy forever. */
export class HangSignal {}

/** Commands a shell may run without yielding before it counts as spinning forever. */
export const IDLE_LIMIT = 100_000;

/**
 * A fresh state whose variables are the container environment, all exported; it starts in
 * `cwd`, else the container's working directory, else /.
 */
export function newShellState(
  ctx: ProcessContext,
  runScript: ShellState["runScript"],
  cwd?: string,
): ShellState {
  const vars = new Map(Object.entries(ctx.env));
  const exported = new Set(vars.keys());
  const start = cwd ?? ctx.workingDir ?? "/";
  // The shell's own PWD, not exported: a program run directly (`env`) sees the container's environment.
  if (!vars.has("PWD")) vars.set("PWD", start);
  const st: ShellState = {
    ctx,
    root: ctx.fs ?? new ContainerFs(),
    fs: undefined as unknown as Files,
    cwd: start,
    vars,
    exported,
    arg0: "sh",
    positional: [],
    status: 0,
    errexit: false,
    xtrace: false,
    idle: 0,
    runScript,
  };
  st.fs = filesFrom(st);
  return st;
}

/** A path as the shell names it, from its working directory when relative (not normalised). */
export function absolutePath(st: ShellState, path: string): string {
  return path.startsWith("/") ? path : `${st.cwd}/${path}`;
}

/** `st.root` seen from `st`'s working directory (read when each path is used, so `cd` moves it). */
export function filesFrom(st: ShellState): Files {
  const root = st.root;
  const at = (path: string) => absolutePath(st, path);
  return {
    read: (path) => root.read(at(path)),
    write: (path, text, append) => root.write(at(path), text, append),
    remove: (path) => root.remove(at(path)),
    removeTree: (path) => root.removeTree(at(path)),
    mkdir: (path, parents) => root.mkdir(at(path), parents),
    list: (path) => root.list(at(path)),
    kind: (path) => root.kind(at(path)),
  };
}

/** The exported variables, as `env` prints them (NAME=value). */
export function exportedEnv(st: ShellState): [string, string][] {
  return [...st.vars].filter(([k]) => st.exported.has(k));
}

/** Writes text to stdout. */
export function out(text: string): ContainerStep {
  return { kind: "output", text, stream: "stdout" };
}

/** Writes text to stderr. */
export function err(text: string): ContainerStep {
  return { kind: "output", text, stream: "stderr" };
}
