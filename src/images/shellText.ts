/**
 * The busybox text filters a learner pipes into: head, tail, grep and wc (`env | grep
 * KUBERNETES`, `tail -n 1 /tmp/log`), reading their files (relative to the shell's directory)
 * or stdin, with busybox's messages and exit statuses.
 */
import { base64 } from "./base64";
import { inputs, type TextFiles } from "./textInput";
import { err, out, type Run } from "./shellState";

/** A text's lines, each with its newline (the last may lack one). */
function lines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** `-n N`, `-nN` or `-N`: how many lines; the rest of argv as operands. */
function lineCount(argv: string[]): { count: string; files: string[] } | string {
  let count = "10";
  const files: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === "-n") {
      if (argv[i + 1] === undefined) return "option requires an argument -- 'n'";
      count = argv[++i];
    } else if (/^-n.+/.test(a)) count = a.slice(2);
    else if (/^-[0-9]+$/.test(a)) count = a.slice(1);
    else if (a === "-q" || a === "-s" || a === "-v") continue;
    else files.push(a);
  }
  return /^\+?[0-9]+$/.test(count) ? { count, files } : `invalid number '${count}'`;
}

/** head [-n N] [FILE]...: the first lines, a `==> FILE <==` heading per file when there are several. */
export function* head(argv: string[], stdin: string, st: TextFiles): Run {
  return yield* ends("head", argv, stdin, st, (all, n) => all.slice(0, Number(n)));
}

/** tail [-n N | -n +N] [FILE]...: the last lines (from line N with +N); -f keeps following. */
export function* tail(argv: string[], stdin: string, st: TextFiles): Run {
  if (argv.includes("-f") || argv.includes("-F")) {
    yield { kind: "sleep", seconds: Infinity };
    return 0;
  }
  return yield* ends("tail", argv, stdin, st, (all, n) =>
    n.startsWith("+")
      ? all.slice(Math.max(0, Number(n.slice(1)) - 1))
      : all.slice(Math.max(0, all.length - Number(n))),
  );
}

function* ends(
  applet: string,
  argv: string[],
  stdin: string,
  st: TextFiles,
  pick: (all: string[], n: string) => string[],
): Run {
  const parsed = lineCount(argv);
  if (typeof parsed === "string") {
    yield err(`${applet}: ${parsed}\n`);
    return 1;
  }
  const read = yield* inputs(applet, parsed.files, stdin, st);
  if (!read) return 1;
  let text = "";
  read.forEach((input, i) => {
    if (read.length > 1) text += `${i > 0 ? "\n" : ""}==> ${input.name} <==\n`;
    text += pick(lines(input.text), parsed.count).join("");
  });
  if (text) yield out(text);
  return read.length < parsed.files.length ? 1 : 0;
}

/**
 * grep [-ivcqnFEwx] PATTERN [FILE]...: matching lines (with `FILE:` before each when there
 * are several files). A basic regular expression unless -E (extended) or -F (fixed string).
 * Exit 0 on a match, 1 on none, 2 on an error.
 */
export function* grep(argv: string[], stdin: string, st: TextFiles): Run {
  const flags = new Set<string>();
  const operands: string[] = [];
  let patterns: string[] | undefined;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === "-e") patterns = [...(patterns ?? []), argv[++i] ?? ""];
    else if (/^-[a-zA-Z]+$/.test(a)) for (const f of a.slice(1)) flags.add(f);
    else operands.push(a);
  }
  if (!patterns) {
    const first = operands.shift();
    if (first === undefined) {
      yield err(
        "Usage: grep [-HhnlLoqvsrRiwFE] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...\n",
      );
      return 2;
    }
    patterns = [first];
  }
  let match: RegExp;
  try {
    match = matcher(patterns, flags);
  } catch {
    yield err(`grep: bad regex '${patterns[0]}'\n`);
    return 2;
  }
  const read = yield* inputs("grep", operands, stdin, st);
  if (!read) return 2;
  const several = read.length > 1;
  let found = 0;
  let text = "";
  for (const input of read) {
    let count = 0;
    lines(input.text).forEach((line, i) => {
      if (match.test(line.replace(/\n$/, "")) === flags.has("v")) return;
      count++;
      if (flags.has("c") || flags.has("q")) return;
      const prefix = `${several ? `${input.name}:` : ""}${flags.has("n") ? `${i + 1}:` : ""}`;
      text += prefix + (line.endsWith("\n") ? line : `${line}\n`);
    });
    found += count;
    if (flags.has("c") && !flags.has("q")) text += `${several ? `${input.name}:` : ""}${count}\n`;
  }
  if (text) yield out(text);
  if (read.length < operands.length) return 2;
  return found > 0 ? 0 : 1;
}

