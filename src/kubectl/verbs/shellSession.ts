/**
 * A shell in a container that reads its commands from what is typed: `kubectl exec -it POD --
 * sh`, and the main shell of a pod started with stdin that `kubectl run -it` and `kubectl attach
 * -i` talk to. Each line runs in the session's shell in the container, so its working directory
 * and variables carry to the next line and what it writes to files stays; `exit [N]` ends the
 * session, as does the end of input given on stdin (a pipe, a replay). With a terminal the shell
 * shows its prompt. Typed input is logged with what brings a fresh shell to the session's state
 * first (sessionPreamble), so that a replay does the same.
 */
import type { Pod } from "kubernetes-types/core/v1";
import { StatusError } from "../../api/errors";
import type { ContainerStep, ShellSession } from "../../images/containerSteps";
import { KubectlError, type VerbContext } from "../verb";
import { allContainers } from "./podPick";

export type Write = (text: string) => void;

/** The terminal's interrupt character (Ctrl+C), as an interactive session receives it. */
export const INTERRUPT = "\x03";

/** Starts `argv` in the container (the kubelet's exec), as a process's steps on the clock `now`. */
export type Start = (argv: string[], now: () => number, session?: ShellSession) => Iterator<ContainerStep>;

/** A process's steps played on the simulated clock: what is due now runs, a sleep waits for its time. */
export class PlayedProcess {
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

/**
 * The command line a log records for a line typed into a session: an exec of the shell in the
 * session's pod and container, resolved (a replay must type into the same ones).
 */
export function sessionInputCommand(pod: Pod, container: string, shell: string, namespace: string): string {
  return `exec -i -n ${pod.metadata?.namespace ?? namespace} ${pod.metadata?.name ?? ""} -c ${container} -- ${shell}`;
}

/** One session's shell: typed lines in, what they print out, the exit code at the end. */
export class ContainerShell {
  private readonly session: ShellSession = {};
  private readonly pending: string[] = [];
  private buffered = "";
  private current: PlayedProcess | undefined;
  private lastCode = 0;
  /** The command line that replays a typed line (with its preamble as stdin): an exec of the shell. */
  readonly inputCommand: string;

  constructor(
    private readonly ctx: VerbContext,
    private readonly pod: Pod,
    private readonly container: string,
    private readonly shell: string,
    private readonly tty: boolean,
    private readonly start: Start,
  ) {
    this.inputCommand = sessionInputCommand(pod, container, shell, ctx.namespace);
  }

  /** The prompt, where the shell is (busybox and bash print the directory); none without a terminal. */
  prompt(): string {
    if (!this.tty) return "";
    const spec = allContainers(this.pod).find((c) => c.name === this.container);
    const dir = this.session.cwd ?? spec?.workingDir ?? "/";
    // Both shells' prompts write the home directory as ~ (bash's \w, busybox's \w).
    const home = this.session.vars?.get("HOME") ?? "/root";
    const shown = dir === home ? "~" : dir.startsWith(`${home}/`) ? `~${dir.slice(home.length)}` : dir;
    return shellPrompt(this.pod, spec?.image ?? "", this.shell, shown);
  }

  /** What to log for typed `text`: the lines that bring a fresh shell to this one's state, then the text. */
  loggedStdin(text: string): string {
    return sessionPreamble(this.session) + text;
  }

  /** Takes typed input (whole lines run; a partial one waits for its newline). */
  take(text: string): void {
    const lines = (this.buffered + text).split("\n");
    this.buffered = lines.pop() ?? "";
    this.pending.push(...lines);
  }

  /** ^C from the terminal: the command running is stopped and the shell prompts again. */
  interrupt(out: Write): void {
    if (!this.current) return;
    this.current = undefined;
    this.lastCode = 130;
    out(this.prompt());
  }

  /** Runs what is due; the session's exit code once it has ended, else undefined. */
  pump(out: Write, err: Write, endOfInput: boolean): number | undefined {
    for (;;) {
      const now = this.ctx.cluster.now();
      if (this.current) {
        const code = this.current.play(now, out, err);
        if (code === undefined) return undefined;
        this.lastCode = code;
        this.current = undefined;
        // `exit` inside a line (`ls; exit 3`) ends the session's shell too.
        if (this.session.exited) return code;
        out(this.prompt());
      }
      const line = this.pending.shift();
      if (line === undefined) return endOfInput ? this.lastCode : undefined;
      const exit = /^\s*exit(?:\s+(\d+))?\s*$/.exec(line);
      if (exit) return exit[1] === undefined ? this.lastCode : Number(exit[1]) % 256;
      // A blank line, or a ^C logged from a live session (a replay has nothing to interrupt).
      if (line.trim() === "" || line === INTERRUPT) out(this.prompt());
      else {
        try {
          this.current = new PlayedProcess(now, (clock) =>
            this.start(["sh", "-c", line], clock, this.session),
          );
        } catch (error) {
          // The container is gone (deleted, restarted): the session is killed with it.
          if (error instanceof KubectlError || error instanceof StatusError) return 137;
          throw error;
        }
      }
    }
  }
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
