import type { Cluster, TraceRecord } from "../../src";
import type { KubectlStream } from "../../src/kubectl/stream";
import { runKubeplay } from "../../src/kubeplay";
import { waitForChecks } from "../../src/lessons/checks";
import {
  type Batch,
  type ChecksRequest,
  type ClockState,
  type InputEntry,
  type InputLog,
  type Request,
  type RequestEnvelope,
  type ResponseMap,
  SNAPSHOT_TRACES,
  type Speed,
  type StreamChunk,
  type WorkerMessage,
} from "./protocol";
import { splitBatch } from "./batchChunks";
import { objectEvents } from "./objectEvents";
import { replayLog } from "./replay";
import { mirrored, type WireEvent, WireEncoder } from "./wireEvents";

/** What the host needs from its surroundings: real time, timers and a way to post. Injected so tests drive it. */
export interface HostEnv {
  post: (message: WorkerMessage) => void;
  /** Real (wall) time in ms, monotonic. */
  now: () => number;
  setTimer: (run: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
}

/** A batch goes out at most this often (one per animation frame). */
export const BATCH_INTERVAL_MS = 16;
/** Watch events per batch message at most: a bigger batch goes out as several messages. */
export const MESSAGE_EVENTS = 100;
/** Work per slice while playing at "max", so pings and requests still get through. */
export const MAX_SLICE_MS = 10;
/**
 * Playing at "max", how many streamed events the worker may be ahead of what the UI has applied
 * (two frames' worth at the UI's FRAME_EVENTS): the learner sees the cluster as it is, not a
 * replay catching up seconds later, and the UI never has a backlog to take in big frames.
 */
export const MAX_AHEAD_EVENTS = 400;
/** How often a worker held back looks again whether the UI has caught up. */
const UI_WAIT_MS = 4;
/** A UI silent this long (a hidden tab draws no frames) no longer holds the worker back. */
export const UI_SILENT_MS = 1000;
/** The longest `advance` request the worker accepts (a week of simulated time). */
const MAX_ADVANCE_SECONDS = 7 * 24 * 3600;

type Pending = {
  events: WireEvent[];
  traces: TraceRecord[];
  inputs: InputEntry[];
  /** The last watch event's resourceVersion, streamed or not (Batch.resourceVersion). */
  resourceVersion?: number;
};

/**
 * The worker's side of the protocol: holds the Cluster, answers every Request (one at a time,
 * in order; pings jump the queue), plays simulated time and streams Batches.
 */
export class SimHost {
  private cluster?: Cluster;
  private log?: InputLog;
  private playing = false;
  /** Numbers each clock state this host produces (ClockState.seq). */
  private clockSeq = 0;
  private speed: Speed = 1;
  private anchor = { real: 0, sim: 0 };
  private pending: Pending = { events: [], traces: [], inputs: [] };
  private unsubscribe: (() => void)[] = [];
  private queue: Promise<void> = Promise.resolve();
  private tickTimer: unknown;
  private flushTimer: unknown;
  private lastFlush = Number.NEGATIVE_INFINITY;
  /** Commands still running (get -w, rollout status, logs -f), by stream id. */
  private streams = new Map<number, KubectlStream>();
  /** The command line of each running interactive command, for logging what is typed into it. */
  private streamLines = new Map<number, string>();
  private nextStreamId = 1;
  /** Watch events streamed since init (Batch.sent), and the count the UI last said it applied. */
  private sent = 0;
  private applied?: { sent: number; at: number };

  constructor(private readonly env: HostEnv) {}

  /** Accepts one envelope from the UI; the answer is posted when its turn comes. */
  receive(envelope: RequestEnvelope): void {
    const { request } = envelope;
    if (request.type === "ping") {
      this.env.post({
        kind: "response",
        id: envelope.id,
        ok: true,
        result: { now: this.cluster?.now() ?? 0 },
      });
      return;
    }
    if (request.type === "applied") {
      this.applied = { sent: request.sent, at: this.env.now() };
      this.env.post({ kind: "response", id: envelope.id, ok: true, result: {} });
      return;
    }
    this.queue = this.queue.then(() => this.answer(envelope));
  }

