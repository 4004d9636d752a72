/**
 * `$(( ))` arithmetic as busybox ash evaluates it (integers, C precedence), for the loop
 * counters of lesson scripts: `i=$((i+1))`, `$(( n % 2 ))`, `$(( a > b ))`.
 */

/** Variable access for arithmetic; `set` is used by `=`, `+=`, `-=`, `*=`. */
export interface ArithVars {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

/** Thrown for an expression ash refuses; message is ash's. */
export class ArithError extends Error {}

type Tok = { n: number } | { id: string } | { op: string };

const OPS = [
  "<<",
  ">>",
  "<=",
  ">=",
  "==",
  "!=",
  "&&",
  "||",
  "+=",
  "-=",
  "*=",
  "/=",
  "%=",
  "**",
  "+",
  "-",
  "*",
  "/",
  "%",
  "<",
  ">",
  "(",
  ")",
  "!",
  "~",
  "&",
  "|",
  "^",
  "=",
  "?",
  ":",
];

function lex(expr: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < expr.length) {
    const rest = expr.slice(i);
    const ws = /^\s+/.exec(rest);
    const num = /^(0x[0-9a-fA-F]+|[0-9]+)/.exec(rest);
    const id = /^\$?([A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    const op = OPS.find((o) => rest.startsWith(o));
    const [tok, length]: [Tok | null, number] | [] = ws
      ? [null, ws[0].length]
      : num
        ? [{ n: Number(num[0]) }, num[0].length]
        : id
          ? [{ id: id[1] }, id[0].length]
          : op
            ? [{ op }, op.length]
            : [];
    if (length === undefined) throw new ArithError("sh: arithmetic syntax error");
    if (tok) out.push(tok);
    i += length;
  }
  return out;
}

/** Binary operators by precedence, loosest first (C's table). */
const LEVELS = [
  ["||"],
  ["&&"],
  ["|"],
  ["^"],
  ["&"],
  ["==", "!="],
  ["<", "<=", ">", ">="],
  ["<<", ">>"],
  ["+", "-"],
  ["*", "/", "%"],
];

const BINARY_OPS: Record<string, (a: number, b: number) => number> = {
  "||": (a, b) => Number(a !== 0 || b !== 0),
  "&&": (a, b) => Number(a !== 0 && b !== 0),
  "|": (a, b) => a | b,
  "^": (a, b) => a ^ b,
  "&": (a, b) => a & b,
  "==": (a, b) => Number(a === b),
  "!=": (a, b) => Number(a !== b),
  "<": (a, b) => Number(a < b),
  "<=": (a, b) => Number(a <= b),
  ">": (a, b) => Number(a > b),
  ">=": (a, b) => Number(a >= b),
  "<<": (a, b) => a << b,
  ">>": (a, b) => a >> b,
  "+": (a, b) => a + b,
  "-": (a, b) => a - b,
  "*": (a, b) => a * b,
  "/": (a, b) => Math.trunc(a / b),
  "%": (a, b) => a % b,
};

function apply(op: string, a: number, b: number): number {
  if ((op === "/" || op === "%") && b === 0) throw new ArithError("sh: divide by zero");
  return BINARY_OPS[op](a, b);
}

/** Evaluates an arithmetic expression; variables are read (and assigned) through `vars`. */
export function evalArith(expr: string, vars: ArithVars): number {
  const toks = lex(expr);
  let pos = 0;
  const peekOp = () => {
    const t = toks[pos];
    return t && "op" in t ? t.op : undefined;
  };
  const value = (name: string): number => {
    const v = (vars.get(name) ?? "").trim();
    if (v === "") return 0;
    if (!/^-?[0-9]+$/.test(v)) throw new ArithError("sh: arithmetic syntax error");
    return Number(v);
  };
  const primary = (): number => {
    const t = toks[pos++];
    if (!t) throw new ArithError("sh: arithmetic syntax error");
    if ("n" in t) return t.n;
    if ("id" in t) {
      const op = peekOp();
      if (op && ["=", "+=", "-=", "*=", "/=", "%="].includes(op)) {
        pos++;
        const rhs = ternary();
        const result = op === "=" ? rhs : apply(op.slice(0, -1), value(t.id), rhs);
        vars.set(t.id, String(result));
        return result;
      }
      return value(t.id);
    }
    if (t.op === "(") {
      const v = ternary();
      if (peekOp() !== ")") throw new ArithError("sh: arithmetic syntax error");
      pos++;
      return v;
    }
    if (t.op === "-") return -primary();
    if (t.op === "+") return primary();
    if (t.op === "!") return Number(primary() === 0);
    if (t.op === "~") return ~primary();
    throw new ArithError("sh: arithmetic syntax error");
  };
  const power = (): number => {
    const base = primary();
    if (peekOp() !== "**") return base;
    pos++;
    return base ** power();
  };
  const binary = (level: number): number => {
    if (level >= LEVELS.length) return power();
    let left = binary(level + 1);
    for (let op = peekOp(); op && LEVELS[level].includes(op); op = peekOp()) {
      pos++;
      left = apply(op, left, binary(level + 1));
    }
    return left;
  };
  const ternary = (): number => {
    const cond = binary(0);
    if (peekOp() !== "?") return cond;
    pos++;
    const a = ternary();
    if (peekOp() !== ":") throw new ArithError("sh: arithmetic syntax error");
    pos++;
    const b = ternary();
    return cond !== 0 ? a : b;
  };
  if (toks.length === 0) return 0;
  const result = ternary();
  if (pos !== toks.length) throw new ArithError("sh: arithmetic syntax error");
  return result;
}
