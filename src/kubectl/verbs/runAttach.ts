/**
 * `kubectl run -i|--attach [-t] [--rm]` (RunOptions.Run's attach branch, kubectl 1.32): waits
 * until the new pod runs and is ready (or has already finished: then its logs), attaches to its
 * container (attach.ts: its output, or with -i a session with its stdin shell) until the process
 * exits, waits for the pod to complete when the restart policy lets it (Never, OnFailure),
 * deletes it with --rm (`pod "NAME" deleted`), and exits with the container's exit code.
 * What the command does to the cluster while it runs (ending the shell, deleting the pod) goes
 * through commands of its own, which a log records, since a replay stops a running command at once.
 */
import type { Pod } from "kubernetes-types/core/v1";
import type { VerbContext } from "../verb";
import { Attachment, endShellLine, writeLine } from "./attach";
import { sessionInputCommand, type Write } from "./shellSession";

/** How the attach goes, from run's flags. */
export interface AttachOptions {
  /** -i: what is typed goes to the container's stdin shell (`shell`, when its process is one). */
  stdin: boolean;
  shell: string | undefined;
  tty: boolean;
  quiet: boolean;
  remove: boolean;
  restartPolicy: string;
  /** --pod-running-timeout, in seconds. */
  runningTimeout: number;
}

type Run = (line: string, stdin?: string) => { stdout: string };

/** Attaches to the pod just created; returns the exit code, or keeps running as a stream. */
export function attachToRun(ctx: VerbContext, created: Pod, options: AttachOptions): number {
  const cluster = ctx.cluster;
  const namespace = created.metadata?.namespace ?? ctx.namespace;
  const name = created.metadata?.name ?? "";
  const container = created.spec?.containers?.[0]?.name ?? name;
  const deadline = cluster.now() + options.runningTimeout * 1000;
  const session = options.stdin && options.shell !== undefined;
  let phase: "starting" | "attached" | "finishing" = "starting";
  let attachment: Attachment | undefined;
  let typedAhead = "";
  const current = () => {
    const pod = cluster.store.get("Pod", namespace, name) as Pod | undefined;
    return pod?.metadata?.uid === created.metadata?.uid ? pod : undefined;
  };

  /** The deferred removeCreatedObjects (kubectl's delete without waiting), then the exit code. */
  const finish = (out: Write, run: Run, code: number): number => {
    if (options.remove && current()) out(run(`delete pod ${name} -n ${namespace} --wait=false`).stdout);
    return code;
  };

  /** Moves on as far as the cluster allows; the exit code once the command is done. */
  const advance = (out: Write, err: Write, run: Run): number | undefined => {
    const pod = current();
    if (!pod) {
      err(`Error from server (NotFound): pods "${name}" not found\n`);
      return finish(out, run, 1);
    }
    if (phase === "starting") {
      const done = pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed";
      if (!done && !runningAndReady(pod)) {
        if (cluster.now() < deadline) return undefined;
        err("error: timed out waiting for the condition\n");
        return finish(out, run, 1);
      }
      if (done) {
        // A pod that finished before kubectl could attach: its logs instead (logOpts).
        for (const line of cluster.logs(namespace, name, { container }))
          writeLine(out, err, line, options.tty);
        phase = "finishing";
      } else {
        const mode = { stdin: options.stdin, tty: options.tty, quiet: options.quiet, fromStart: true };
        attachment = new Attachment(ctx, pod, container, mode);
        attachment.endShell = (code) => run(endShellLine(pod, container), `exit ${code}\n`);
        attachment.begin(out, err);
        if (typedAhead) attachment.input(typedAhead, out);
        phase = "attached";
      }
    }
    if (phase === "attached" && attachment) {
      if (!attachment.pump(out, err, false)) return undefined;
      if (session && options.tty && !options.quiet && options.restartPolicy === "Always")
        out(
          `Session ended, resume using 'kubectl attach ${name} -c ${container} -i -t' command when the pod is running\n`,
        );
      phase = "finishing";
    }
    return completion(pod, options, err, (code) => finish(out, run, code));
  };

  ctx.follow((io) => {
    const poll = () => {
      const done = advance(io.out, io.err, io.run);
      if (done !== undefined) io.exit(done);
    };
    if (!session) return { poll };
    return {
      poll,
      inputCommand: sessionInputCommand(created, container, options.shell ?? "sh", namespace),
      loggedStdin: (text) => attachment?.loggedStdin(text) ?? text,
      input: (text) => {
        if (attachment) attachment.input(text, io.out);
        else typedAhead += text;
        poll();
      },
    };
  });
  return 0;
}

/** The exit code once the pod has completed as the restart policy requires, or undefined. */
function completion(
  pod: Pod,
  options: AttachOptions,
  err: Write,
  finish: (code: number) => number,
): number | undefined {
  // Restart policy Always: the pod will run again; kubectl returns once detached.
  if (options.restartPolicy === "Always") return finish(0);
  const phase = pod.status?.phase;
  const completed =
    options.restartPolicy === "OnFailure"
      ? phase === "Succeeded"
      : phase === "Succeeded" || phase === "Failed";
  if (!completed) return undefined;
  if (phase === "Succeeded") return finish(0);
  const terminated = pod.status?.containerStatuses?.[0]?.state?.terminated;
  const code = finish(terminated?.exitCode ?? 0);
  if (!terminated || terminated.exitCode === 0) {
    err(`error: pod ${pod.metadata?.namespace}/${pod.metadata?.name} failed with unknown exit code\n`);
    return 1;
  }
  // uexec.CodeExitError: printed as it is, with the container's code as kubectl's.
  const message = `pod ${pod.metadata?.namespace}/${pod.metadata?.name} terminated (${terminated.reason})\n${terminated.message ?? ""}`;
  err(message.endsWith("\n") ? message : `${message}\n`);
  return code;
}

/** podRunningAndReady: phase Running and the Ready condition true. */
function runningAndReady(pod: Pod): boolean {
  return (
    pod.status?.phase === "Running" &&
    (pod.status.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True")
  );
}
