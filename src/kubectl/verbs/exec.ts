import type { Pod } from "kubernetes-types/core/v1";
import { ExecError, execInContainer } from "../../kubelet/exec";
import { usageErrorMessage } from "../cli/commandErrors";
import { bool, list, str } from "../flagAccess";
import { KubectlError, type Verb, type VerbContext } from "../verb";
import { CONTAINER_STREAM_FLAGS, FILENAME_FLAG } from "./commonFlags";
import { objectsFromFiles } from "./fileObjects";
import { allContainerNames, allContainers, firstContainer, targetPod } from "./podPick";
import { ContainerShell, INTERRUPT, PlayedProcess, type Start } from "./shellSession";
import { readsStdin } from "../../images/imageProgram";

/**
 * `kubectl exec POD -- COMMAND`: runs a command in a running container through the kubelet
 * (src/kubelet/exec.ts) and prints what it prints, on the simulated clock: a command that
 * sleeps keeps running as time passes (Ctrl-C stops it). `-it … sh` opens a session that runs
 * each typed line (see runShellSession).
 */
export const execVerb: Verb = {
  name: "exec",
  short: "Execute a command in a container",
  usage: "kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...] [options]",
  flags: [...CONTAINER_STREAM_FLAGS, { ...FILENAME_FLAG, usage: "to use to exec into the resource" }],
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
  const start = containerStarter(ctx, pod, container);
  if (bool(ctx.flags, "stdin") && readsStdin(command))
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

/**
 * `exec -i[t] POD -- sh`: a session with the shell (ContainerShell); `exit [N]` or the end of
 * piped input ends it, with the shell's code as kubectl's.
 */
function runShellSession(
  ctx: VerbContext,
  pod: Pod,
  container: string,
  shell: string[],
  start: Start,
): number {
  // The container must be there and have the shell as the session starts.
  start(shell, () => ctx.cluster.now());
  const session = new ContainerShell(ctx, pod, container, shell[0], bool(ctx.flags, "tty"), start);
  ctx.out(session.prompt());
  const piped = ctx.stdin !== undefined;
  if (piped) {
    session.take(ctx.stdin?.endsWith("\n") ? ctx.stdin : `${ctx.stdin}\n`);
    const code = session.pump(ctx.out, ctx.err, true);
    if (code !== undefined) return exited(ctx.err, code);
  }
  ctx.follow((io) => {
    const run = () => {
      const code = session.pump(io.out, io.err, piped);
      if (code !== undefined) io.exit(exited(io.err, code));
    };
    return {
      poll: run,
      inputCommand: session.inputCommand,
      loggedStdin: (text) => session.loggedStdin(text),
      input: (text) => {
        if (text === INTERRUPT) return session.interrupt(io.out);
        session.take(text);
        run();
      },
    };
  });
  return 0;
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

/** Starts processes in the pod's container through the kubelet; its refusals in kubectl's words. */
export function containerStarter(ctx: VerbContext, pod: Pod, container: string): Start {
  return (argv, now, session) => {
    try {
      return execInContainer(ctx.cluster.api, pod, container, argv, now, session).steps;
    } catch (error) {
      if (error instanceof ExecError) throw new KubectlError(`error: ${error.message}`);
      throw error;
    }
  };
}

/** podcmd.FindOrDefaultContainerByName: -c, the default-container annotation, or the first container. */
export function containerOf(ctx: VerbContext, pod: Pod): string {
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
