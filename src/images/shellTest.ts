/** `test` / `[ ]` expressions: strings, integers, negation, and files of the container. */
import type { Files } from "./containerFs";

const INT_OPS: Record<string, (a: number, b: number) => boolean> = {
  "-eq": (a, b) => a === b,
  "-ne": (a, b) => a !== b,
  "-lt": (a, b) => a < b,
  "-le": (a, b) => a <= b,
  "-gt": (a, b) => a > b,
  "-ge": (a, b) => a >= b,
};

/** Evaluates test's arguments: true/false, or an error message (ash's wording). */
export function testExpression(args: string[], fs?: Files): boolean | string {
  if (args[0] === "!") {
    const r = testExpression(args.slice(1), fs);
    return typeof r === "string" ? r : !r;
  }
  if (args.length === 0) return false;
  if (args.length === 1) return args[0] !== "";
  if (args.length === 2) {
    if (args[0] === "-z") return args[1] === "";
    if (args[0] === "-n") return args[1] !== "";
    if (/^-[efdrwxs]$/.test(args[0])) return fileTest(args[0], args[1], fs);
    return `${args[0]}: unknown operand`;
  }
  const [a, op, b] = args;
  if (op === "=" || op === "==") return a === b;
  if (op === "!=") return a !== b;
  const intOp = INT_OPS[op];
  if (!intOp) return `${op}: unknown operand`;
  for (const v of [a, b]) if (!/^\s*[+-]?[0-9]+\s*$/.test(v)) return `invalid number '${v}'`;
  return intOp(Number(a), Number(b));
}

/** -e exists, -f regular file, -d directory, -s non-empty file; r/w/x: exists (we are root). */
function fileTest(op: string, path: string, fs: Files | undefined): boolean {
  const kind = fs?.kind(path);
  if (op === "-f") return kind === "file";
  if (op === "-d") return kind === "dir";
  if (op === "-s") {
    const r = fs?.read(path);
    return kind === "dir" || (typeof r === "string" && r !== "");
  }
  return kind !== undefined;
}
