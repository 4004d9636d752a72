/** Runs the shell syntax tree as generators of container steps. */
import type { ContainerStep, OutputStep } from "./containerSteps";
import { ArithError, evalArith } from "./shellArith";
import { BUILTINS, IMAGE_SPECIFIC } from "./shellBuiltins";
import { err, ExitSignal, HangSignal, IDLE_LIMIT, LoopSignal, type Run, type ShellState } from "./shellState";
import type { AndOr, Command, List, Pipeline, Redirect, Word } from "./shellSyntax";

/** Runs a list; returns the status of its last command. */
export function* runList(list: List, st: ShellState, stdin = ""): Run {
  for (const item of list) {
    yield* runAndOr(item, st, stdin);
  }
  return st.status;
}

function* runAndOr(node: AndOr, st: ShellState, stdin: string): Run {
  // Only the last pipeline of an && / || chain can trigger `set -e`.
  let status = yield* runPipeline(node.first, st, stdin, node.rest.length > 0);
  for (const [i, { op, pipeline }] of node.rest.entries()) {
    if ((op === "&&") === (status === 0))
      status = yield* runPipeline(pipeline, st, stdin, i < node.rest.length - 1);
  }
  return status;
}

function* runPipeline(p: Pipeline, st: ShellState, stdin: string, tested: boolean): Run {
  let input = stdin;
  let status = 0;
  for (const [i, cmd] of p.commands.entries()) {
    const last = i === p.commands.length - 1;
    if (last) {
      status = yield* runCommand(cmd, st, input);
    } else {
      const buffer: string[] = [];
      status = yield* capture(runCommand(cmd, st, input), buffer);
      input = buffer.join("");
    }
  }
  st.status = p.bang ? Number(status === 0) : status;
  if (st.errexit && !tested && !p.bang && st.status !== 0) throw new ExitSignal(st.status);
  return st.status;
}

/** Runs `run`, keeping its stdout in `buffer` instead of the log. */
export function* capture(run: Run, buffer: string[]): Run {
  return yield* mapOutput(run, (s) => {
    if (s.stream === "stderr") return s;
    buffer.push(s.text);
    return null;
  });
}

function* mapOutput(run: Run, f: (s: OutputStep) => OutputStep | null): Run {
  for (let r = run.next(); ; r = run.next()) {
    if (r.done) return r.value;
    const step: ContainerStep = r.value;
    if (step.kind !== "output") yield step;
    else {
      const mapped = f(step);
      if (mapped) yield mapped;
    }
  }
}

function* runCommand(cmd: Command, st: ShellState, stdin: string): Run {
  switch (cmd.type) {
    case "simple":
      return yield* runSimple(cmd, st, stdin);
    case "while":
      return yield* runWhile(cmd, st, stdin);
    case "for":
      return yield* runFor(cmd, st, stdin);
    case "if":
      for (const c of cmd.clauses) {
        if ((yield* runCondition(c.cond, st, stdin)) === 0) return yield* runList(c.body, st, stdin);
      }
      return cmd.otherwise ? yield* runList(cmd.otherwise, st, stdin) : (st.status = 0);
    case "group":
      return yield* runGroup(cmd.body, cmd.subshell, st, stdin);
  }
}

function* runGroup(body: List, subshell: boolean, st: ShellState, stdin: string): Run {
  if (!subshell) return yield* runList(body, st, stdin);
  const child: ShellState = { ...st, vars: new Map(st.vars), exported: new Set(st.exported) };
  try {
    return yield* runList(body, child, stdin);
  } catch (e) {
    if (e instanceof ExitSignal) return (st.status = e.code);
    throw e;
  } finally {
    st.idle = child.idle;
  }
}

/** A condition never triggers `set -e`. */
function* runCondition(cond: List, st: ShellState, stdin: string): Run {
  const errexit = st.errexit;
  st.errexit = false;
  try {
    return yield* runList(cond, st, stdin);
  } finally {
    st.errexit = errexit;
  }
}

function* runWhile(cmd: Command & { type: "while" }, st: ShellState, stdin: string): Run {
  let status = 0;
  for (;;) {
    const c = yield* runCondition(cmd.cond, st, stdin);
    if ((c === 0) === cmd.until) break;
    const r = yield* runLoopBody(cmd.body, st, stdin);
    status = st.status;
    if (r === "break") break;
  }
  return (st.status = status);
}

