/**
 * A tiny busybox-ash interpreter for what lesson containers run: `sh -c "..."` scripts and
 * plain command arrays. It never runs in real time: it yields steps (output, sleep, exit)
 * that the kubelet plays on the simulated clock, so infinite loops are fine.
 */
import type { ContainerStep, ContainerSteps, ProcessContext, ShellSession } from "./containerSteps";
import { BUILTINS, IMAGE_SPECIFIC } from "./shellBuiltins";
import { runArgv, runList, ShellAbort } from "./shellExec";
import { parseScript } from "./shellParse";
import {
  ExitSignal,
  exportedEnv,
  filesFrom,
  HangSignal,
  newShellState,
  type Run,
  type ScriptOptions,
  type ShellState,
} from "./shellState";
import { ShellSyntaxError } from "./shellSyntax";

export type { ContainerStep, ContainerSteps, ProcessContext, ShellSession } from "./containerSteps";

/** Builtins of the shell itself: there is no binary of that name to exec. */
const SHELL_ONLY = ["exit", "export", "unset", "set", "break", "continue", "wait", "trap", "cd"];

/** Whether the busybox image has this command (so exec'ing it directly can start). */
export function isKnownCommand(path: string): boolean {
  const name = path.slice(path.lastIndexOf("/") + 1);
  return name in BUILTINS && !SHELL_ONLY.includes(name) && !IMAGE_SPECIFIC.has(name);
}

/**
 * The steps of a container whose process is `argv` (command + args), e.g.
 * `["sh", "-c", "echo hi; sleep 10"]` or `["sleep", "3600"]`. Always ends with an exit step.
 * `argv[0]` must be a known command (see isKnownCommand); otherwise the runtime, not the
 * shell, refuses to start the container.
 */
export function* runProcess(argv: string[], ctx: ProcessContext): ContainerSteps {
  const session = ctx.shellSession;
  if (session && argv.length === 3 && argv[1] === "-c") return yield* runInSession(argv[2], ctx, session);
  const st = newShellState(ctx, runScript);
  yield* finish(runArgv(argv, st, ""), st);
}

/** A line typed into a session's shell: it starts where the last one left the directory and variables. */
function* runInSession(script: string, ctx: ProcessContext, session: ShellSession): ContainerSteps {
  const st = newShellState({ ...ctx, shellSession: undefined }, runScript, session.cwd);
  session.base ??= ctx.env;
  session.vars ??= st.vars;
  session.exported ??= st.exported;
  st.vars = session.vars;
  st.exported = session.exported;
  const onExit = () => {
    session.exited = true;
  };
  yield* finish(savingDirectory(runParsed(script, st, "", onExit), st, session), st);
}

/** Runs `run`, then keeps the shell's directory in the session (before the exit step: a player stops there). */
function* savingDirectory(run: Run, st: ShellState, session: ShellSession): Run {
  try {
    return yield* run;
  } finally {
    session.cwd = st.cwd;
  }
}

/** The steps of `sh -c script`, ending with an exit step. */
export function runShellScript(script: string, ctx: ProcessContext): ContainerSteps {
  return runProcess(["sh", "-c", script], ctx);
}

/** Drives a top-level run: turns exit, hang and abort signals into final steps. */
function* finish(run: Run, st: ShellState): ContainerSteps {
  let code: number;
  try {
    code = yield* resetIdleOnYield(run, st);
  } catch (e) {
    if (e instanceof HangSignal) {
      yield { kind: "sleep", seconds: Infinity };
      return;
    }
    code = signalCode(e);
  }
  yield { kind: "exit", code };
}

function signalCode(e: unknown): number {
  if (e instanceof ExitSignal) return e.code;
  throw e;
}

function* resetIdleOnYield(run: Run, st: ShellState): Run {
  for (let r = run.next(); ; r = run.next()) {
    if (r.done) return r.value;
    st.idle = 0;
    yield r.value;
  }
}

/** ShellState.runScript: parse, then run in a subshell or a new `sh` process. */
function* runScript(script: string, opts: ScriptOptions): Run {
  const parent = opts.parent;
  let st: ShellState;
  if (opts.subshell) {
    st = { ...parent, vars: new Map(parent.vars), exported: new Set(parent.exported) };
    // Its own view of the files: a `cd` in the subshell must not move the parent.
    st.fs = filesFrom(st);
  } else {
    const ctx = { ...parent.ctx, env: Object.fromEntries(exportedEnv(parent)), fs: parent.root };
    st = newShellState(ctx, runScript, parent.cwd);
  }
  st.arg0 = opts.arg0;
  st.positional = opts.args;
  st.idle = parent.idle;
  try {
    return yield* runParsed(script, st, opts.stdin);
  } finally {
    parent.idle = st.idle;
  }
}

/**
 * Parses and runs a script in `st`: its exit status, a syntax error or an abort reported as the
 * shell does. `onExit` hears of an `exit`, which ends the shell.
 */
function* runParsed(script: string, st: ShellState, stdin: string, onExit?: () => void): Run {
  try {
    return yield* runList(parseScript(script), st, stdin);
  } catch (e) {
    if (e instanceof ExitSignal) {
      onExit?.();
      return e.code;
    }
    if (e instanceof ShellSyntaxError || e instanceof ShellAbort) {
      const text = e instanceof ShellAbort ? e.message : `${e.message}\n`;
      yield { kind: "output", text, stream: "stderr" } satisfies ContainerStep;
      return e instanceof ShellAbort ? e.code : 2;
    }
    throw e;
  }
}
