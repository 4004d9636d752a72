/**
 * Strategic merge patch application, as `k8s.io/apimachinery/pkg/util/strategicpatch`
 * (patch.go) does it on the apiserver for `kubectl patch` (default `--type strategic`) and
 * `kubectl apply`: maps merge key by key, null deletes a key, lists merge by merge key
 * where the schema says so and are replaced otherwise, and the directives `$patch`,
 * `$retainKeys`, `$setElementOrder/<list>` and `$deleteFromPrimitiveList/<list>` apply.
 */
import {
  deepClone,
  deepEqual,
  goSprint,
  goTypeName,
  hasKey,
  isJsonObject,
  type JsonObject,
  type JsonValue,
} from "./jsonValue";
import {
  extractToDeleteItems,
  normalizeElementOrder,
  partitionByPresence,
  sliceElementKind,
} from "./listOrder";
import { patchSchemaForKind, type PatchMeta, type PatchSchema } from "./patchMeta";
import {
  errBadArgType,
  errBadJSONDoc,
  errBadPatchFormatForPrimitiveList,
  errBadPatchFormatForRetainKeys,
  errBadPatchFormatForSetElementOrderList,
  errBadPatchType,
  errNoMergeKey,
  errUnsupportedStrategicMergePatchFormat,
  PatchError,
} from "./patchErrors";
import {
  discardNullValues,
  mergeSliceHandler,
  removeDirectives,
  type MergeOptions,
} from "./strategicMergeList";

export type { MergeOptions } from "./strategicMergeList";

export const directiveMarker = "$patch";
export const retainKeysDirective = "$retainKeys";
export const deleteFromPrimitiveListPrefix = "$deleteFromPrimitiveList";
export const setElementOrderPrefix = "$setElementOrder";

/**
 * Splits a field's strategies into "has retainKeys" and the other strategy
 * (Go `extractRetainKeysPatchStrategy`).
 */
export function splitStrategies(meta: PatchMeta): { retainKeys: boolean; strategy: string } {
  const s = meta.strategies;
  if (s.length === 0) return { retainKeys: false, strategy: "" };
  if (s.length === 1)
    return s[0] === "retainKeys" ? { retainKeys: true, strategy: "" } : { retainKeys: false, strategy: s[0] };
  if (s.length === 2 && s[0] === "retainKeys") return { retainKeys: true, strategy: s[1] };
  if (s.length === 2 && s[1] === "retainKeys") return { retainKeys: true, strategy: s[0] };
  throw new PatchError(`unexpected patch strategy: [${s.join(" ")}]`);
}

/** The list field a parallel-list key refers to: "$setElementOrder/containers" -> "containers". */
function extractKey(key: string, prefix: string): string {
  const slash = key.indexOf("/");
  if (slash < 0 || key.slice(0, slash) !== prefix) {
    throw prefix === deleteFromPrimitiveListPrefix
      ? errBadPatchFormatForPrimitiveList()
      : errBadPatchFormatForSetElementOrderList();
  }
  return key.slice(slash + 1);
}

function applyRetainKeys(original: JsonObject, patch: JsonObject, options: MergeOptions): void {
  if (!hasKey(patch, retainKeysDirective)) return;
  const retain = patch[retainKeysDirective];
  delete patch[retainKeysDirective];
  if (!options.mergeParallelList) {
    // Merging two patches: both must agree on the directive.
    if (!hasKey(original, retainKeysDirective)) original[retainKeysDirective] = retain;
    else if (!deepEqual(original[retainKeysDirective], retain)) {
      throw new PatchError(
        `${goSprint(original[retainKeysDirective])} and ${goSprint(retain)} are not deep equal: this may happen when calculating the 3-way diff patch`,
      );
    }
    return;
  }
  if (!Array.isArray(retain)) throw errBadPatchFormatForRetainKeys();
  const kept = new Set<JsonValue>(retain);
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || k.startsWith(deleteFromPrimitiveListPrefix) || k.startsWith(setElementOrderPrefix))
      continue;
    if (!kept.has(k)) throw errBadPatchFormatForRetainKeys();
  }
  for (const k of Object.keys(original)) if (!kept.has(k)) delete original[k];
}

