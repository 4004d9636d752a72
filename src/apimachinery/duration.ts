// Port of k8s.io/apimachinery/pkg/util/duration: the "5m", "2d1h", "3y" ages kubectl prints.
// Durations are milliseconds; Go truncates toward zero when it converts durations to whole
// units, so every division here is followed by Math.trunc.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Whole seconds, or undefined when the duration is too far negative to be clock skew. */
function toleratedSeconds(ms: number): number | undefined {
  // Up to 2s (excluded) in the future counts as "now": machines' clocks disagree a little.
  const seconds = Math.trunc(ms / SECOND);
  if (seconds < -1) return undefined;
  return Math.max(seconds, 0);
}

/**
 * ShortHumanDuration: one unit, truncated ("59s", "1m", "23h", "364d", "2y").
 * Returns "<invalid>" for durations of -2s or less.
 */
export function shortHumanDuration(ms: number): string {
  const seconds = toleratedSeconds(ms);
  if (seconds === undefined) return "<invalid>";
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR);
  if (hours < 24) return `${hours}h`;
  if (hours < 24 * 365) return `${Math.trunc(hours / 24)}d`;
  return `${Math.trunc(ms / HOUR / 24 / 365)}y`;
}

/**
 * HumanDuration: about 2-3 significant figures, as kubectl's AGE column prints them
 * ("119s", "2m1s", "179m", "3h1m", "47h", "2d1h", "729d", "2y1d", "8y").
 * Returns "<invalid>" for durations of -2s or less.
 */
export function humanDuration(ms: number): string {
  const seconds = toleratedSeconds(ms);
  if (seconds === undefined) return "<invalid>";
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes < 10) return withRemainder(minutes, "m", seconds % 60, "s");
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR);
  if (hours < 8) return withRemainder(hours, "h", minutes % 60, "m");
  if (hours < 48) return `${hours}h`;
  const days = Math.trunc(hours / 24);
  if (hours < 24 * 8) return withRemainder(days, "d", hours % 24, "h");
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.trunc(days / 365);
  if (hours < 24 * 365 * 8) return withRemainder(years, "y", days % 365, "d");
  return `${years}y`;
}

/** "3h" when the smaller unit is zero, "3h1m" otherwise. */
function withRemainder(big: number, bigUnit: string, small: number, smallUnit: string): string {
  return small === 0 ? `${big}${bigUnit}` : `${big}${bigUnit}${small}${smallUnit}`;
}

/** 0001-01-01T00:00:00Z, Go's zero time.Time: metav1 serializes an unset time this way at worst. */
export const GO_ZERO_TIME_MS = shiftTwoDigitYear(Date.UTC(1, 0, 1), 1);

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?([Zz]|[+-]\d{2}:\d{2})$/;

/**
 * Milliseconds since the epoch of an RFC 3339 timestamp (metav1.Time or metav1.MicroTime),
 * or undefined when it is missing, unparsable or Go's zero time (which metav1 treats as unset).
 */
export function parseTimestamp(timestamp: string | null | undefined): number | undefined {
  if (!timestamp) return undefined;
  const m = RFC3339.exec(timestamp);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac = "", zone] = m;
  const fractionMs = Number(`0.${frac || "0"}`) * 1000;
  let ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) + fractionMs;
  if (Number(y) < 100) ms = shiftTwoDigitYear(ms, Number(y));
  if (zone !== "Z" && zone !== "z") {
    const sign = zone.startsWith("-") ? -1 : 1;
    ms -= sign * (Number(zone.slice(1, 3)) * HOUR + Number(zone.slice(4, 6)) * MINUTE);
  }
  return ms === GO_ZERO_TIME_MS ? undefined : ms;
}

/** Date.UTC maps years 0-99 to 1900-1999; move them back to the year actually written. */
function shiftTwoDigitYear(ms: number, year: number): number {
  const date = new Date(ms);
  date.setUTCFullYear(year);
  return date.getTime();
}

/**
 * translateTimestampSince: the age of a timestamp at nowMs as HumanDuration prints it,
 * or "<unknown>" when the timestamp is missing (kubectl's printers do the same).
 */
export function translateTimestampSince(timestamp: string | null | undefined, nowMs: number): string {
  const at = parseTimestamp(timestamp);
  if (at === undefined) return "<unknown>";
  return humanDuration(nowMs - at);
}

/** translateTimestampUntil: the time left until a timestamp, or "<unknown>" when it is missing. */
export function translateTimestampUntil(timestamp: string | null | undefined, nowMs: number): string {
  const at = parseTimestamp(timestamp);
  if (at === undefined) return "<unknown>";
  return humanDuration(at - nowMs);
}
