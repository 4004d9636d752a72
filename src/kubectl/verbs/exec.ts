import type { Pod } from "kubernetes-types/core/v1";
import { StatusError } from "../../api/errors";
import { ExecError, execInContainer } from "../../kubelet/exec";
import type { ContainerStep, ShellSession } from "../../images/containerSteps";
import { usageErrorMessage } from "../cli/commandErrors";
import { bool, list, str } from "../flagAccess";
import { KubectlError, type Verb, type VerbContext } from "../verb";
import { FILENAME_FLAG } from "./commonFlags";
import { objectsFromFiles } from "./fileObjects";
import { allContainerNames, allContainers, firstContainer, targetPod } from "./podPick";

/**
 * `kubectl exec POD -- COMMAND`: runs a command in a running container through the kubelet
 * (src/kubelet/exec.ts) and prints what it prints, on the simulated clock: a command that
 * sleeps keeps running as time passes (Ctrl-C stops it). `-it … sh` opens a session that runs
 * each typed line (see runShellSession).
 */
export const execVerb: Verb = {
  name: "exec",
  short: "Execute a command in a container",
  usage: "kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...]",
  flags: [
    {
      name: "container",
      shorthand: "c",
      type: "string",
      usage:
        "Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen",
    },
    { ...FILENAME_FLAG, usage: "to use to exec into the resource" },
    {
      name: "pod-running-timeout",
      type: "string",
      default: "1m0s",
      usage:
        "The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running",
    },
    { name: "quiet", shorthand: "q", type: "bool", usage: "Only print output from the remote session" },
    { name: "stdin", shorthand: "i", type: "bool", usage: "Pass stdin to the container" },
    { name: "tty", shorthand: "t", type: "bool", usage: "Stdin is a TTY" },
  ],
  run: runExec,
};

function runExec(ctx: VerbContext): number {
  const { podArg, command } = splitArgs(ctx);
  if (!podArg && list(ctx.flags, "filename").length === 0)
    throw new KubectlError("error: pod, type/name or --filename must be specified");
  if (command.length === 0)
    throw new KubectlError("error: you must specify at least one command for the container");
  const pod = podOf(ctx, podArg);
  const phase = pod.status?.phase;
  if (phase === "Succeeded" || phase === "Failed")
    throw new KubectlError(
      `error: cannot exec into a container in a completed pod; current phase is ${phase}`,
    );
  const container = containerOf(ctx, pod);
  const start: Start = (argv, now, session) => {
    try {
      return execInContainer(ctx.cluster.api, pod, container, argv, now, session).steps;
    } catch (error) {
      if (error instanceof ExecError) throw new KubectlError(`error: ${error.message}`);
      throw error;
    }
  };
  if (bool(ctx.flags, "stdin") && isLoneShell(command))
    return runShellSession(ctx, pod, container, command, start);
  const process = new PlayedProcess(ctx.cluster.now(), (now) => start(command, now));
  const code = process.play(ctx.cluster.now(), ctx.out, ctx.err);
  if (code !== undefined) return exited(ctx.err, code);
  // It sleeps: it goes on as simulated time passes, as a real exec session runs while the cluster does.
  ctx.follow((io) => ({
    poll: () => {
      const ended = process.play(ctx.cluster.now(), io.out, io.err);
      if (ended !== undefined) io.exit(exited(io.err, ended));
    },
  }));
  return 0;
}

type Write = (text: string) => void;

/** The terminal's interrupt character (Ctrl+C), as an interactive session receives it. */
const INTERRUPT = "\x03";
type Start = (argv: string[], now: () => number, session?: ShellSession) => Iterator<ContainerStep>;

/** A process's steps played on the simulated clock: what is due now runs, a sleep waits for its time. */
class PlayedProcess {
  private clock: number;
  private wakeAt: number;
  private readonly steps: Iterator<ContainerStep>;

  constructor(now: number, start: (now: () => number) => Iterator<ContainerStep>) {
    this.clock = now;
    this.wakeAt = now;
    this.steps = start(() => this.clock);
  }

