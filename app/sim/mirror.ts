import { useSyncExternalStore } from "react";
import type { KubeObject, TraceRecord } from "../../src";
import { ExternalStore } from "./externalStore";
import type { Batch } from "./protocol";

/** What the UI knows of the cluster: objects by uid and the latest trace records. Immutable per version. */
export interface MirrorState {
  version: number;
  resourceVersion: number;
  objects: ReadonlyMap<string, KubeObject>;
  traces: readonly TraceRecord[];
}

/** The UI keeps at most this many trace records. */
export const MIRROR_TRACES = 5000;

/**
 * The UI's copy of the cluster, built from the worker's watch events. Each `apply` is one update
 * (one render), however many events it carries; events at or below the snapshot's resourceVersion
 * are skipped, so a snapshot followed by overlapping batches converges.
 */
export class ClusterMirror extends ExternalStore<MirrorState> {
  constructor() {
    super({ version: 0, resourceVersion: 0, objects: new Map(), traces: [] });
  }

  /** Replaces everything with a snapshot. */
  reset(objects: KubeObject[], traces: TraceRecord[], resourceVersion: number): void {
    const byUid = new Map<string, KubeObject>();
    for (const object of objects) byUid.set(uidOf(object), object);
    this.set({
      version: this.get().version + 1,
      resourceVersion,
      objects: byUid,
      traces: traces.slice(-MIRROR_TRACES),
    });
  }

  /** Applies batches in order as a single update. */
  apply(batches: readonly Batch[]): void {
    const state = this.get();
    const objects = new Map(state.objects);
    let resourceVersion = state.resourceVersion;
    const newTraces: TraceRecord[] = [];
    for (const batch of batches) {
      for (const event of batch.events) {
        if (event.resourceVersion <= resourceVersion) continue;
        resourceVersion = event.resourceVersion;
        if (event.type === "DELETED") objects.delete(uidOf(event.object));
        else objects.set(uidOf(event.object), event.object);
      }
      for (const trace of batch.traces) newTraces.push(trace);
    }
    const traces =
      newTraces.length === 0 ? state.traces : [...state.traces, ...newTraces].slice(-MIRROR_TRACES);
    this.set({ version: state.version + 1, resourceVersion, objects, traces });
  }
}

function uidOf(object: KubeObject): string {
  return object.metadata.uid ?? `${object.kind}/${object.metadata.namespace ?? ""}/${object.metadata.name}`;
}

/** Reads the mirror in a component; re-renders once per applied batch group. */
export function useMirror(mirror: ClusterMirror): MirrorState {
  return useSyncExternalStore(mirror.subscribe, mirror.get);
}
