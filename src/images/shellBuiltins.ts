/**
 * The busybox applets and ash builtins lesson containers call, with busybox's output and
 * error wording. Each is a generator so that `sleep` can hand time back to the kubelet.
 */
import { normalize } from "./containerFs";
import { BUSYBOX_DATE_FORMAT, strftime } from "./shellDate";
import {
  absolutePath,
  err,
  ExitSignal,
  exportedEnv,
  LoopSignal,
  out,
  type Run,
  type ShellState,
} from "./shellState";
import { curl, wget } from "./httpClient";
import { cat, ls, mkdir, nslookup, rm, touch } from "./shellFiles";
import { base64 } from "./base64";
import { grep, head, tail, wc } from "./shellText";
import { testExpression } from "./shellTest";

/** Programs only some images have (they name them in their catalog `programs`), not busybox. */
export const IMAGE_SPECIFIC: ReadonlySet<string> = new Set(["bash", "curl"]);

/** A command implementation: argv (argv[0] is its name), stdin text, shell state. */
export type Builtin = (argv: string[], stdin: string, st: ShellState) => Run;

function* echo(argv: string[]): Run {
  let args = argv.slice(1);
  let newline = true;
  let escapes = false;
  while (args.length > 0 && /^-[neE]+$/.test(args[0])) {
    for (const f of args[0].slice(1)) {
      if (f === "n") newline = false;
      else escapes = f === "e";
    }
    args = args.slice(1);
  }
  let text = args.join(" ");
  if (escapes) {
    const cut = text.indexOf("\\c");
    if (cut >= 0) [text, newline] = [text.slice(0, cut), false];
    text = unescape(text);
  }
  const full = newline ? `${text}\n` : text;
  if (full !== "") yield out(full);
  return 0;
}

function unescape(s: string): string {
  const map: Record<string, string> = {
    n: "\n",
    t: "\t",
    r: "\r",
    "\\": "\\",
    a: "\x07",
    b: "\b",
    f: "\f",
    v: "\v",
  };
  return s.replace(
    /\\([ntr\\abfv]|0[0-7]{0,3})/g,
    (_, c: string) => map[c] ?? String.fromCharCode(parseInt(c, 8)),
  );
}

function* printf(argv: string[]): Run {
  const [format, ...args] = argv.slice(1);
  if (format === undefined) {
    yield err("printf: not enough arguments\n");
    return 1;
  }
  let text = "";
  do {
    text += unescape(format).replace(/%([%sdicx])/g, (_, c: string) => {
      if (c === "%") return "%";
      const a = args.shift() ?? "";
      if (c === "s" || c === "c") return c === "c" ? a.slice(0, 1) : a;
      const n = Number.parseInt(a || "0", 10);
      return c === "x" ? n.toString(16) : String(n);
    });
  } while (args.length > 0 && /%[sdicx]/.test(format));
  if (text !== "") yield out(text);
  return 0;
}

const SLEEP_UNITS: Record<string, number> = { "": 1, s: 1, m: 60, h: 3600, d: 86400 };

function* sleep(argv: string[]): Run {
  if (argv.length < 2) {
    yield err(
      "BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: sleep [N]...\n\nPause for a time equal to the total of the args given, where each arg can\nhave an optional suffix of (s)econds, (m)inutes, (h)ours, or (d)ays\n",
    );
    return 1;
  }
  let total = 0;
  for (const a of argv.slice(1)) {
    const m = /^(inf(?:inity)?|[0-9]*\.?[0-9]+)([smhd]?)$/i.exec(a);
    if (!m) {
      yield err(`sleep: invalid number '${a}'\n`);
      return 1;
    }
    total += /^inf/i.test(m[1]) ? Infinity : Number(m[1]) * SLEEP_UNITS[m[2]];
  }
  if (total > 0) yield { kind: "sleep", seconds: total };
  return 0;
}

function* date(argv: string[], _stdin: string, st: ShellState): Run {
  const args = argv.slice(1).filter((a) => a !== "-u" && a !== "-R");
  const plus = args.find((a) => a.startsWith("+"));
  const rfc = argv.includes("-R");
  const format = plus ? plus.slice(1) : rfc ? "%a, %d %b %Y %H:%M:%S %z" : BUSYBOX_DATE_FORMAT;
  yield out(`${strftime(format, st.ctx.now())}\n`);
  return 0;
}

function* printenv(argv: string[], _stdin: string, st: ShellState): Run {
  const env = exportedEnv(st);
  if (argv.length === 1) {
    const text = env.map(([k, v]) => `${k}=${v}\n`).join("");
    if (text) yield out(text);
    return 0;
  }
  const lookup = new Map(env);
  let status = 0;
  for (const name of argv.slice(1)) {
    const v = lookup.get(name);
    if (v === undefined) status = 1;
    else yield out(`${v}\n`);
  }
  return status;
}

function* seq(argv: string[]): Run {
  const nums = argv.slice(1).map(Number);
  if (nums.length === 0 || nums.some(Number.isNaN)) {
    yield err(`seq: invalid number '${argv.slice(1).find((a) => Number.isNaN(Number(a))) ?? ""}'\n`);
    return 1;
  }
  const [first, step, last] =
    nums.length === 1 ? [1, 1, nums[0]] : nums.length === 2 ? [nums[0], 1, nums[1]] : nums;
  let text = "";
  for (let i = first; step > 0 ? i <= last : i >= last; i += step) text += `${i}\n`;
  if (text) yield out(text);
  return 0;
}

