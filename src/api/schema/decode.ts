/**
 * The API server's decode verdict on a manifest: the error it would return, in the order it
 * checks (a JSON type error ends decoding before unknown fields are reported).
 */
import { strictDecodeErrors, strictDecodingMessage } from "./strictDecode";
import { typeErrors } from "./typeErrors";

/**
 * The decode error for `obj` as apiVersion/kind, e.g.
 * `json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32`
 * or `strict decoding error: unknown field "spec.replicass"`; undefined when it decodes cleanly.
 */
export function decodeError(obj: unknown, apiVersion: string, kind: string): string | undefined {
  const [typeError] = typeErrors(obj, apiVersion, kind);
  return typeError ?? strictDecodingMessage(strictDecodeErrors(obj, apiVersion, kind));
}

/**
 * The BadRequest message the API server wraps a decode error in (apiserver handlers'
 * transformDecodeError): `Deployment in version "v1" cannot be handled as a Deployment: <err>`.
 * `version` is the version alone ("v1" for apps/v1).
 */
export function cannotBeHandledMessage(kind: string, version: string, err: string): string {
  return `${kind} in version "${version}" cannot be handled as a ${kind}: ${err}`;
}
