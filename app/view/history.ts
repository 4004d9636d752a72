import type { KubeObject } from "../../src";
import { ExternalStore } from "../sim/externalStore";
import type { MirrorDelta, ObjectChange } from "../sim/mirror";

type Objects = ReadonlyMap<string, KubeObject>;

/** One recorded moment: the watch changes that led to it, at a simulated time. */
interface Frame {
  time: number;
  /** The resourceVersion this frame's state reached. */
  resourceVersion: number;
  /** The changes since the previous frame, in resourceVersion order (none for a reset frame). */
  changes: readonly ObjectChange[];
  /** Every CHECKPOINT_EVERY frames, and after a reset, the whole state (a copy: the mirror's map is live). */
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
 * stored as the mirror's changes since the previous one (O(changes) per record), with a full
 * checkpoint every few frames, so any kept moment rebuilds in at most `checkpointEvery` steps,
 * and any resourceVersion inside a kept frame too (stepping one decision at a time). Old frames
 * drop in whole checkpoint spans; a clock that goes backwards (a reset or a new link) starts over.
 */
export class ViewHistory extends ExternalStore<HistoryRange> {
  private frames: Frame[] = [];
  private offset = 0;
  private readonly maxFrames: number;
  private readonly every: number;

  constructor(options: HistoryOptions = {}) {
    super({ first: 0, last: -1 });
    this.every = options.checkpointEvery ?? 50;
    this.maxFrames = Math.max(options.maxFrames ?? 3000, this.every * 2);
  }

  /**
   * Records the state `objects` (the mirror's) reached at `time` and `resourceVersion` through
   * `delta` (the mirror's changes since the last record); no frame when nothing changed.
   */
  record(objects: Objects, delta: MirrorDelta, time: number, resourceVersion: number): void {
    const last = this.frames[this.frames.length - 1];
    if (last && time < last.time) this.clear();
    if (!delta.reset && delta.changes.length === 0 && this.frames.length > 0) return;
    const index = this.offset + this.frames.length;
    const frame: Frame = { time, resourceVersion, changes: delta.reset ? [] : delta.changes };
    if (delta.reset || index % this.every === 0 || this.frames.length === 0)
      frame.checkpoint = new Map(objects);
    this.frames.push(frame);
    if (this.frames.length > this.maxFrames) this.trim();
    this.set({ first: this.offset, last: this.offset + this.frames.length - 1 });
  }

  /** The simulated time of a kept frame. */
  timeAt(index: number): number | undefined {
    return this.frame(index)?.time;
  }

  /** The resourceVersion a kept frame reached. */
  resourceVersionAt(index: number): number | undefined {
    return this.frame(index)?.resourceVersion;
  }

  /**
   * The objects as they were at a kept frame (a fresh map), or undefined if it is gone. With
   * `upTo`, only the frame's changes up to that resourceVersion count: the cluster just after
   * one decision, even when a frame holds many (a reset frame has no changes to split).
   */
  objectsAt(index: number, upTo = Number.POSITIVE_INFINITY): Map<string, KubeObject> | undefined {
    const target = this.frame(index);
    if (!target) return undefined;
    const partial = upTo < target.resourceVersion && !(target.checkpoint && target.changes.length === 0);
    let start = partial ? index - 1 : index;
    while (start >= this.offset && !this.frame(start)?.checkpoint) start--;
    if (start < this.offset) start = index; // the first kept frame: nothing earlier to start from
    const objects = new Map(this.frame(start)?.checkpoint);
    for (let i = start + 1; i <= index; i++) {
      for (const change of this.frame(i)?.changes ?? []) {
        if (change.resourceVersion > upTo) break;
        if (change.object) objects.set(change.uid, change.object);
        else objects.delete(change.uid);
      }
    }
    return objects;
  }

  /** The first kept frame whose state includes resourceVersion `version`, if any. */
  frameForVersion(version: number): number | undefined {
    // resourceVersion never decreases between kept frames, so binary search.
    let lo = 0;
    let hi = this.frames.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.frames[mid].resourceVersion >= version) hi = mid;
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
  }

  private trim(): void {
    // Drop whole spans so that the first kept frame is always a checkpoint.
    let drop = this.every;
    while (drop < this.frames.length && !this.frames[drop].checkpoint) drop++;
    this.frames = this.frames.slice(drop);
    this.offset += drop;
  }
}
