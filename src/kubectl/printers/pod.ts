// The Pod row of `kubectl get pods`, ported from printPod in
// kubernetes/pkg/printers/internalversion/printers.go: READY counts, the STATUS reason
// (init progress, waiting and terminated reasons, Terminating), and RESTARTS with the age
// of the last restart.
import type { Container, ContainerStatus, Pod, PodStatus } from "kubernetes-types/core/v1";
import { humanDuration, parseTimestamp, translateTimestampSince } from "../../apimachinery/duration";
import { AGE_COLUMN, NAME_COLUMN, definePrinter, type RowOptions } from "./types";

/** What printPod derives from a pod's containers before formatting the cells. */
export interface PodSummary {
  /** The STATUS cell. */
  reason: string;
  readyContainers: number;
  /** Regular containers plus restartable (sidecar) init containers. */
  totalContainers: number;
  restarts: number;
  /** When the most recent counted restart's previous run finished (ms), if known. */
  lastRestartMs?: number;
}

/** A running tally of restarts and the latest finish time of a terminated previous run. */
interface RestartTally {
  count: number;
  lastMs?: number;
}

function countRestart(tally: RestartTally, status: ContainerStatus): void {
  tally.count += status.restartCount ?? 0;
  const finished = parseTimestamp(status.lastState?.terminated?.finishedAt);
  if (finished !== undefined && (tally.lastMs === undefined || finished > tally.lastMs))
    tally.lastMs = finished;
}

function isRestartableInitContainer(container: Container | undefined): boolean {
  return container?.restartPolicy === "Always";
}

function hasCondition(status: PodStatus, type: string): boolean {
  return (status.conditions ?? []).some((c) => c.type === type && c.status === "True");
}

function isPodInitializedConditionTrue(status: PodStatus): boolean {
  const initialized = (status.conditions ?? []).find((c) => c.type === "Initialized");
  return initialized?.status === "True";
}

/** "Init:Error", "Init:Signal:9" or "Init:ExitCode:1" for a failed init container; "" if it succeeded. */
function terminatedReason(status: ContainerStatus, prefix: string): string {
  const terminated = status.state?.terminated;
  if (!terminated) return "";
  if (terminated.reason) return prefix + terminated.reason;
  if (terminated.signal) return `${prefix}Signal:${terminated.signal}`;
  return `${prefix}ExitCode:${terminated.exitCode}`;
}

interface InitProgress {
  reason?: string;
  ready: number;
  all: RestartTally;
  sidecars: RestartTally;
}

/** Walks init container statuses in order until the first one still blocking initialization. */
function initProgress(pod: Pod): InitProgress {
  const specs = new Map((pod.spec?.initContainers ?? []).map((c) => [c.name, c]));
  const total = pod.spec?.initContainers?.length ?? 0;
  const progress: InitProgress = { ready: 0, all: { count: 0 }, sidecars: { count: 0 } };
  const statuses = pod.status?.initContainerStatuses ?? [];
  for (let i = 0; i < statuses.length; i++) {
    const status = statuses[i];
    const sidecar = isRestartableInitContainer(specs.get(status.name));
    countRestart(progress.all, status);
    if (sidecar) countRestart(progress.sidecars, status);
    const terminated = status.state?.terminated;
    if (terminated && terminated.exitCode === 0) continue;
    if (sidecar && status.started) {
      if (status.ready) progress.ready++;
      continue;
    }
    const waiting = status.state?.waiting?.reason;
    if (terminated) progress.reason = terminatedReason(status, "Init:");
    else if (waiting && waiting !== "PodInitializing") progress.reason = `Init:${waiting}`;
    else progress.reason = `Init:${i}/${total}`;
    break;
  }
  return progress;
}

/**
 * Walks regular containers from last to first, so the first container's reason wins, and
 * returns the reason they imply (or the one passed in) with ready containers counted.
 */
function containerProgress(pod: Pod, reason: string, tally: RestartTally): { reason: string; ready: number } {
  let ready = 0;
  let hasRunning = false;
  const statuses = pod.status?.containerStatuses ?? [];
  for (let i = statuses.length - 1; i >= 0; i--) {
    const status = statuses[i];
    countRestart(tally, status);
    const state = status.state;
    if (state?.waiting?.reason) reason = state.waiting.reason;
    else if (state?.terminated) reason = terminatedReason(status, "");
    else if (status.ready && state?.running) {
      hasRunning = true;
      ready++;
    }
  }
  // A finished container next to a running one: the pod is still running.
  if (reason === "Completed" && hasRunning) {
    reason = hasCondition(pod.status ?? {}, "Ready") ? "Running" : "NotReady";
  }
  return { reason, ready };
}