  private async answer({ id, request }: RequestEnvelope): Promise<void> {
    try {
      const result = await this.dispatch(request);
      this.env.post({ kind: "response", id, ok: true, result });
    } catch (error) {
      this.env.post({ kind: "response", id, ok: false, error: (error as Error).message ?? String(error) });
    }
    this.scheduleFlush();
  }

  private async dispatch(request: Request): Promise<ResponseMap[keyof ResponseMap]> {
    if (request.type === "init") return this.init(request.log);
    const cluster = this.cluster;
    if (!cluster) throw new Error(`${request.type} before init`);
    switch (request.type) {
      case "kubectl":
        return this.record(cluster, {
          tool: "kubectl",
          line: request.line,
          stdin: request.stdin,
          files: request.files,
          editorSave: request.editorSave,
        });
      case "kubeplay":
        return this.record(cluster, { tool: "kubeplay", line: request.line });
      case "play":
        return this.setPlaying(true);
      case "pause":
        return this.setPlaying(false);
      case "setSpeed":
        this.speed = request.speed;
        return this.reanchor();
      case "step":
        cluster.step();
        return this.reanchor();
      case "advance":
        return this.advance(cluster, request.seconds);
      case "snapshot":
        return this.snapshot(cluster);
      case "log":
        return this.currentLog(cluster);
      case "interrupt":
        return this.interrupt(request.streamId);
      case "stdin":
        return this.typeInto(cluster, request.streamId, request.text);
      case "checks":
        return this.checks(cluster, request);
      case "objectEvents":
        return objectEvents(cluster, request);
      case "ping":
      case "applied":
        throw new Error(`${request.type} is answered out of turn`);
      default:
        throw new Error(`unknown request ${(request as Request).type}`);
    }
  }

  private async init(log: InputLog): Promise<ResponseMap["init"]> {
    this.setPlaying(false);
    for (const stop of this.unsubscribe) stop();
    this.unsubscribe = [];
    this.cluster = undefined;
    this.stopStreams();
    const cluster = await replayLog(
      log,
      () => new Promise((r) => this.env.setTimer(() => r(), 0)),
      this.env.now,
    );
    this.cluster = cluster;
    this.log = { ...log, entries: [...log.entries] };
    this.pending = { events: [], traces: [], inputs: [] };
    this.sent = 0;
    this.applied = undefined;
    // Encoded as they happen, so each patch is against the version just before it.
    const encoder = new WireEncoder();
    this.unsubscribe = [
      cluster.watch(cluster.resourceVersion(), (event) => {
        const wire = encoder.encode(event);
        if (wire) this.pending.events.push(wire);
        this.pending.resourceVersion = event.resourceVersion;
      }),
      cluster.onTrace((record) => this.pending.traces.push(record)),
    ];
    this.reanchor();
    return {
      resourceVersion: cluster.resourceVersion(),
      now: cluster.now(),
      namespace: cluster.kubeconfig.namespaceFor(""),
    };
  }

  private record(cluster: Cluster, input: Omit<InputEntry, "at">): ResponseMap["kubectl"] {
    const entry: InputEntry = { at: cluster.now(), tool: input.tool, line: input.line };
    if (input.stdin !== undefined) entry.stdin = input.stdin;
    const files = namedFiles(input.line, input.files);
    if (files) entry.files = files;
    if (input.editorSave) entry.editorSave = input.editorSave;
    const { stream, ...result }: ReturnType<Cluster["kubectl"]> =
      input.tool === "kubectl"
        ? cluster.kubectl(input.line, input.stdin, input.files, input.editorSave)
        : runKubeplay(cluster, input.line);
    this.logInput(entry);
    // The context's namespace after the command (`kubectl config set-context` changes it).
    const answer = { ...result, namespace: cluster.kubeconfig.namespaceFor("") };
    if (!stream) return answer;
    const streamId = this.nextStreamId++;
    this.streams.set(streamId, stream);
    if (!stream.interactive) return { ...answer, streamId };
    this.streamLines.set(streamId, input.line);
    return { ...answer, streamId, interactive: true };
  }