function mergeKeyValueEqual(left: JsonValue, right: JsonValue, mergeKey: string): boolean {
  if (mergeKey === "") return left === right;
  if (!isJsonObject(left)) throw errBadArgType("map[string]interface {}", left);
  if (!isJsonObject(right)) throw errBadArgType("map[string]interface {}", right);
  if (!hasKey(left, mergeKey)) throw errNoMergeKey(left, mergeKey);
  if (!hasKey(right, mergeKey)) throw errNoMergeKey(right, mergeKey);
  return left[mergeKey] === right[mergeKey];
}

/** The patch list's items must appear in `$setElementOrder` in the same relative order. */
function validateAgainstSetOrder(patchList: JsonValue[], setOrder: JsonValue[], mergeKey: string): void {
  if (setOrder.length === 0 || patchList.length === 0) return;
  const items = mergeKey === "" ? patchList : extractToDeleteItems(patchList).keep;
  let pi = 0;
  let si = 0;
  while (pi < items.length && si < setOrder.length) {
    if (isJsonObject(items[pi]) && hasKey(items[pi] as JsonObject, directiveMarker)) {
      pi++;
      continue;
    }
    if (mergeKeyValueEqual(items[pi], setOrder[si], mergeKey)) pi++;
    si++;
  }
  if (pi < items.length && si >= setOrder.length) {
    throw new PatchError(
      `The order in patch list:\n${goSprint(patchList)}\n doesn't match ${setElementOrderPrefix} list:\n${goSprint(setOrder)}\n`,
    );
  }
}

function asList(value: JsonValue | undefined): JsonValue[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw errBadArgType("[]interface {}", value);
  return value;
}

/** Merges one `$setElementOrder/<list>` directive and its list, then orders the result. */
function mergeOrderedList(
  original: JsonObject,
  patch: JsonObject,
  key: string,
  schema: PatchSchema,
  options: MergeOptions,
): void {
  const setOrder = patch[key];
  if (!options.mergeParallelList) {
    if (!hasKey(original, key)) original[key] = setOrder;
    else if (!deepEqual(original[key], setOrder)) throw errBadPatchFormatForSetElementOrderList();
  }
  delete patch[key];
  if (!Array.isArray(setOrder)) throw errBadArgType("[]interface {}", setOrder);
  const listKey = extractKey(key, setElementOrderPrefix);
  const foundOriginal = hasKey(original, listKey);
  const foundPatch = hasKey(patch, listKey);
  const originalList = asList(foundOriginal ? original[listKey] : undefined);
  const patchList = asList(foundPatch ? patch[listKey] : undefined);
  const { schema: sub, meta } = schema.lookup(listKey);
  const { strategy } = splitStrategies(meta);
  validateAgainstSetOrder(patchList, setOrder, meta.mergeKey);
  if (!foundOriginal && !foundPatch) return;
  let merged: JsonValue[];
  if (!foundPatch) merged = originalList;
  else if (!foundOriginal) merged = removeDirectives(patchList).value as JsonValue[];
  else
    merged = mergeSliceHandler(
      originalList,
      patchList,
      sub,
      strategy,
      meta.mergeKey,
      false,
      options,
      mergeMap,
    );
  const { inList, rest } = partitionByPresence(merged, setOrder, meta.mergeKey);
  const kind = sliceElementKind(originalList, patchList);
  original[listKey] = normalizeElementOrder(inList, rest, setOrder, originalList, meta.mergeKey, kind);
  delete patch[listKey];
}

function takePatchValue(original: JsonObject, k: string, patchV: JsonValue, options: MergeOptions): void {
  if (options.ignoreUnmatchedNulls) discardNullValues(patchV);
  const r = removeDirectives(patchV);
  if (r.keep) original[k] = r.value;
  else delete original[k];
}

