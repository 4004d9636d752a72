/**
 * The errors of the patch machinery, with Kubernetes' exact texts
 * (`k8s.io/apimachinery/pkg/util/mergepatch/errors.go`, evanphx/json-patch), and how the
 * apiserver turns each into an HTTP status, so that kubectl can print what a real cluster
 * prints (`apiserver/pkg/endpoints/handlers/patch.go`, `interpretStrategicMergePatchError`).
 */
import { goSprint, goTypeName, type JsonObject, type JsonValue } from "./jsonValue";

/**
 * How the apiserver reports a failed patch:
 * - `BadRequest`: 400, the message is kept ("Error from server (BadRequest): ...").
 * - `Invalid`: 422 built by `NewGenericServerResponse`, whose message replaces ours
 *   ("The request is invalid: the server rejected our request due to an error in our request").
 * - `Unknown`: a plain Go error, sent as a 500 with no reason ("Error from server: ...").
 */
export type PatchErrorReason = "BadRequest" | "Invalid" | "Unknown";

/** A patch could not be created or applied. `message` is the Go error text. */
export class PatchError extends Error {
  constructor(
    message: string,
    readonly reason: PatchErrorReason = "Unknown",
  ) {
    super(message);
    this.name = "PatchError";
  }
}

/** The message `NewGenericServerResponse` gives every 422. */
export const genericInvalidMessage = "the server rejected our request due to an error in our request";

/** The HTTP status code the apiserver sends for a patch error of this reason. */
export function patchErrorCode(reason: PatchErrorReason): number {
  return reason === "BadRequest" ? 400 : reason === "Invalid" ? 422 : 500;
}

/**
 * What kubectl prints (before exiting 1) when the server rejects a patch with this error
 * (`kubectl/pkg/cmd/util/helpers.go` `checkErr`).
 */
export function kubectlServerErrorMessage(err: PatchError): string {
  switch (err.reason) {
    case "BadRequest":
      return `Error from server (BadRequest): ${err.message}`;
    case "Invalid":
      return `The request is invalid: ${genericInvalidMessage}`;
    default:
      return `Error from server: ${err.message}`;
  }
}

// The sentinel errors of mergepatch/errors.go, with the status interpretStrategicMergePatchError gives them.
export const errBadJSONDoc = (): PatchError => new PatchError("invalid JSON document", "BadRequest");
export const errNoListOfLists = (): PatchError =>
  new PatchError("lists of lists are not supported", "Invalid");
export const errBadPatchFormatForPrimitiveList = (): PatchError =>
  new PatchError("invalid patch format of primitive list", "BadRequest");
export const errBadPatchFormatForRetainKeys = (): PatchError =>
  new PatchError("invalid patch format of retainKeys", "BadRequest");
export const errBadPatchFormatForSetElementOrderList = (): PatchError =>
  new PatchError("invalid patch format of setElementOrder list", "BadRequest");
export const errUnsupportedStrategicMergePatchFormat = (): PatchError =>
  new PatchError("strategic merge patch format is not supported", "BadRequest");

/** `mergepatch.ErrNoMergeKey`: a merging-list element lacks its merge key. */
export function errNoMergeKey(m: JsonObject, key: string): PatchError {
  return new PatchError(`map: ${goSprint(m)} does not contain declared merge key: ${key}`);
}

/** `mergepatch.ErrBadArgType`: a value had the wrong JSON type. */
export function errBadArgType(expected: string, actual: JsonValue | undefined): PatchError {
  return new PatchError(`expected a ${expected}, but received a ${goTypeName(actual)}`);
}

/** `mergepatch.ErrBadPatchType`: an unknown `$patch` directive. */
export function errBadPatchType(directive: JsonValue, m: JsonObject): PatchError {
  const shown =
    typeof directive === "string"
      ? directive
      : directive === null
        ? "%!s(<nil>)"
        : `%!s(${goTypeName(directive)}=${goSprint(directive)})`;
  return new PatchError(`unknown patch type: ${shown} in map: ${goSprint(m)}`);
}

/** `mergepatch.NewErrPreconditionFailed`. */
export function errPreconditionFailed(patch: JsonObject): PatchError {
  return new PatchError(`precondition failed for: ${goSprint(patch)}`);
}
