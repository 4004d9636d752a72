/**
 * JSON Patch (RFC 6902), applied exactly as the apiserver applies
 * `application/json-patch+json` (evanphx/json-patch v4), with its error texts. Used by
 * `kubectl patch --type json`.
 */
import {
  containerAdd,
  containerGet,
  containerRemove,
  containerSet,
  findContainer,
  type JsonContainer,
} from "./jsonPointer";
import { deepClone, deepEqual, hasKey, isJsonObject, type JsonObject, type JsonValue } from "./jsonValue";
import { PatchError } from "./patchErrors";

/** One decoded operation: `{op, path, from?, value?}` as the client sent it. */
export type JsonPatchOperation = JsonObject;

const missing = "missing value";

function goJsonKind(value: JsonValue): string {
  if (Array.isArray(value)) return "array";
  if (isJsonObject(value)) return "object";
  return typeof value === "boolean" ? "bool" : typeof value;
}

/**
 * Decodes a JSON patch document (Go `jsonpatch.DecodePatch`). Throws a `BadRequest`
 * PatchError with Go's unmarshal text when it is not an array of objects.
 */
export function decodeJsonPatch(patch: JsonValue): JsonPatchOperation[] {
  if (patch === null) return [];
  if (!Array.isArray(patch)) {
    throw new PatchError(
      `json: cannot unmarshal ${goJsonKind(patch)} into Go value of type jsonpatch.Patch`,
      "BadRequest",
    );
  }
  const bad = patch.find((op) => op !== null && !isJsonObject(op));
  if (bad !== undefined) {
    throw new PatchError(
      `json: cannot unmarshal ${goJsonKind(bad)} into Go value of type jsonpatch.Operation`,
      "BadRequest",
    );
  }
  return patch.map((op) => (op === null ? {} : op)) as JsonPatchOperation[];
}

function field(op: JsonPatchOperation, name: "path" | "from"): string {
  const v = hasKey(op, name) ? op[name] : null;
  if (v === null) {
    throw new Error(
      name === "path"
        ? `operation missing path field: ${missing}`
        : `operation, missing from field: ${missing}`,
    );
  }
  if (typeof v !== "string")
    throw new Error(`json: cannot unmarshal ${goJsonKind(v)} into Go value of type string`);
  return v;
}

/** The op's value; an absent value behaves as null in every operation. */
function value(op: JsonPatchOperation): JsonValue {
  return hasKey(op, "value") ? deepClone(op.value) : null;
}

function decodeOr(op: JsonPatchOperation, name: "path" | "from", prefix: string, keepCause: boolean): string {
  try {
    return field(op, name);
  } catch (err) {
    throw new Error(`${prefix}: ${keepCause ? (err as Error).message : missing}`, { cause: err });
  }
}

/** Runs `fn`, prefixing any error it throws. */
function wrap<T>(prefix: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw new Error(`${prefix}: ${(err as Error).message}`, { cause: err });
  }
}

function locate(doc: JsonContainer, path: string, notFound: string): { con: JsonContainer; key: string } {
  const found = findContainer(doc, path);
  if (!found) throw new Error(`${notFound}: ${missing}`);
  return found;
}

function opAdd(doc: JsonContainer, op: JsonPatchOperation): JsonContainer {
  const path = decodeOr(op, "path", "add operation failed to decode path", false);
  const { con, key } = locate(doc, path, `add operation does not apply: doc is missing path: "${path}"`);
  wrap(`error in add for path: '${path}'`, () => containerAdd(con, key, value(op)));
  return doc;
}

function opRemove(doc: JsonContainer, op: JsonPatchOperation): JsonContainer {
  const path = decodeOr(op, "path", "remove operation failed to decode path", false);
  const { con, key } = locate(doc, path, `remove operation does not apply: doc is missing path: "${path}"`);
  wrap(`error in remove for path: '${path}'`, () => containerRemove(con, key));
  return doc;
}

