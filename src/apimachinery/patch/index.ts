/**
 * Patch machinery with Kubernetes' behaviour: JSON patch, JSON merge patch, strategic
 * merge patch, the three-way merge of client-side `kubectl apply`, and the last-applied
 * annotation. Every function takes and returns plain JSON values and leaves its inputs
 * untouched; failures are PatchErrors carrying Kubernetes' texts.
 */
export {
  applyJsonPatch,
  decodeJsonPatch,
  kubectlLocalJsonPatchMessage,
  type JsonPatchOperation,
} from "./jsonPatch";
export {
  applyMergePatch,
  applyPreconditions,
  createMergePatch,
  createThreeWayJsonMergePatch,
  requireKeyUnchanged,
  requireMetadataKeyUnchanged,
  type PatchPrecondition,
} from "./jsonMergePatch";
export { decodePointerToken, encodePointerToken, formatPointer, type JsonContainer } from "./jsonPointer";
export type { JsonObject, JsonValue } from "./jsonValue";
export {
  lastAppliedAnnotation,
  lastAppliedConfigAnnotation,
  lastAppliedConfiguration,
  modifiedConfiguration,
  type ConfigEncoding,
} from "./lastApplied";
export {
  kubectlServerErrorMessage,
  PatchError,
  patchErrorCode,
  genericInvalidMessage,
  type PatchErrorReason,
} from "./patchErrors";
export { patchMetaAt, patchMetaTable, patchSchemaForKind, PatchSchema, type PatchMeta } from "./patchMeta";
export { createTwoWayMergePatch } from "./strategicDiff";
export { strategicMergePatch } from "./strategicMerge";
export { computeApplyPatch, createThreeWayMergePatch, type ApplyPatch } from "./threeWayMerge";