/** The patterns as one JavaScript regular expression, honouring -F, -E, -i, -w and -x. */
function matcher(patterns: string[], flags: Set<string>): RegExp {
  const sources = patterns.map((p) =>
    flags.has("F") ? p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") : flags.has("E") ? p : basicToExtended(p),
  );
  let source = sources.map((s) => `(?:${s})`).join("|");
  if (flags.has("w")) source = `(?:^|[^\\w])(?:${source})(?:[^\\w]|$)`;
  if (flags.has("x")) source = `^(?:${source})$`;
  return new RegExp(source, flags.has("i") ? "i" : "");
}

/** A POSIX basic regular expression in extended syntax: `\(`, `\|`, `\+` are the operators; bare ones are literal. */
function basicToExtended(pattern: string): string {
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\" && i + 1 < pattern.length) {
      const next = pattern[++i];
      out += "(){}|+?".includes(next) ? next : `\\${next}`;
    } else out += "(){}|+?".includes(c) ? `\\${c}` : c;
  }
  return out;
}

/**
 * wc [-lwc] [FILE]...: line, word and byte counts as busybox prints them: each count in 9
 * columns, a space between, the file's name after; read from stdin with one count asked for,
 * the bare number.
 */
export function* wc(argv: string[], stdin: string, st: TextFiles): Run {
  const flags = new Set(
    argv
      .slice(1)
      .filter((a) => /^-[lwcm]+$/.test(a))
      .flatMap((a) => [...a.slice(1)]),
  );
  const files = argv.slice(1).filter((a) => !/^-[lwcm]+$/.test(a));
  const read = yield* inputs("wc", files, stdin, st);
  if (!read) return 1;
  const wanted = flags.size === 0 ? ["l", "w", "c"] : ["l", "w", "c", "m"].filter((f) => flags.has(f));
  const counts = (text: string): Record<string, number> => ({
    l: (text.match(/\n/g) ?? []).length,
    w: text.split(/\s+/).filter((w) => w !== "").length,
    c: new TextEncoder().encode(text).length,
    m: [...text].length,
  });
  const bare = files.length === 0 && wanted.length === 1;
  const row = (text: string, name: string) => {
    const n = counts(text);
    if (bare) return `${n[wanted[0]]}\n`;
    const numbers = wanted.map((f, i) => `${i > 0 ? " " : ""}${String(n[f]).padStart(9)}`).join("");
    return `${numbers}${files.length === 0 ? "" : ` ${name}`}\n`;
  };
  let text = read.map((input) => row(input.text, input.name)).join("");
  if (read.length > 1) text += row(read.map((input) => input.text).join(""), "total");
  yield out(text);
  return read.length < files.length ? 1 : 0;
}

const FILTERS: Record<string, (argv: string[], stdin: string, st: TextFiles) => Run> = {
  base64,
  grep,
  head,
  tail,
  wc,
};

/**
 * `COMMAND | grep … | wc -l` in the console: `input` through each filter in turn, with nothing
 * to read but standard input (a file operand is not found). What the last prints, every
 * filter's errors, and the last one's exit status (the pipeline's, as sh reports it).
 */
export function runTextFilters(
  filters: readonly string[][],
  input: string,
): { stdout: string; stderr: string; status: number } {
  const files: TextFiles = { fs: { read: () => ({ error: "No such file or directory" }) } };
  let stdin = input;
  let stderr = "";
  let status = 0;
  for (const argv of filters) {
    const run = FILTERS[argv[0]];
    if (!run) throw new Error(`not a text filter: ${argv[0]}`);
    let stdout = "";
    const steps = run(argv, stdin, files);
    // A step other than output (tail -f's endless sleep) ends the filter where it is.
    let step = steps.next();
    for (; !step.done && step.value.kind === "output"; step = steps.next()) {
      if (step.value.stream === "stderr") stderr += step.value.text;
      else stdout += step.value.text;
    }
    status = step.done ? step.value : 0;
    stdin = stdout;
  }
  return { stdout: stdin, stderr, status };
}
