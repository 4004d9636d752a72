/**
 * List helpers shared by strategic-merge patch creation and application: element typing,
 * scalar sorting and de-duplication, lookups by merge key, and the order normalisation
 * that keeps the patch's order first and the server's order for server-only items
 * (design: "preserve order in strategic merge patch").
 */
import {
  goInsertionSort,
  goSprint,
  goTypeName,
  hasKey,
  isJsonObject,
  type JsonObject,
  type JsonValue,
} from "./jsonValue";
import { errBadArgType, errNoListOfLists, errNoMergeKey, PatchError } from "./patchErrors";

/** "map" for lists of objects, otherwise the Go type name of the scalars. */
export type ElementKind = string;

const mapType = "map[string]interface {}";

/**
 * The common element type of the given lists (Go `sliceElementType`): "map" for objects,
 * the Go scalar type otherwise. Lists of lists, mixed types and all-empty lists are errors.
 */
export function sliceElementKind(...lists: JsonValue[][]): ElementKind {
  let prev: string | null = null;
  for (const list of lists) {
    for (const v of list) {
      const t = goTypeName(v);
      if (prev === null) {
        if (Array.isArray(v)) throw errNoListOfLists();
        prev = t;
      } else if (prev !== t) {
        throw new PatchError(`list element types are not identical: ${goSprint(lists)}`);
      }
    }
  }
  if (prev === null) throw new PatchError("no elements in any of the given slices");
  return prev === mapType ? "map" : prev;
}

/** The value of `key` in a list element, Go-style: absent and null are both nil. */
export function keyValue(item: JsonValue, key: string): JsonValue {
  return isJsonObject(item) && hasKey(item, key) ? item[key] : null;
}

/** Sorts scalars by their `%v` text (Go `sortScalars`, whose `less` is `<=`). */
export function sortScalars(list: JsonValue[]): JsonValue[] {
  return goInsertionSort(list, (a, b) => goSprint(a) <= goSprint(b));
}

/** Sorts maps by the `%v` text of their merge key (Go `sortMapsBasedOnField`). */
export function sortMapsByField(list: JsonValue[], field: string): JsonValue[] {
  return goInsertionSort(list, (a, b) => goSprint(keyValue(a, field)) <= goSprint(keyValue(b, field)));
}

/** Removes repeated scalars the way Go's `deduplicateScalars` does (moving the tail in). */
export function deduplicateScalars(input: JsonValue[]): JsonValue[] {
  const s = input.slice();
  let length = s.length - 1;
  for (let i = 0; i < length; i++) {
    for (let j = i + 1; j <= length; j++) {
      if (s[i] === s[j]) {
        s[j] = s[length];
        s.length = length;
        length--;
        j--;
      }
    }
  }
  return s;
}

/** Position of `item` in `list`, matching maps by merge key and scalars by value; -1 if absent. */
export function indexOfItem(list: JsonValue[], item: JsonValue, mergeKey: string, kind: ElementKind): number {
  const val = (v: JsonValue): JsonValue =>
    kind === "map" ? (isJsonObject(v) ? keyValue(v, mergeKey) : null) : v;
  const wanted = val(item);
  return list.findIndex((v) => val(v) === wanted);
}

/** The first map whose `key` equals `value` (Go `findMapInSliceBasedOnKeyValue`). */
export function findMapByKey(
  list: JsonValue[],
  key: string,
  value: JsonValue,
): { map: JsonObject; index: number } | null {
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    if (!isJsonObject(v)) throw new PatchError(`value for key ${i} is not a map`);
    if (hasKey(v, key) && v[key] === value) return { map: v, index: i };
  }
  return null;
}

function validateMergeKeyInLists(mergeKey: string, ...lists: JsonValue[][]): void {
  for (const list of lists) {
    for (const item of list) {
      if (!isJsonObject(item)) throw errBadArgType(mapType, item);
      if (!hasKey(item, mergeKey)) throw errNoMergeKey(item, mergeKey);
    }
  }
}

/** Splits a list of maps into those without and those with `$patch: delete`. */
export function extractToDeleteItems(list: JsonValue[]): { keep: JsonValue[]; toDelete: JsonValue[] } {
  const keep: JsonValue[] = [];
  const toDelete: JsonValue[] = [];
  for (const v of list) {
    if (!isJsonObject(v)) throw errBadArgType(mapType, v);
    (v.$patch === "delete" ? toDelete : keep).push(v);
  }
  return { keep, toDelete };
}

/** Sorts `toSort` by the order of `order`; delete directives go last (Go `normalizeSliceOrder`). */
export function normalizeSliceOrder(
  toSort: JsonValue[],
  order: JsonValue[],
  mergeKey: string,
  kind: ElementKind,
): JsonValue[] {
  let items = toSort;
  let toDelete: JsonValue[] = [];
  if (kind === "map") {
    validateMergeKeyInLists(mergeKey, toSort, order);
    ({ keep: items, toDelete } = extractToDeleteItems(toSort));
  }
  const sorted = goInsertionSort(items, (a, b) => {
    const ia = indexOfItem(order, a, mergeKey, kind);
    const ib = ia >= 0 ? indexOfItem(order, b, mergeKey, kind) : -1;
    return ia >= 0 && ib >= 0 ? ia < ib : true;
  });
  return [...sorted, ...toDelete];
}

/**
 * Interleaves server-only items (`left`) into patch items (`right`), keeping each side's
 * relative order and placing a server-only item before the first patch item that follows
 * it in the live list (Go `mergeSortedSlice`).
 */
function mergeSortedSlice(
  left: JsonValue[],
  right: JsonValue[],
  serverOrder: JsonValue[],
  mergeKey: string,
  kind: ElementKind,
): JsonValue[] {
  const out: JsonValue[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]);
    else if (j >= right.length) out.push(left[i++]);
    else {
      const li = indexOfItem(serverOrder, left[i], mergeKey, kind);
      const ri = indexOfItem(serverOrder, right[j], mergeKey, kind);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]);
      else out.push(right[j++]);
    }
  }
  return out;
}

/** Orders patch items by `patchOrder`, server-only items by `serverOrder`, then interleaves them. */
export function normalizeElementOrder(
  patch: JsonValue[],
  serverOnly: JsonValue[],
  patchOrder: JsonValue[],
  serverOrder: JsonValue[],
  mergeKey: string,
  kind: ElementKind,
): JsonValue[] {
  const p = normalizeSliceOrder(patch, patchOrder, mergeKey, kind);
  const s = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, kind);
  return mergeSortedSlice(s, p, serverOrder, mergeKey, kind);
}

/** Splits `list` into items present in `by` and the rest (scalars by value, maps by merge key). */
export function partitionByPresence(
  list: JsonValue[],
  by: JsonValue[],
  mergeKey: string,
): { inList: JsonValue[]; rest: JsonValue[] } {
  const inList: JsonValue[] = [];
  const rest: JsonValue[] = [];
  for (const v of list) {
    let present: boolean;
    if (mergeKey === "") present = by.includes(v);
    else {
      if (!isJsonObject(v)) throw errBadArgType(mapType, v);
      if (!hasKey(v, mergeKey)) throw errNoMergeKey(v, mergeKey);
      present = findMapByKey(by, mergeKey, v[mergeKey]) !== null;
    }
    (present ? inList : rest).push(v);
  }
  return { inList, rest };
}
