/**
 * `kubectl run|expose --overrides=JSON [--override-type=merge|strategic|json]`: the generated
 * object patched before it is sent, as cmdutil.Overrider does (pkg/cmd/util/override_options.go).
 */
import type { JsonValue } from "../../apimachinery/patch/jsonValue";
import type { KubeObject } from "../../api/types";
import type { FlagSpec } from "../cli/flags";
import { str } from "../flagAccess";
import { KubectlError, type VerbContext } from "../verb";
import { type PatchType, patchObject } from "./patchApply";

export const OVERRIDE_FLAGS: FlagSpec[] = [
  {
    name: "override-type",
    type: "string",
    default: "merge",
    usage: "The method used to override the generated object: json, merge, or strategic.",
  },
  {
    name: "overrides",
    type: "string",
    usage:
      "An inline JSON override for the generated object. If this is non-empty, it is used to override the generated object. Requires that the object supply a valid apiVersion field.",
  },
];

const TYPES: PatchType[] = ["json", "merge", "strategic"];

/** The generated object with --overrides applied (as it is when the flag is empty). */
export function withOverrides(ctx: VerbContext, obj: KubeObject): KubeObject {
  const overrides = str(ctx.flags, "overrides");
  if (overrides === "") return obj;
  const type = (str(ctx.flags, "override-type") || "merge") as PatchType;
  if (!TYPES.includes(type)) throw new KubectlError(`error: invalid override type: ${type}`);
  let patch: JsonValue;
  try {
    patch = JSON.parse(overrides) as JsonValue;
  } catch {
    // json-patch's MergePatch says only this; the other two report Go's JSON syntax error,
    // whose wording kubeplay does not reproduce.
    throw new KubectlError(
      type === "merge" ? "error: Invalid JSON Patch" : `error: --overrides is not valid JSON: ${overrides}`,
    );
  }
  return patchObject(obj, patch, type, "local");
}
