/**
 * Go's time.ParseDuration, needed because robfig/cron accepts `@every <duration>` and
 * Kubernetes echoes Go's error text back to the user (`time: invalid duration "Xm"`).
 */

const UNIT_NANOS: Readonly<Record<string, bigint>> = {
  ns: 1n,
  us: 1_000n,
  µs: 1_000n, // U+00B5 micro sign
  μs: 1_000n, // U+03BC Greek mu
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

const MAX_INT64 = 9223372036854775807n;

/** The result of parsing: nanoseconds (as Go's int64 Duration), or Go's error message. */
export type GoDurationResult = { ok: true; nanos: bigint } | { ok: false; error: string };

/**
 * Parses a duration such as "300ms", "-1.5h" or "2h45m" exactly as Go's time.ParseDuration,
 * including its error messages.
 */
export function parseGoDuration(orig: string): GoDurationResult {
  const invalid = (): GoDurationResult => ({ ok: false, error: `time: invalid duration ${quote(orig)}` });
  let s = orig;
  let neg = false;
  if (s !== "" && (s[0] === "-" || s[0] === "+")) {
    neg = s[0] === "-";
    s = s.slice(1);
  }
  if (s === "0") return { ok: true, nanos: 0n };
  if (s === "") return invalid();
  let total = 0n;
  while (s !== "") {
    const m = /^([0-9]*)(?:\.([0-9]*))?/.exec(s);
    const whole = m?.[1] ?? "";
    const frac = m?.[2];
    if (whole === "" && (frac === undefined || frac === "")) return invalid();
    s = s.slice(m![0].length);
    const unitMatch = /^[^0-9.]*/.exec(s)![0];
    if (unitMatch === "") return { ok: false, error: `time: missing unit in duration ${quote(orig)}` };
    const unit = UNIT_NANOS[unitMatch];
    if (unit === undefined) {
      return { ok: false, error: `time: unknown unit ${quote(unitMatch)} in duration ${quote(orig)}` };
    }
    s = s.slice(unitMatch.length);
    const v = component(whole, frac ?? "", unit);
    total += v;
    if (v > MAX_INT64 || total > MAX_INT64 + (neg ? 1n : 0n)) return invalid();
  }
  return { ok: true, nanos: neg ? -total : total };
}

/** whole.frac × unit, with the fraction truncated to whole nanoseconds as Go does. */
function component(whole: string, frac: string, unit: bigint): bigint {
  const w = whole === "" ? 0n : BigInt(whole);
  if (frac === "") return w * unit;
  const scale = 10n ** BigInt(frac.length);
  return w * unit + (BigInt(frac) * unit) / scale;
}

/** Go's strconv.Quote, enough for duration text. */
function quote(s: string): string {
  return JSON.stringify(s);
}
