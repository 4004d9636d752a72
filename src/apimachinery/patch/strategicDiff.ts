/**
 * Strategic merge patch creation: the diff of two documents into a patch
 * (apimachinery `strategicpatch.diffMaps` and friends). Deleted map keys become null,
 * deleted elements of merging lists of maps become `$patch: delete` elements, deleted
 * scalars of merging lists go to `$deleteFromPrimitiveList/<list>`, order changes produce
 * `$setElementOrder/<list>`, and retainKeys fields get a `$retainKeys` list.
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
  deduplicateScalars,
  normalizeSliceOrder,
  sliceElementKind,
  sortMapsByField,
  sortScalars,
} from "./listOrder";
import { type PatchSchema } from "./patchMeta";
import { errBadArgType, errNoMergeKey, PatchError } from "./patchErrors";
import {
  deleteFromPrimitiveListPrefix,
  directiveMarker,
  retainKeysDirective,
  schemaFor,
  setElementOrderPrefix,
  splitStrategies,
} from "./strategicMerge";

/** What a diff records (Go `DiffOptions`). */
export interface DiffOptions {
  /** Emit `$setElementOrder` lists. */
  readonly setElementOrder?: boolean;
  /** Leave out additions and changes (keep only deletions). */
  readonly ignoreChangesAndAdditions?: boolean;
  /** Leave out deletions (keep only additions and changes). */
  readonly ignoreDeletions?: boolean;
  /** Emit a `$retainKeys` list for this map (set from the field's strategy). */
  readonly buildRetainKeysDirective?: boolean;
}

interface ListDiff {
  patchList: JsonValue[];
  deleteList: JsonValue[];
  setOrderList: JsonValue[];
}

function replaceIfNotEqual(
  key: string,
  original: JsonValue,
  modified: JsonValue,
  patch: JsonObject,
  opts: DiffOptions,
): void {
  if (!opts.ignoreChangesAndAdditions && !deepEqual(original, modified)) patch[key] = modified;
}

function diffScalarLists(
  original: JsonValue[],
  modified: JsonValue[],
  opts: DiffOptions,
): { add: JsonValue[]; del: JsonValue[] } {
  const o = sortScalars(original);
  const m = sortScalars(modified);
  const add: JsonValue[] = [];
  const del: JsonValue[] = [];
  let oi = 0;
  let mi = 0;
  while (oi < o.length || mi < m.length) {
    const os = oi < o.length ? goSprint(o[oi]) : null;
    const ms = mi < m.length ? goSprint(m[mi]) : null;
    if (os !== null && ms !== null && os === ms) {
      oi++;
      mi++;
    } else if (os === null || (ms !== null && os > ms)) {
      if (!opts.ignoreChangesAndAdditions) add.push(m[mi]);
      mi++;
    } else {
      if (!opts.ignoreDeletions) del.push(o[oi]);
      oi++;
    }
  }
  return { add, del: deduplicateScalars(del) };
}

function mapAndKey(list: JsonValue[], index: number, mergeKey: string): { map: JsonObject; key: JsonValue } {
  const m = list[index];
  if (!isJsonObject(m)) throw errBadArgType("map[string]interface {}", m);
  if (!hasKey(m, mergeKey)) throw errNoMergeKey(m, mergeKey);
  return { map: m, key: m[mergeKey] };
}

/** Walks both lists sorted by merge key, recursing into matches (Go `diffListsOfMaps`). */
function diffMapLists(
  original: JsonValue[],
  modified: JsonValue[],
  schema: PatchSchema,
  mergeKey: string,
  opts: DiffOptions,
): { patch: JsonValue[]; del: JsonValue[] } {
  const o = sortMapsByField(original, mergeKey);
  const m = sortMapsByField(modified, mergeKey);
  const patch: JsonValue[] = [];
  const del: JsonValue[] = [];
  let oi = 0;
  let mi = 0;
  while (oi < o.length || mi < m.length) {
    const oe = oi < o.length ? mapAndKey(o, oi, mergeKey) : null;
    const me = mi < m.length ? mapAndKey(m, mi, mergeKey) : null;
    const os = oe ? goSprint(oe.key) : "";
    const ms = me ? goSprint(me.key) : "";
    if (oe && me && os === ms) {
      const sub = diffMaps(oe.map, me.map, schema, opts);
      if (Object.keys(sub).length > 0) patch.push({ ...sub, [mergeKey]: me.key });
      oi++;
      mi++;
    } else if (me && (!oe || os > ms)) {
      if (!opts.ignoreChangesAndAdditions) patch.push(me.map);
      mi++;
    } else if (oe) {
      if (!opts.ignoreDeletions) del.push({ [mergeKey]: oe.key, [directiveMarker]: "delete" });
      oi++;
    }
  }
  return { patch, del };
}

function isOrderSame(original: JsonValue[], modified: JsonValue[], mergeKey: string): boolean {
  if (original.length !== modified.length) return false;
  return modified.every(
    (m, i) => mapAndKey([original[i]], 0, mergeKey).key === mapAndKey([m], 0, mergeKey).key,
  );
}

