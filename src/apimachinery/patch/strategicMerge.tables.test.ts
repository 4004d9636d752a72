// The table tests of apimachinery pkg/util/strategicpatch/patch_test.go, run as data
// (testdata/strategicpatchCases.json) against the MergeItem test schema of that file.
import { load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { type JsonObject, type JsonValue, isJsonObject } from "./jsonValue";
import { PatchSchema, type PatchTypeRegistry } from "./patchMeta";
import { deduplicateScalars, sortMapsByField, sortScalars } from "./listOrder";
import { splitStrategies, strategicMergePatch } from "./strategicMerge";
import { createTwoWayMergePatch } from "./strategicDiff";
import { createThreeWayMergePatch } from "./threeWayMerge";
import cases from "./testdata/strategicpatchCases.json";

// The Go MergeItem / RetainKeysMergeItem structs' patch tags.
const mergeItemTypes: PatchTypeRegistry = {
  MergeItem: {
    mergingList: { strategy: "merge", mergeKey: "name", type: "MergeItem" },
    nonMergingList: { type: "MergeItem" },
    mergingIntList: { strategy: "merge" },
    mergeItemPtr: { strategy: "merge", mergeKey: "name", type: "MergeItem" },
    replacingItem: { strategy: "replace" },
    retainKeysMap: { strategy: "retainKeys", type: "RetainKeysMergeItem" },
    retainKeysMergingList: { strategy: "merge,retainKeys", mergeKey: "name", type: "MergeItem" },
  },
  RetainKeysMergeItem: {
    mergingIntList: { strategy: "merge" },
    mergingList: { strategy: "merge", mergeKey: "name", type: "MergeItem" },
    nonMergingList: { type: "MergeItem" },
  },
};
const schema = new PatchSchema(mergeItemTypes, "MergeItem");

// Go's test-only sortMergeListsByName: merge lists have no significant order, so the
// sorted-table cases compare documents with those lists sorted.
function sortMergeLists(m: JsonObject, s: PatchSchema): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(m)) {
    if (k === "$retainKeys" || k.startsWith("$deleteFromPrimitiveList"))
      out[k] = sortScalars(v as JsonValue[]);
    else if (k.startsWith("$setElementOrder") || k === "$patch") out[k] = v;
    else if (isJsonObject(v)) out[k] = sortMergeLists(v, s.lookup(k).schema);
    else if (Array.isArray(v)) {
      const { schema: sub, meta } = s.lookup(k);
      out[k] = splitStrategies(meta).strategy === "merge" ? sortList(v, sub, meta.mergeKey) : v;
    } else out[k] = v;
  }
  return out;
}

function sortList(list: JsonValue[], s: PatchSchema, mergeKey: string): JsonValue[] {
  if (list.length === 0) return list;
  if (!isJsonObject(list[0])) return sortScalars(deduplicateScalars(list));
  return sortMapsByField(
    list.map((e) => sortMergeLists(e as JsonObject, s)),
    mergeKey,
  );
}

interface RawCase {
  description: string;
  original?: string;
  modified?: string;
  current?: string;
  twoWay?: string;
  threeWay?: string;
  result?: string;
  twoWayResult?: string;
  expectedError?: string;
}

/** YAML to an object; absent or null documents are empty, as Go's unmarshal into a map leaves them. */
function doc(yaml: string | undefined): JsonObject {
  const v = yaml === undefined ? null : (load(yaml) as JsonValue);
  return isJsonObject(v) ? v : {};
}

describe("strategicpatch raw table (two-way)", () => {
  for (const c of cases.rawCases as RawCase[]) {
    it(c.description, () => {
      const original = doc(c.original);
      const patch = createTwoWayMergePatch(original, doc(c.modified), schema);
      expect(patch).toEqual(doc(c.twoWay));
      expect(strategicMergePatch(original, patch, schema)).toEqual(doc(c.twoWayResult ?? c.modified));
    });
  }
});

describe("strategicpatch raw table (three-way, overwrite)", () => {
  for (const c of (cases.rawCases as RawCase[]).filter((c) => c.result !== undefined)) {
    it(c.description, () => {
      const current = doc(c.current);
      const patch = createThreeWayMergePatch(doc(c.original), doc(c.modified), current, schema);
      expect(patch).toEqual(doc(c.threeWay));
      expect(strategicMergePatch(current, patch, schema)).toEqual(doc(c.result));
    });
  }
});

describe("strategicpatch custom raw table (patch application)", () => {
  for (const c of cases.customRawCases as RawCase[]) {
    it(c.description, () => {
      const apply = () => strategicMergePatch(doc(c.original), doc(c.twoWay), schema);
      if (c.expectedError) expect(apply).toThrow(c.expectedError);
      else expect(apply()).toEqual(doc(c.modified));
    });
  }
});

interface SortedCase {
  description: string;
  original?: JsonObject;
  modified?: JsonObject;
  current?: JsonObject;
  twoWay?: JsonObject;
  threeWay?: JsonObject;
  result?: JsonObject;
  twoWayResult?: JsonObject;
}

const sorted = (o: JsonObject | undefined): JsonObject => sortMergeLists(o ?? {}, schema);
const tableOf = (yaml: string) => (load(yaml) as { testCases: SortedCase[] }).testCases;

describe("strategicpatch custom table (patch application, merge lists compared sorted)", () => {
  for (const c of tableOf(cases.customCasesYaml)) {
    it(c.description, () => {
      const result = strategicMergePatch(sorted(c.original), sorted(c.twoWay), schema);
      expect(sorted(result)).toEqual(sorted(c.twoWayResult ?? c.modified));
    });
  }
});

describe("strategicpatch create table (merge lists compared sorted)", () => {
  for (const c of tableOf(cases.createCasesYaml)) {
    it(`${c.description} (two-way)`, () => {
      const patch = createTwoWayMergePatch(sorted(c.original), sorted(c.modified), schema);
      expect(sorted(patch)).toEqual(sorted(c.twoWay));
      const result = strategicMergePatch(sorted(c.original), patch, schema);
      expect(sorted(result)).toEqual(sorted(c.twoWayResult ?? c.modified));
    });
    if (c.result === undefined) continue;
    it(`${c.description} (three-way)`, () => {
      const patch = createThreeWayMergePatch(
        sorted(c.original),
        sorted(c.modified),
        sorted(c.current),
        schema,
      );
      expect(sorted(patch)).toEqual(sorted(c.threeWay));
      expect(sorted(strategicMergePatch(sorted(c.current), patch, schema))).toEqual(sorted(c.result));
    });
  }
});
