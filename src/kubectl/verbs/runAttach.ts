/**
 * `kubectl run -i|--attach [-t] [--rm]` (RunOptions.Run's attach branch, kubectl 1.32): waits
 * until the new pod runs and is ready (or has already finished: then its logs), attaches to its
 * container's output until the process exits, waits for the pod to complete when the restart
 * policy lets it (Never, OnFailure), deletes it with --rm (`pod "NAME" deleted`), and exits
 * with the container's exit code. Typing into the container's stdin is not simulated: a
 * command that would read it (an interactive shell) is refused before the pod is created.
 */
import type { Pod } from "kubernetes-types/core/v1";
import type { LogLine } from "../../kubelet/logStore";
import type { VerbContext } from "../verb";

/** How the attach goes, from run's flags. */
export interface AttachOptions {
  tty: boolean;
  quiet: boolean;
  remove: boolean;
  restartPolicy: string;
  /** --pod-running-timeout, in seconds. */
  runningTimeout: number;
}

type Phase =
  /** handleAttachPod's waitForPod(podRunningAndReady). */
  | { kind: "starting"; deadline: number }
  /** Streaming the container's output; `seen` lines printed. */
  | { kind: "attached"; containerID: string | undefined; seen: number }
  /** waitForPod(podCompleted or podSucceeded), for the exit code. */
  | { kind: "finishing" };

/** Attaches to the pod just created; returns the exit code, or keeps running as a stream. */
export function attachToRun(ctx: VerbContext, created: Pod, options: AttachOptions): number {
  const cluster = ctx.cluster;
  const namespace = created.metadata?.namespace ?? ctx.namespace;
  const name = created.metadata?.name ?? "";
  const container = created.spec?.containers?.[0]?.name ?? name;
  const current = () => {
    const pod = cluster.store.get("Pod", namespace, name) as Pod | undefined;
    return pod?.metadata?.uid === created.metadata?.uid ? pod : undefined;
  };
  const logLines = (): LogLine[] => cluster.logs(namespace, name, { container });
  const write = (out: (t: string) => void, err: (t: string) => void, line: LogLine) => {
    const text = line.partial ? line.text : `${line.text}\n`;
    (line.stream === "stderr" && !options.tty ? err : out)(text);
  };
  let phase: Phase = { kind: "starting", deadline: cluster.now() + options.runningTimeout * 1000 };

  /**
   * The deferred removeCreatedObjects (kubectl's delete without waiting), then the exit code.
   * Run as a command of its own while the stream runs, so that a log replays it.
   */
  let runLine: (line: string) => { stdout: string } = (line) => cluster.kubectl(line);
  const finish = (out: (t: string) => void, code: number): number => {
    if (options.remove && current()) out(runLine(`delete pod ${name} -n ${namespace} --wait=false`).stdout);
    return code;
  };

  /** Moves on as far as the cluster allows; the exit code once the command is done. */
  const advance = (out: (t: string) => void, err: (t: string) => void): number | undefined => {
    const pod = current();
    if (!pod) {
      err(`Error from server (NotFound): pods "${name}" not found\n`);
      return finish(out, 1);
    }
    if (phase.kind === "starting") {
      const done = pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed";
      if (!done && !runningAndReady(pod)) {
        if (cluster.now() < phase.deadline) return undefined;
        err("error: timed out waiting for the condition\n");
        return finish(out, 1);
      }
      // A pod that finished before kubectl could attach: its logs instead (logOpts).
      if (done) for (const line of logLines()) write(out, err, line);
      // AttachOptions.Run says it before attaching, with or without a terminal, unless --quiet.
      else if (!options.quiet) err("If you don't see a command prompt, try pressing enter.\n");
      phase = done
        ? { kind: "finishing" }
        : { kind: "attached", containerID: containerStatus(pod, container)?.containerID, seen: 0 };
    }
    if (phase.kind === "attached") {
      const lines = logLines();
      for (const line of lines.slice(phase.seen)) write(out, err, line);
      phase.seen = lines.length;
      // The attach ends when the process it is attached to exits.
      const status = containerStatus(pod, container);
      if (status?.containerID === phase.containerID && status?.state?.running) return undefined;
      phase = { kind: "finishing" };
    }
    return completion(pod, options, out, err, finish);
  };

  const code = advance(ctx.out, ctx.err);
  if (code !== undefined) return code;
  ctx.follow((io) => {
    runLine = io.run;
    return {
      poll: () => {
        const done = advance(io.out, io.err);
        if (done !== undefined) io.exit(done);
      },
    };
  });
  return 0;
}

/** The exit code once the pod has completed as the restart policy requires, or undefined. */
function completion(
  pod: Pod,
  options: AttachOptions,
  out: (t: string) => void,
  err: (t: string) => void,
  finish: (out: (t: string) => void, code: number) => number,
): number | undefined {
  // Restart policy Always: the pod will run again; kubectl returns once detached.
  if (options.restartPolicy === "Always") return finish(out, 0);
  const phase = pod.status?.phase;
  const completed =
    options.restartPolicy === "OnFailure"
      ? phase === "Succeeded"
      : phase === "Succeeded" || phase === "Failed";
  if (!completed) return undefined;
  if (phase === "Succeeded") return finish(out, 0);
  const terminated = pod.status?.containerStatuses?.[0]?.state?.terminated;
  const code = finish(out, terminated?.exitCode ?? 0);
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

function containerStatus(pod: Pod, container: string) {
  return pod.status?.containerStatuses?.find((c) => c.name === container);
}