function* exitBuiltin(argv: string[], _stdin: string, st: ShellState): Run {
  const code = argv[1] === undefined ? st.status : Number.parseInt(argv[1], 10);
  if (Number.isNaN(code)) {
    yield err(`sh: exit: Illegal number: ${argv[1]}\n`);
    throw new ExitSignal(2);
  }
  throw new ExitSignal(code & 255);
}

function exportBuiltin(argv: string[], _stdin: string, st: ShellState): number {
  for (const a of argv.slice(1).filter((x) => x !== "-p")) {
    const eq = a.indexOf("=");
    const name = eq < 0 ? a : a.slice(0, eq);
    if (eq >= 0) st.vars.set(name, a.slice(eq + 1));
    st.exported.add(name);
  }
  return 0;
}

function unset(argv: string[], _stdin: string, st: ShellState): number {
  for (const name of argv.slice(1)) {
    st.vars.delete(name);
    st.exported.delete(name);
  }
  return 0;
}

function set(argv: string[], _stdin: string, st: ShellState): number {
  for (const a of argv.slice(1)) {
    const on = a.startsWith("-");
    if (!/^[-+][a-z]+$/.test(a)) continue;
    if (a.includes("e")) st.errexit = on;
    if (a.includes("x")) st.xtrace = on;
  }
  return 0;
}

function loop(kind: "break" | "continue"): (argv: string[]) => number {
  return (argv) => {
    throw new LoopSignal(kind, Math.max(1, Number.parseInt(argv[1] ?? "1", 10) || 1));
  };
}

/** A builtin that only changes shell state: it never prints, so it never yields. */
function quiet(f: (argv: string[], stdin: string, st: ShellState) => number): Builtin {
  return function* (argv, stdin, st) {
    yield* [];
    return f(argv, stdin, st);
  };
}

function* test(argv: string[], _stdin: string, st: ShellState): Run {
  const bracket = argv[0] === "[";
  if (bracket && argv[argv.length - 1] !== "]") {
    yield err("sh: [: missing ]\n");
    return 2;
  }
  const r = testExpression(bracket ? argv.slice(1, -1) : argv.slice(1), st.fs);
  if (typeof r === "string") {
    yield err(`sh: ${r}\n`);
    return 2;
  }
  return r ? 0 : 1;
}

function* nestedShell(argv: string[], stdin: string, st: ShellState): Run {
  const c = argv.indexOf("-c");
  if (c < 0) {
    if (argv.length > 1) {
      yield err(`${argv[0]}: can't open '${argv[1]}': No such file or directory\n`);
      return 2;
    }
    return yield* st.runScript(stdin, { arg0: argv[0], args: [], stdin: "", parent: st, subshell: false });
  }
  const [script = "", arg0 = argv[0], ...args] = argv.slice(c + 1);
  return yield* st.runScript(script, { arg0, args, stdin, parent: st, subshell: false });
}

/**
 * `cd [DIR | -]` as busybox ash does it: no operand goes to $HOME (else /), `-` back to
 * $OLDPWD (printed); PWD and OLDPWD follow. A missing directory is an error (status 2), not
 * the end of the script.
 */
function* cd(argv: string[], _stdin: string, st: ShellState): Run {
  const operand = argv.slice(1).find((a) => a !== "-L" && a !== "-P");
  const back = operand === "-";
  const dest = back ? (st.vars.get("OLDPWD") ?? st.cwd) : (operand ?? st.vars.get("HOME") ?? "/");
  const kind = st.fs.kind(dest);
  if (kind !== "dir") {
    const reason = kind ? "Not a directory" : "No such file or directory";
    yield err(`sh: cd: can't cd to ${dest}: ${reason}\n`);
    return 2;
  }
  st.vars.set("OLDPWD", st.cwd);
  st.cwd = normalize(absolutePath(st, dest));
  st.vars.set("PWD", st.cwd);
  if (back) yield out(`${st.cwd}\n`);
  return 0;
}

const constant = (status: number, text?: string): Builtin =>
  function* () {
    if (text !== undefined) yield out(text);
    return status;
  };

/** Every command the simulation implements, by name. */
export const BUILTINS: Readonly<Record<string, Builtin>> = {
  echo,
  printf,
  sleep,
  date,
  printenv,
  env: printenv,
  cat,
  ls,
  tail,
  head,
  grep,
  wc,
  base64,
  touch,
  rm,
  mkdir,
  nslookup,
  seq,
  exit: exitBuiltin,
  export: quiet(exportBuiltin),
  unset: quiet(unset),
  set: quiet(set),
  break: quiet(loop("break")),
  continue: quiet(loop("continue")),
  test,
  "[": test,
  sh: nestedShell,
  ash: nestedShell,
  bash: nestedShell,
  curl,
  wget,
  true: constant(0),
  ":": constant(0),
  false: constant(1),
  wait: constant(0),
  trap: constant(0),
  cd,
  pwd: function* (_argv, _stdin, st) {
    yield out(`${st.cwd}\n`);
    return 0;
  },
  whoami: constant(0, "root\n"),
  uname: constant(0, "Linux\n"),
  hostname: function* (_argv, _stdin, st) {
    yield out(`${st.vars.get("HOSTNAME") ?? "localhost"}\n`);
    return 0;
  },
};
