/**
 * The syntax tree of the POSIX-shell subset that busybox/alpine containers run in lessons,
 * and the tokenizer that feeds its parser (shellParse.ts).
 */

/** One piece of a word; `q` marks text inside quotes (never field-split). */
export type WordPart =
  | { t: "lit"; v: string; q: boolean }
  | { t: "var"; name: string; q: boolean; op?: ":-" | "-" | ":+" | "+" | ":=" | "="; arg?: Word }
  | { t: "arith"; expr: string; q: boolean }
  | { t: "cmd"; src: string; q: boolean };

/** A shell word: the concatenation of its parts. */
export type Word = WordPart[];

/** An output redirection; only its effect on the container's log matters. */
export interface Redirect {
  fd: number;
  /** "&1"/"&2" duplicate a stream; anything else is a file of the container. */
  target: string;
  /** The file name as written (expanded when the command runs). */
  word?: Word;
  /** `>>`: append rather than truncate. */
  append?: boolean;
  /** `<`: read stdin from the file. */
  input?: boolean;
}

/** A command of the tree. */
export type Command =
  | { type: "simple"; assigns: { name: string; value: Word }[]; words: Word[]; redirects: Redirect[] }
  | { type: "while"; until: boolean; cond: List; body: List }
  | { type: "for"; name: string; items: Word[] | null; body: List }
  | { type: "if"; clauses: { cond: List; body: List }[]; otherwise: List | null }
  | { type: "group"; subshell: boolean; body: List };

/** Commands joined by `|`, optionally negated with `!`. */
export interface Pipeline {
  bang: boolean;
  commands: Command[];
}

/** Pipelines joined by `&&` / `||`. */
export interface AndOr {
  first: Pipeline;
  rest: { op: "&&" | "||"; pipeline: Pipeline }[];
}

/** A sequence separated by `;`, `&` or newlines. */
export type List = AndOr[];

/**
 * A token: a word (with its raw text, to spot keywords) or an operator. `ioNumber`: a digit
 * written right against a redirection (`2>`), which names the descriptor; `echo 3 > f` echoes 3.
 */
export type Token =
  | { kind: "word"; word: Word; raw: string; ioNumber?: boolean }
  | { kind: "op"; op: string };

/** Thrown for a script busybox ash would refuse; message is ash's. */
export class ShellSyntaxError extends Error {}

const OPERATORS = ["&&", "||", ";;", ">>", ">&", "<&", ";", "&", "|", "(", ")", "<", ">", "\n"];

/** Splits a script into words and operators, keeping quoting information in the words. */
export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === " " || c === "\t" || c === "\r") {
      i++;
    } else if (c === "\\" && src[i + 1] === "\n") {
      i += 2;
    } else if (c === "#") {
      while (i < src.length && src[i] !== "\n") i++;
    } else {
      const op = OPERATORS.find((o) => src.startsWith(o, i));
      if (op) {
        tokens.push({ kind: "op", op });
        i += op.length;
      } else {
        const start = i;
        const [word, end] = readWord(src, i);
        const raw = src.slice(start, end);
        const ioNumber = /^[0-9]$/.test(raw) && (src[end] === "<" || src[end] === ">");
        tokens.push(ioNumber ? { kind: "word", word, raw, ioNumber } : { kind: "word", word, raw });
        i = end;
      }
    }
  }
  return tokens;
}

const WORD_END = new Set([" ", "\t", "\r", "\n", ";", "&", "|", "(", ")", "<", ">"]);

