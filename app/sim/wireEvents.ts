import type { KubeObject, WatchEvent } from "../../src";
import { applyPatch, diffObject, type ObjectPatch } from "./objectPatch";

/**
 * A watch event as it crosses from the worker to the UI. The first event of an object (and
 * any the worker cannot relate to an earlier one) carries it whole; a later MODIFIED carries
 * only its difference from the object's previous version in the stream, which the mirror holds
 * by then; a DELETED carries only the uid (the mirror drops its copy).
 */
export type WireEvent =
  | WatchEvent
  | {
      type: "MODIFIED";
      uid: string;
      resourceVersion: number;
      /** The metadata.resourceVersion of the version patched (a check that both sides agree). */
      from: string | undefined;
      patch: ObjectPatch;
    }
  | { type: "DELETED"; uid: string; resourceVersion: number };

/** The key the mirror stores an object under: metadata.uid, or kind/namespace/name. */
export function uidOf(object: KubeObject): string {
  return object.metadata.uid ?? `${object.kind}/${object.metadata.namespace ?? ""}/${object.metadata.name}`;
}

/**
 * Whether an object is streamed to the UI. Kubernetes Events (core/v1 `Event`) stay in the
 * worker: a 1,000-pod rollout writes more Event JSON than pod changes, and everything the
 * mirror holds lengthens the main thread's GC pauses, while the only view of them, the
 * inspector, asks the worker for one object's (`objectEvents`). kubectl, describe and lesson
 * checks run in the worker and see them all.
 */
export function mirrored(object: KubeObject): boolean {
  return object.kind !== "Event";
}

/**
 * The worker's side: remembers the last version of each object it encoded (stored objects are
 * never mutated in place, so holding them is safe and their unchanged subtrees compare by
 * reference) and encodes each event against it. One encoder per watch stream, fed every event
 * in order; objects that are not `mirrored` are neither sent nor remembered.
 */
export class WireEncoder {
  private last = new Map<string, KubeObject>();

  /** The event as it crosses, or undefined when its object is not `mirrored` (none of its events cross). */
  encode(event: WatchEvent): WireEvent | undefined {
    if (!mirrored(event.object)) return undefined;
    const uid = uidOf(event.object);
    const before = this.last.get(uid);
    if (event.type === "DELETED") {
      this.last.delete(uid);
      return before ? { type: "DELETED", uid, resourceVersion: event.resourceVersion } : event;
    }
    this.last.set(uid, event.object);
    if (event.type === "ADDED" || !before) return event;
    const patch = diffObject(before, event.object) ?? {};
    return {
      type: "MODIFIED",
      uid,
      resourceVersion: event.resourceVersion,
      from: before.metadata.resourceVersion,
      patch,
    };
  }
}

/**
 * The UI's side: the uid an event is about and the object after it (null: deleted), given the
 * objects held so far. Throws when a patch's base is missing or not the version it was made
 * against: the stream and the mirror disagree, and guessing would show a wrong object.
 */
export function decodeEvent(
  event: WireEvent,
  objects: ReadonlyMap<string, KubeObject>,
): { uid: string; object: KubeObject | null } {
  if ("object" in event) {
    return { uid: uidOf(event.object), object: event.type === "DELETED" ? null : event.object };
  }
  if (event.type === "DELETED") return { uid: event.uid, object: null };
  const before = objects.get(event.uid);
  if (!before || before.metadata.resourceVersion !== event.from) {
    throw new Error(
      `watch patch for ${event.uid} at ${event.resourceVersion} expects version ${event.from}, the UI holds ${before?.metadata.resourceVersion ?? "nothing"}`,
    );
  }
  return { uid: event.uid, object: applyPatch(before, event.patch) };
}
