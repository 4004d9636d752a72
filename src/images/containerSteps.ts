/**
 * What a simulated container does, as a lazy sequence of steps the kubelet plays on the
 * simulated clock: print, wait, exit. Generators let `while true; do ...; done` run forever
 * without running ahead of simulated time: the next step is computed only when asked for.
 */
import type { ContainerFs } from "./containerFs";

/** A line (or part of one) written to the container's stdout or stderr. */
export interface OutputStep {
  kind: "output";
  text: string;
  stream: "stdout" | "stderr";
}

/**
 * Lines printed at one instant from templates (a server's startup log), filled in only when
 * someone reads them: a thousand nginx pods each print twenty lines nobody may ever read.
 * `fill` gives a template's text as it was printed (its placeholders fixed at that instant).
 */
export interface LogBlockStep {
  kind: "logBlock";
  lines: readonly { stream: "stdout" | "stderr"; text: string }[];
  fill: (text: string) => string;
}

/**
 * One step. `sleep` with `seconds: Infinity` means the process blocks forever (`sleep
 * infinity`, `tail -f /dev/null`, a server's main loop); `exit` is always the last step.
 */
export type ContainerStep =
  | OutputStep
  | LogBlockStep
  | { kind: "sleep"; seconds: number }
  | { kind: "exit"; code: number }
  /** The process now holds `bytes` of memory: over the container's memory limit, the kernel OOM-kills it. */
  | { kind: "allocate"; bytes: number };

/** The steps of one container run; `next()` is called when the previous step is done. */
export type ContainerSteps = Generator<ContainerStep, void, undefined>;

/** A cluster DNS answer: the name as found (fully qualified) and its address. */
export interface DnsAnswer {
  name: string;
  address: string;
}

/**
 * Where an HTTP GET from a container ended up (src/kubelet/podNetwork.ts), for `wget` and
 * `curl` to report in their own words. `ip` is the address connected to (a Service's
 * ClusterIP, not the pod behind it).
 */
export type HttpOutcome =
  /** The name does not resolve. */
  | { kind: "unresolved" }
  /** Nothing listens there, or a Service has no ready endpoint (kube-proxy rejects). */
  | { kind: "refused"; ip: string }
  /** No answer at all (a Service port that does not exist, a stopped node): the client times out. */
  | { kind: "unreachable"; ip: string }
  /** A server whose answers kubeplay does not simulate (a database, an unmodelled app). */
  | { kind: "unmodelled"; ip: string; server: string }
  | {
      kind: "response";
      ip: string;
      status: number;
      reason: string;
      headers: [string, string][];
      body: string;
    };

/**
 * The shell of an interactive session (`kubectl exec -it POD -- sh`): each line typed runs in
 * it, so a `cd` or a variable set on one line holds on the next. Filled on first use from the
 * container's environment and working directory.
 */
export interface ShellSession {
  cwd?: string;
  vars?: Map<string, string>;
  exported?: Set<string>;
  /** The environment the session started from (what a replay does not need to restore). */
  base?: Readonly<Record<string, string>>;
  /** Set when a line ran `exit`: the session's shell has ended. */
  exited?: boolean;
}

/** What a process can see of its container. */
export interface ProcessContext {
  /** The container's environment, in the order the kubelet built it. */
  env: Readonly<Record<string, string>>;
  /** The simulated time (epoch ms) at the moment a step is being computed. */
  now(): number;
  /** Contents of a file mounted into the container (ConfigMap, Secret, volume), if any. */
  readFile?(path: string): string | undefined;
  /**
   * The container instance's file system, shared by its main process and exec probes.
   * Without one, each process gets a private empty one.
   */
  fs?: ContainerFs;
  /** Where the process starts (the container's workingDir); / when unset. */
  workingDir?: string;
  /** For `sh -c LINE` typed into a session: run LINE in the session's shell (see ShellSession). */
  shellSession?: ShellSession;
  /** Resolves a name through the cluster DNS (search path applied), or undefined (NXDOMAIN). */
  lookupHost?(name: string): DnsAnswer | undefined;
  /**
   * The image's programs by name. Commands only some images have (`bash`, `curl`) run in the
   * shell only where the image names them; without this (an exec probe) they run everywhere.
   */
  imagePrograms?: Readonly<Record<string, unknown>>;
  /**
   * The container has stdin (spec.stdin): a shell given no script waits for what `kubectl
   * attach -i` (or `run -i`) sends it, instead of reading an empty stdin and exiting.
   */
  stdinOpen?: boolean;
  /** Sends an HTTP GET (or HEAD) to `host:port` on the cluster network, as the pod this process runs in. */
  httpGet?(host: string, port: number, path: string): HttpOutcome;
}
