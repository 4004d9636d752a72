import { afterFrame } from "./afterFrame";
import { takeEvents } from "./batchChunks";
import { ExternalStore } from "./externalStore";
import type { ClusterMirror } from "./mirror";
import type {
  Batch,
  ClockState,
  InputLog,
  Request,
  RequestEnvelope,
  ResponseMap,
  Speed,
  StreamChunk,
  WorkerMessage,
} from "./protocol";

/** The part of a Worker the bridge uses (a fake one in tests). */
export interface WorkerLike {
  postMessage: (message: RequestEnvelope) => void;
  terminate: () => void;
  onmessage: ((event: MessageEvent<WorkerMessage>) => void) | null;
  onerror: ((event: Event) => void) | null;
  onmessageerror?: ((event: MessageEvent) => void) | null;
}

/** starting → ready; a lost worker goes recovering → recovered (or failed after repeated losses). */
export type BridgeStatus = "starting" | "ready" | "recovering" | "recovered" | "failed";

export interface BridgeOptions {
  createWorker: () => WorkerLike;
  mirror: ClusterMirror;
  /** Ordinary requests reject after this long. Default 10 s. */
  requestTimeoutMs?: number;
  /** `init` replays a whole log, so it gets longer. Default 60 s. */
  initTimeoutMs?: number;
  /** How often the worker is pinged, and how long a ping may go unanswered before it counts as hung. */
  pingIntervalMs?: number;
  pingTimeoutMs?: number;
  /** Runs a callback once per frame (in the browser just after the next frame: see afterFrame.ts). */
  scheduleFrame?: (run: () => void) => void;
}

interface PendingRequest {
  resolve: (value: never) => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

/** Restarts allowed inside RESTART_WINDOW_MS before the bridge gives up (a log that crashes the worker). */
const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 30_000;

/** Watch events applied to the mirror per frame, at most (unless far behind: see CATCH_UP_FRAMES). */
export const FRAME_EVENTS = 200;
/** When more than FRAME_EVENTS × this are queued, a frame takes 1/this of them. */
export const CATCH_UP_FRAMES = 8;

/** A request the worker could not answer because it was lost; the learner's work is replayed into a new one. */
export class WorkerLostError extends Error {}

/**
 * The UI's end of the worker protocol. Typed requests with ids; every pending request rejects
 * on error, timeout or worker loss. A dead or hung worker (error event, or an unanswered ping)
 * is replaced and the input log replayed into it, so nothing the learner did is lost.
 * Batches are applied to the mirror once per frame, at most FRAME_EVENTS events a frame.
 */
export class SimBridge {
  readonly clock = new ExternalStore<ClockState>({ now: 0, playing: false, speed: 1 });
  readonly status = new ExternalStore<BridgeStatus>("starting");
  /** The input log so far (entries grow as batches report them). */
  readonly log = new ExternalStore<InputLog | undefined>(undefined);
  /** The namespace commands without -n use: the current kubeconfig context's (for completion). */
  readonly namespace = new ExternalStore<string>("default");
  private worker?: WorkerLike;
  private nextId = 1;
  private pending = new Map<number, PendingRequest>();
  private queued: Batch[] = [];
  private frameScheduled = false;
  private heartbeat?: ReturnType<typeof setInterval>;
  private pingSentAt?: number;
  private restarts: number[] = [];
  private ready: Promise<void> = Promise.resolve();
  private readonly opts: Required<BridgeOptions>;
  private streamListeners = new Set<(chunk: StreamChunk) => void>();

  constructor(options: BridgeOptions) {
    this.opts = {
      requestTimeoutMs: 10_000,
      initTimeoutMs: 60_000,
      pingIntervalMs: 2_000,
      pingTimeoutMs: 6_000,
      scheduleFrame: (run) =>
        typeof requestAnimationFrame === "function" ? afterFrame(run) : setTimeout(run, 16),
      ...options,
    };
  }

  /** (Re)starts the simulation from a log: a fresh worker state, the log replayed, the mirror refilled. */
  start(log: InputLog): Promise<void> {
    this.ready = this.boot(log, false);
    return this.ready;
  }

  /** The log with its end set to the current simulated time: replaying it rebuilds this cluster now. */
  currentLog(): InputLog | undefined {
    const log = this.log.get();
    return log && { ...log, end: Math.max(this.clock.get().now, log.end ?? 0) };
  }

