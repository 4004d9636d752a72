import type { Pod } from "kubernetes-types/core/v1";
import { ExecError, execInContainer } from "../../kubelet/exec";
import type { ContainerStep } from "../../images/containerSteps";
import { usageErrorMessage } from "../cli/commandErrors";
import { bool, list, str } from "../flagAccess";
import { KubectlError, type Verb, type VerbContext } from "../verb";
import { FILENAME_FLAG } from "./commonFlags";
import { objectsFromFiles } from "./fileObjects";
import { allContainerNames, targetPod } from "./podPick";

/**
 * `kubectl exec POD -- COMMAND`: runs a command in a running container through the kubelet
 * (src/kubelet/exec.ts) and prints what it prints, on the simulated clock: a command that
 * sleeps keeps running as time passes (Ctrl-C stops it). Interactive sessions (`-it … sh`)
 * are not simulated and say so.
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
  if (bool(ctx.flags, "stdin")) {
    throw new KubectlError(
      "error: kubeplay does not simulate interactive sessions (-i/-t): run one command at a time, e.g. kubectl exec POD -- cat /etc/hostname",
    );
  }
  const pod = podOf(ctx, podArg);
  const phase = pod.status?.phase;
  if (phase === "Succeeded" || phase === "Failed")
    throw new KubectlError(
      `error: cannot exec into a container in a completed pod; current phase is ${phase}`,
    );
  const container = containerOf(ctx, pod);
  let clock = ctx.cluster.now();
  let steps: Iterator<ContainerStep>;
  try {
    steps = execInContainer(ctx.cluster.api, pod, container, command, () => clock).steps;
  } catch (error) {
    if (error instanceof ExecError) throw new KubectlError(`error: ${error.message}`);
    throw error;
  }
  const write = (step: ContainerStep, out: (t: string) => void, err: (t: string) => void) => {
    if (step.kind === "output") (step.stream === "stderr" ? err : out)(step.text);
    else if (step.kind === "logBlock") for (const line of step.lines) out(`${step.fill(line.text)}\n`);
  };
  /** Plays steps until the command exits (its code) or sleeps past `until` (undefined). */
  const play = (until: number, out: (t: string) => void, err: (t: string) => void): number | undefined => {
    for (;;) {
      if (wakeAt > until) return undefined;
      clock = Math.max(clock, wakeAt);
      const next = steps.next();
      if (next.done) return 0;
      const step = next.value;
      if (step.kind === "exit") return step.code;
      if (step.kind === "sleep") wakeAt = clock + step.seconds * 1000;
      else write(step, out, err);
    }
  };
  let wakeAt = clock;
  const code = play(ctx.cluster.now(), ctx.out, ctx.err);
  if (code !== undefined) return exited(ctx.err, code);
  // It sleeps: it goes on as simulated time passes, as a real exec session runs while the cluster does.
  ctx.follow((io) => ({
    poll: () => {
      const ended = play(ctx.cluster.now(), io.out, io.err);
      if (ended !== undefined) io.exit(exited(io.err, ended));
    },
  }));
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
  if (objects.length > 1) throw new KubectlError("error: cannot exec into multiple objects at a time");
  return targetPod(ctx, `${objects[0].kind.toLowerCase()}/${objects[0].metadata.name}`, "exec");
}

/** podcmd.FindOrDefaultContainerByName: -c, the default-container annotation, or the first container. */
function containerOf(ctx: VerbContext, pod: Pod): string {
  const name =
    str(ctx.flags, "container") ||
    pod.metadata?.annotations?.["kubectl.kubernetes.io/default-container"] ||
    "";
  const all = [
    ...(pod.spec?.containers ?? []),
    ...(pod.spec?.initContainers ?? []),
    ...(pod.spec?.ephemeralContainers ?? []),
  ];
  if (name) {
    if (all.some((c) => c.name === name)) return name;
    throw new KubectlError(
      `error: container ${name} is not valid for pod ${pod.metadata?.name ?? ""} out of: ${allContainerNames(pod)}`,
    );
  }
  const first = pod.spec?.containers?.[0]?.name ?? "";
  if (!bool(ctx.flags, "quiet") && all.length > 1)
    ctx.err(`Defaulted container "${first}" out of: ${allContainerNames(pod)}\n`);
  return first;
}
