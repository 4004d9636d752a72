import type { ObjectMeta } from "kubernetes-types/meta/v1";
import { jsonCopy } from "./jsonData";

/** The same type without `readonly` (kubernetes-types marks server-set fields readonly). */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Any object the API server stores: plain JSON with apiVersion, kind and metadata.
 * Typed kinds come from `kubernetes-types` (e.g. `Pod`, `Deployment`) and are assignable to it.
 */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: Mutable<ObjectMeta>;
  // Objects are open records of kind-specific fields.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [field: string]: any;
}

/** A watch event, as a watch stream delivers it. */
export interface WatchEvent {
  type: "ADDED" | "MODIFIED" | "DELETED";
  object: KubeObject;
  /** The store's resourceVersion after this event (monotonic across all kinds). */
  resourceVersion: number;
}

/** Identifies one object: kind plus namespace ("" for cluster-scoped) plus name. */
export interface ObjectRef {
  kind: string;
  namespace: string;
  name: string;
}

/** The store key of an object reference. */
export function keyOf(ref: ObjectRef): string {
  return `${ref.kind}/${ref.namespace}/${ref.name}`;
}

/** The reference of a stored object. */
export function refOf(obj: KubeObject): ObjectRef {
  return { kind: obj.kind, namespace: obj.metadata.namespace ?? "", name: obj.metadata.name ?? "" };
}

/** A deep copy of plain JSON data (objects in the store must never be mutated in place). */
export function clone<T>(value: T): T {
  return jsonCopy(value);
}
