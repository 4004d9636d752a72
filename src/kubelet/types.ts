/** The simulated kubelet's in-memory view of the pods it runs (the container runtime's state). */
import type { Container, Probe } from "kubernetes-types/core/v1";
import type { ContainerFs } from "../images/containerFs";
import type { ResolvedProcess } from "../images/imageProgram";
import type { ContainerSteps } from "../images/containerSteps";
import type { TaskHandle } from "../util/clock";

/** A finished container instance (state.terminated / lastState.terminated). */
export interface Terminated {
  exitCode: number;
  reason: string;
  message?: string;
  startedAt: number;
  finishedAt: number;
  containerID: string;
}

/** Which list a container comes from: init, restartable init (sidecar) or regular. */
export type ContainerKind = "init" | "sidecar" | "regular";

/** A probe's running tally (prober worker). */
export interface ProbeState {
  kind: "liveness" | "readiness" | "startup";
  probe: Probe;
  successes: number;
  failures: number;
  timer?: TaskHandle;
}

/** One container of a pod, across its restarts. */
export interface ContainerRuntime {
  spec: Container;
  kind: ContainerKind;
  /** idle: not started (or exited and due a restart); starting: pulling/creating. */
  phase: "idle" | "starting" | "running" | "exited" | "blocked";
  waiting?: { reason: string; message?: string };
  running?: { startedAt: number };
  terminated?: Terminated;
  last?: Terminated;
  restartCount: number;
  /** Whether this container has ever been created (restarts count from the second). */
  created: boolean;
  containerID?: string;
  imageName?: string;
  imageID?: string;
  started: boolean;
  ready: boolean;
  steps?: ContainerSteps;
  /** The process environment (exec probes run with it). */
  env?: Record<string, string>;
  process?: ResolvedProcess;
  listens: { ports: number[]; readyAfterSeconds: number } | null;
  probes: ProbeState[];
  /** Pending work of this instance (process sleeps, pulls, kills), cancelled on stop. */
  timers: TaskHandle[];
  /** Set once SIGTERM was sent; the exit that follows is not restarted. */
  stopping?: boolean;
  /** The current instance's writable file system (the main process and exec probes share it). */
  fs?: ContainerFs;
  /** Killed because its spec (image) changed: restart at once, whatever the restart policy. */
  specChanged?: boolean;
}

/** One pod on a node. */
export interface PodRuntime {
  uid: string;
  namespace: string;
  name: string;
  nodeName: string;
  startTime: number;
  sandboxReady: boolean;
  sandboxGone?: boolean;
  podIP?: string;
  hostIP?: string;
  containers: ContainerRuntime[];
  terminating: boolean;
  /** The pod's emptyDir volumes by name, shared by its containers for the pod's lifetime. */
  emptyDirs: Map<string, ContainerFs>;
  /** The status write already scheduled, if any (several changes share one write). */
  statusWrite?: TaskHandle;
  timers: TaskHandle[];
}