function* runFor(cmd: Command & { type: "for" }, st: ShellState, stdin: string): Run {
  const items = cmd.items === null ? st.positional : yield* expandWords(cmd.items, st);
  let status = 0;
  for (const item of items) {
    st.vars.set(cmd.name, item);
    const r = yield* runLoopBody(cmd.body, st, stdin);
    status = st.status;
    if (r === "break") break;
  }
  return (st.status = status);
}

function* runLoopBody(
  body: List,
  st: ShellState,
  stdin: string,
): Generator<ContainerStep, "break" | "next", undefined> {
  if (++st.idle > IDLE_LIMIT) throw new HangSignal();
  try {
    yield* runList(body, st, stdin);
    return "next";
  } catch (e) {
    if (!(e instanceof LoopSignal)) throw e;
    if (--e.levels > 0) throw e;
    return e.kind === "break" ? "break" : "next";
  }
}

function* runSimple(cmd: Command & { type: "simple" }, st: ShellState, stdin: string): Run {
  if (++st.idle > IDLE_LIMIT) throw new HangSignal();
  const argv = yield* expandWords(cmd.words, st);
  const assigns: [string, string][] = [];
  for (const a of cmd.assigns) assigns.push([a.name, (yield* expandWord(a.value, st, false)).join("")]);
  if (argv.length === 0) {
    for (const [k, v] of assigns) st.vars.set(k, v);
    return (st.status = 0);
  }
  if (st.xtrace) yield err(`+ ${argv.join(" ")}\n`);
  return (st.status = yield* redirect(st, cmd.redirects, stdin, (input) =>
    withTempVars(assigns, st, () => runArgv(argv, st, input)),
  ));
}

function* withTempVars(assigns: [string, string][], st: ShellState, run: () => Run): Run {
  const saved = assigns.map(([k]) => [k, st.vars.get(k), st.exported.has(k)] as const);
  for (const [k, v] of assigns) {
    st.vars.set(k, v);
    st.exported.add(k);
  }
  try {
    return yield* run();
  } finally {
    for (const [k, v, exp] of saved) {
      if (v === undefined) st.vars.delete(k);
      else st.vars.set(k, v);
      if (!exp) st.exported.delete(k);
    }
  }
}

/** Runs one command line; unknown commands fail as in busybox ash. */
export function* runArgv(argv: string[], st: ShellState, stdin: string): Run {
  const name = argv[0].slice(argv[0].lastIndexOf("/") + 1);
  if (name === "exec" && argv.length > 1) throw new ExitSignal(yield* runArgv(argv.slice(1), st, stdin));
  const builtin = BUILTINS[name];
  const absent =
    IMAGE_SPECIFIC.has(name) && st.ctx.imagePrograms !== undefined && !(name in st.ctx.imagePrograms);
  if (!builtin || absent) {
    yield err(`sh: ${argv[0]}: not found\n`);
    return 127;
  }
  return yield* builtin([name, ...argv.slice(1)], stdin, st);
}

/**
 * Applies a command's redirections: stream duplication, output to files of the container
 * (`>` truncates at once, `>>` appends) and input from a file (`<`).
 */
function* redirect(st: ShellState, redirects: Redirect[], stdin: string, start: (stdin: string) => Run): Run {
  if (redirects.length === 0) return yield* start(stdin);
  const dest: Record<string, "stdout" | "stderr" | { file: string } | null> = {
    stdout: "stdout",
    stderr: "stderr",
  };
  let input = stdin;
  for (const r of redirects) {
    const file = r.word ? (yield* expandWord(r.word, st, false)).join("") : r.target;
    if (r.input) {
      const text = st.fs.read(file);
      if (typeof text !== "string") {
        yield err(`sh: can't open ${file}: no such file\n`);
        return 1;
      }
      input = text;
      continue;
    }
    const stream = r.fd === 2 ? "stderr" : r.fd === 1 ? "stdout" : null;
    if (!stream) continue;
    if (r.target === "&1" || r.target === "&2") {
      dest[stream] = r.target === "&1" ? dest.stdout : dest.stderr;
      continue;
    }
    const to = STD_FILES[file];
    if (to) {
      dest[stream] = dest[to];
      continue;
    }
    const e = st.fs.write(file, "", true);
    if (e) {
      yield err(
        `sh: can't create ${file}: ${e === "No such file or directory" ? "nonexistent directory" : e}\n`,
      );
      return 1;
    }
    if (!r.append) st.fs.write(file, "");
    dest[stream] = { file };
  }
  return yield* mapOutput(start(input), (s) => {
    const to = dest[s.stream];
    if (to === null || typeof to === "object") {
      if (to) st.fs.write(to.file, s.text, true);
      return null;
    }
    return { ...s, stream: to };
  });
}

