/**
 * generateAPIPodStatus: the pod status the kubelet writes, from its runtime view.
 * Conditions it owns (PodReadyToStartContainers, Initialized, Ready, ContainersReady) are
 * recomputed; others (PodScheduled, set by the scheduler) are kept. Transition times only
 * move when a condition's status changes.
 */
import type { ContainerStatus, Pod, PodCondition, PodStatus } from "kubernetes-types/core/v1";
import { formatTimestamp } from "../util/clock";
import { REASON } from "./lifecycle";
import { qosClass } from "../api/qos";
import type { ContainerRuntime, PodRuntime, Terminated } from "./types";

const OWNED = ["PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady"];

/**
 * The status to write for `rt`, given the stored pod: plain JSON (no undefined members), as
 * the API server stores it without copying it.
 */
export function podStatus(pod: Pod, rt: PodRuntime, now: number): PodStatus {
  const old = pod.status ?? {};
  const phase = podPhase(pod, rt);
  const status: PodStatus = {
    conditions: conditions(pod, rt, phase, old.conditions ?? [], now),
  };
  const init = rt.containers.filter((c) => c.kind !== "regular");
  const regular = rt.containers.filter((c) => c.kind === "regular");
  const hasInit = init.length > 0;
  status.containerStatuses = regular.map((c) => containerStatus(c, hasInit));
  if (rt.hostIP) {
    status.hostIP = rt.hostIP;
    status.hostIPs = [{ ip: rt.hostIP }];
  }
  if (hasInit) status.initContainerStatuses = init.map((c) => containerStatus(c, true));
  if (old.message) status.message = old.message;
  status.phase = phase;
  if (rt.podIP) {
    status.podIP = rt.podIP;
    status.podIPs = [{ ip: rt.podIP }];
  }
  status.qosClass = old.qosClass ?? qosClass(pod);
  if (old.reason) status.reason = old.reason;
  status.startTime = formatTimestamp(rt.startTime);
  return status;
}

/** Whether every init container is done (sidecars: started), as Initialized means. */
export function initialized(rt: PodRuntime): boolean {
  return rt.containers.every(containerInitialized);
}

/** getPhase, pkg/kubelet/kubelet_pods.go. */
export function podPhase(pod: Pod, rt: PodRuntime): "Pending" | "Running" | "Succeeded" | "Failed" {
  const policy = pod.spec?.restartPolicy ?? "Always";
  if (!initialized(rt)) {
    const failed = rt.containers.some(
      (c) => c.kind === "init" && c.phase === "exited" && (c.terminated?.exitCode ?? 0) !== 0,
    );
    return failed && policy === "Never" ? "Failed" : "Pending";
  }
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const c of rt.containers.filter((x) => x.kind === "regular")) {
    if (c.running) running++;
    else if (c.terminated && !c.waiting) {
      stopped++;
      if (c.terminated.exitCode === 0) succeeded++;
    } else if (c.last) stopped++;
    else waiting++;
  }
  if (waiting > 0) return "Pending";
  if (running > 0) return "Running";
  if (stopped > 0) {
    if (policy === "Always") return "Running";
    if (stopped === succeeded) return "Succeeded";
    if (policy === "Never") return "Failed";
    return "Running";
  }
  return "Pending";
}

