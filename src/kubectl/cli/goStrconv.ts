/**
 * Go's strconv as pflag uses it: the parsers behind bool and int flags, and
 * strconv.Quote (the %q verb), whose output appears inside kubectl's error
 * messages. Errors carry Go's exact text so that they can be printed verbatim.
 */

/** A parse result: the value, or Go's error text. */
export type GoParse<T> = { ok: true; value: T } | { ok: false; error: string };

const utf8 = new TextEncoder();

// strconv.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
const printable = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

const namedEscapes: Record<string, string> = {
  "\x07": "\\a",
  "\b": "\\b",
  "\f": "\\f",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\v": "\\v",
  '"': '\\"',
  "\\": "\\\\",
};

/**
 * strconv.Quote: a double-quoted Go string literal. Printable runes are kept,
 * control characters become \n-style or \xNN escapes, other unprintable runes
 * \uNNNN or \UNNNNNNNN. Lone UTF-16 surrogates (invalid in Go) become \ufffd.
 */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    out += quoteRune(ch, '"');
  }
  return out + '"';
}

/**
 * Go's %q of a byte (strconv.QuoteRune of its value), as pflag prints a
 * shorthand letter: 'z'. For a non-ASCII character Go sees its first UTF-8
 * byte, read as a Latin-1 rune, e.g. "é" gives 'Ã'.
 */
export function goQuoteByte(ch: string): string {
  const byte = utf8.encode(ch)[0] ?? 0;
  return "'" + quoteRune(String.fromCharCode(byte), "'") + "'";
}

function quoteRune(ch: string, quote: '"' | "'"): string {
  if (ch === quote) return "\\" + quote;
  const named = ch === '"' ? undefined : namedEscapes[ch];
  if (named !== undefined) return named;
  const code = ch.codePointAt(0)!;
  if (code >= 0xd800 && code <= 0xdfff) return "\\ufffd";
  if (printable.test(ch)) return ch;
  if (code < 0x80) return "\\x" + code.toString(16).padStart(2, "0");
  if (code < 0x10000) return "\\u" + code.toString(16).padStart(4, "0");
  return "\\U" + code.toString(16).padStart(8, "0");
}

/** The UTF-8 bytes of a string, which Go indexes where JS would use UTF-16 units. */
export function utf8Bytes(s: string): Uint8Array {
  return utf8.encode(s);
}

/** strconv.ParseBool: 1 t T TRUE true True, 0 f F FALSE false False. */
export function parseGoBool(s: string): GoParse<boolean> {
  if (["1", "t", "T", "TRUE", "true", "True"].includes(s)) return { ok: true, value: true };
  if (["0", "f", "F", "FALSE", "false", "False"].includes(s)) return { ok: true, value: false };
  return { ok: false, error: `strconv.ParseBool: parsing ${goQuote(s)}: invalid syntax` };
}

/**
 * strconv.ParseInt(s, 0, bitSize), as pflag's int, int32 and int64 flags call
 * it: base prefixes 0x 0o 0b and a bare leading 0 (octal), and underscores
 * between digits. Values beyond 2^53 lose precision in the returned number.
 */
export function parseGoInt(s: string, bitSize: 32 | 64 = 64): GoParse<number> {
  const syntax = { ok: false as const, error: `strconv.ParseInt: parsing ${goQuote(s)}: invalid syntax` };
  const range = { ok: false as const, error: `strconv.ParseInt: parsing ${goQuote(s)}: value out of range` };
  if (s === "") return syntax;
  const negative = s[0] === "-";
  const body = s[0] === "-" || s[0] === "+" ? s.slice(1) : s;
  const magnitude = parseUintBase0(body, BigInt(bitSize));
  if (magnitude === "syntax") return syntax;
  if (magnitude === "range") return range;
  const cutoff = 1n << BigInt(bitSize - 1);
  if (!negative && magnitude >= cutoff) return range;
  if (negative && magnitude > cutoff) return range;
  return { ok: true, value: Number(negative ? -magnitude : magnitude) };
}

/** strconv.ParseUint(s, 0, bitSize) without its sign handling; the magnitude or the failure kind. */
function parseUintBase0(s: string, bitSize: bigint): bigint | "syntax" | "range" {
  if (s === "") return "syntax";
  const { base, digits } = splitBasePrefix(s);
  const max = (1n << bitSize) - 1n;
  let n = 0n;
  let underscores = false;
  for (const c of digits) {
    if (c === "_") {
      underscores = true;
      continue;
    }
    const d = digitValue(c);
    if (d < 0 || d >= base) return "syntax";
    // Go reports overflow as soon as it happens, before looking at later digits.
    n = n * BigInt(base) + BigInt(d);
    if (n > max) return "range";
  }
  if (underscores && !underscoreOK(s)) return "syntax";
  return n;
}

function splitBasePrefix(s: string): { base: number; digits: string } {
  if (s[0] !== "0") return { base: 10, digits: s };
  const prefix = s.length >= 3 ? s[1].toLowerCase() : "";
  if (prefix === "b") return { base: 2, digits: s.slice(2) };
  if (prefix === "o") return { base: 8, digits: s.slice(2) };
  if (prefix === "x") return { base: 16, digits: s.slice(2) };
  return { base: 8, digits: s.slice(1) };
}

function digitValue(c: string): number {
  const lower = c.toLowerCase();
  if (lower >= "0" && lower <= "9") return lower.charCodeAt(0) - 48;
  if (lower >= "a" && lower <= "z" && lower.length === 1) return lower.charCodeAt(0) - 87;
  return -1;
}

/** Underscores may only sit between digits, or between a base prefix and a digit. */
function underscoreOK(s: string): boolean {
  let saw = "^";
  let i = 0;
  if (s[0] === "-" || s[0] === "+") s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === "0" && "box".includes(s[1].toLowerCase())) {
    i = 2;
    saw = "0";
    hex = s[1].toLowerCase() === "x";
  }
  for (; i < s.length; i++) {
    const c = s[i].toLowerCase();
    if ((c >= "0" && c <= "9") || (hex && c >= "a" && c <= "f")) {
      saw = "0";
    } else if (c === "_") {
      if (saw !== "0") return false;
      saw = "_";
    } else {
      if (saw === "_") return false;
      saw = "!";
    }
  }
  return saw !== "_";
}
