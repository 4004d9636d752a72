/**
 * Go's time.ParseDuration and Duration.String, the text form of duration
 * flags such as `kubectl delete --timeout` or `kubectl logs --since`.
 * Durations are handled as integer nanoseconds (bigint), as Go does.
 */
import type { GoParse } from "./goStrconv";
import { utf8Bytes } from "./goStrconv";

const unitNanos: Record<string, bigint> = {
  ns: 1n,
  us: 1_000n,
  "\u00b5s": 1_000n, // U+00B5 micro sign
  "\u03bcs": 1_000n, // U+03BC Greek small letter mu
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

const limit = 1n << 63n;

/**
 * time.ParseDuration: a signed sequence of decimal numbers with units
 * ("300ms", "-1.5h", "2h45m"); "0" alone needs no unit. Returns nanoseconds,
 * or Go's error text (`time: invalid duration "x"`, `time: missing unit in
 * duration "1"`, `time: unknown unit "x" in duration "1x"`).
 */
export function parseGoDuration(orig: string): GoParse<bigint> {
  const invalid = { ok: false as const, error: `time: invalid duration ${timeQuote(orig)}` };
  let s = orig;
  const negative = s[0] === "-";
  if (s[0] === "-" || s[0] === "+") s = s.slice(1);
  if (s === "0") return { ok: true, value: 0n };
  if (s === "") return invalid;
  let total = 0n;
  while (s !== "") {
    const part = parseComponent(s, orig);
    if (!part.ok) return part.error === "" ? invalid : part;
    total += part.value.nanos;
    if (total > limit) return invalid;
    s = part.value.rest;
  }
  if (negative) return { ok: true, value: -total };
  if (total > limit - 1n) return invalid;
  return { ok: true, value: total };
}

type Component = { nanos: bigint; rest: string };

/** One `[0-9]*(\.[0-9]*)?unit` component; an empty error means "invalid duration". */
function parseComponent(s: string, orig: string): GoParse<Component> {
  const invalid = { ok: false as const, error: "" };
  if (!(s[0] === "." || isDigit(s[0]))) return invalid;
  const whole = leadingInt(s);
  if (whole === null) return invalid;
  s = s.slice(whole.length);
  let fraction = { x: 0n, scale: 1, length: 0 };
  if (s[0] === ".") {
    fraction = leadingFraction(s.slice(1));
    s = s.slice(1 + fraction.length);
  }
  if (whole.length === 0 && fraction.length === 0) return invalid;
  let i = 0;
  while (i < s.length && s[i] !== "." && !isDigit(s[i])) i++;
  if (i === 0) return { ok: false, error: `time: missing unit in duration ${timeQuote(orig)}` };
  const unitName = s.slice(0, i);
  const unit = unitNanos[unitName];
  if (unit === undefined) {
    return { ok: false, error: `time: unknown unit ${timeQuote(unitName)} in duration ${timeQuote(orig)}` };
  }
  if (whole.value > limit / unit) return invalid;
  let nanos = whole.value * unit;
  if (fraction.x > 0n) {
    // Go converts through float64 here too, which keeps hour fractions nanosecond-exact.
    nanos += BigInt(Math.trunc(Number(fraction.x) * (Number(unit) / fraction.scale)));
    if (nanos > limit) return invalid;
  }
  return { ok: true, value: { nanos, rest: s.slice(i) } };
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= "0" && c <= "9";
}

function leadingInt(s: string): { value: bigint; length: number } | null {
  let x = 0n;
  let i = 0;
  for (; i < s.length && isDigit(s[i]); i++) {
    x = x * 10n + BigInt(s.charCodeAt(i) - 48);
    if (x > limit) return null;
  }
  return { value: x, length: i };
}

/** Fraction digits; digits past the point of overflow are consumed but ignored, as in Go. */
function leadingFraction(s: string): { x: bigint; scale: number; length: number } {
  let x = 0n;
  let scale = 1;
  let overflow = false;
  let i = 0;
  for (; i < s.length && isDigit(s[i]); i++) {
    if (overflow) continue;
    const y = x * 10n + BigInt(s.charCodeAt(i) - 48);
    if (x > (limit - 1n) / 10n || y > limit) {
      overflow = true;
      continue;
    }
    x = y;
    scale *= 10;
  }
  return { x, scale, length: i };
}

/** The time package's own quote(): non-ASCII and control bytes become \xNN. */
function timeQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (code >= 0x80 || code < 0x20) {
      for (const b of utf8Bytes(ch)) out += "\\x" + b.toString(16).padStart(2, "0");
    } else {
      out += ch === '"' || ch === "\\" ? "\\" + ch : ch;
    }
  }
  return out + '"';
}

/**
 * Duration.String: "0s", "1.5s", "2m0s", "1h0m0s", "300ms", "1µs", "-5s";
 * the form kubectl prints for duration defaults in help text.
 */
export function formatGoDuration(nanos: bigint): string {
  if (nanos === 0n) return "0s";
  const sign = nanos < 0n ? "-" : "";
  const u = nanos < 0n ? -nanos : nanos;
  if (u < 1_000_000_000n) return sign + formatSubSecond(u);
  const seconds = u / 1_000_000_000n;
  const fraction = trimFraction(u % 1_000_000_000n, 9);
  const h = seconds / 3600n;
  const m = (seconds / 60n) % 60n;
  const sec = `${seconds % 60n}${fraction}s`;
  if (h > 0n) return `${sign}${h}h${m}m${sec}`;
  if (m > 0n) return `${sign}${m}m${sec}`;
  return sign + sec;
}

function formatSubSecond(u: bigint): string {
  if (u < 1_000n) return `${u}ns`;
  if (u < 1_000_000n) return `${u / 1_000n}${trimFraction(u % 1_000n, 3)}\u00b5s`;
  return `${u / 1_000_000n}${trimFraction(u % 1_000_000n, 6)}ms`;
}

function trimFraction(rest: bigint, digits: number): string {
  if (rest === 0n) return "";
  return "." + rest.toString().padStart(digits, "0").replace(/0+$/, "");
}

/** Nanoseconds to (fractional) seconds, the unit the simulated clock uses. */
export function nanosToSeconds(nanos: bigint): number {
  return Number(nanos) / 1e9;
}
