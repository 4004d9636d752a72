// Go formatting primitives that kubectl's printers lean on: strconv's shortest float
// formatting, strconv.Quote (%q), fmt's %v (fmt.Sprint) and %#v for decoded JSON, and
// encoding/json's byte-order sorting of map keys.
//
// Values are decoded JSON as the engine stores them. Go decodes an API object's
// integers as int64 and its other numbers as float64; a JS number carries no such
// tag, so an integral number within int64 range is taken to be an int64.

const INT64_LIMIT = 2 ** 63;

/** True when Go would hold this JSON number as an int64 (integral and in range). */
export function isGoInt(n: number): boolean {
  return Number.isInteger(n) && Math.abs(n) < INT64_LIMIT;
}

/** An integral number in full decimal digits, never in exponent form. */
export function formatGoInt(n: number): string {
  return BigInt(n).toString();
}

/**
 * strconv.FormatFloat(f, 'g', -1, 64): the shortest digits that round-trip, in %e form
 * when the decimal exponent is below -4 or at least 6 (Go's rule for shortest %g), with
 * an exponent of at least two digits ("1e+06", "1.5e-07").
 */
export function formatGoFloatG(f: number): string {
  if (Number.isNaN(f)) return "NaN";
  if (!Number.isFinite(f)) return f > 0 ? "+Inf" : "-Inf";
  if (f === 0) return Object.is(f, -0) ? "-0" : "0";
  const [mantissa, expText] = f.toExponential().split("e");
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) {
    const sign = exp < 0 ? "-" : "+";
    return `${mantissa}e${sign}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  // Within this range JS prints plain decimals with the same shortest digits.
  return String(f);
}

/** fmt's %v of a Go number as decoded from JSON: int64 in decimal, float64 as %g. */
export function formatGoNumber(n: number): string {
  return isGoInt(n) && !Object.is(n, -0) ? formatGoInt(n) : formatGoFloatG(n);
}

/** Code points of a string, lone surrogates replaced by U+FFFD as Go's UTF-8 handling does. */
export function codePoints(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0xfffd;
    out.push(cp >= 0xd800 && cp <= 0xdfff ? 0xfffd : cp);
  }
  return out;
}

/** Number of bytes of the UTF-8 encoding of a string (Go's len(s)). */
export function utf8Length(s: string): number {
  let n = 0;
  for (const cp of codePoints(s)) n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  return n;
}

/** Compares strings by their UTF-8 bytes, as Go's sort.Strings (and so encoding/json) does. */
export function compareGoStrings(a: string, b: string): number {
  const ca = codePoints(a);
  const cb = codePoints(b);
  for (let i = 0; i < ca.length && i < cb.length; i++) {
    // UTF-8 preserves code point order, so comparing code points compares bytes.
    if (ca[i] !== cb[i]) return ca[i] < cb[i] ? -1 : 1;
  }
  return ca.length - cb.length;
}

/** Keys of a JSON object in Go's map-key order (byte order). */
export function sortedGoKeys(obj: Record<string, unknown>): string[] {
  return Object.keys(obj).sort(compareGoStrings);
}

const QUOTE_ESCAPES: Record<number, string> = {
  0x07: "\\a",
  0x08: "\\b",
  0x0c: "\\f",
  0x0a: "\\n",
  0x0d: "\\r",
  0x09: "\\t",
  0x0b: "\\v",
  0x5c: "\\\\",
  0x22: '\\"',
};

/** Whether Go's unicode.IsPrint holds, approximated by JS's Unicode property classes. */
function isGoPrintable(cp: number): boolean {
  if (cp === 0x20) return true;
  const ch = String.fromCodePoint(cp);
  return /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(ch);
}

/** strconv.Quote, as fmt's %q prints a string. */
export function goQuote(s: string): string {
  let out = '"';
  for (const cp of codePoints(s)) {
    const escape = QUOTE_ESCAPES[cp];
    if (escape) out += escape;
    else if (isGoPrintable(cp)) out += String.fromCodePoint(cp);
    else if (cp < 0x80) out += `\\x${cp.toString(16).padStart(2, "0")}`;
    else if (cp < 0x10000) out += `\\u${cp.toString(16).padStart(4, "0")}`;
    else out += `\\U${cp.toString(16).padStart(8, "0")}`;
  }
  return `${out}"`;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * fmt.Sprint of a decoded JSON value (%v): maps as `map[k:v k2:v2]` with sorted keys,
 * slices as `[a b]`, nil as `<nil>`. This is how custom-columns prints a cell.
 */
export function goSprint(v: unknown): string {
  if (v === null || v === undefined) return "<nil>";
  if (typeof v === "string") return v;
  if (typeof v === "number") return formatGoNumber(v);
  if (typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return `[${v.map(goSprint).join(" ")}]`;
  if (isObject(v)) {
    const parts = sortedGoKeys(v).map((k) => `${k}:${goSprint(v[k])}`);
    return `map[${parts.join(" ")}]`;
  }
  return String(v);
}

/**
 * fmt's %#v of a decoded JSON value, as it sits inside a map[string]interface{}:
 * `map[string]interface {}{"a":"b", "n":1}`, `[]interface {}{"x"}`, `interface {}(nil)`.
 */
export function goSharpV(v: unknown): string {
  if (v === null || v === undefined) return "interface {}(nil)";
  if (typeof v === "string") return goQuote(v);
  if (typeof v === "number") return formatGoNumber(v);
  if (typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSharpV).join(", ")}}`;
  if (isObject(v)) {
    const parts = sortedGoKeys(v).map((k) => `${goQuote(k)}:${goSharpV(v[k])}`);
    return `map[string]interface {}{${parts.join(", ")}}`;
  }
  return String(v);
}
