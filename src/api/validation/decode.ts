/**
 * Quantities are checked while decoding, before validation: a malformed one fails the
 * whole request as a BadRequest (`<Kind> in version "<v>" cannot be handled as a <Kind>:
 * quantities must match ...`), not as a field error.
 */
import { tryParseQuantity } from "../../apimachinery/quantity";

type Json = unknown;

const RESOURCE_LIST_KEYS = new Set(["limits", "requests", "capacity", "allocatable", "overhead"]);

function firstBadQuantity(value: Json, parentKey: string): string | undefined {
  if (Array.isArray(value)) {
    for (const v of value) {
      const e = firstBadQuantity(v, "");
      if (e) return e;
    }
    return undefined;
  }
  if (typeof value !== "object" || value === null) return undefined;
  for (const [k, v] of Object.entries(value)) {
    if (RESOURCE_LIST_KEYS.has(parentKey) && (typeof v === "string" || typeof v === "number")) {
      const r = tryParseQuantity(typeof v === "number" ? String(v) : v.trim());
      if ("error" in r) return r.error;
      continue;
    }
    const e = firstBadQuantity(v, k);
    if (e) return e;
  }
  return undefined;
}

/**
 * The BadRequest message for an object whose resource quantities do not parse, or
 * undefined when all parse. `version` is the apiVersion's version part (e.g. "v1").
 */
export function findQuantityDecodeError(obj: { apiVersion?: string; kind?: string }): string | undefined {
  const error = firstBadQuantity(obj, "");
  if (!error) return undefined;
  const version = (obj.apiVersion ?? "").split("/").pop();
  return `${obj.kind} in version "${version}" cannot be handled as a ${obj.kind}: ${error}`;
}