function opReplace(doc: JsonContainer, op: JsonPatchOperation): JsonContainer {
  const path = decodeOr(op, "path", "replace operation failed to decode path", true);
  if (path === "") {
    const v = value(op);
    // v4 wraps a nil error here, which fmt renders as "%!w(<nil>)".
    if (!Array.isArray(v) && !isJsonObject(v))
      throw new Error("replace operation value must be object or array: %!w(<nil>)");
    return v;
  }
  const { con, key } = locate(doc, path, `replace operation does not apply: doc is missing path: ${path}`);
  wrap("replace operation does not apply: doc is missing key", () => {
    try {
      containerGet(con, key);
    } catch {
      throw new Error(`${path}: ${missing}`);
    }
  });
  // v4 reports a failed replace as "error in remove" (sic).
  wrap(`error in remove for path: '${path}'`, () => containerSet(con, key, value(op)));
  return doc;
}

function opMove(doc: JsonContainer, op: JsonPatchOperation): JsonContainer {
  const from = decodeOr(op, "from", "move operation failed to decode from", true);
  const src = locate(doc, from, `move operation does not apply: doc is missing from path: ${from}`);
  const moved = wrap(`error in move for path: '${src.key}'`, () => containerGet(src.con, src.key));
  wrap(`error in move for path: '${src.key}'`, () => containerRemove(src.con, src.key));
  const path = decodeOr(op, "path", "move operation failed to decode path", true);
  const dst = locate(doc, path, `move operation does not apply: doc is missing destination path: ${path}`);
  wrap(`error in move for path: '${path}'`, () => containerAdd(dst.con, dst.key, moved));
  return doc;
}

function opTest(doc: JsonContainer, op: JsonPatchOperation): JsonContainer {
  const path = decodeOr(op, "path", "test operation failed to decode path", true);
  const failed = new Error(`testing value ${path} failed: test failed`);
  const want = hasKey(op, "value") ? op.value : null;
  if (path === "") {
    if (deepEqual(doc, want)) return doc;
    throw failed;
  }
  const { con, key } = locate(doc, path, `test operation does not apply: is missing path: ${path}`);
  const got = wrap(`error in test for path: '${path}'`, () => containerGet(con, key));
  if (got === null ? want === null : want !== null && deepEqual(got, want)) return doc;
  throw failed;
}

function opCopy(doc: JsonContainer, op: JsonPatchOperation): JsonContainer {
  const from = decodeOr(op, "from", "copy operation failed to decode from", true);
  const src = locate(doc, from, `copy operation does not apply: doc is missing from path: ${from}`);
  const copied = wrap(`error in copy for from: '${from}'`, () => containerGet(src.con, src.key));
  const path = decodeOr(op, "path", "copy operation failed to decode path", false);
  const dst = locate(doc, path, `copy operation does not apply: doc is missing destination path: ${path}`);
  wrap("error while adding value during copy", () => containerAdd(dst.con, dst.key, deepClone(copied)));
  return doc;
}

const operations: Record<string, (doc: JsonContainer, op: JsonPatchOperation) => JsonContainer> = {
  add: opAdd,
  remove: opRemove,
  replace: opReplace,
  move: opMove,
  test: opTest,
  copy: opCopy,
};

/**
 * Applies a JSON patch to a document (an object or array), returning a new document; the
 * input is not modified. A malformed patch throws a `BadRequest` PatchError; an operation
 * that does not apply throws an `Invalid` PatchError whose message is the library's text
 * (the apiserver replaces that text with the generic 422 message; `kubectl --local` prints it).
 */
export function applyJsonPatch(doc: JsonContainer, patch: JsonValue): JsonContainer {
  const ops = decodeJsonPatch(patch);
  let result = deepClone(doc);
  for (const op of ops) {
    const kind = typeof op.op === "string" ? op.op : "unknown";
    const apply = Object.prototype.hasOwnProperty.call(operations, kind) ? operations[kind] : undefined;
    try {
      if (!apply) throw new Error(`Unexpected kind: ${kind}`);
      result = apply(result, op);
    } catch (err) {
      throw new PatchError((err as Error).message, "Invalid");
    }
  }
  return result;
}

/**
 * The error text `kubectl patch --type json --local` (or `--dry-run=client`) reports for a
 * failed operation: kubectl rewrites "doc is missing key" failures (`getPatchedJSON`).
 */
export function kubectlLocalJsonPatchMessage(err: PatchError): string {
  const marker = "doc is missing key";
  if (!err.message.includes(marker)) return err.message;
  const at = err.message.indexOf("key:");
  return `Object to be patched is missing field (${err.message.slice(at + 5)})`;
}
