/**
 * The one protocol between the UI and the simulation worker. Both sides import these types;
 * nothing else crosses the boundary. Requests carry ids; the worker answers each exactly once.
 */
import type { EditorOpen, EditorSave, KubeObject, TraceRecord, WrittenText } from "../../src";
import type { CheckResult, QuizAnswers } from "../../src/lessons/checks";
import type { CheckSpec } from "../../src/lessons/types";
import type { WireEvent } from "./wireEvents";

/** How fast simulated time runs while playing: a multiple of real time, or as fast as possible. */
export type Speed = 1 | 2 | 5 | 10 | 60 | "max";

export const SPEEDS: readonly Speed[] = [1, 2, 5, 10, 60, "max"];

/** Everything needed to rebuild a cluster exactly: the seed, options, and every input with its simulated time. */
export interface InputLog {
  version: 1;
  seed: number;
  nodes: number;
  start: string;
  entries: InputEntry[];
  /** Simulated time (epoch ms) the log was captured at; a replay advances to it after the last entry. */
  end?: number;
}

/** One input: a kubectl command line (with stdin/files if any) or a simulator command, at a simulated time. */
export interface InputEntry {
  /** Simulated time (epoch ms) at which the input was given. */
  at: number;
  /** `kubectl` for kubectl lines; `kubeplay` for the simulator's own commands (faults, time). */
  tool: "kubectl" | "kubeplay";
  line: string;
  stdin?: string;
  /** Named files the line reads (`-f web.yaml`, the editor's tabs); only the ones it names are kept. */
  files?: Record<string, string>;
  /** A round of `kubectl edit`: what the editor saved (see EditorSave). */
  editorSave?: EditorSave;
}

/** Requests the UI sends. */
export type Request =
  | { type: "init"; log: InputLog }
  | {
      type: "kubectl";
      line: string;
      stdin?: string;
      files?: Record<string, string>;
      /** A round of `kubectl edit`: the line again, with what its editor saved. */
      editorSave?: EditorSave;
    }
  | { type: "kubeplay"; line: string }
  | { type: "play" }
  | { type: "pause" }
  | { type: "setSpeed"; speed: Speed }
  | { type: "step" }
  | { type: "advance"; seconds: number }
  | { type: "snapshot" }
  | { type: "log" }
  | { type: "interrupt"; streamId: number }
  /** A line typed into an interactive command (`kubectl exec -it POD -- sh`); logged as that command's stdin. */
  | { type: "stdin"; streamId: number; text: string }
  | ChecksRequest
  | ObjectEventsRequest
  | AppliedRequest
  | { type: "ping" };

/** The answer to each request type. */
export interface ResponseMap {
  /** `namespace`: the current kubeconfig context's, which commands without -n use (after replaying the log). */
  init: { resourceVersion: number; now: number; namespace: string };
  /** With `streamId`, the command keeps running (get -w, rollout status, logs -f): its output follows in batches. */
  /** `namespace`: the current kubeconfig context's after the command (`config set-context` changes it). */
  /** With `editor`, `kubectl edit` waits for its file to be saved: send the line again with the save. */
  kubectl: {
    code: number;
    stdout: string;
    stderr: string;
    /** Both streams in the order written, when stderr came first somewhere (KubectlResult.chunks). */
    chunks?: WrittenText[];
    streamId?: number;
    namespace?: string;
    editor?: EditorOpen;
    /** The running command reads what is typed: send lines with a `stdin` request. */
    interactive?: boolean;
  };
  kubeplay: { code: number; stdout: string; stderr: string };
  play: ClockState;
  pause: ClockState;
  setSpeed: ClockState;
  step: ClockState;
  advance: ClockState;
  /** Every object, and the most recent trace records (at most SNAPSHOT_TRACES). */
  snapshot: { objects: KubeObject[]; traces: TraceRecord[]; resourceVersion: number; now: number };
  /** The input log as the worker has it, ending at the worker's own simulated time (what a permalink must carry). */
  log: InputLog;
  ping: { now: number };
  applied: Record<string, never>;
  /** Ctrl-C on a running command; false when it had already ended. */
  interrupt: { stopped: boolean };
  /** False when the command had already ended (or reads no input). */
  stdin: { accepted: boolean };
  checks: { results: CheckResult[]; clock: ClockState };
  /** The Events about the object, as `kubectl describe` lists them (oldest last seen first). */
  objectEvents: { events: KubeObject[] };
}

