import type { EventRecorder } from "../api/events";
import type { ApiServer } from "../api/server";
import type { KubeObject, WatchEvent } from "../api/types";
import type { TraceLog } from "../trace";
import type { SimClock } from "../util/clock";
import type { SeededRandom } from "../util/random";

/** What every control loop is given: the API (its only way to act), events, trace, clock. */
export interface ControllerContext {
  api: ApiServer;
  events: EventRecorder;
  trace: TraceLog;
  clock: SimClock;
  random: SeededRandom;
}

/** What a reconcile may ask for: to be called again after a delay, even with no new event. */
export interface ReconcileResult {
  requeueAfterMs?: number;
}

/** Which watch events wake a controller, and for which keys. */
export interface WatchSpec {
  kind: string;
  keys: (event: WatchEvent, ctx: ControllerContext) => string[];
}

/**
 * A level-triggered reconciler: `reconcile(key)` reads the current state, computes the
 * desired state and acts through the API. It never trusts the event that woke it.
 */
export interface Controller {
  /** The component name used in events and traces, e.g. "replicaset-controller". */
  name: string;
  watches: WatchSpec[];
  reconcile: (key: string, ctx: ControllerContext) => ReconcileResult | undefined;
}

/** `namespace/name` of an object: the usual work-queue key. */
export function objectKey(obj: KubeObject): string {
  return `${obj.metadata.namespace ?? ""}/${obj.metadata.name}`;
}

/** Splits a `namespace/name` key. */
export function splitKey(key: string): { namespace: string; name: string } {
  const slash = key.indexOf("/");
  return { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}

/** Watch spec: an object's own events enqueue its own key. */
export function enqueueSelf(kind: string): WatchSpec {
  return { kind, keys: (event) => [objectKey(event.object)] };
}

/** Watch spec: a dependent's events enqueue its controller owner of `ownerKind` (enqueue_owner). */
export function enqueueControllerOwner(dependentKind: string, ownerKind: string): WatchSpec {
  return {
    kind: dependentKind,
    keys: (event) => {
      const owner = event.object.metadata.ownerReferences?.find((r) => r.controller && r.kind === ownerKind);
      return owner ? [`${event.object.metadata.namespace ?? ""}/${owner.name}`] : [];
    },
  };
}