  /**
   * Input typed into an interactive command. It is logged as the command run again with that
   * input on stdin, which the engine runs exactly as the session did (src/kubectl/verbs/exec.ts):
   * a replay has no session to type into.
   */
  private typeInto(cluster: Cluster, streamId: number, text: string): ResponseMap["stdin"] {
    const stream = this.streams.get(streamId);
    const line = stream?.inputCommand ?? this.streamLines.get(streamId);
    const at = cluster.now();
    // The session's state before this input runs: a replay starts a fresh session from it.
    const stdin = stream?.loggedStdin(text) ?? text;
    if (!stream?.interactive || line === undefined || !stream.write(text)) return { accepted: false };
    this.logInput({ at, tool: "kubectl", line, stdin });
    return { accepted: true };
  }

  /** Adds an input to the log and to the next batch (which tells the UI's copy of the log). */
  private logInput(entry: InputEntry): void {
    this.log?.entries.push(entry);
    this.pending.inputs.push(entry);
    this.reanchor();
  }

  private interrupt(streamId: number): ResponseMap["interrupt"] {
    const stream = this.streams.get(streamId);
    stream?.stop();
    this.streams.delete(streamId);
    this.streamLines.delete(streamId);
    return { stopped: stream !== undefined };
  }

  private stopStreams(): void {
    for (const stream of this.streams.values()) stream.stop();
    this.streams.clear();
    this.streamLines.clear();
  }

  /** What each running command printed since the last batch; ended ones are dropped. */
  private readStreams(): StreamChunk[] {
    const chunks: StreamChunk[] = [];
    for (const [streamId, stream] of this.streams) {
      const { stdout, stderr, code, ran, chunks: order } = readSafely(stream);
      // What the command ran on the cluster is logged as inputs of its own (a replay stops it at once).
      for (const { line, stdin } of ran ?? []) {
        const at = this.cluster?.now() ?? 0;
        this.logInput(
          stdin === undefined ? { at, tool: "kubectl", line } : { at, tool: "kubectl", line, stdin },
        );
      }
      if (code !== undefined) {
        this.streams.delete(streamId);
        this.streamLines.delete(streamId);
      }
      if (!stdout && !stderr && code === undefined) continue;
      const chunk: StreamChunk = { streamId, stdout, stderr };
      if (code !== undefined) chunk.code = code;
      if (order) chunk.chunks = order;
      chunks.push(chunk);
    }
    return chunks;
  }

  private advance(cluster: Cluster, seconds: number): ClockState {
    if (!Number.isFinite(seconds) || seconds < 0 || seconds > MAX_ADVANCE_SECONDS) {
      throw new RangeError(`advance: seconds must be between 0 and ${MAX_ADVANCE_SECONDS}, got ${seconds}`);
    }
    cluster.advance(seconds);
    return this.reanchor();
  }

  /** A lesson step's checks, optionally letting time run (a second at a time) until they pass. */
  private checks(cluster: Cluster, request: ChecksRequest): ResponseMap["checks"] {
    const wait = request.waitSeconds ?? 0;
    if (!Number.isFinite(wait) || wait < 0 || wait > MAX_ADVANCE_SECONDS) {
      throw new RangeError(`checks: waitSeconds must be between 0 and ${MAX_ADVANCE_SECONDS}, got ${wait}`);
    }
    const results = waitForChecks(cluster, request.checks, wait, request.answers ?? {});
    return { results, clock: this.reanchor() };
  }

  /** Answered in turn, so every earlier input is in it; `end` is this instant, not the UI's last frame. */
  private currentLog(cluster: Cluster): ResponseMap["log"] {
    if (!this.log) throw new Error("log before init");
    const log: InputLog = { ...this.log, entries: [...this.log.entries] };
    log.end = Math.max(cluster.now(), this.log.end ?? 0);
    return log;
  }

  private snapshot(cluster: Cluster): ResponseMap["snapshot"] {
    const traces = cluster.trace.since(0);
    return {
      objects: cluster.snapshot().filter(mirrored),
      traces: traces.slice(Math.max(0, traces.length - SNAPSHOT_TRACES)),
      resourceVersion: cluster.resourceVersion(),
      now: cluster.now(),
    };
  }

  private clock(): ClockState {
    const state: ClockState = {
      now: this.cluster?.now() ?? 0,
      playing: this.playing,
      speed: this.speed,
      seq: ++this.clockSeq,
    };
    const next = this.cluster?.nextEventTime();
    if (next !== undefined) state.nextEvent = next;
    return state;
  }

