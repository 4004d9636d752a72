import type { KubeObject } from "../../src";
import { ExternalStore } from "../sim/externalStore";

type Objects = ReadonlyMap<string, KubeObject>;

/** One recorded moment: the objects that changed (null: deleted) at a simulated time. */
interface Frame {
  time: number;
  /** The newest trace record's seq when this frame was recorded. */
  lastTraceSeq: number;
  changes: [string, KubeObject | null][];
  /** Every CHECKPOINT_EVERY frames, the whole state (an immutable mirror map, so holding it is free). */
  checkpoint?: Objects;
}

/** The scrubber's range: absolute frame indexes `first..last` (inclusive); empty when last < first. */
export interface HistoryRange {
  first: number;
  last: number;
}

export interface HistoryOptions {
  maxFrames?: number;
  checkpointEvery?: number;
}

/**
 * A bounded history of the cluster as the UI saw it, for time travel: each recorded state is
 * stored as the watch changes since the previous one, with a full checkpoint every few frames,
 * so any kept moment rebuilds in at most `checkpointEvery` steps. Old frames drop in whole
 * checkpoint spans; a clock that goes backwards (a reset or a new link) starts over.
 */
export class ViewHistory extends ExternalStore<HistoryRange> {
  private frames: Frame[] = [];
  private offset = 0;
  private previous: Objects = new Map();
  private readonly maxFrames: number;
  private readonly every: number;

  constructor(options: HistoryOptions = {}) {
    super({ first: 0, last: -1 });
    this.every = options.checkpointEvery ?? 50;
    this.maxFrames = Math.max(options.maxFrames ?? 3000, this.every * 2);
  }

  /** Records the state `objects` reached at `time`; no frame when nothing changed. */
  record(objects: Objects, time: number, lastTraceSeq: number): void {
    const last = this.frames[this.frames.length - 1];
    if (last && time < last.time) this.clear();
    const changes = diff(this.previous, objects);
    this.previous = objects;
    if (changes.length === 0 && this.frames.length > 0) {
      this.frames[this.frames.length - 1].lastTraceSeq = lastTraceSeq;
      return;
    }
    const index = this.offset + this.frames.length;
    const frame: Frame = { time, lastTraceSeq, changes };
    if (index % this.every === 0 || this.frames.length === 0) frame.checkpoint = objects;
    this.frames.push(frame);
    if (this.frames.length > this.maxFrames) this.trim();
    this.set({ first: this.offset, last: this.offset + this.frames.length - 1 });
  }

  /** The simulated time of a kept frame. */
  timeAt(index: number): number | undefined {
    return this.frame(index)?.time;
  }

  /** The objects as they were at a kept frame (a fresh map), or undefined if it is gone. */
  objectsAt(index: number): Map<string, KubeObject> | undefined {
    if (!this.frame(index)) return undefined;
    let start = index;
    while (!this.frame(start)?.checkpoint) start--;
    const objects = new Map(this.frame(start)?.checkpoint);
    for (let i = start + 1; i <= index; i++) {
      for (const [uid, object] of this.frame(i)?.changes ?? []) {
        if (object) objects.set(uid, object);
        else objects.delete(uid);
      }
    }
    return objects;
  }

  /** The first kept frame that includes trace record `seq`'s effects, if any. */
  frameForTrace(seq: number): number | undefined {
    // lastTraceSeq never decreases between kept frames, so binary search.
    let lo = 0;
    let hi = this.frames.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.frames[mid].lastTraceSeq >= seq) hi = mid;
      else lo = mid + 1;
    }
    return lo === this.frames.length ? undefined : this.offset + lo;
  }

  /** The last kept frame at or before `time`, if any. */
  frameAtTime(time: number): number | undefined {
    let found: number | undefined;
    for (let i = 0; i < this.frames.length && this.frames[i].time <= time; i++) found = this.offset + i;
    return found;
  }

  private frame(index: number): Frame | undefined {
    return this.frames[index - this.offset];
  }

  private clear(): void {
    this.offset += this.frames.length;
    this.frames = [];
    this.previous = new Map();
  }

  private trim(): void {
    // Drop whole spans so that the first kept frame is always a checkpoint.
    let drop = this.every;
    while (drop < this.frames.length && !this.frames[drop].checkpoint) drop++;
    this.frames = this.frames.slice(drop);
    this.offset += drop;
  }
}

function diff(before: Objects, after: Objects): [string, KubeObject | null][] {
  const changes: [string, KubeObject | null][] = [];
  for (const [uid, object] of after) if (before.get(uid) !== object) changes.push([uid, object]);
  for (const uid of before.keys()) if (!after.has(uid)) changes.push([uid, null]);
  return changes;
}
