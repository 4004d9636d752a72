import type { KubeObject } from "../api/types";
import { lastAppliedConfiguration, modifiedConfiguration } from "../apimachinery/patch/lastApplied";
import { computeApplyPatch } from "../apimachinery/patch/threeWayMerge";
import type { JsonObject } from "../apimachinery/patch/jsonValue";

/** The manifest as kubectl apply sends it: with its last-applied-configuration annotation. */
export function withLastApplied(obj: KubeObject): KubeObject {
  return modifiedConfiguration(obj as unknown as JsonObject) as unknown as KubeObject;
}

/**
 * The object client-side apply would write: the live object patched with the three-way
 * strategic merge of (last applied, new config, live). Undefined when the patch is empty
 * (kubectl then sends nothing and prints "unchanged").
 */
export function applyThreeWay(live: KubeObject, modified: KubeObject): KubeObject | undefined {
  const current = live as unknown as JsonObject;
  const patch = computeApplyPatch(
    lastAppliedConfiguration(current),
    modified as unknown as JsonObject,
    current,
    live.kind,
  );
  return patch.changed ? (patch.result as unknown as KubeObject) : undefined;
}
