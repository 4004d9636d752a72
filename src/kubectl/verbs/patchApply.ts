import { StatusError } from "../../api/errors";
import type { KubeObject } from "../../api/types";
import {
  applyJsonPatch,
  applyMergePatch,
  type JsonObject,
  type JsonValue,
  kubectlLocalJsonPatchMessage,
  kubectlServerErrorMessage,
  PatchError,
  strategicMergePatch,
} from "../../apimachinery/patch";
import type { FieldValidation } from "../../api/admission";
import { strictDecodeErrors, strictDecodingMessage } from "../../api/schema/strictDecode";
import { goSprint } from "../../apimachinery/patch/jsonValue";
import { KubectlError } from "../verb";

/** kubectl patch --type values, mapped to what they apply. */
export type PatchType = "json" | "merge" | "strategic";

export const PATCH_TYPES: readonly PatchType[] = ["json", "merge", "strategic"];

/**
 * Applies a patch to an object as the apiserver's patch handler would. Failures become
 * the error kubectl prints: server-side (`Error from server (BadRequest): …`) or, for
 * --local/--dry-run=client, the client's own text (getPatchedJSON).
 */
export function patchObject(
  obj: KubeObject,
  patch: JsonValue,
  type: PatchType,
  where: "server" | "local",
): KubeObject {
  const doc = obj as unknown as JsonObject;
  try {
    switch (type) {
      case "json":
        return applyJsonPatch(doc, patch) as unknown as KubeObject;
      case "merge":
        return applyMergePatch(doc, patch) as unknown as KubeObject;
      default:
        return strategicMergePatch(doc, patch, obj.kind) as unknown as KubeObject;
    }
  } catch (error) {
    if (!(error instanceof PatchError)) throw error;
    if (where === "local") {
      throw new KubectlError(
        `error: ${type === "json" ? kubectlLocalJsonPatchMessage(error) : error.message}`,
      );
    }
    if (error.reason === "BadRequest") throw new StatusError("BadRequest", error.message);
    throw new KubectlError(kubectlServerErrorMessage(error));
  }
}

/**
 * The apiserver's checks on a patched object before it is stored: the patch may not rename
 * it or move it to another namespace (the URL names the object).
 */
export function checkPatchedIdentity(live: KubeObject, patched: KubeObject): void {
  const name = patched.metadata?.name;
  if (name !== live.metadata.name) {
    throw new StatusError(
      "BadRequest",
      `the name of the object (${name ?? ""}) does not match the name on the URL (${live.metadata.name})`,
    );
  }
  const namespace = patched.metadata?.namespace;
  if (live.metadata.namespace && namespace !== live.metadata.namespace) {
    throw new StatusError(
      "BadRequest",
      `the namespace of the provided object does not match the namespace sent on the request`,
    );
  }
}

/**
 * The patch handler's decoding of the patched object (applyPatchToObject): unknown fields are
 * an Invalid error naming the patch under Strict, a warning under Warn (returned, for kubectl to
 * print as `Warning: …`), and silently dropped either way when the object is stored.
 */
export function checkPatchedFields(
  patched: KubeObject,
  patch: JsonValue,
  validation: FieldValidation,
): string[] {
  if (validation === "Ignore") return [];
  const unknown = strictDecodeErrors(patched, patched.apiVersion, patched.kind);
  if (unknown.length === 0) return [];
  if (validation === "Warn") return unknown;
  const cause = `patch: Invalid value: "${goSprint(patch)}": ${strictDecodingMessage(unknown)}`;
  throw new StatusError("Invalid", ` "" is invalid: ${cause}`, `The request is invalid: ${cause}\n`, [cause]);
}
