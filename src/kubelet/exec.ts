/**
 * The pod exec subresource (POST /api/v1/namespaces/NS/pods/NAME/exec): the API server finds
 * the node, the kubelet finds the running container, and the runtime starts the command in it:
 * the container's environment, its file system (volumes included) and the cluster's DNS. The
 * command runs as the image's program would (src/images/imageProgram.ts: its simulated shell,
 * an interpreter's one-liner, `nginx -v`); an image without a shell, or a program it does not
 * have, fails as a missing executable does.
 */
import type { Pod } from "kubernetes-types/core/v1";
import { StatusError } from "../api/errors";
import type { ApiServer } from "../api/server";
import { resolveImage } from "../images/catalog";
import type { ContainerSteps, ShellSession } from "../images/containerSteps";
import { isVersionQuery, readsStdin, resolveProcess, runResolved } from "../images/imageProgram";
import { isNodeRunning } from "../nodes/fleet";
import { resolveClusterName } from "./dns";
import { podHttpClient } from "./podNetwork";
import { sha256Hex } from "../util/sha256";
import { kubeletState } from "./kubelet";

/** Why an exec could not start, in the words kubectl prints after `error: `. */
export class ExecError extends Error {}

/** A started exec: its steps, played on the simulated clock from `now`. */
export interface ExecProcess {
  steps: ContainerSteps;
}

/**
 * Starts `argv` in the pod's container; `now` is the clock each step reads. Throws what the
 * API server and the kubelet answer (kubectl prints them as `error: …` or `Error from server`).
 */
export function execInContainer(
  api: ApiServer,
  pod: Pod,
  container: string,
  argv: string[],
  now: () => number,
  shellSession?: ShellSession,
): ExecProcess {
  const namespace = pod.metadata?.namespace ?? "";
  const name = pod.metadata?.name ?? "";
  const nodeName = pod.spec?.nodeName;
  // The API server's pod connection: a pod not yet scheduled has no kubelet to ask.
  if (!nodeName) throw new StatusError("BadRequest", `pod ${name} does not have a host assigned`);
  const worker = kubeletState(api).worker(`${namespace}/${name}`);
  const runtime = worker?.rt.containers.find((c) => c.spec.name === container);
  if (!worker || !runtime?.running || runtime.phase !== "running") {
    throw new ExecError(`unable to upgrade connection: container not found ("${container}")`);
  }
  if (!isNodeRunning(api, nodeName)) {
    // The API server cannot reach a stopped node's kubelet.
    const address = worker.rt.hostIP ?? nodeName;
    throw new ExecError(`error dialing backend: dial tcp ${address}:10250: connect: connection refused`);
  }
  const image = resolveImage(runtime.spec.image ?? "");
  const process = image.ok ? resolveProcess(image.image, argv) : null;
  if (!image.ok || !process) {
    const bin = argv[0] ?? "";
    // containerd names each exec with 64 random hex digits; derived here, so the cluster's random sequence is untouched.
    const execID = sha256Hex(`${runtime.containerID ?? ""} ${now()} ${argv.join(" ")}`);
    throw new ExecError(
      `Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${execID}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${bin}": executable file not found in $PATH: unknown`,
    );
  }
  const store = api.store;
  const lookupHost = (host: string) => resolveClusterName(store, namespace, host);
  const env = runtime.env ?? {};
  // An exec'd process starts in the container's working directory, as the container's own does.
  const workingDir = runtime.spec.workingDir;
  const client = { namespace, name, uid: worker.rt.uid, podIP: worker.rt.podIP };
  const httpGet = podHttpClient(api, client, now);
  const ctx = { env, now, fs: runtime.fs, lookupHost, httpGet, workingDir, shellSession };
  // The shell, interpreters' one-liners and a server asked for its version (`nginx -v`) run as
  // they would as the container's command; starting a server a second time is not simulated.
  const kind = process.program.kind;
  const runs = kind === "shell" || kind === "perl" || kind === "python" || kind === "node";
  const steps =
    runs || isVersionQuery(process) ? runResolved(process, image.version, ctx) : notSimulated(argv[0] ?? "");
  return { steps };
}

/** What an exec of an image's program (other than its version) says: kubeplay does not run it twice. */
function* notSimulated(bin: string): ContainerSteps {
  const text = `kubeplay: running ${bin} again inside a running container is not simulated\n`;
  yield { kind: "output", text, stream: "stderr" };
  yield { kind: "exit", code: 1 };
}

/** The running container `container` of `pod`, as its kubelet holds it. */
function runningContainer(api: ApiServer, pod: Pod, container: string) {
  const worker = kubeletState(api).worker(`${pod.metadata?.namespace ?? ""}/${pod.metadata?.name ?? ""}`);
  const runtime = worker?.rt.containers.find((c) => c.spec.name === container);
  return worker && runtime?.phase === "running" ? { worker, runtime } : undefined;
}

/** The shell the container's process is, when it waits for commands on its stdin (`run -i … -- sh`). */
export function stdinShellIn(api: ApiServer, pod: Pod, container: string): string | undefined {
  const found = runningContainer(api, pod, container);
  const argv = found?.runtime.process?.argv;
  return found?.runtime.spec.stdin && argv && readsStdin(argv) ? argv[0] : undefined;
}

/**
 * The container's stdin shell has read its last command (`exit N`, or the end of what an
 * attached client sent with stdinOnce): the main process exits with `code`.
 */
export function endStdinShell(api: ApiServer, pod: Pod, container: string, code: number): void {
  const found = runningContainer(api, pod, container);
  if (found && stdinShellIn(api, pod, container)) found.worker.exited(found.runtime, code);
}
