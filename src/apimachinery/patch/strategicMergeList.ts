/**
 * Applying a strategic merge patch to lists (apimachinery `strategicpatch/patch.go`,
 * `mergeSlice` and friends): merging lists of maps by merge key, `$patch: delete` and
 * `$patch: replace` elements, scalar lists with merge strategy, and
 * `$deleteFromPrimitiveList` parallel lists.
 */
import { isJsonObject, type JsonObject, type JsonValue } from "./jsonValue";
import {
  deduplicateScalars,
  findMapByKey,
  normalizeElementOrder,
  partitionByPresence,
  sliceElementKind,
} from "./listOrder";
import { type PatchSchema } from "./patchMeta";
import { errBadArgType, errBadPatchType, errNoMergeKey, PatchError } from "./patchErrors";

/** Options of a merge (Go `MergeOptions`). */
export interface MergeOptions {
  /** Apply parallel lists ($deleteFromPrimitiveList, $setElementOrder); false when merging two patches. */
  readonly mergeParallelList: boolean;
  /** Drop patch nulls that match nothing in the original (true when applying a patch). */
  readonly ignoreUnmatchedNulls: boolean;
}

/** The map merge that list merging recurses into (injected to keep the modules acyclic). */
export type MergeMapFn = (
  original: JsonObject,
  patch: JsonObject,
  schema: PatchSchema,
  options: MergeOptions,
) => JsonObject;

const sliceType = "[]interface {}";

/** Removes every scalar of `toDelete` from `current` (the `$deleteFromPrimitiveList` semantics). */
function deleteFromSlice(current: JsonValue[], toDelete: JsonValue[]): JsonValue[] {
  return current.filter((v) => !toDelete.includes(v));
}

/**
 * A Go slice over the caller's array. Go's `append(s[:i], s[i+1:]...)` and in-capacity
 * `append` write into the array the caller still holds, and Kubernetes then orders the
 * merged list by that (changed) array: deleting one element and adding another puts the
 * new one in the deleted one's place in the "live order". Writing through to the
 * caller's array reproduces that exactly (capacity = length, as for objects the apiserver
 * converts from typed structs).
 */
class GoSlice {
  private buf: JsonValue[];
  private len: number;

  constructor(private readonly callerArray: JsonValue[]) {
    this.buf = callerArray;
    this.len = callerArray.length;
  }

  items(): JsonValue[] {
    return this.buf.slice(0, this.len);
  }

  removeAt(i: number): void {
    this.buf.copyWithin(i, i + 1, this.len);
    this.len--;
  }

  set(i: number, v: JsonValue): void {
    this.buf[i] = v;
  }

  append(v: JsonValue): void {
    // Outgrowing the capacity reallocates: later writes no longer reach the caller.
    if (this.buf === this.callerArray && this.len >= this.buf.length) this.buf = this.buf.slice(0, this.len);
    this.buf[this.len++] = v;
  }
}

function deleteMatchingEntries(list: GoSlice, mergeKey: string, value: JsonValue): void {
  for (
    let found = findMapByKey(list.items(), mergeKey, value);
    found;
    found = findMapByKey(list.items(), mergeKey, value)
  ) {
    list.removeAt(found.index);
  }
}

/**
 * Handles `$patch` elements of a patch list of maps: `delete` removes the matching
 * originals, `replace` makes the rest of the patch the whole list, `merge` is refused.
 * Returns the patch elements left to merge and whether a replace was asked for.
 */
function applySpecialElements(
  list: GoSlice,
  patch: JsonValue[],
  mergeKey: string,
): { plain: JsonValue[]; replace: boolean } {
  const plain: JsonValue[] = [];
  let replace = false;
  for (const v of patch) {
    const m = v as JsonObject;
    if (!Object.prototype.hasOwnProperty.call(m, "$patch")) {
      plain.push(v);
      continue;
    }
    const directive = m.$patch;
    if (directive === "delete") {
      if (!Object.prototype.hasOwnProperty.call(m, mergeKey)) throw errNoMergeKey(m, mergeKey);
      deleteMatchingEntries(list, mergeKey, m[mergeKey]);
    } else if (directive === "replace") {
      replace = true;
    } else if (directive === "merge") {
      throw new PatchError("merging lists cannot yet be specified in the patch");
    } else {
      throw errBadPatchType(directive, m);
    }
  }
  return { plain, replace };
}