/** Merges one patch entry into `original` (the body of Go `mergeMap`'s loop). */
function mergeEntry(
  original: JsonObject,
  key: string,
  patchV: JsonValue,
  schema: PatchSchema,
  options: MergeOptions,
): void {
  let k = key;
  let isDeleteList = false;
  if (key.startsWith(deleteFromPrimitiveListPrefix)) {
    if (!options.mergeParallelList) {
      original[key] = patchV;
      return;
    }
    k = extractKey(key, deleteFromPrimitiveListPrefix);
    isDeleteList = true;
  }
  if (patchV === null) {
    delete original[k];
    if (options.ignoreUnmatchedNulls) return;
  }
  if (!hasKey(original, k) || goTypeName(original[k]) !== goTypeName(patchV)) {
    if (!isDeleteList) takePatchValue(original, k, patchV, options);
    return;
  }
  const current = original[k];
  if (isJsonObject(current)) {
    const { schema: sub, meta } = schema.lookup(k);
    const { strategy } = splitStrategies(meta);
    original[k] = strategy === "replace" ? patchV : mergeMap(current, patchV as JsonObject, sub, options);
  } else if (Array.isArray(current)) {
    const { schema: sub, meta } = schema.lookup(k);
    const { strategy } = splitStrategies(meta);
    original[k] = mergeSliceHandler(
      current,
      patchV,
      sub,
      strategy,
      meta.mergeKey,
      isDeleteList,
      options,
      mergeMap,
    );
  } else {
    takePatchValue(original, k, patchV, { ...options, ignoreUnmatchedNulls: false });
  }
}

/**
 * Merges `patch` into `original` (Go `mergeMap`). Both arguments are modified; callers
 * pass copies. Returns the merged map, which may be a different object (`$patch`).
 */
export function mergeMap(
  original: JsonObject | null,
  patch: JsonObject,
  schema: PatchSchema,
  options: MergeOptions,
): JsonObject {
  if (hasKey(patch, directiveMarker)) {
    const directive = patch[directiveMarker];
    if (directive === "replace") {
      delete patch[directiveMarker];
      return patch;
    }
    if (directive === "delete") return {};
    throw errBadPatchType(directive, patch);
  }
  const orig = original ?? {};
  applyRetainKeys(orig, patch, options);
  for (const key of Object.keys(patch)) {
    if (key.startsWith(setElementOrderPrefix) && hasKey(patch, key))
      mergeOrderedList(orig, patch, key, schema, options);
  }
  for (const key of Object.keys(patch)) mergeEntry(orig, key, patch[key], schema, options);
  return orig;
}

/** Resolves a kind name to its schema, refusing kinds without strategic metadata. */
export function schemaFor(kind: string | PatchSchema): PatchSchema {
  if (typeof kind !== "string") return kind;
  const schema = patchSchemaForKind(kind);
  if (!schema) throw errUnsupportedStrategicMergePatchFormat();
  return schema;
}

/** True for the directive keys a patch may carry: `$patch`, `$retainKeys` and the parallel lists. */
function isDirectiveKey(key: string): boolean {
  return (
    key === directiveMarker ||
    key === retainKeysDirective ||
    key.startsWith(`${setElementOrderPrefix}/`) ||
    key.startsWith(`${deleteFromPrimitiveListPrefix}/`)
  );
}

/**
 * Drops directive keys that a patch value taken whole (no original to merge into) carried
 * along. The apiserver loses them when it decodes the result into the typed object; this
 * engine keeps plain JSON, so it drops them here.
 */
function stripDirectiveKeys(value: JsonValue): void {
  if (Array.isArray(value)) value.forEach(stripDirectiveKeys);
  if (!isJsonObject(value)) return;
  for (const key of Object.keys(value)) {
    if (isDirectiveKey(key)) delete value[key];
    else stripDirectiveKeys(value[key]);
  }
}

/**
 * Applies a strategic merge patch to `original` for the given kind (or schema) and
 * returns the result, leaving both inputs untouched (Go `StrategicMergePatch`, plus the
 * typed decoding that drops stray directive keys). Throws a PatchError carrying
 * Kubernetes' message and the status the apiserver would answer with; an unknown kind
 * fails with "strategic merge patch format is not supported".
 */
export function strategicMergePatch(
  original: JsonObject,
  patch: JsonValue,
  kind: string | PatchSchema,
): JsonObject {
  const schema = schemaFor(kind);
  if (patch !== null && !isJsonObject(patch)) throw errBadJSONDoc();
  const options: MergeOptions = { mergeParallelList: true, ignoreUnmatchedNulls: true };
  const result = mergeMap(deepClone(original), deepClone(patch ?? {}), schema, options);
  stripDirectiveKeys(result);
  return result;
}
