/**
 * JSON Merge Patch (RFC 7386) as evanphx/json-patch v4 implements it (the apiserver's
 * `application/merge-patch+json`, `kubectl patch --type merge`), its patch creation, and
 * apimachinery's `jsonmergepatch.CreateThreeWayJSONMergePatch`, which `kubectl apply`
 * uses for kinds without strategic-merge metadata (custom resources).
 */
import { deepClone, deepEqual, hasKey, isJsonObject, type JsonObject, type JsonValue } from "./jsonValue";
import { errPreconditionFailed, PatchError } from "./patchErrors";

function pruneNulls(value: JsonValue): JsonValue {
  if (isJsonObject(value)) return pruneObjectNulls(value);
  // Null array elements are kept; only nulls inside objects inside the array are pruned.
  if (Array.isArray(value)) return value.map((v) => (v === null ? v : pruneNulls(v)));
  return value;
}

function pruneObjectNulls(obj: JsonObject): JsonObject {
  for (const k of Object.keys(obj)) {
    if (obj[k] === null) delete obj[k];
    else obj[k] = pruneNulls(obj[k]);
  }
  return obj;
}

function mergeValue(cur: JsonValue, patch: JsonValue): JsonValue {
  if (!isJsonObject(cur)) return pruneNulls(patch);
  // v4 returns a non-object patch as is, nulls and all.
  if (!isJsonObject(patch)) return patch;
  mergeObjects(cur, patch);
  return cur;
}

function mergeObjects(doc: JsonObject, patch: JsonObject): void {
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete doc[k];
    else if (!hasKey(doc, k) || doc[k] === null) doc[k] = pruneNulls(v);
    else doc[k] = mergeValue(doc[k], v);
  }
}

/**
 * Applies a merge patch (Go `jsonpatch.MergePatch`) and returns the new document; the
 * inputs are not modified. A null patch throws `Invalid JSON Patch` (BadRequest); a
 * non-object document is replaced by the patch, as in v4.
 */
export function applyMergePatch(doc: JsonValue, patch: JsonValue): JsonValue {
  if (patch === null || (!isJsonObject(patch) && !Array.isArray(patch))) {
    throw new PatchError("Invalid JSON Patch", "BadRequest");
  }
  if (doc === null) throw new PatchError("Invalid JSON Document");
  const p = deepClone(patch);
  if (!isJsonObject(doc) || !isJsonObject(p)) return pruneNulls(p);
  const d = deepClone(doc);
  mergeObjects(d, p);
  return d;
}

function diffObjects(a: JsonObject, b: JsonObject): JsonObject {
  const into: JsonObject = {};
  for (const [key, bv] of Object.entries(b)) {
    if (!hasKey(a, key)) {
      into[key] = bv;
      continue;
    }
    const av = a[key];
    if (isJsonObject(av) && isJsonObject(bv)) {
      const sub = diffObjects(av, bv);
      if (Object.keys(sub).length > 0) into[key] = sub;
    } else if (!deepEqual(av, bv)) {
      into[key] = bv;
    }
  }
  for (const key of Object.keys(a)) if (!hasKey(b, key)) into[key] = null;
  return into;
}

/**
 * Creates the merge patch that turns `original` into `modified` (Go
 * `jsonpatch.CreateMergePatch` for two objects): changed and added keys with their new
 * values, removed keys as null, lists replaced whole.
 */
export function createMergePatch(original: JsonObject, modified: JsonObject): JsonObject {
  return deepClone(diffObjects(original, modified));
}

/** Keeps only the nulls (deletions) of a merge patch, or only its non-nulls. */
function keepOrDeleteNull(m: JsonObject, keepNull: boolean): JsonObject {
  const out: JsonObject = {};
  for (const [key, val] of Object.entries(m)) {
    if (val === null) {
      if (keepNull) out[key] = null;
    } else if (isJsonObject(val)) {
      // An explicitly empty map is a value, not an empty patch.
      if (Object.keys(val).length === 0) {
        if (!keepNull) out[key] = val;
        continue;
      }
      const sub = keepOrDeleteNull(val, keepNull);
      if (Object.keys(sub).length > 0) out[key] = sub;
    } else if (!keepNull) {
      out[key] = val;
    }
  }
  return out;
}

/** A check a computed patch must pass (Go `mergepatch.PreconditionFunc`). */
export type PatchPrecondition = (patch: JsonObject) => boolean;

/** Fails when the patch changes the top-level `key` (Go `mergepatch.RequireKeyUnchanged`). */
export function requireKeyUnchanged(key: string): PatchPrecondition {
  return (patch) => !hasKey(patch, key);
}

/** Fails when the patch changes `metadata.<key>` (Go `mergepatch.RequireMetadataKeyUnchanged`). */
export function requireMetadataKeyUnchanged(key: string): PatchPrecondition {
  return (patch) => !(isJsonObject(patch.metadata) && hasKey(patch.metadata, key));
}

/** The preconditions `kubectl apply` sets on a JSON merge patch: apiVersion, kind and name are fixed. */
export const applyPreconditions: readonly PatchPrecondition[] = [
  requireKeyUnchanged("apiVersion"),
  requireKeyUnchanged("kind"),
  requireMetadataKeyUnchanged("name"),
];

/**
 * The three-way JSON merge patch `kubectl apply` sends for kinds without strategic
 * metadata: additions and changes from `current` (live) to `modified` (new config), plus
 * deletions from `original` (last-applied) to `modified`. A failed precondition throws
 * `precondition failed for: ...` (kubectl then says "At least one of apiVersion, kind and
 * name was changed").
 */
export function createThreeWayJsonMergePatch(
  original: JsonObject | null,
  modified: JsonObject,
  current: JsonObject,
  preconditions: readonly PatchPrecondition[] = [],
): JsonObject {
  const addAndChange = keepOrDeleteNull(createMergePatch(current, modified), false);
  const deletions = keepOrDeleteNull(createMergePatch(original ?? {}, modified), true);
  // The two halves never overlap (a key is either absent from or present in `modified`),
  // so Kubernetes' conflict check cannot fire here and is omitted.
  // Merging into the deletions document keeps its nulls: only the patch side is pruned.
  const patch = applyMergePatch(deletions, addAndChange) as JsonObject;
  if (preconditions.some((check) => !check(patch))) throw errPreconditionFailed(patch);
  return patch;
}
