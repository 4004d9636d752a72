/**
 * How long the simulated kubelet's steps take, as data (kwok's stages: lifecycles are
 * tables, not branches). Values are typical of a kind cluster on a laptop.
 */
export const LIFECYCLE = {
  /** RunPodSandbox + CNI ADD: from the kubelet seeing the pod to its IP. */
  sandboxMs: 1000,
  /** A pull whose layers are already on the node (pull policy Always, or queued behind the same image). */
  cachedPullMs: 400,
  /** Extra random milliseconds on a pull, so durations read like real ones. */
  pullJitterMs: 900,
  /** A pull that fails at the registry (unknown tag or repository). */
  failedPullMs: 1200,
  /** After ErrImagePull, the pod worker's next sync, which reports ImagePullBackOff. */
  errorResyncMs: 1000,
  /** How long a server takes to exit after SIGTERM (nginx, redis: well under a second). */
  sigtermExitMs: 300,
  /** The exit code of a process killed with SIGKILL after its grace period (128 + 9). */
  sigkillExitCode: 137,
} as const;

/** The kubelet's reasons and event texts (pkg/kubelet/events and kuberuntime), word for word. */
export const REASON = {
  containerCreating: "ContainerCreating",
  podInitializing: "PodInitializing",
  errImagePull: "ErrImagePull",
  imagePullBackOff: "ImagePullBackOff",
  invalidImageName: "InvalidImageName",
  errImageNeverPull: "ErrImageNeverPull",
  crashLoopBackOff: "CrashLoopBackOff",
  createContainerError: "CreateContainerError",
  completed: "Completed",
  oomKilled: "OOMKilled",
  error: "Error",
  startError: "StartError",
} as const;
