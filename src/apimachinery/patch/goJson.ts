/**
 * Compact JSON exactly as Go's `encoding/json` writes it, which is what ends up inside
 * annotations such as `kubectl.kubernetes.io/last-applied-configuration`: HTML-sensitive
 * characters and U+2028/U+2029 escaped, and (for maps, i.e. unstructured objects) keys
 * sorted. Numbers already print alike: both languages switch to exponents below 1e-6 and
 * from 1e21.
 */
import { isJsonObject, type JsonValue } from "./jsonValue";

const goEscapes: Record<string, string> = {
  "<": "\\u003c",
  ">": "\\u003e",
  "&": "\\u0026",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};

function goString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => goEscapes[c]);
}

/**
 * Encodes `value` as Go's `json.Marshal` would. `sortKeys` mirrors Go maps (unstructured
 * objects); without it keys keep their order, as Go structs do.
 */
export function goJsonEncode(value: JsonValue, sortKeys: boolean): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `[${value.map((v) => goJsonEncode(v, sortKeys)).join(",")}]`;
  if (isJsonObject(value)) {
    const keys = Object.keys(value);
    // Go sorts map keys by their UTF-8 bytes; code-unit order agrees outside the astral planes.
    if (sortKeys) keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${keys.map((k) => `${goString(k)}:${goJsonEncode(value[k], sortKeys)}`).join(",")}}`;
  }
  if (typeof value === "string") return goString(value);
  return JSON.stringify(value);
}