  /** Plays what is due by `until`; the exit code once the process has ended, undefined while it sleeps. */
  play(until: number, out: Write, err: Write): number | undefined {
    for (;;) {
      if (this.wakeAt > until) return undefined;
      this.clock = Math.max(this.clock, this.wakeAt);
      const next = this.steps.next();
      if (next.done) return 0;
      const step = next.value;
      if (step.kind === "exit") return step.code;
      if (step.kind === "sleep") this.wakeAt = this.clock + step.seconds * 1000;
      else if (step.kind === "output") (step.stream === "stderr" ? err : out)(step.text);
      else if (step.kind === "logBlock")
        for (const line of step.lines) (line.stream === "stderr" ? err : out)(`${step.fill(line.text)}\n`);
    }
  }
}

/** `sh`, `/bin/bash` …: a shell with no script, which with -i reads its commands from what is typed. */
function isLoneShell(command: string[]): boolean {
  return command.length === 1 && /^(\/bin\/|\/usr\/bin\/)?(sh|ash|bash)$/.test(command[0]);
}

/**
 * `exec -i[t] POD -- sh`: each typed line runs in the session's shell in the container, so its
 * working directory and variables carry to the next line, and what it writes to files stays;
 * `exit [N]` ends the session, as does the end of the input given on stdin (a pipe, a replay).
 * With -t the shell shows its prompt, as on a terminal. Typed input is logged with what brings a
 * fresh shell to the session's state first (sessionPreamble), so that a replay does the same.
 */
function runShellSession(
  ctx: VerbContext,
  pod: Pod,
  container: string,
  shell: string[],
  start: Start,
): number {
  const tty = bool(ctx.flags, "tty");
  const spec = allContainers(pod).find((c) => c.name === container);
  const session: ShellSession = {};
  // The prompt shows where the session's shell is (busybox and bash print the directory).
  const prompt = () => {
    if (!tty) return "";
    const dir = session.cwd ?? spec?.workingDir ?? "/";
    // Both shells' prompts write the home directory as ~ (bash's \w, busybox's \w).
    const home = session.vars?.get("HOME") ?? "/root";
    const shown = dir === home ? "~" : dir.startsWith(`${home}/`) ? `~${dir.slice(home.length)}` : dir;
    return shellPrompt(pod, spec?.image ?? "", shell[0], shown);
  };
  // The session's pod and container, resolved: a replay must type into the same ones.
  const inputCommand = `exec -i -n ${pod.metadata?.namespace ?? ctx.namespace} ${pod.metadata?.name ?? ""} -c ${container} -- ${shell[0]}`;
  // The container must be there and have the shell as the session starts.
  start(shell, () => ctx.cluster.now());
  const pending: string[] = [];
  let buffered = "";
  let current: PlayedProcess | undefined;
  let lastCode = 0;
  const take = (text: string) => {
    const lines = (buffered + text).split("\n");
    buffered = lines.pop() ?? "";
    pending.push(...lines);
  };
  /** Runs what is due; the session's exit code once it has ended, else undefined. */
  const pump = (out: Write, err: Write, endOfInput: boolean): number | undefined => {
    for (;;) {
      const now = ctx.cluster.now();
      if (current) {
        const code = current.play(now, out, err);
        if (code === undefined) return undefined;
        lastCode = code;
        current = undefined;
        // `exit` inside a line (`ls; exit 3`) ends the session's shell too.
        if (session.exited) return code;
        out(prompt());
      }
      const line = pending.shift();
      if (line === undefined) return endOfInput ? lastCode : undefined;
      const exit = /^\s*exit(?:\s+(\d+))?\s*$/.exec(line);
      if (exit) return exit[1] === undefined ? lastCode : Number(exit[1]) % 256;
      // A blank line, or a ^C logged from a live session (a replay has nothing to interrupt).
      if (line.trim() === "" || line === INTERRUPT) out(prompt());
      else {
        try {
          current = new PlayedProcess(now, (clock) => start(["sh", "-c", line], clock, session));
        } catch (error) {
          // The container is gone (deleted, restarted): the session is killed with it.
          if (error instanceof KubectlError || error instanceof StatusError) return 137;
          throw error;
        }
      }
    }
  };
  ctx.out(prompt());
  const piped = ctx.stdin !== undefined;
  if (piped) {
    take(ctx.stdin?.endsWith("\n") ? ctx.stdin : `${ctx.stdin}\n`);
    const code = pump(ctx.out, ctx.err, true);
    if (code !== undefined) return exited(ctx.err, code);
  }
  ctx.follow((io) => {
    const run = () => {
      const code = pump(io.out, io.err, piped);
      if (code !== undefined) io.exit(exited(io.err, code));
    };
    return {
      poll: run,
      inputCommand,
      loggedStdin: (text) => sessionPreamble(session) + text,
      input: (text) => {
        // ^C from the terminal: the command running is stopped and the shell prompts again.
        if (text === INTERRUPT) {
          if (current) {
            current = undefined;
            lastCode = 130;
            io.out(prompt());
          }
          return;
        }
        take(text);
        run();
      },
    };
  });
  return 0;
}

