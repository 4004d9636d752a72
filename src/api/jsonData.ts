/**
 * Fast stand-ins for `JSON.parse(JSON.stringify(x))` and `JSON.stringify(a) === JSON.stringify(b)`
 * on the plain data the store holds. They keep JSON's exact semantics (undefined members
 * dropped, undefined array items become null, non-finite numbers become null, key order as
 * JSON.stringify writes it) so that swapping them in changes no output; anything that is not
 * plain data (a toJSON method, a class instance) falls back to the JSON round trip.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return (
    (proto === Object.prototype || proto === null) &&
    typeof (value as { toJSON?: unknown }).toJSON !== "function"
  );
}

/** The value JSON.stringify writes for an array item (undefined and functions become null). */
function copyItem(value: unknown): Json {
  const copied = copyValue(value);
  return copied === undefined ? null : copied;
}

/** The JSON copy of a value, or undefined when JSON.stringify would omit it. */
function copyValue(value: unknown): Json | undefined {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      return Number.isFinite(value) ? (value === 0 ? 0 : value) : null;
    case "object":
      break;
    default:
      return undefined;
  }
  if (value === null) return null;
  if (Array.isArray(value)) {
    const out: Json[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copyItem(value[i]);
    return out;
  }
  if (!isPlainObject(value)) return JSON.parse(JSON.stringify(value)) as Json;
  const out: { [key: string]: Json } = {};
  // for-in walks the same own keys in the same order here (a plain object inherits no
  // enumerable members) without allocating a key array for every object copied.
  for (const key in value) {
    const copied = copyValue((value as Record<string, unknown>)[key]);
    if (copied !== undefined) out[key] = copied;
  }
  return out;
}

/** A deep copy with exactly the result of `JSON.parse(JSON.stringify(value))` (undefined stays undefined). */
export function jsonCopy<T>(value: T): T {
  if (value === undefined) return value;
  return copyValue(value) as T;
}

/** Whether JSON.stringify would write the member (or array item as itself rather than null). */
function present(value: unknown): boolean {
  return value !== undefined && typeof value !== "function" && typeof value !== "symbol";
}

/** Number members JSON writes the same way: non-finite ones are all null. */
function sameNumber(a: number, b: number): boolean {
  if (Number.isFinite(a) && Number.isFinite(b)) return a === b;
  return !Number.isFinite(a) && !Number.isFinite(b);
}

function equalValues(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const ta = typeof a;
  const tb = typeof b;
  if (ta === "number" && tb === "number") return sameNumber(a as number, b as number);
  if (nullish(a) || nullish(b)) return nullish(a) && nullish(b);
  if (ta !== "object" || tb !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return equalArrays(a, b as unknown[]);
  if (!isPlainObject(a as object) || !isPlainObject(b as object))
    return JSON.stringify(a) === JSON.stringify(b);
  return equalObjects(a as Record<string, unknown>, b as Record<string, unknown>);
}

/** null, NaN and Infinity all print as null. */
function nullish(v: unknown): boolean {
  return v === null || (typeof v === "number" && !Number.isFinite(v));
}

function equalArrays(a: unknown[], b: unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = present(a[i]) ? a[i] : null;
    const y = present(b[i]) ? b[i] : null;
    if (!equalValues(x, y)) return false;
  }
  return true;
}

/** Members compared in order, as the JSON text would be: a reordered object is different. */
function equalObjects(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  let j = 0;
  for (const key of ka) {
    if (!present(a[key])) continue;
    while (j < kb.length && !present(b[kb[j]])) j++;
    if (j >= kb.length || kb[j] !== key || !equalValues(a[key], b[key])) return false;
    j++;
  }
  while (j < kb.length && !present(b[kb[j]])) j++;
  return j === kb.length;
}

/** Exactly `JSON.stringify(a) === JSON.stringify(b)`, without building the strings. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (!present(a) || !present(b)) return !present(a) && !present(b);
  return equalValues(a, b);
}