/** The reason printPod starts from: status.reason, else the phase, else SchedulingGated. */
function baseReason(status: PodStatus): string {
  let reason = status.reason || status.phase || "";
  if ((status.conditions ?? []).some((c) => c.type === "PodScheduled" && c.reason === "SchedulingGated")) {
    reason = "SchedulingGated";
  }
  return reason;
}

/** Everything printPod computes for READY, STATUS and RESTARTS. */
export function summarizePod(pod: Pod): PodSummary {
  const status = pod.status ?? {};
  const sidecars = (pod.spec?.initContainers ?? []).filter(isRestartableInitContainer).length;
  const init = initProgress(pod);
  let reason = init.reason ?? baseReason(status);
  let readyContainers = init.ready;
  let tally = init.all;
  if (init.reason === undefined || isPodInitializedConditionTrue(status)) {
    // Once initialized, only sidecar restarts count alongside the regular containers'.
    tally = { ...init.sidecars };
    const containers = containerProgress(pod, reason, tally);
    reason = containers.reason;
    readyContainers += containers.ready;
  }
  if (pod.metadata?.deletionTimestamp) {
    if (status.reason === "NodeLost") reason = "Unknown";
    else if (status.phase !== "Succeeded" && status.phase !== "Failed") reason = "Terminating";
  }
  return {
    reason,
    readyContainers,
    totalContainers: (pod.spec?.containers?.length ?? 0) + sidecars,
    restarts: tally.count,
    lastRestartMs: tally.lastMs,
  };
}

/** The STATUS cell of `kubectl get pods` (printPod's reason), e.g. "Running", "Init:1/2", "CrashLoopBackOff". */
export function podStatusReason(pod: Pod): string {
  return summarizePod(pod).reason;
}

/** The RESTARTS cell: "0", "3", or "3 (2m3s ago)" when the last restart's time is known. */
export function formatRestarts(summary: PodSummary, nowMs: number): string {
  if (summary.restarts === 0 || summary.lastRestartMs === undefined) return String(summary.restarts);
  return `${summary.restarts} (${humanDuration(nowMs - summary.lastRestartMs)} ago)`;
}

/** The READINESS GATES cell: "<none>", or "1/3" true conditions among the gates. */
function readinessGates(pod: Pod): string {
  const gates = pod.spec?.readinessGates ?? [];
  if (gates.length === 0) return "<none>";
  const conditions = pod.status?.conditions ?? [];
  const trueCount = gates.filter(
    (gate) => conditions.find((c) => c.type === gate.conditionType)?.status === "True",
  ).length;
  return `${trueCount}/${gates.length}`;
}

function wideCells(pod: Pod): string[] {
  const podIP = pod.status?.podIPs?.[0]?.ip || pod.status?.podIP || "<none>";
  return [
    podIP,
    pod.spec?.nodeName || "<none>",
    pod.status?.nominatedNodeName || "<none>",
    readinessGates(pod),
  ];
}

function podRow(pod: Pod, options: RowOptions): string[] {
  const summary = summarizePod(pod);
  const cells = [
    pod.metadata?.name ?? "",
    `${summary.readyContainers}/${summary.totalContainers}`,
    summary.reason,
    formatRestarts(summary, options.nowMs),
    translateTimestampSince(pod.metadata?.creationTimestamp, options.nowMs),
  ];
  return options.wide ? [...cells, ...wideCells(pod)] : cells;
}

export const podPrinter = definePrinter<Pod>({
  kind: "Pod",
  group: "",
  namespaced: true,
  columns: [
    NAME_COLUMN,
    { name: "Ready" },
    { name: "Status" },
    { name: "Restarts" },
    AGE_COLUMN,
    { name: "IP", priority: 1 },
    { name: "Node", priority: 1 },
    { name: "Nominated Node", priority: 1 },
    { name: "Readiness Gates", priority: 1 },
  ],
  row: podRow,
});