function conditions(
  pod: Pod,
  rt: PodRuntime,
  phase: string,
  old: PodCondition[],
  now: number,
): PodCondition[] {
  // Plain loops, and lists only when something is unready: this runs for every status write.
  let unready: string[] | undefined;
  let incomplete: string[] | undefined;
  let hasInit = false;
  for (const c of rt.containers) {
    if (c.kind === "sidecar" && !c.ready) (unready ??= []).push(c.spec.name);
    if (c.kind !== "regular") {
      hasInit = true;
      if (!containerInitialized(c)) (incomplete ??= []).push(c.spec.name);
    }
  }
  // Sidecars are listed first, then regular containers, as the kubelet does.
  for (const c of rt.containers) if (c.kind === "regular" && !c.ready) (unready ??= []).push(c.spec.name);
  const done = phase === "Succeeded" || phase === "Failed";
  const sandbox = rt.sandboxReady && !rt.sandboxGone ? "True" : "False";
  const out: PodCondition[] = [condition(old, now, "PodReadyToStartContainers", sandbox)];
  if (incomplete && !done) {
    out.push(
      condition(
        old,
        now,
        "Initialized",
        "False",
        "ContainersNotInitialized",
        `containers with incomplete status: [${incomplete.join(" ")}]`,
      ),
    );
  } else {
    out.push(condition(old, now, "Initialized", "True", done && hasInit ? "PodCompleted" : undefined));
  }
  const notReady = unready && `containers with unready status: [${unready.join(" ")}]`;
  for (const type of READINESS) {
    if (done) out.push(condition(old, now, type, "False", "PodCompleted"));
    else if (notReady) out.push(condition(old, now, type, "False", "ContainersNotReady", notReady));
    else out.push(condition(old, now, type, "True"));
  }
  for (const c of old) if (!OWNED.includes(c.type)) out.push(c);
  return out;
}

const READINESS = ["Ready", "ContainersReady"];

/** One condition the kubelet owns; its transition time moves only when its status changes. */
function condition(
  old: PodCondition[],
  now: number,
  type: string,
  status: string,
  reason?: string,
  message?: string,
): PodCondition {
  const prev = old.find((o) => o.type === type);
  // Unchanged: share the stored condition (stored objects are never mutated).
  if (prev && prev.status === status && prev.reason === reason && prev.message === message) return prev;
  const time = prev && prev.status === status ? prev.lastTransitionTime : formatTimestamp(now);
  const c: PodCondition = {
    lastProbeTime: null as unknown as string,
    lastTransitionTime: time,
    type,
    status,
  };
  if (reason) c.reason = reason;
  if (message) c.message = message;
  return c;
}

/** Whether one init container counts as done for Initialized (a sidecar: started). */
function containerInitialized(c: ContainerRuntime): boolean {
  return (
    c.kind === "regular" ||
    (c.kind === "sidecar" ? c.started : c.terminated?.exitCode === 0 && c.phase === "exited")
  );
}

function containerStatus(c: ContainerRuntime, hasInit: boolean): ContainerStatus {
  // No leading spread: a literal is far cheaper to build, and this runs on every status write.
  const status: ContainerStatus = {
    image: c.imageName ?? c.spec.image ?? "",
    imageID: c.imageID ?? "",
    lastState: c.last ? { terminated: terminatedState(c.last) } : {},
    name: c.spec.name,
    ready: c.ready,
    restartCount: c.restartCount,
    started: c.started,
    state: currentState(c, hasInit),
  };
  if (c.containerID) status.containerID = c.containerID;
  const mounts = c.spec.volumeMounts ?? [];
  if (mounts.length > 0) {
    status.volumeMounts = mounts.map((m) =>
      m.readOnly
        ? { mountPath: m.mountPath, name: m.name, readOnly: true, recursiveReadOnly: "Disabled" }
        : { mountPath: m.mountPath, name: m.name },
    );
  }
  return status;
}

function currentState(c: ContainerRuntime, hasInit: boolean): ContainerStatus["state"] {
  if (c.waiting)
    return {
      waiting: c.waiting.message
        ? { message: c.waiting.message, reason: c.waiting.reason }
        : { reason: c.waiting.reason },
    };
  if (c.running) return { running: { startedAt: formatTimestamp(c.running.startedAt) } };
  if (c.terminated) return { terminated: terminatedState(c.terminated) };
  return { waiting: { reason: hasInit ? REASON.podInitializing : REASON.containerCreating } };
}

function terminatedState(t: Terminated): NonNullable<ContainerStatus["state"]>["terminated"] {
  const state: NonNullable<ContainerStatus["state"]>["terminated"] = {
    containerID: t.containerID,
    exitCode: t.exitCode,
    finishedAt: formatTimestamp(t.finishedAt),
    reason: t.reason,
    startedAt: formatTimestamp(t.startedAt),
  };
  if (t.message) state.message = t.message;
  return state;
}
