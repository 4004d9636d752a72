/**
 * The `kubectl.kubernetes.io/last-applied-configuration` annotation that client-side
 * `kubectl apply` (and `create --save-config`) keeps on objects, written the way
 * kubectl's `pkg/util/apply.go` writes it.
 */
import { goJsonEncode } from "./goJson";
import { deepClone, isJsonObject, type JsonObject } from "./jsonValue";

/** The annotation's key (`v1.LastAppliedConfigAnnotation`). */
export const lastAppliedConfigAnnotation = "kubectl.kubernetes.io/last-applied-configuration";

/**
 * How kubectl serialised the object:
 * - "unstructured": objects read from files (`apply -f`, `create -f --save-config`). Go
 *   maps: keys sorted, and `metadata.annotations` kept even when it ends up empty (`{}`).
 * - "typed": objects built by generators (`create deployment --save-config`). Go structs:
 *   keys in field order (the object's own order here), empty annotations omitted.
 */
export type ConfigEncoding = "unstructured" | "typed";

function annotationsOf(obj: JsonObject): JsonObject {
  const metadata = isJsonObject(obj.metadata) ? obj.metadata : {};
  return isJsonObject(metadata.annotations) ? metadata.annotations : {};
}

/** A copy of `obj` with `annotations` as its metadata.annotations (dropped when empty and typed). */
function withAnnotations(obj: JsonObject, annotations: JsonObject, encoding: ConfigEncoding): JsonObject {
  const copy = deepClone(obj);
  const metadata: JsonObject = isJsonObject(copy.metadata) ? copy.metadata : {};
  if (encoding === "typed" && Object.keys(annotations).length === 0) delete metadata.annotations;
  else metadata.annotations = annotations;
  copy.metadata = metadata;
  return copy;
}

/**
 * The annotation value kubectl stores for `obj`: the object without that annotation, as
 * compact Go JSON followed by a newline. For `apply -f` of a manifest without annotations
 * this contains `"metadata":{"annotations":{},...}`, as on a real cluster. The caller
 * sets the namespace first if kubectl would (apply fills in the default namespace).
 */
export function lastAppliedAnnotation(obj: JsonObject, encoding: ConfigEncoding = "unstructured"): string {
  const annotations = deepClone(annotationsOf(obj));
  delete annotations[lastAppliedConfigAnnotation];
  return `${goJsonEncode(withAnnotations(obj, annotations, encoding), encoding === "unstructured")}\n`;
}

/**
 * The configuration kubectl apply diffs against (Go `GetModifiedConfiguration` with
 * annotate=true): `obj` with its last-applied annotation set to `lastAppliedAnnotation(obj)`.
 */
export function modifiedConfiguration(
  obj: JsonObject,
  encoding: ConfigEncoding = "unstructured",
): JsonObject {
  const annotations = deepClone(annotationsOf(obj));
  annotations[lastAppliedConfigAnnotation] = lastAppliedAnnotation(obj, encoding);
  return withAnnotations(obj, annotations, encoding);
}

/**
 * The last-applied configuration stored on a live object, parsed; null when the
 * annotation is absent or empty (kubectl then computes no deletions).
 */
export function lastAppliedConfiguration(obj: JsonObject): JsonObject | null {
  const value = annotationsOf(obj)[lastAppliedConfigAnnotation];
  if (typeof value !== "string" || value === "") return null;
  const parsed: unknown = JSON.parse(value);
  return isJsonObject(parsed) ? (parsed as JsonObject) : null;
}