/**
 * Lines that bring a fresh shell to where `session` is: its working directory, and the variables
 * set, changed, exported or unset since it started (PWD follows the cd). Empty at the start.
 */
function sessionPreamble(session: ShellSession): string {
  const lines: string[] = [];
  const base = session.base ?? {};
  // The session runs what is typed line by line: a value spanning lines cannot be restored
  // on one, so a replay goes without it.
  const oneLine = (text: string) => !text.includes("\n");
  if (session.cwd !== undefined && oneLine(session.cwd)) lines.push(`cd ${shellQuote(session.cwd)}`);
  for (const [name, value] of session.vars ?? []) {
    if (name === "PWD" || !oneLine(value)) continue;
    if (base[name] !== value) lines.push(`${name}=${shellQuote(value)}`);
    if (session.exported?.has(name) && !(name in base)) lines.push(`export ${name}`);
  }
  for (const name of Object.keys(base)) if (!session.vars?.has(name)) lines.push(`unset ${name}`);
  return lines.map((line) => `${line}\n`).join("");
}

/** `'text'`, with each ' written as '\'' (POSIX shell quoting). */
function shellQuote(text: string): string {
  return `'${text.replace(/'/g, "'\\''")}'`;
}

/** The prompt a root shell shows in `dir`: busybox's `/tmp # `, bash's `root@HOST:/tmp# `, dash's `# `. */
function shellPrompt(pod: Pod, image: string, shell: string, dir: string): string {
  if (shell.endsWith("bash")) return `root@${pod.spec?.hostname ?? pod.metadata?.name ?? ""}:${dir}# `;
  return /busybox|alpine/.test(image) ? `${dir} # ` : "# ";
}

/** A non-zero exit ends kubectl with the same code, as its executor reports it. */
function exited(err: (text: string) => void, code: number): number {
  if (code !== 0) err(`command terminated with exit code ${code}\n`);
  return code;
}

/** ExecOptions.Complete: POD (or TYPE/NAME) before `--`, the command after it; `exec POD COMMAND` is refused. */
function splitArgs(ctx: VerbContext): { podArg?: string; command: string[] } {
  const { args, argsLenAtDash } = ctx;
  const podArg = args.length > 0 && argsLenAtDash !== 0 ? args[0] : undefined;
  if (argsLenAtDash === 0 || argsLenAtDash === 1) return { podArg, command: args.slice(argsLenAtDash) };
  if (args.length > 1 || (args.length > 0 && list(ctx.flags, "filename").length > 0)) {
    const message = "exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead";
    throw new KubectlError(`error: ${usageErrorMessage("kubectl exec", message)}`);
  }
  return { podArg, command: [] };
}

function podOf(ctx: VerbContext, podArg: string | undefined): Pod {
  if (podArg) return targetPod(ctx, podArg, "exec");
  const { objects, errors } = objectsFromFiles(ctx, list(ctx.flags, "filename"));
  if (errors.length > 0) throw errors[0];
  if (objects.length === 0) throw new KubectlError("error: no objects passed to exec");
  if (objects.length > 1) throw new KubectlError("error: cannot exec into multiple objects at a time");
  return targetPod(ctx, `${objects[0].kind.toLowerCase()}/${objects[0].metadata.name}`, "exec");
}

/** podcmd.FindOrDefaultContainerByName: -c, the default-container annotation, or the first container. */
function containerOf(ctx: VerbContext, pod: Pod): string {
  const name =
    str(ctx.flags, "container") ||
    pod.metadata?.annotations?.["kubectl.kubernetes.io/default-container"] ||
    "";
  if (name) {
    if (allContainers(pod).some((c) => c.name === name)) return name;
    throw new KubectlError(
      `error: container ${name} is not valid for pod ${pod.metadata?.name ?? ""} out of: ${allContainerNames(pod)}`,
    );
  }
  const first = firstContainer(pod);
  if (first.notice && !bool(ctx.flags, "quiet")) ctx.err(first.notice);
  return first.name;
}
