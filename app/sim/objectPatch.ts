/**
 * What changed between two versions of one JSON object, so that the worker can send a
 * modified object as its difference from the version the UI already holds. Decoding a whole
 * pod per status update costs the main thread time and garbage (structured clone is O(size),
 * and every decoded subtree survives in the mirror and the history); a patch carries only what
 * changed, and `applyPatch` shares every unchanged subtree with the previous version.
 */

/**
 * Keys given new values, keys removed, and nested objects patched in turn. An array of the
 * same length is patched like an object keyed by index (`array`): a pod's conditions and
 * container statuses change one item at a time.
 */
export interface ObjectPatch {
  set?: Record<string, unknown>;
  unset?: string[];
  nested?: Record<string, ObjectPatch>;
  array?: true;
}

type Record_ = Record<string, unknown>;

function isRecord(value: unknown): value is Record_ {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Deep equality of plain JSON data (same-reference subtrees cost nothing: stored objects share them). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ra = a as Record_;
  const rb = b as Record_;
  const keys = Object.keys(ra);
  if (keys.length !== Object.keys(rb).length) return false;
  for (const key of keys) if (!(key in rb) || !sameJson(ra[key], rb[key])) return false;
  return true;
}

/**
 * The patch turning `before` into `after` (undefined: they are equal). Objects, and arrays of
 * the same length, are patched key by key; anything else that differs is sent whole.
 */
export function diffObject(before: Record_, after: Record_): ObjectPatch | undefined {
  const patch: ObjectPatch = {};
  for (const key of Object.keys(after)) {
    const a = before[key];
    const b = after[key];
    if (a === b && key in before) continue;
    const nested =
      isRecord(a) && isRecord(b)
        ? diffObject(a, b)
        : sameLengthArrays(a, b)
          ? diffArray(a, b as unknown[])
          : null;
    if (nested !== null) {
      if (nested) (patch.nested ??= {})[key] = nested;
    } else if (!(key in before) || !sameJson(a, b)) (patch.set ??= {})[key] = b;
  }
  for (const key of Object.keys(before)) if (!(key in after)) (patch.unset ??= []).push(key);
  return patch.set || patch.unset || patch.nested ? patch : undefined;
}

function sameLengthArrays(a: unknown, b: unknown): a is unknown[] {
  return Array.isArray(a) && Array.isArray(b) && a.length === b.length;
}

function diffArray(before: unknown[], after: unknown[]): ObjectPatch | undefined {
  const patch = diffObject(before as unknown as Record_, after as unknown as Record_);
  return patch && { ...patch, array: true };
}

/** `before` with `patch` applied: a new object along changed paths, the rest shared with `before`. */
export function applyPatch<T extends object>(before: T, patch: ObjectPatch): T {
  const after: Record_ = patch.array
    ? ([...(before as unknown[])] as unknown as Record_)
    : { ...(before as Record_) };
  for (const key of patch.unset ?? []) delete after[key];
  if (patch.set) for (const key of Object.keys(patch.set)) after[key] = patch.set[key];
  if (patch.nested)
    for (const key of Object.keys(patch.nested)) {
      const inner = after[key];
      after[key] = applyPatch(typeof inner === "object" && inner !== null ? inner : {}, patch.nested[key]);
    }
  return after as T;
}