  /**
   * The log as the worker has it now, ending at the worker's simulated time. `currentLog` is the
   * UI's copy, which can trail the worker by a frame (the clock and the last inputs arrive in the
   * next batch): a permalink made from it would replay to a slightly earlier cluster.
   */
  workerLog(): Promise<InputLog> {
    return this.request({ type: "log" });
  }

  /** Sends a request and resolves with its typed answer; waits while a restart is under way. */
  async request<T extends Request["type"]>(request: Extract<Request, { type: T }>): Promise<ResponseMap[T]> {
    await this.ready;
    const result = await this.send(request);
    if (request.type === "kubectl") {
      const { namespace } = result as ResponseMap["kubectl"];
      if (namespace !== undefined) this.namespace.set(namespace);
    }
    return result;
  }

  /**
   * Subscribes to what commands that keep running (get -w, rollout status, logs -f) print,
   * delivered as soon as it arrives. A worker restart ends them all without a last chunk:
   * watch `status`. Returns the unsubscribe function.
   */
  onStream(listener: (chunk: StreamChunk) => void): () => void {
    this.streamListeners.add(listener);
    return () => this.streamListeners.delete(listener);
  }

  /** Stops the worker and rejects whatever is pending. */
  dispose(): void {
    this.stopWorker(new WorkerLostError("the simulator was closed"));
  }