  /** Real time and simulated time line up from here: playing continues from the current instant. */
  private reanchor(): ClockState {
    this.anchor = { real: this.env.now(), sim: this.cluster?.now() ?? 0 };
    return this.clock();
  }

  private setPlaying(playing: boolean): ClockState {
    this.playing = playing;
    if (this.tickTimer !== undefined) this.env.clearTimer(this.tickTimer);
    this.tickTimer = undefined;
    const state = this.reanchor();
    if (playing) this.tickTimer = this.env.setTimer(this.tick, BATCH_INTERVAL_MS);
    return state;
  }

  private readonly tick = (): void => {
    this.tickTimer = undefined;
    const cluster = this.cluster;
    if (!this.playing || !cluster) return;
    const started = this.env.now();
    const waiting = this.speed === "max" && this.uiBehind(started);
    if (this.speed !== "max") this.catchUp(cluster, this.speed);
    else if (!waiting) this.runMaxSlice(cluster, started);
    // A slice that overran means the cluster cannot keep up: drop the lag rather than spiral.
    if (this.env.now() - started > 50) this.reanchor();
    this.scheduleFlush();
    const next = this.speed !== "max" ? BATCH_INTERVAL_MS : waiting ? UI_WAIT_MS : 0;
    this.tickTimer = this.env.setTimer(this.tick, next);
  };

  private catchUp(cluster: Cluster, speed: number): void {
    const target = Math.floor(this.anchor.sim + (this.env.now() - this.anchor.real) * speed);
    if (target > cluster.now()) cluster.advance((target - cluster.now()) / 1000);
  }

  /** Whether the UI, while it follows the stream at all, is more than MAX_AHEAD_EVENTS behind. */
  private uiBehind(now: number): boolean {
    const applied = this.applied;
    if (!applied || now - applied.at > UI_SILENT_MS) return false;
    return this.sent + this.pending.events.length - applied.sent > MAX_AHEAD_EVENTS;
  }

  private runMaxSlice(cluster: Cluster, started: number): void {
    do {
      // With nothing scheduled, let time run at 600× rather than leap ahead unboundedly.
      if (!cluster.step()) {
        cluster.advance(MAX_SLICE_MS * 0.6);
        break;
      }
    } while (this.env.now() - started < MAX_SLICE_MS);
  }

  private scheduleFlush(): void {
    if (this.flushTimer !== undefined) return;
    const wait = Math.max(0, BATCH_INTERVAL_MS - (this.env.now() - this.lastFlush));
    this.flushTimer = this.env.setTimer(this.flush, wait);
  }

  private readonly flush = (): void => {
    this.flushTimer = undefined;
    this.lastFlush = this.env.now();
    const { resourceVersion, ...pending } = this.pending;
    const batch: Batch = { ...pending, clock: this.clock() };
    const streams = this.readStreams();
    if (streams.length > 0) batch.streams = streams;
    if (resourceVersion !== undefined) batch.resourceVersion = resourceVersion;
    this.pending = { events: [], traces: [], inputs: [] };
    // Pieces, so that the UI decodes each message in a short task (structured clone is O(size)).
    for (const piece of splitBatch(batch, MESSAGE_EVENTS)) {
      this.sent += piece.events.length;
      piece.sent = this.sent;
      this.env.post({ kind: "batch", batch: piece });
    }
  };
}

/** The files a command line names (as whole words), so the log keeps only what a replay needs. */
export function namedFiles(line: string, files?: Record<string, string>): Record<string, string> | undefined {
  if (!files) return undefined;
  const words = new Set(line.split(/[\s=,]+/));
  const named = Object.entries(files).filter(([name]) => words.has(name));
  return named.length > 0 ? Object.fromEntries(named) : undefined;
}

/** A running command's output; one that fails while running ends with its error, not the batch. */
function readSafely(stream: KubectlStream): ReturnType<KubectlStream["read"]> {
  try {
    return stream.read();
  } catch (error) {
    stream.stop();
    return { stdout: "", stderr: `error: ${(error as Error).message}\n`, code: 1 };
  }
}
