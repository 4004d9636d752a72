// JSON as Go's encoding/json writes it, which is what `kubectl -o json` prints
// (k8s.io/cli-runtime/pkg/printers/json.go: json.MarshalIndent with four spaces, then "\n").
// Go differs from JSON.stringify in ways a learner can see: it escapes <, > and & as
// \u003c, \u003e, \u0026 (HTML-safe output), escapes U+2028/U+2029, prints empty objects
// and arrays as {} and [] even when indenting, and sorts map keys by byte order.

import { compareGoStrings, isGoInt, formatGoInt } from "./goFormat";

/** How to lay out the JSON text. */
export interface JsonOptions {
  /** Indent unit; "" prints compact JSON as json.Marshal does. Default four spaces. */
  indent?: string;
  /**
   * Sort object keys by byte order, as Go does for maps. kubectl prints objects it read
   * from the server as unstructured maps, so their keys come out sorted (the default).
   * Pass false for objects kubectl built itself (typed structs print in field order).
   */
  sortKeys?: boolean;
}

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  "\\": "\\\\",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\b": "\\b",
  "\f": "\\f",
};

function escapeChar(ch: string): string {
  const short = SHORT_ESCAPES[ch];
  if (short) return short;
  const code = ch.codePointAt(0) ?? 0;
  if (code >= 0xd800 && code <= 0xdfff) return "\\ufffd"; // invalid UTF-8 in Go
  return `\\u${code.toString(16).padStart(4, "0")}`;
}

/** A JSON string literal as Go's encoder writes it (HTML escaping on). */
export function goJsonString(s: string): string {
  let out = '"';
  for (const ch of s) {
    // Iterating by code point leaves surrogate pairs whole; a lone surrogate is length 1.
    const code = ch.codePointAt(0) ?? 0;
    const escape = code < 0x20 || '"\\<>&\u2028\u2029'.includes(ch) || (code >= 0xd800 && code <= 0xdfff);
    out += escape ? escapeChar(ch) : ch;
  }
  return `${out}"`;
}

/** A JSON number as Go writes a float64 or int64. */
function goJsonNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`json: unsupported value: ${n}`);
  if (Object.is(n, -0)) return "-0"; // a float64 in Go (an int64 has no negative zero)
  if (isGoInt(n)) return formatGoInt(n);
  // Go uses %f below 1e21 and at or above 1e-6, else %e with a trimmed exponent: JS agrees.
  return String(n);
}

function encode(value: unknown, opts: Required<JsonOptions>, depth: number): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return goJsonString(value);
  if (typeof value === "number") return goJsonNumber(value);
  if (typeof value === "boolean") return String(value);
  const pad = opts.indent ? `\n${opts.indent.repeat(depth + 1)}` : "";
  const close = opts.indent ? `\n${opts.indent.repeat(depth)}` : "";
  const colon = opts.indent ? ": " : ":";
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const items = value.map((item) => pad + encode(item, opts, depth + 1));
    return `[${items.join(",")}${close}]`;
  }
  const obj = value as Record<string, unknown>;
  let keys = Object.keys(obj).filter((k) => obj[k] !== undefined);
  if (opts.sortKeys) keys = keys.sort(compareGoStrings);
  if (keys.length === 0) return "{}";
  const members = keys.map((k) => pad + goJsonString(k) + colon + encode(obj[k], opts, depth + 1));
  return `{${members.join(",")}${close}}`;
}

/** Encodes a decoded JSON value as Go's encoding/json would, without a trailing newline. */
export function encodeGoJson(value: unknown, options: JsonOptions = {}): string {
  return encode(value, { indent: options.indent ?? "    ", sortKeys: options.sortKeys ?? true }, 0);
}

/** The text `kubectl -o json` prints for one object: four-space indent, trailing newline. */
export function toJson(value: unknown, options: Omit<JsonOptions, "indent"> = {}): string {
  return `${encodeGoJson(value, { ...options, indent: "    " })}\n`;
}
