import { useSyncExternalStore } from "react";
import type { KubeObject, TraceRecord } from "../../src";
import { ExternalStore } from "./externalStore";
import { type Batch, SNAPSHOT_TRACES } from "./protocol";
import { decodeEvent, uidOf } from "./wireEvents";

/** One watch event as the mirror applied it: the object after it (null: deleted), by uid. */
export interface ObjectChange {
  type: "ADDED" | "MODIFIED" | "DELETED";
  uid: string;
  object: KubeObject | null;
  resourceVersion: number;
}

/**
 * What changed between two mirror versions: the applied events in order, or `reset` (a
 * snapshot replaced everything, or the versions asked about are no longer kept): then read
 * `objects` whole.
 */
export interface MirrorDelta {
  reset: boolean;
  changes: readonly ObjectChange[];
}

/**
 * What the UI knows of the cluster: objects by uid and the latest trace records, and what this
 * version changed. A new state object per version, but `objects` is the live map, updated in
 * place by the next apply (copying it per batch would cost O(objects)): read it for the
 * version at hand, and copy it to keep a moment (the view's history does).
 */
export interface MirrorState {
  version: number;
  resourceVersion: number;
  objects: ReadonlyMap<string, KubeObject>;
  traces: readonly TraceRecord[];
  /** What this version changed since the previous one. */
  delta: MirrorDelta;
}

/**
 * The UI keeps at most this many trace records: as many as a snapshot carries, so the decision
 * timeline reaches as far back after a reload as before it. Every batch copies the list (it is
 * immutable for React), so a longer one cost a big rollout more than all its pods' changes.
 */
export const MIRROR_TRACES = SNAPSHOT_TRACES;

/** How many versions' deltas `changesSince` can still merge. */
const KEPT_DELTAS = 256;

const RESET: MirrorDelta = { reset: true, changes: [] };

/**
 * The UI's copy of the cluster, built from the worker's watch events. Each `apply` is one update
 * (one render), however many events it carries, and costs O(events), not O(objects); events at
 * or below the snapshot's resourceVersion are skipped, so a snapshot followed by overlapping
 * batches converges. Consumers that may miss versions ask `changesSince(theirs)`.
 */
export class ClusterMirror extends ExternalStore<MirrorState> {
  private readonly objects = new Map<string, KubeObject>();
  /** Deltas of the latest versions, oldest first; `deltas[i]` is version `firstDelta + i`'s. */
  private deltas: MirrorDelta[] = [];
  private firstDelta = 1;

  constructor() {
    super({ version: 0, resourceVersion: 0, objects: new Map(), traces: [], delta: RESET });
  }

  /** Replaces everything with a snapshot. */
  reset(objects: KubeObject[], traces: TraceRecord[], resourceVersion: number): void {
    this.objects.clear();
    for (const object of objects) this.objects.set(uidOf(object), object);
    this.publish(RESET, resourceVersion, traces.slice(-MIRROR_TRACES));
  }

  /**
   * Applies batches in order as a single update. Returns false when an event could not be
   * decoded (a patch whose base the mirror does not hold): what came before it is applied, the
   * rest is not, and the caller must reset the mirror from a snapshot.
   */
  apply(batches: readonly Batch[]): boolean {
    const state = this.get();
    let resourceVersion = state.resourceVersion;
    const changes: ObjectChange[] = [];
    const newTraces: TraceRecord[] = [];
    let inStep = true;
    apply: for (const batch of batches) {
      for (const event of batch.events) {
        if (event.resourceVersion <= resourceVersion) continue;
        let decoded: ReturnType<typeof decodeEvent>;
        try {
          decoded = decodeEvent(event, this.objects);
        } catch (error) {
          console.error(error);
          inStep = false;
          break apply;
        }
        const { uid, object } = decoded;
        resourceVersion = event.resourceVersion;
        if (object) this.objects.set(uid, object);
        else this.objects.delete(uid);
        changes.push({ type: event.type, uid, object, resourceVersion });
      }
      // Events kept in the worker (Events) still move the resourceVersion on.
      if (batch.resourceVersion !== undefined && batch.resourceVersion > resourceVersion)
        resourceVersion = batch.resourceVersion;
      for (const trace of batch.traces) newTraces.push(trace);
    }
    const traces =
      newTraces.length === 0 ? state.traces : [...state.traces, ...newTraces].slice(-MIRROR_TRACES);
    this.publish({ reset: false, changes }, resourceVersion, traces);
    return inStep;
  }

  /**
   * Every change after version `since` up to the current one, in order; a reset delta when a
   * snapshot came in between or those versions are no longer kept.
   */
  changesSince(since: number): MirrorDelta {
    const version = this.get().version;
    if (since >= version) return { reset: false, changes: [] };
    if (since + 1 < this.firstDelta) return RESET;
    const kept = this.deltas.slice(since + 1 - this.firstDelta);
    if (kept.some((d) => d.reset)) return RESET;
    if (kept.length === 1) return kept[0];
    return { reset: false, changes: kept.flatMap((d) => d.changes) };
  }

  private publish(delta: MirrorDelta, resourceVersion: number, traces: readonly TraceRecord[]): void {
    const version = this.get().version + 1;
    this.deltas.push(delta);
    if (this.deltas.length > KEPT_DELTAS) this.deltas = this.deltas.slice(-KEPT_DELTAS);
    this.firstDelta = version - this.deltas.length + 1;
    this.set({ version, resourceVersion, objects: this.objects, traces, delta });
  }
}

/** Reads the mirror in a component; re-renders once per applied batch group. */
export function useMirror(mirror: ClusterMirror): MirrorState {
  return useSyncExternalStore(mirror.subscribe, mirror.get);
}