/** Files that name the process's own streams. */
const STD_FILES: Record<string, "stdout" | "stderr"> = { "/dev/stdout": "stdout", "/dev/stderr": "stderr" };

function* expandWords(words: Word[], st: ShellState): Generator<ContainerStep, string[], undefined> {
  const fields: string[] = [];
  for (const w of words) fields.push(...(yield* expandWord(w, st, true)));
  return fields;
}

/**
 * Expands one word: parameters, `$(( ))`, `$( )`; with `split`, unquoted expansions are
 * split on whitespace (IFS), and a word that expands to nothing unquoted disappears.
 */
export function* expandWord(
  word: Word,
  st: ShellState,
  split: boolean,
): Generator<ContainerStep, string[], undefined> {
  const fields: string[] = [];
  let current: string | null = null;
  const append = (text: string, quoted: boolean) => {
    if (quoted || !split) {
      current = (current ?? "") + text;
      return;
    }
    const pieces = text.split(/[ \t\n]+/);
    pieces.forEach((piece, i) => {
      if (i > 0 && current !== null) {
        fields.push(current);
        current = null;
      }
      if (piece !== "") current = (current ?? "") + piece;
    });
  };
  for (const part of word) {
    if (part.t === "lit") append(part.v, part.q || !split);
    else if (part.t === "var") append(yield* expandVar(part, st), part.q);
    else if (part.t === "arith") append(arith(part.expr, st), part.q);
    else append(yield* commandSubstitution(part.src, st), part.q);
    if (part.q && current === null) current = "";
  }
  if (current !== null) fields.push(current);
  return fields;
}

function* expandVar(
  part: Word[number] & { t: "var" },
  st: ShellState,
): Generator<ContainerStep, string, undefined> {
  const value = special(part.name, st) ?? st.vars.get(part.name);
  if (!part.op) return value ?? "";
  const unset = part.op.startsWith(":") ? !value : value === undefined;
  const arg = () => expandWord(part.arg ?? [], st, false);
  if (part.op.endsWith("+")) return unset ? "" : (yield* arg()).join("");
  if (!unset) return value ?? "";
  const alt = (yield* arg()).join("");
  if (part.op.endsWith("=")) st.vars.set(part.name, alt);
  return alt;
}

function special(name: string, st: ShellState): string | undefined {
  if (name === "?") return String(st.status);
  if (name === "$") return "1";
  if (name === "#") return String(st.positional.length);
  if (name === "0") return st.arg0;
  if (name === "@" || name === "*") return st.positional.join(" ");
  if (/^[1-9]$/.test(name)) return st.positional[Number(name) - 1] ?? "";
  return undefined;
}

function arith(expr: string, st: ShellState): string {
  try {
    return String(evalArith(expr, { get: (n) => st.vars.get(n), set: (n, v) => st.vars.set(n, v) }));
  } catch (e) {
    if (e instanceof ArithError) throw new ShellAbort(`${e.message}\n`, 2);
    throw e;
  }
}

function* commandSubstitution(src: string, st: ShellState): Generator<ContainerStep, string, undefined> {
  const buffer: string[] = [];
  yield* capture(
    st.runScript(src, { arg0: st.arg0, args: st.positional, stdin: "", parent: st, subshell: true }),
    buffer,
  );
  return buffer.join("").replace(/\n+$/, "");
}

/** A fatal shell error (bad arithmetic, syntax in a substitution): message, then exit. */
export class ShellAbort {
  constructor(
    readonly message: string,
    readonly code: number,
  ) {}
}