/** Diffs a merging list into a patch list, a primitive deletion list and an order list. */
function diffLists(
  original: JsonValue[],
  modified: JsonValue[],
  schema: PatchSchema,
  mergeKey: string,
  opts: DiffOptions,
): ListDiff {
  const none: ListDiff = { patchList: [], deleteList: [], setOrderList: [] };
  if (original.length === 0) {
    if (modified.length === 0 || opts.ignoreChangesAndAdditions) return none;
    return { ...none, patchList: modified };
  }
  const kind = sliceElementKind(original, modified);
  if (kind === "map") {
    const { patch, del } = diffMapLists(original, modified, schema, mergeKey, opts);
    const patchList = [...normalizeSliceOrder(patch, modified, mergeKey, kind), ...del];
    const orderSame = isOrderSame(original, modified, mergeKey);
    const wantOrder =
      opts.setElementOrder &&
      ((!opts.ignoreChangesAndAdditions && (patchList.length > 0 || !orderSame)) ||
        (!opts.ignoreDeletions && patchList.length > 0));
    const setOrderList = wantOrder
      ? modified.map((v) => ({ [mergeKey]: (v as JsonObject)[mergeKey] ?? null }))
      : [];
    return { patchList, deleteList: [], setOrderList };
  }
  const { add, del } = diffScalarLists(original, modified, opts);
  const wantOrder =
    opts.setElementOrder &&
    ((!opts.ignoreDeletions && del.length > 0) ||
      (!opts.ignoreChangesAndAdditions && !deepEqual(original, modified)));
  return {
    patchList: normalizeSliceOrder(add, modified, mergeKey, kind),
    deleteList: del,
    setOrderList: wantOrder ? modified : [],
  };
}

function diffMapField(
  key: string,
  original: JsonObject,
  modified: JsonObject,
  patch: JsonObject,
  schema: PatchSchema,
  opts: DiffOptions,
): void {
  const { schema: sub, meta } = schema.lookup(key);
  const { retainKeys, strategy } = splitStrategies(meta);
  if (strategy === "replace") {
    if (!opts.ignoreChangesAndAdditions) patch[key] = modified;
    return;
  }
  const value = diffMaps(original, modified, sub, { ...opts, buildRetainKeysDirective: retainKeys });
  if (Object.keys(value).length > 0) patch[key] = value;
}

function diffListField(
  key: string,
  original: JsonValue[],
  modified: JsonValue[],
  patch: JsonObject,
  schema: PatchSchema,
  opts: DiffOptions,
): void {
  const { schema: sub, meta } = schema.lookup(key);
  const { retainKeys, strategy } = splitStrategies(meta);
  if (strategy !== "merge") {
    replaceIfNotEqual(key, original, modified, patch, opts);
    return;
  }
  const d = diffLists(original, modified, sub, meta.mergeKey, {
    ...opts,
    buildRetainKeysDirective: retainKeys,
  });
  if (d.patchList.length > 0) patch[key] = d.patchList;
  if (d.deleteList.length > 0) patch[`${deleteFromPrimitiveListPrefix}/${key}`] = d.deleteList;
  if (d.setOrderList.length > 0) patch[`${setElementOrderPrefix}/${key}`] = d.setOrderList;
}

function diffDirective(original: JsonValue, modified: JsonValue, patch: JsonObject): void {
  if (typeof original !== "string" || typeof modified !== "string") {
    throw new PatchError(`invalid value for special key: ${directiveMarker}`);
  }
  if (original !== modified) patch[directiveMarker] = modified;
}

/** Does `original` hold a non-null key that `modified` lacks? */
function hasAdditionalNewField(original: JsonObject, modified: JsonObject): boolean {
  return Object.entries(original).some(([k, v]) => v !== null && !hasKey(modified, k));
}

/**
 * The strategic merge patch that turns `original` into `modified` under `opts` (Go
 * `diffMaps`). Values in the result may be shared with `modified`.
 */
export function diffMaps(
  original: JsonObject,
  modified: JsonObject,
  schema: PatchSchema,
  opts: DiffOptions,
): JsonObject {
  const patch: JsonObject = {};
  const retainKeys: JsonValue[] = [];
  for (const [key, mv] of Object.entries(modified)) {
    if (opts.buildRetainKeysDirective && mv !== null) retainKeys.push(key);
    if (!hasKey(original, key)) {
      if (!opts.ignoreChangesAndAdditions) patch[key] = mv;
      continue;
    }
    const ov = original[key];
    if (key === directiveMarker) diffDirective(ov, mv, patch);
    else if (goTypeName(ov) !== goTypeName(mv)) {
      if (!opts.ignoreChangesAndAdditions) patch[key] = mv;
    } else if (isJsonObject(ov)) diffMapField(key, ov, mv as JsonObject, patch, schema, opts);
    else if (Array.isArray(ov)) diffListField(key, ov, mv as JsonValue[], patch, schema, opts);
    else replaceIfNotEqual(key, ov, mv, patch, opts);
  }
  if (!opts.ignoreDeletions) {
    for (const key of Object.keys(original)) if (!hasKey(modified, key)) patch[key] = null;
  }
  if (retainKeys.length > 0 && (Object.keys(patch).length > 0 || hasAdditionalNewField(original, modified))) {
    patch[retainKeysDirective] = sortScalars(retainKeys);
  }
  return patch;
}

/**
 * Creates the strategic merge patch that turns `original` into `modified` for a kind (Go
 * `CreateTwoWayMergePatch`, with `$setElementOrder` lists). Inputs are not modified.
 */
export function createTwoWayMergePatch(
  original: JsonObject,
  modified: JsonObject,
  kind: string | PatchSchema,
): JsonObject {
  return deepClone(diffMaps(original, modified, schemaFor(kind), { setElementOrder: true }));
}