  private send<T extends Request["type"]>(request: Extract<Request, { type: T }>): Promise<ResponseMap[T]> {
    const worker = this.worker;
    if (!worker) return Promise.reject(new WorkerLostError("the simulator is not running"));
    const id = this.nextId++;
    const timeout = request.type === "init" ? this.opts.initTimeoutMs : this.opts.requestTimeoutMs;
    return new Promise<ResponseMap[T]>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${request.type}: no answer from the simulator within ${timeout / 1000} s`));
      }, timeout);
      this.pending.set(id, { resolve: resolve as (value: never) => void, reject, timer });
      worker.postMessage({ id, request });
    });
  }

  private async boot(log: InputLog, recovering: boolean): Promise<void> {
    const clock = this.clock.get();
    this.stopWorker(new WorkerLostError("the simulator was restarted"));
    this.status.set(recovering ? "recovering" : "starting");
    this.log.set({ ...log, entries: [...log.entries] });
    this.queued = [];
    this.spawn();
    this.namespace.set((await this.send({ type: "init", log })).namespace);
    const snapshot = await this.send({ type: "snapshot" });
    this.opts.mirror.reset(snapshot.objects, snapshot.traces, snapshot.resourceVersion);
    let state = await this.send({ type: "setSpeed", speed: recovering ? clock.speed : 1 });
    if (recovering && clock.playing) state = await this.send({ type: "play" });
    this.clock.set(state);
    this.status.set(recovering ? "recovered" : "ready");
  }

  private spawn(): void {
    const worker = this.opts.createWorker();
    this.worker = worker;
    worker.onmessage = (event) => this.receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault?.();
      this.lost();
    };
    worker.onmessageerror = () => this.lost();
    this.pingSentAt = undefined;
    this.heartbeat = setInterval(() => this.checkPulse(), this.opts.pingIntervalMs);
  }

  private checkPulse(): void {
    const now = Date.now();
    if (this.pingSentAt !== undefined) {
      if (now - this.pingSentAt > this.opts.pingTimeoutMs) this.lost();
      return;
    }
    this.pingSentAt = now;
    this.send({ type: "ping" }).then(
      () => (this.pingSentAt = undefined),
      () => undefined,
    );
  }

  /** The worker died or hung: replace it and replay the log (bounded, so a log that kills it cannot loop). */
  private lost(): void {
    const log = this.currentLog();
    const now = Date.now();
    this.restarts = [...this.restarts.filter((t) => now - t < RESTART_WINDOW_MS), now];
    if (!log || this.restarts.length > MAX_RESTARTS) {
      this.stopWorker(new WorkerLostError("the simulator stopped"));
      this.status.set("failed");
      return;
    }
    this.ready = this.boot(log, true).catch(() => this.lost());
  }

  private stopWorker(error: Error): void {
    if (this.heartbeat !== undefined) clearInterval(this.heartbeat);
    this.heartbeat = undefined;
    if (this.worker) {
      this.worker.onmessage = null;
      this.worker.onerror = null;
      this.worker.terminate();
      this.worker = undefined;
    }
    for (const request of this.pending.values()) {
      clearTimeout(request.timer);
      request.reject(error);
    }
    this.pending.clear();
  }

  private receive(message: WorkerMessage): void {
    if (message.kind === "batch") {
      for (const chunk of message.batch.streams ?? [])
        for (const listener of [...this.streamListeners]) listener(chunk);
      this.queued.push(message.batch);
      this.scheduleApply();
      return;
    }
    const request = this.pending.get(message.id);
    if (!request) return;
    this.pending.delete(message.id);
    clearTimeout(request.timer);
    if (message.ok) request.resolve(message.result as never);
    else request.reject(new Error(message.error));
  }

  /**
   * The mirror could not decode a watch patch (it and the worker disagree about an object):
   * refill it from a snapshot. Batches queued meanwhile apply on top (older events are skipped).
   */
  private async resync(): Promise<void> {
    const snapshot = await this.request({ type: "snapshot" });
    this.opts.mirror.reset(snapshot.objects, snapshot.traces, snapshot.resourceVersion);
  }

  private scheduleApply(): void {
    if (this.frameScheduled) return;
    this.frameScheduled = true;
    this.opts.scheduleFrame(() => this.applyQueued());
  }

  private applyQueued(): void {
    this.frameScheduled = false;
    if (this.queued.length === 0) return;
    // A bounded share of the events per frame, so one frame never takes in thousands of objects;
    // a larger share when far behind, so the view catches up within a few frames.
    const pending = this.queued.reduce((n, b) => n + b.events.length, 0);
    const { now: batches, rest } = takeEvents(
      this.queued,
      Math.max(FRAME_EVENTS, Math.ceil(pending / CATCH_UP_FRAMES)),
    );
    this.queued = rest;
    if (rest.length > 0) this.scheduleApply();
    if (batches.length === 0) return;
    // A batch that only logs an input (a `kubectl get` while paused) changes neither the cluster
    // nor the clock: leave the mirror and the clock alone, or every table and the cluster view
    // re-render in the very frame the console has to draw its answer. A batch of Events alone
    // (kept in the worker) still moves the mirror's resourceVersion on.
    const seen = this.opts.mirror.get().resourceVersion;
    const changed = batches.some(
      (b) => b.events.length > 0 || b.traces.length > 0 || (b.resourceVersion ?? 0) > seen,
    );
    if (changed && !this.opts.mirror.apply(batches)) void this.resync();
    this.acknowledge(batches);
    const inputs = batches.flatMap((b) => b.inputs);
    const log = this.log.get();
    if (log && inputs.length > 0) this.log.set({ ...log, entries: [...log.entries, ...inputs] });
    this.showClock(batches[batches.length - 1].clock);
  }

  /** Tells the worker how far the UI has come (AppliedRequest), so that at "max" it runs only a little ahead. */
  private acknowledge(batches: readonly Batch[]): void {
    let sent: number | undefined;
    for (const batch of batches) sent = batch.sent ?? sent;
    if (sent !== undefined) this.send({ type: "applied", sent }).catch(() => undefined);
  }

  /** Shows a clock state from this worker unless the one shown is newer (ClockState.seq). */
  showClock(state: ClockState): void {
    const shown = this.clock.get();
    if (state.seq !== undefined && shown.seq !== undefined && state.seq < shown.seq) return;
    if (!sameClock(state, shown)) this.clock.set(state);
  }
}

function sameClock(a: ClockState, b: ClockState): boolean {
  return a.now === b.now && a.playing === b.playing && a.speed === b.speed && a.nextEvent === b.nextEvent;
}

/** Convenience for the time controls: the request types that answer with the clock. */
export type ClockRequest = Extract<Request, { type: "play" | "pause" | "step" | "advance" | "setSpeed" }>;

/** Sends a clock request and shows its answer at once (batches follow while playing). */
export async function clockRequest(bridge: SimBridge, request: ClockRequest): Promise<void> {
  bridge.showClock(await bridge.request(request));
}

export type { Speed };
