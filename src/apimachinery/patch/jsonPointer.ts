/**
 * JSON pointers (RFC 6901) and the containers they walk, as evanphx/json-patch v4 (the
 * library the apiserver applies `application/json-patch+json` with) treats them,
 * including its quirks: negative array indices count from the end, a missing object key
 * reads as null, and the first pointer segment is skipped unchecked ("a/b" acts as "/b").
 */
import { hasKey, isJsonObject, type JsonObject, type JsonValue } from "./jsonValue";

/** A JSON container a pointer can land in. */
export type JsonContainer = JsonObject | JsonValue[];

/** Decodes one reference token: "~1" becomes "/", then "~0" becomes "~" (RFC 6901 §4). */
export function decodePointerToken(token: string): string {
  return token.replace(/~[01]/g, (m) => (m === "~1" ? "/" : "~"));
}

/** Encodes one reference token ("~" becomes "~0", "/" becomes "~1"). */
export function encodePointerToken(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** Builds a pointer from unescaped segments: ["metadata", "labels", "a/b"] -> "/metadata/labels/a~1b". */
export function formatPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => `/${encodePointerToken(String(s))}`).join("");
}

/** Go `strconv.Atoi`, with its error texts. */
export function goAtoi(text: string): number {
  if (!/^[+-]?[0-9]+$/.test(text))
    throw new Error(`strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`);
  const n = Number(text);
  if (!Number.isSafeInteger(n))
    throw new Error(`strconv.Atoi: parsing ${JSON.stringify(text)}: value out of range`);
  return n === 0 ? 0 : n;
}

function invalidIndex(idx: number): Error {
  return new Error(`Unable to access invalid index: ${idx}: invalid index referenced`);
}

/** Resolves a possibly negative index against `length`, as v4 does when reading. */
function resolveIndex(idx: number, length: number): number {
  if (idx < 0) {
    if (idx < -length) throw invalidIndex(idx);
    return idx + length;
  }
  return idx;
}

/** Reads `key` from a container; a missing object key reads as null. Throws the library's text. */
export function containerGet(con: JsonContainer, key: string): JsonValue {
  if (!Array.isArray(con)) return hasKey(con, key) ? con[key] : null;
  const idx = resolveIndex(goAtoi(key), con.length);
  if (idx >= con.length) throw invalidIndex(idx);
  return con[idx];
}

/** Overwrites an existing array slot or sets an object key (the "replace" primitive). */
export function containerSet(con: JsonContainer, key: string, value: JsonValue): void {
  if (!Array.isArray(con)) {
    con[key] = value;
    return;
  }
  con[resolveIndex(goAtoi(key), con.length)] = value;
}

/** Inserts into an array ("-" appends) or sets an object key (the "add" primitive). */
export function containerAdd(con: JsonContainer, key: string, value: JsonValue): void {
  if (!Array.isArray(con)) {
    con[key] = value;
    return;
  }
  if (key === "-") {
    con.push(value);
    return;
  }
  let idx: number;
  try {
    idx = goAtoi(key);
  } catch (err) {
    throw new Error(`value was not a proper array index: '${key}': ${(err as Error).message}`, {
      cause: err,
    });
  }
  const size = con.length + 1;
  if (idx >= size) throw invalidIndex(idx);
  con.splice(resolveIndex(idx, size), 0, value);
}

/** Removes an array slot or an object key; a missing key is an error. */
export function containerRemove(con: JsonContainer, key: string): void {
  if (!Array.isArray(con)) {
    if (!hasKey(con, key)) throw new Error(`Unable to remove nonexistent key: ${key}: missing value`);
    delete con[key];
    return;
  }
  const raw = goAtoi(key);
  if (raw >= con.length) throw invalidIndex(raw);
  con.splice(resolveIndex(raw, con.length), 1);
}

/**
 * Finds the container holding the pointer's last segment, and that segment decoded.
 * Returns null when any intermediate segment is missing, null or a scalar.
 */
export function findContainer(
  root: JsonContainer,
  pointer: string,
): { con: JsonContainer; key: string } | null {
  const split = pointer.split("/");
  if (split.length < 2) return null;
  let con: JsonContainer = root;
  for (const part of split.slice(1, -1)) {
    let next: JsonValue;
    try {
      next = containerGet(con, decodePointerToken(part));
    } catch {
      return null;
    }
    if (!Array.isArray(next) && !isJsonObject(next)) return null;
    con = next;
  }
  return { con, key: decodePointerToken(split[split.length - 1]) };
}
