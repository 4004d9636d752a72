import { EventRecorder } from "./api/events";
import { ApiServer, type ClusterLimits, DEFAULT_LIMITS } from "./api/server";
import { ObjectStore, type WatchListener } from "./api/store";
import type { KubeObject, WatchEvent } from "./api/types";
import { bootstrapCluster } from "./bootstrap";
import { type LogLine, type PodLogOptions, podLogs } from "./kubelet/logs";
import type { ControllerContext } from "./controllers/controller";
import { ControllerManager } from "./controllers/manager";
import { startNode, stopNode } from "./nodes/faults";
import { allControllers } from "./controllers/registry";
import { KubeConfig } from "./kubectl/kubeconfig";
import { type KubectlResult, runKubectl } from "./kubectl/run";
import type { EditorSave } from "./kubectl/verb";
import { runKubeplay } from "./kubeplay/run";
import { type TraceLog, TraceLog as Trace, type TraceRecord } from "./trace";
import { parseTimestamp, SimClock } from "./util/clock";
import { SeededRandom } from "./util/random";

/** Options of `createCluster`; every one is optional. */
export interface ClusterOptions {
  /** Seed of the random generator (names, UIDs, IPs). Default 1. */
  seed?: number;
  /** Number of worker nodes, named node-1 … node-N. Default 3; 0 is allowed. */
  nodes?: number;
  /** Simulated start time (RFC 3339). Default 2026-01-05T10:00:00Z. */
  start?: string;
  /** Caps that keep a runaway input from freezing the tab. Default 10,000 pods, 100,000 objects. */
  limits?: Partial<ClusterLimits>;
}

export const DEFAULT_SEED = 1;
export const DEFAULT_NODES = 3;
export const DEFAULT_START = "2026-01-05T10:00:00Z";

/** The safety bound on tasks one `advance` may run, so a runaway loop cannot hang the caller. */
const MAX_TASKS_PER_ADVANCE = 5_000_000;

/**
 * A simulated Kubernetes cluster: API server and store, controllers, the simulated clock and
 * kubectl. Deterministic: the same options and the same calls give the same output, byte for byte.
 */
export class Cluster {
  readonly clock: SimClock;
  readonly random: SeededRandom;
  readonly store: ObjectStore;
  readonly api: ApiServer;
  readonly events: EventRecorder;
  readonly trace: TraceLog;
  readonly controllers: ControllerManager;
  /** kubectl's own settings (`kubectl config`): contexts and their default namespaces. */
  readonly kubeconfig = new KubeConfig();
  readonly options: Required<Omit<ClusterOptions, "limits">> & { limits: ClusterLimits };

  constructor(options: ClusterOptions = {}) {
    const start = options.start ?? DEFAULT_START;
    const startMs = parseTimestamp(start);
    if (startMs === undefined) throw new Error(`createCluster: start is not an RFC 3339 time: ${start}`);
    const limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.options = {
      seed: options.seed ?? DEFAULT_SEED,
      nodes: options.nodes ?? DEFAULT_NODES,
      start,
      limits,
    };
    this.clock = new SimClock(startMs);
    this.random = new SeededRandom(this.options.seed);
    this.store = new ObjectStore();
    this.api = new ApiServer(this.store, this.clock, this.random, limits);
    this.events = new EventRecorder(this.api);
    this.trace = new Trace(
      () => this.clock.now(),
      () => this.store.resourceVersion(),
    );
    const ctx: ControllerContext = {
      api: this.api,
      events: this.events,
      trace: this.trace,
      clock: this.clock,
      random: this.random,
    };
    this.controllers = new ControllerManager(ctx);
    for (const controller of allControllers()) this.controllers.register(controller);
    bootstrapCluster(this.api, { nodes: this.options.nodes });
    this.settle();
  }

  /**
   * Runs a kubectl command line (what follows `kubectl `; a leading `kubectl` is accepted),
   * with optional stdin for `-f -` and named files for `-f NAME`, and for `kubectl edit` what
   * its editor saved. Never throws; zero-delay reactions run before it returns.
   */
  kubectl(
    line: string,
    stdin?: string,
    files?: Record<string, string>,
    editorSave?: EditorSave,
  ): KubectlResult {
    const result = runKubectl(this, line, stdin, files, editorSave);
    this.settle();
    return result;
  }

  /**
   * Runs one of the simulator's own commands (`node stop node-2`, `advance 30s`,
   * `curl svc/web`): faults and time, never disguised as kubectl. Never throws.
   */
  kubeplay(line: string): KubectlResult {
    const result = runKubeplay(this, line);
    this.settle();
    return result;
  }

  /** Fault injection: the node's kubelet stops (no heartbeats); see src/nodes/faults.ts. Throws for an unknown node. */
  stopNode(name: string): void {
    stopNode(this.api, name);
    this.settle();
  }

  /** Fault injection: restarts a stopped node's kubelet, which reports Ready again at once. */
  startNode(name: string): void {
    startNode(this.api, name);
    this.settle();
  }

  /** Advances simulated time by `seconds` (fractions allowed), running all due work in order. */
  advance(seconds: number): void {
    if (!Number.isFinite(seconds) || seconds < 0)
      throw new RangeError(`advance: seconds must be a finite number >= 0, got ${seconds}`);
    this.clock.advanceBy(Math.round(seconds * 1000), MAX_TASKS_PER_ADVANCE);
  }

  /** Jumps to the next scheduled event and runs it; false when nothing is scheduled. */
  step(): boolean {
    return this.clock.step();
  }

  /** Simulated time, epoch milliseconds. */
  now(): number {
    return this.clock.now();
  }

  /** The instant of the next scheduled work, if any. */
  nextEventTime(): number | undefined {
    return this.clock.nextDue();
  }

  /** Every stored object, in a stable order. */
  snapshot(): KubeObject[] {
    return this.store.all();
  }

  /** The latest resourceVersion. */
  resourceVersion(): number {
    return this.store.resourceVersion();
  }

  /**
   * Watches every kind from `resourceVersion` on: past events after it are delivered first
   * (throws 410-style if they are no longer kept), then live ones. Returns the stop function.
   */
  watch(resourceVersion: number, listener: WatchListener): () => void {
    const past = this.store.eventsSince(resourceVersion);
    if (!past)
      throw new Error(`too old resource version: ${resourceVersion} (${this.store.resourceVersion()})`);
    for (const event of past) listener(event);
    return this.store.subscribe(listener);
  }

  /**
   * A container's log lines (the pod log subresource): the current instance, or the previous
   * one with `previous`. Throws StatusError as the API server would (NotFound, BadRequest).
   */
  logs(namespace: string, pod: string, options: PodLogOptions = {}): LogLine[] {
    return podLogs(this.api, namespace, pod, options);
  }

  /** Subscribes to trace records as they are written. */
  onTrace(listener: (record: TraceRecord) => void): () => void {
    return this.trace.subscribe(listener);
  }

  /** Runs the work that is due now (controllers reacting to a write), as a real cluster would within milliseconds. */
  private settle(): void {
    this.clock.runDueNow(MAX_TASKS_PER_ADVANCE);
  }
}

/** Creates a simulated cluster. See `ClusterOptions` for the defaults. */
export function createCluster(options: ClusterOptions = {}): Cluster {
  return new Cluster(options);
}

export type { WatchEvent };
