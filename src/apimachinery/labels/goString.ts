/**
 * Small helpers that reproduce how Go treats strings, so that lengths, sort
 * orders and quoted values in messages come out exactly as Kubernetes prints them.
 */

/** Go's `len(s)`: the number of UTF-8 bytes of `s` (not UTF-16 code units). */
export function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    // Lone surrogates become U+FFFD (3 bytes) when Go decodes the JSON that carried them.
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

/**
 * Go's `a < b` on strings (byte-wise UTF-8 order), which is code point order.
 * JavaScript's default sort compares UTF-16 code units, which differs above U+FFFF.
 */
export function compareGoStrings(a: string, b: string): number {
  if (a === b) return 0;
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const ca = ia.next();
    const cb = ib.next();
    if (ca.done) return cb.done ? 0 : -1;
    if (cb.done) return 1;
    const d = (ca.value.codePointAt(0) ?? 0) - (cb.value.codePointAt(0) ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
}

/** Go's `sort.Strings` on a copy: returns a new array in Go string order. */
export function sortedGoStrings(values: readonly string[]): string[] {
  return [...values].sort(compareGoStrings);
}

const SIMPLE_ESCAPES: Record<string, string> = {
  "\x07": "\\a",
  "\b": "\\b",
  "\f": "\\f",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\v": "\\v",
  "\\": "\\\\",
  '"': '\\"',
};

// Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and ASCII space.
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

function quoteRune(ch: string): string {
  const simple = SIMPLE_ESCAPES[ch];
  if (simple !== undefined) return simple;
  const cp = ch.codePointAt(0) ?? 0;
  if (cp >= 0xd800 && cp <= 0xdfff) return "\uFFFD"; // a lone surrogate decodes to U+FFFD
  if (PRINTABLE.test(ch)) return ch;
  if (cp < 0x80) return "\\x" + cp.toString(16).padStart(2, "0");
  if (cp < 0x10000) return "\\u" + cp.toString(16).padStart(4, "0");
  return "\\U" + cp.toString(16).padStart(8, "0");
}

/** Go's `strconv.Quote` (and so `%q`): a double-quoted string with Go escapes. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) out += quoteRune(ch);
  return out + '"';
}

/** Go's `%#v` of a `[]string`: `[]string{"a", "b"}`, or `[]string(nil)` for a nil slice. */
export function goStringSlice(values: readonly string[] | null): string {
  if (values === null) return "[]string(nil)";
  return "[]string{" + values.map(goQuote).join(", ") + "}";
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * Go's `strconv.ParseInt(s, 10, 64)`: an optional sign then decimal digits, within
 * int64. Returns undefined where Go returns an error.
 */
export function parseInt64(s: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const n = BigInt(s);
  return n < INT64_MIN || n > INT64_MAX ? undefined : n;
}
