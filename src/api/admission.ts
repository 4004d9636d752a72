import type { ResourceType } from "./registry";
import type { KubeObject } from "./types";

/** How unknown fields are treated (the fieldValidation request parameter). */
export type FieldValidation = "Strict" | "Warn" | "Ignore";

/** Admits a new object: decoding checks, defaulting, validation. Throws StatusError. */
export function admitCreate(_obj: KubeObject, _type: ResourceType, _fieldValidation: FieldValidation): void {}

/** Admits an update against the stored object (immutable fields). Throws StatusError. */
export function admitUpdate(_obj: KubeObject, _old: KubeObject, _type: ResourceType, _fieldValidation: FieldValidation): void {}

/** Admits a status write. Throws StatusError. */
export function admitStatusUpdate(_obj: KubeObject, _old: KubeObject, _type: ResourceType): void {}
