/**
 * The three-way merge behind client-side `kubectl apply` and `kubectl diff`
 * (apimachinery `strategicpatch.CreateThreeWayMergePatch` with overwrite=true, and
 * kubectl `pkg/cmd/apply/patcher.go`): fields dropped from the configuration since the
 * last apply are deleted, fields others set on the live object are kept, and everything
 * the new configuration says wins.
 */
import {
  applyMergePatch,
  applyPreconditions,
  createThreeWayJsonMergePatch,
  type PatchPrecondition,
} from "./jsonMergePatch";
import { deepClone, type JsonObject } from "./jsonValue";
import { patchSchemaForKind, type PatchSchema } from "./patchMeta";
import { errPreconditionFailed } from "./patchErrors";
import { diffMaps } from "./strategicDiff";
import { mergeMap, schemaFor, strategicMergePatch } from "./strategicMerge";

/**
 * Creates the strategic merge patch that moves `current` (the live object) to `modified`
 * (the new configuration) while deleting what `original` (the last-applied configuration,
 * or null when there is none) had and `modified` dropped. Inputs are not modified.
 * Conflict detection (overwrite=false) is not offered: kubectl apply overwrites by default.
 */
export function createThreeWayMergePatch(
  original: JsonObject | null,
  modified: JsonObject,
  current: JsonObject,
  kind: string | PatchSchema,
  preconditions: readonly PatchPrecondition[] = [],
): JsonObject {
  const schema = schemaFor(kind);
  const orig = deepClone(original ?? {});
  const mod = deepClone(modified);
  const cur = deepClone(current);
  // The patch is the delta from live to config without deletions, merged onto the
  // deletions from last-applied to config; the delta is strictly additive.
  const delta = diffMaps(cur, mod, schema, { ignoreDeletions: true, setElementOrder: true });
  const deletions = diffMaps(orig, deepClone(mod), schema, {
    ignoreChangesAndAdditions: true,
    setElementOrder: true,
  });
  const patch = mergeMap(deletions, delta, schema, { mergeParallelList: false, ignoreUnmatchedNulls: false });
  if (preconditions.some((check) => !check(patch))) throw errPreconditionFailed(patch);
  return patch;
}

/** The patch kubectl apply sends and the object it yields. */
export interface ApplyPatch {
  /** "strategic" for built-in kinds, "merge" (JSON merge patch) for the rest. */
  readonly patchType: "strategic" | "merge";
  readonly patch: JsonObject;
  /** False when the patch is `{}`: kubectl skips the request and reports "unchanged". */
  readonly changed: boolean;
  /** The live object after the server applies the patch. */
  readonly result: JsonObject;
}

/**
 * Computes and applies the patch `kubectl apply` would send for a live object, choosing
 * like kubectl does: a strategic three-way patch for kinds with strategic metadata, else a
 * three-way JSON merge patch guarded by the apiVersion/kind/name preconditions (whose
 * failure kubectl reports as "At least one of apiVersion, kind and name was changed").
 * `modified` should already carry the new last-applied annotation (`modifiedConfiguration`).
 */
export function computeApplyPatch(
  original: JsonObject | null,
  modified: JsonObject,
  current: JsonObject,
  kind: string,
): ApplyPatch {
  if (patchSchemaForKind(kind)) {
    const patch = createThreeWayMergePatch(original, modified, current, kind);
    const changed = Object.keys(patch).length > 0;
    return {
      patchType: "strategic",
      patch,
      changed,
      result: changed ? strategicMergePatch(current, patch, kind) : deepClone(current),
    };
  }
  const patch = createThreeWayJsonMergePatch(original, modified, current, applyPreconditions);
  const changed = Object.keys(patch).length > 0;
  return {
    patchType: "merge",
    patch,
    changed,
    result: changed ? (applyMergePatch(current, patch) as JsonObject) : deepClone(current),
  };
}
