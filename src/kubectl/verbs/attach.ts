/**
 * `kubectl attach POD [-c C] [-i] [-t]` (AttachOptions, kubectl 1.32), and the attach that
 * `kubectl run -i|--attach` makes (runAttach.ts). Attached, kubectl shows the container's output
 * from then on until its process exits. With -i, and a container started with stdin whose
 * process is a shell given no script (`run -i … -- sh`), what is typed is that shell's input:
 * each line runs in it (ContainerShell), `exit N` ends it with that code, and so does the end of
 * what was sent when the container closes stdin after the first attach (stdinOnce).
 * Simplified: what the shell prints goes to the attached client, not to the container's log.
 */
import type { Pod } from "kubernetes-types/core/v1";
import { endStdinShell, stdinShellIn } from "../../kubelet/exec";
import type { LogLine } from "../../kubelet/logStore";
import { bool } from "../flagAccess";
import { KubectlError, type Verb, type VerbContext } from "../verb";
import { CONTAINER_STREAM_FLAGS } from "./commonFlags";
import { containerOf, containerStarter } from "./exec";
import { allContainers, targetPod } from "./podPick";
import { ContainerShell, INTERRUPT, type Write } from "./shellSession";

export const attachVerb: Verb = {
  name: "attach",
  short: "Attach to a running container",
  usage: "kubectl attach (POD | TYPE/NAME) -c CONTAINER [options]",
  flags: CONTAINER_STREAM_FLAGS,
  run: runAttach,
};

/** How kubectl attaches: with stdin (-i), a terminal (-t, or the container's own tty), quietly (-q). */
export interface AttachMode {
  stdin: boolean;
  tty: boolean;
  quiet: boolean;
  /** Whether to show the output the container printed before the attach (a pod `run` just started). */
  fromStart: boolean;
}

/**
 * One attach to a running container: its output as it comes, or with stdin a session with its
 * stdin shell. `pump` returns once the attached process has ended (undefined until then).
 */
export class Attachment {
  private seen: number;
  private readonly containerID: string | undefined;
  private readonly shell: ContainerShell | undefined;
  /** Ends the container's stdin shell with a code; in a stream, as a command of its own (logged). */
  endShell: (code: number) => void;

  constructor(
    private readonly ctx: VerbContext,
    private readonly pod: Pod,
    private readonly container: string,
    private readonly mode: AttachMode,
  ) {
    this.containerID = statusOf(pod, container)?.containerID;
    this.seen = mode.fromStart ? 0 : this.logLines().length;
    const shell = mode.stdin ? stdinShellIn(ctx.cluster.api, pod, container) : undefined;
    this.shell = shell
      ? new ContainerShell(ctx, pod, container, shell, mode.tty, containerStarter(ctx, pod, container))
      : undefined;
    this.endShell = (code) => endStdinShell(ctx.cluster.api, pod, container, code);
  }

  /** Whether typed input goes to the container (a session), rather than nowhere. */
  get interactive(): boolean {
    return this.shell !== undefined;
  }

  /** The exec line that replays a typed line, and what to log as its stdin (see ContainerShell). */
  get inputCommand(): string | undefined {
    return this.shell?.inputCommand;
  }

  loggedStdin(text: string): string {
    return this.shell?.loggedStdin(text) ?? text;
  }

  /** What the client shows as the attach begins: kubectl's hint, and the shell's prompt. */
  begin(out: Write, err: Write): void {
    if (!this.mode.quiet) err("If you don't see a command prompt, try pressing enter.\n");
    if (this.shell) out(this.shell.prompt());
  }

  input(text: string, out: Write): void {
    if (!this.shell) return;
    if (text === INTERRUPT) this.shell.interrupt(out);
    else this.shell.take(text);
  }

  /** Moves on; true once the attached process has ended. `endOfInput`: stdin was piped and is spent. */
  pump(out: Write, err: Write, endOfInput: boolean): boolean {
    if (this.shell) {
      // The session ends with the shell, which another attach may have ended.
      if (!this.attachedRuns()) return true;
      const code = this.shell.pump(out, err, endOfInput);
      if (code === undefined) return false;
      this.endShell(code);
      return true;
    }
    const lines = this.logLines();
    for (const line of lines.slice(this.seen)) writeLine(out, err, line, this.mode.tty);
    this.seen = lines.length;
    // The attach ends when the process it is attached to exits.
    return !this.attachedRuns();
  }

