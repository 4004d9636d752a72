/**
 * Runs an image's programs (catalogTypes `Program`) as container steps: server startup logs,
 * interpreters' one-liners, and everything shell-like through shell.ts.
 */
import type { ContainerSteps, ProcessContext } from "./containerSteps";
import type { ImageEntry, LogLine, Program } from "./catalogTypes";
import { piDigits } from "./pi";
import { runStress } from "./stress";
import { isKnownCommand, runProcess } from "./shell";

/** The context of a container process: the process context plus the pod's IP. */
export interface ContainerContext extends ProcessContext {
  podIP?: string;
}

/** What the resolved process is: its program, final argv, and log printed before it starts. */
export interface ResolvedProcess {
  program: Program;
  argv: string[];
  preLog: LogLine[];
  /** The image's programs: its shell runs `bash` or `curl` only if the image has them. */
  imagePrograms: Readonly<Record<string, Program>>;
}

const basename = (p: string) => p.slice(p.lastIndexOf("/") + 1);

/** Finds the program an argv runs in an image (following docker-entrypoint.sh), or null. */
export function resolveProcess(entry: ImageEntry, argv: string[]): ResolvedProcess | null {
  if (argv.length === 0) return null;
  const name = basename(argv[0]);
  const program = entry.programs[name] ?? entry.programs[name.replace(/[0-9.]+$/, "")];
  if (program?.kind === "entrypoint") {
    const rest = argv.length > 1 ? argv.slice(1) : [];
    const inner = rest.length > 0 ? resolveProcess(entry, rest) : null;
    if (inner && basename(rest[0]) === program.wraps)
      return { ...inner, preLog: [...program.log, ...inner.preLog] };
    return inner;
  }
  if (program?.kind === "multicall") {
    const sub = program.commands[argv[1] ?? program.fallback] ?? program.commands[program.fallback];
    return { program: sub, argv, preLog: [], imagePrograms: entry.programs };
  }
  if (program) return { program, argv, preLog: [], imagePrograms: entry.programs };
  if (entry.hasShell && isKnownCommand(argv[0]))
    return { program: { kind: "shell" }, argv, preLog: [], imagePrograms: entry.programs };
  return null;
}

/** The ports a resolved process listens on, and after how long it answers. */
export function listening(p: ResolvedProcess): { ports: number[]; readyAfterSeconds: number } | null {
  if (p.program.kind === "server")
    return {
      ports: flagPort(p.program.portFlag, p.argv) ?? p.program.ports,
      readyAfterSeconds: p.program.readyAfterSeconds,
    };
  const http = pythonHttpServerPort(p);
  return http === null ? null : { ports: [http], readyAfterSeconds: 0 };
}

/** `--flag=N` or `--flag N` in argv, as a one-port list. */
function flagPort(flag: string | undefined, argv: string[]): number[] | undefined {
  if (!flag) return undefined;
  const i = argv.findIndex((a) => a === flag || a.startsWith(`${flag}=`));
  if (i < 0) return undefined;
  const value = argv[i] === flag ? argv[i + 1] : argv[i].slice(flag.length + 1);
  return value && /^[0-9]+$/.test(value) ? [Number(value)] : undefined;
}

function pythonHttpServerPort(p: Pick<ResolvedProcess, "program" | "argv">): number | null {
  if (p.program.kind !== "python") return null;
  const m = p.argv.indexOf("-m");
  if (m < 0 || p.argv[m + 1] !== "http.server") return null;
  const port = p.argv.slice(m + 2).find((a) => /^[0-9]+$/.test(a));
  return port ? Number(port) : 8000;
}

/** `sh`, `/bin/bash` …: a shell given no script reads its commands from stdin. */
export function readsStdin(argv: readonly string[]): boolean {
  return argv.length === 1 && /^(\/bin\/|\/usr\/bin\/)?(sh|ash|bash)$/.test(argv[0]);
}