function mergeMapsByKey(
  list: GoSlice,
  patch: JsonValue[],
  mergeKey: string,
  schema: PatchSchema,
  options: MergeOptions,
  mergeMap: MergeMapFn,
): JsonValue[] {
  for (const v of patch) {
    const m = v as JsonObject;
    if (!Object.prototype.hasOwnProperty.call(m, mergeKey)) throw errNoMergeKey(m, mergeKey);
    const found = findMapByKey(list.items(), mergeKey, m[mergeKey]);
    if (found) list.set(found.index, mergeMap(found.map, m, schema, options));
    else list.append(v);
  }
  return list.items();
}

/**
 * Merges a patch list into an original list with merge strategy (Go `mergeSlice`). With
 * `isDeleteList`, `patch` is a `$deleteFromPrimitiveList` list. The result keeps the
 * patch's order, with server-only items placed by their live order. Like Go, it writes
 * into `original` (see GoSlice); callers own that array.
 */
export function mergeSlice(
  original: JsonValue[],
  patch: JsonValue[],
  schema: PatchSchema,
  mergeKey: string,
  options: MergeOptions,
  isDeleteList: boolean,
  mergeMap: MergeMapFn,
): JsonValue[] {
  if (original.length === 0 && patch.length === 0) return original;
  const kind = sliceElementKind(original, patch);
  let merged: JsonValue[];
  let orig = original;
  let p = patch;
  if (kind !== "map") {
    if (options.mergeParallelList && isDeleteList) return deleteFromSlice(original, patch);
    merged = deduplicateScalars([...original, ...patch]);
  } else {
    if (mergeKey === "") throw new PatchError(`cannot merge lists without merge key for ${schema.name()}`);
    const list = new GoSlice(original);
    const { plain, replace } = applySpecialElements(list, patch, mergeKey);
    if (replace) {
      orig = plain;
      p = [];
      merged = plain;
    } else {
      orig = list.items();
      p = plain;
      merged = mergeMapsByKey(list, plain, mergeKey, schema, options, mergeMap);
    }
  }
  const { inList, rest } = partitionByPresence(merged, p, kind === "map" ? mergeKey : "");
  return normalizeElementOrder(inList, rest, p, orig, mergeKey, kind);
}

/**
 * Merges list `patch` into list `original` per the field's strategy (Go `mergeSliceHandler`):
 * merge strategy (or a delete list) merges, anything else replaces.
 */
export function mergeSliceHandler(
  original: JsonValue,
  patch: JsonValue,
  schema: PatchSchema,
  strategy: string,
  mergeKey: string,
  isDeleteList: boolean,
  options: MergeOptions,
  mergeMap: MergeMapFn,
): JsonValue[] {
  if (!Array.isArray(original)) throw errBadArgType(sliceType, original);
  if (!Array.isArray(patch)) throw errBadArgType(sliceType, patch);
  if (strategy === "merge" || isDeleteList) {
    return mergeSlice(original, patch, schema, mergeKey, options, isDeleteList, mergeMap);
  }
  return patch;
}

/**
 * Strips directives from a patch value taken as is (Go `removeDirectives`). Returns
 * `keep: false` when the value itself is a directive map.
 */
export function removeDirectives(value: JsonValue): { value: JsonValue; keep: boolean } {
  if (isJsonObject(value)) {
    if (Object.prototype.hasOwnProperty.call(value, "$patch")) return { value: null, keep: false };
    for (const k of Object.keys(value)) {
      const r = removeDirectives(value[k]);
      if (r.keep) value[k] = r.value;
      else delete value[k];
    }
    return { value, keep: true };
  }
  if (Array.isArray(value)) {
    const out: JsonValue[] = [];
    for (const v of value) {
      const r = removeDirectives(v);
      if (r.keep) out.push(r.value);
    }
    return { value: out, keep: true };
  }
  return { value, keep: true };
}

/** Deletes null-valued keys throughout a patch value (Go `discardNullValuesFromPatch`). */
export function discardNullValues(value: JsonValue): void {
  if (isJsonObject(value)) {
    for (const k of Object.keys(value)) {
      if (value[k] === null) delete value[k];
      else discardNullValues(value[k]);
    }
  } else if (Array.isArray(value)) {
    value.forEach(discardNullValues);
  }
}