  /** Whether the container instance attached to still runs. */
  private attachedRuns(): boolean {
    const meta = this.pod.metadata ?? {};
    const pod = this.ctx.cluster.store.get("Pod", meta.namespace ?? "", meta.name ?? "") as Pod | undefined;
    const status = pod?.metadata?.uid === meta.uid ? statusOf(pod, this.container) : undefined;
    return status?.containerID === this.containerID && Boolean(status?.state?.running);
  }

  private logLines(): LogLine[] {
    const meta = this.pod.metadata ?? {};
    return this.ctx.cluster.logs(meta.namespace ?? "", meta.name ?? "", { container: this.container });
  }
}

/** A log line as an attached client gets it: stderr on stderr, unless a terminal merges them. */
export function writeLine(out: Write, err: Write, line: LogLine, tty: boolean): void {
  const text = line.partial ? line.text : `${line.text}\n`;
  (line.stream === "stderr" && !tty ? err : out)(text);
}

export function statusOf(pod: Pod | undefined, container: string) {
  return pod?.status?.containerStatuses?.find((c) => c.name === container);
}

function runAttach(ctx: VerbContext): number {
  if (ctx.args.length === 0) throw new KubectlError("error: at least 1 argument is required for attach");
  if (ctx.args.length > 2)
    throw new KubectlError(
      `error: expected POD, TYPE/NAME, or TYPE NAME, (${ctx.args.length}) got: [${ctx.args.join(" ")}]`,
    );
  const pod = targetPod(ctx, ctx.args.length === 2 ? `${ctx.args[0]}/${ctx.args[1]}` : ctx.args[0], "exec");
  const phase = pod.status?.phase;
  if (phase === "Succeeded" || phase === "Failed")
    throw new KubectlError(`error: cannot attach a container in a completed pod; current phase is ${phase}`);
  const container = containerOf(ctx, pod);
  const spec = allContainers(pod).find((c) => c.name === container);
  const quiet = bool(ctx.flags, "quiet");
  let tty = bool(ctx.flags, "tty");
  if (tty && !spec?.tty) {
    tty = false;
    if (!quiet) ctx.err(`error: Unable to use a TTY - container ${container} did not allocate one\n`);
  } else if (!tty && spec?.tty) tty = true;
  const stdin = bool(ctx.flags, "stdin");
  const attachment = new Attachment(ctx, pod, container, { stdin, tty, quiet, fromStart: false });
  // reattachMessage: a terminal session with a shell the kubelet will start again.
  const end = (out: Write): number => {
    if (!quiet && stdin && tty && pod.spec?.restartPolicy === "Always")
      out(
        `Session ended, resume using 'kubectl attach ${pod.metadata?.name} -c ${container} -i -t' command when the pod is running\n`,
      );
    return 0;
  };
  attachment.begin(ctx.out, ctx.err);
  const piped = ctx.stdin !== undefined && attachment.interactive;
  if (piped) attachment.input(ctx.stdin?.endsWith("\n") ? (ctx.stdin ?? "") : `${ctx.stdin}\n`, ctx.out);
  if (attachment.pump(ctx.out, ctx.err, piped)) return end(ctx.out);
  ctx.follow((io) => {
    if (attachment.interactive)
      attachment.endShell = (code) => io.run(endShellLine(pod, container), `exit ${code}\n`);
    const run = () => {
      if (attachment.pump(io.out, io.err, piped)) io.exit(end(io.out));
    };
    return {
      poll: run,
      ...(attachment.interactive
        ? {
            inputCommand: attachment.inputCommand,
            loggedStdin: (text: string) => attachment.loggedStdin(text),
            input: (text: string) => {
              attachment.input(text, io.out);
              run();
            },
          }
        : {}),
    };
  });
  return 0;
}

/**
 * The command that ends a container's stdin shell as a live session's `exit` did: an attach
 * sending `exit N`, which is what a log records (a replay has no session to type into).
 */
export function endShellLine(pod: Pod, container: string): string {
  return `attach -i -q -n ${pod.metadata?.namespace ?? "default"} ${pod.metadata?.name ?? ""} -c ${container}`;
}