/**
 * The UI has applied the streamed events up to `sent` (a Batch's count). Playing at "max", the
 * worker runs no further ahead of what the UI shows than a few frames' worth (simHost.ts
 * MAX_AHEAD_EVENTS): the view and the clock stay with the cluster, and the main thread is never
 * left a backlog to swallow in big frames. Answered at once, out of turn, as a ping is.
 */
export interface AppliedRequest {
  type: "applied";
  sent: number;
}

/**
 * The Events about one object, which the worker keeps (they are not streamed: see
 * wireEvents.ts `mirrored`). With `at`, only those that existed at that earlier moment.
 */
export interface ObjectEventsRequest {
  type: "objectEvents";
  /** The object, as describe matches its events: kind, namespace and name, and uid. */
  object: { kind: string; namespace?: string; name: string; uid: string };
  /** The moment the UI shows when travelling back in time (a resourceVersion and its simulated time, epoch ms). */
  at?: { resourceVersion: number; time: number };
}

/**
 * Evaluates a lesson step's checks against the live cluster (read-only queries, never logged).
 * With `waitSeconds`, simulated time advances a second at a time until every check passes or
 * the window is spent, exactly as the headless lesson replay waits (src/lessons/checks.ts).
 */
export interface ChecksRequest {
  type: "checks";
  checks: CheckSpec[];
  answers?: QuizAnswers;
  waitSeconds?: number;
}

/** How many of the latest trace records a snapshot carries. */
export const SNAPSHOT_TRACES = 2000;

/** The simulated clock as the UI shows it. */
export interface ClockState {
  now: number;
  playing: boolean;
  speed: Speed;
  /** Next scheduled event, if any (what "step" would jump to). */
  nextEvent?: number;
  /**
   * The order in which one worker produced its states. A batch posted just before the worker
   * answered a request arrives after the answer; the UI keeps the newer state, so a Play does
   * not flicker back to paused.
   */
  seq?: number;
}

/** UI → worker envelope. */
export interface RequestEnvelope {
  id: number;
  request: Request;
}

/** Worker → UI messages: answers, and streamed batches. */
export type WorkerMessage =
  | { kind: "response"; id: number; ok: true; result: ResponseMap[keyof ResponseMap] }
  | { kind: "response"; id: number; ok: false; error: string }
  | { kind: "batch"; batch: Batch };

/**
 * What happened since the previous batch, sent at most once per animation frame:
 * watch events in order (modified objects as patches: see wireEvents.ts), new trace records, the input log entries appended, the clock, and
 * what running commands printed.
 */
export interface Batch {
  events: WireEvent[];
  traces: TraceRecord[];
  inputs: InputEntry[];
  clock: ClockState;
  /** Output of commands that keep running, since the previous batch. */
  streams?: StreamChunk[];
  /**
   * The watch stream's resourceVersion after this batch (on its last piece), also counting the
   * events that stay in the worker (Events): the UI's resourceVersion, its history's frames and
   * the decisions stepped to then line up with every write, not only the streamed ones.
   */
  resourceVersion?: number;
  /** Watch events this worker has streamed since init, through this piece (what an AppliedRequest acknowledges). */
  sent?: number;
}

/** What a running command printed since the last batch; `code` once it has exited. */
export interface StreamChunk {
  streamId: number;
  stdout: string;
  stderr: string;
  code?: number;
  /** Both streams in the order written, when stderr came before stdout (KubectlStream.read). */
  chunks?: WrittenText[];
}