/** The steps of a resolved process. */
export function* runResolved(p: ResolvedProcess, version: string, ctx: ContainerContext): ContainerSteps {
  yield* printLog(p.preLog, version, ctx);
  const program = p.program;
  if (program.kind === "shell" && ctx.stdinOpen && readsStdin(p.argv)) {
    // Its commands come from an attached client (src/kubectl/verbs/attach.ts): it waits for them.
    yield { kind: "sleep", seconds: Infinity };
    return;
  }
  if (program.kind === "shell") return yield* runProcess(p.argv, { ...ctx, imagePrograms: p.imagePrograms });
  // resolveProcess always looks through entrypoints and multicall binaries.
  if (program.kind === "entrypoint" || program.kind === "multicall") return;
  if (program.kind === "server") {
    if (isVersionQuery(p)) {
      yield* printLog(program.versionFlag?.log ?? [], version, ctx);
      yield { kind: "exit", code: 0 };
      return;
    }
    const required = program.requiresEnv;
    if (required && !required.anyOf.some((k) => ctx.env[k])) {
      yield* printLog(required.failure, version, ctx);
      yield { kind: "exit", code: required.exitCode };
      return;
    }
    yield* printLog(program.log, version, ctx);
    yield { kind: "sleep", seconds: Infinity };
    return;
  }
  if (program.kind === "stress") return yield* runStress(p.argv);
  yield* runInterpreter(program.kind, p.argv, ctx);
}

/** Whether a server program is asked for its version (`nginx -v`): it prints it and exits. */
export function isVersionQuery(p: ResolvedProcess): boolean {
  return (
    p.program.kind === "server" &&
    p.program.versionFlag !== undefined &&
    p.argv[1] === p.program.versionFlag.flag
  );
}

/** Prints log lines at this instant, filled in when read (see LogBlockStep). */
function* printLog(lines: LogLine[], version: string, ctx: ContainerContext): ContainerSteps {
  if (lines.length > 0)
    yield { kind: "logBlock", lines, fill: templateFiller(version, ctx.podIP, ctx.env.HOSTNAME, ctx.now()) };
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/**
 * Fills log templates' placeholders (and HTTP pages': src/kubelet/podNetwork.ts) from the
 * version, the pod IP and the instant `now` the lines were printed: each placeholder's value
 * computed once, when first asked for.
 */
export function templateFiller(
  version: string,
  podIP: string | undefined,
  hostname: string | undefined,
  now: number,
): (text: string) => string {
  let values: Map<string, string | undefined> | undefined;
  let d: Date | undefined;
  const value = (all: string, key: string): string => {
    values ??= new Map();
    if (!values.has(key)) {
      d ??= new Date(now);
      values.set(key, key === "hostname" ? (hostname ?? "localhost") : placeholder(key, version, podIP, d));
    }
    return values.get(key) ?? all;
  };
  return (text) => (text.includes("{") ? text.replace(/\{(\w+)\}/g, value) : text);
}

/** One placeholder's value (most log lines hold none or one: compute only what is asked). */
function placeholder(key: string, version: string, podIP: string | undefined, d: Date): string | undefined {
  const [Y, M, D] = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()];
  const hms = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  const ms = d.getUTCMilliseconds();
  switch (key) {
    case "version":
      return version;
    case "versionNumber":
      return version.replace(/^v/, "");
    case "podIP":
      return podIP ?? "10.244.0.5";
    case "nginxTime":
    case "goTime":
      return `${Y}/${pad(M + 1)}/${pad(D)} ${hms}`;
    case "httpdTime":
      return `${DAYS[d.getUTCDay()]} ${MONTHS[M]} ${pad(D)} ${hms}.${pad(ms * 1000, 6)} ${Y}`;
    case "redisTime":
      return `${pad(D)} ${MONTHS[M]} ${Y} ${hms}.${pad(ms, 3)}`;
    case "pgTime":
      return `${Y}-${pad(M + 1)}-${pad(D)} ${hms}.${pad(ms, 3)}`;
    case "mysqlTime":
      return `${Y}-${pad(M + 1)}-${pad(D)}T${hms}.${pad(ms * 1000, 6)}`;
    case "mysqlEntryTime":
      return `${Y}-${pad(M + 1)}-${pad(D)} ${hms}`;
    case "isoTime":
      return d.toISOString();
    default:
      return undefined;
  }
}