function readWord(src: string, start: number): [Word, number] {
  const parts: Word = [];
  const lit = (v: string, q: boolean) => {
    const last = parts[parts.length - 1];
    if (last && last.t === "lit" && last.q === q) last.v += v;
    else parts.push({ t: "lit", v, q });
  };
  let i = start;
  while (i < src.length && !WORD_END.has(src[i])) {
    const c = src[i];
    if (c === "'") {
      const end = src.indexOf("'", i + 1);
      if (end < 0) throw new ShellSyntaxError("sh: syntax error: unterminated quoted string");
      lit(src.slice(i + 1, end), true);
      i = end + 1;
    } else if (c === '"') {
      i = readDoubleQuoted(src, i + 1, parts, lit);
    } else if (c === "\\") {
      if (i + 1 < src.length) lit(src[i + 1], true);
      i += 2;
    } else if (c === "$") {
      i = readDollar(src, i, false, parts, lit);
    } else if (c === "`") {
      const end = src.indexOf("`", i + 1);
      if (end < 0) throw new ShellSyntaxError("sh: syntax error: unterminated quoted string");
      parts.push({ t: "cmd", src: src.slice(i + 1, end), q: false });
      i = end + 1;
    } else {
      lit(c, false);
      i++;
    }
  }
  return [parts, i];
}

type Lit = (v: string, q: boolean) => void;

function readDoubleQuoted(src: string, from: number, parts: Word, lit: Lit): number {
  let i = from;
  for (;;) {
    if (i >= src.length) throw new ShellSyntaxError("sh: syntax error: unterminated quoted string");
    const c = src[i];
    if (c === '"') return i + 1;
    if (c === "\\" && '$`"\\\n'.includes(src[i + 1] ?? "")) {
      if (src[i + 1] !== "\n") lit(src[i + 1], true);
      i += 2;
    } else if (c === "$") {
      i = readDollar(src, i, true, parts, lit);
    } else if (c === "`") {
      const end = src.indexOf("`", i + 1);
      if (end < 0) throw new ShellSyntaxError("sh: syntax error: unterminated quoted string");
      parts.push({ t: "cmd", src: src.slice(i + 1, end), q: true });
      i = end + 1;
    } else {
      lit(c, true);
      i++;
    }
  }
}

/** Reads `$NAME`, `${NAME}`, `${NAME:-word}`, `$((expr))`, `$(cmd)` or a special `$?`. */
function readDollar(src: string, at: number, q: boolean, parts: Word, lit: Lit): number {
  const next = src[at + 1];
  if (src.startsWith("$((", at)) {
    const end = matchClose(src, at + 3, 2);
    parts.push({ t: "arith", expr: src.slice(at + 3, end - 1), q });
    return end + 1;
  }
  if (next === "(") {
    const end = matchClose(src, at + 2, 1);
    parts.push({ t: "cmd", src: src.slice(at + 2, end), q });
    return end + 1;
  }
  if (next === "{") return readBraced(src, at, q, parts);
  const name = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9?$#@*!-])/.exec(src.slice(at + 1))?.[0];
  if (!name) {
    lit("$", q);
    return at + 1;
  }
  parts.push({ t: "var", name, q });
  return at + 1 + name.length;
}

function readBraced(src: string, at: number, q: boolean, parts: Word): number {
  const end = matchClose(src, at + 2, 1, "{", "}");
  const body = src.slice(at + 2, end);
  const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9?$#@*!])(?:(:-|-|:\+|\+|:=|=)([\s\S]*))?$/.exec(body);
  if (!m) throw new ShellSyntaxError(`sh: syntax error: bad substitution`);
  const [, name, op, rest] = m;
  if (op === undefined) parts.push({ t: "var", name, q });
  else
    parts.push({
      t: "var",
      name,
      q,
      op: op as "-",
      arg: readWord(
        rest.replace(/\s/g, (s) => `\\${s}`),
        0,
      )[0],
    });
  return end + 1;
}

/** Index of the bracket closing `depth` open ones, skipping quotes. */
function matchClose(src: string, from: number, depth: number, open = "(", close = ")"): number {
  let d = depth;
  for (let i = from; i < src.length; i++) {
    const c = src[i];
    if (c === "'") i = src.indexOf("'", i + 1);
    else if (c === "\\") i++;
    else if (c === open) d++;
    else if (c === close && --d === 0) return i;
    if (i < 0) break;
  }
  throw new ShellSyntaxError(`sh: syntax error: missing '${close}'`);
}