/** perl/python/node: the one-liners lessons use; anything else says it is not simulated. */
function* runInterpreter(
  kind: "perl" | "python" | "node",
  argv: string[],
  ctx: ContainerContext,
): ContainerSteps {
  const script = inlineScript(kind, argv);
  const port = kind === "python" ? pythonHttpServerPort({ program: { kind }, argv }) : null;
  if (port !== null) {
    // Python buffers stdout when it is not a terminal: the line only shows when unbuffered.
    if (argv.includes("-u") || ctx.env.PYTHONUNBUFFERED) {
      yield {
        kind: "output",
        text: `Serving HTTP on 0.0.0.0 port ${port} (http://0.0.0.0:${port}/) ...\n`,
        stream: "stdout",
      };
    }
    yield { kind: "sleep", seconds: Infinity };
    return;
  }
  if (script === null) {
    // No script: an interactive interpreter whose stdin is closed exits at once.
    yield { kind: "exit", code: 0 };
    return;
  }
  const bpi = kind === "perl" ? /^print bpi\((\d+)\);?$/.exec(script.code.trim()) : null;
  if (bpi) {
    const n = Number(bpi[1]);
    // bpi(2000) takes several seconds of CPU in the real perl image.
    const seconds = Math.max(1, Math.round((n / 1000) ** 2 * 2.5));
    yield { kind: "sleep", seconds };
    yield { kind: "output", text: `${piDigits(n)}${script.newline ? "\n" : ""}`, stream: "stdout" };
    yield { kind: "exit", code: 0 };
    return;
  }
  const printed = printedLiteral(kind, script.code.trim());
  if (printed !== null) {
    yield {
      kind: "output",
      text: printed + (script.newline || kind !== "perl" ? "\n" : ""),
      stream: "stdout",
    };
    yield { kind: "exit", code: 0 };
    return;
  }
  yield {
    kind: "output",
    text: `kubeplay: this ${kind} program is not simulated: ${script.code}\n`,
    stream: "stderr",
  };
  yield { kind: "exit", code: 0 };
}

/** The -e/-c script of an interpreter's argv, and whether perl's -l adds newlines. */
function inlineScript(
  kind: "perl" | "python" | "node",
  argv: string[],
): { code: string; newline: boolean } | null {
  const flag = kind === "python" ? /^-[a-zA-Z]*c$/ : kind === "node" ? /^(-e|--eval|-p)$/ : /^-[a-zA-Z]*e$/;
  const i = argv.findIndex((a, idx) => idx > 0 && flag.test(a));
  if (i < 0 || argv[i + 1] === undefined) return null;
  const perlFlags = argv
    .slice(1, i + 1)
    .filter((a) => /^-[a-zA-Z]+$/.test(a))
    .join("");
  return { code: argv[i + 1], newline: kind === "perl" && perlFlags.includes("l") };
}

function printedLiteral(kind: "perl" | "python" | "node", code: string): string | null {
  const call =
    kind === "perl"
      ? /^print\s*\(?\s*(["'])(.*)\1\s*\)?;?$/
      : kind === "python"
        ? /^print\(\s*(["'])(.*)\1\s*\)$/
        : /^console\.log\(\s*(["'`])(.*)\1\s*\);?$/;
  const m = call.exec(code);
  if (!m) return null;
  // Double-quoted perl strings and every python/node literal understand \n.
  return m[1] === "'" && kind === "perl" ? m[2] : m[2].replace(/\\n/g, "\n").replace(/\\t/g, "\t");
}
