/**
 * One field of a cron spec, parsed exactly as robfig/cron v3 (`parser.go`, `spec.go`) does,
 * because the CronJob controller and the apiserver's validation both call its ParseStandard:
 * the same spec must be accepted, rejected (with the same words) and matched.
 *
 * A field is a 64-bit set: bit i means "value i matches"; bit 63 (STAR_BIT) records that the
 * field was written `*` or `?`, which switches day-of-month/day-of-week from OR to AND.
 */

/** Bit 63: the field was a star (`*` or `?`) without a step above 1. */
export const STAR_BIT = 1n << 63n;

/** The range of values a field accepts, and its names (lower case). */
export interface Bounds {
  readonly min: number;
  readonly max: number;
  readonly names?: Readonly<Record<string, number>>;
}

const MONTH_NAMES = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const DAY_NAMES = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

/** robfig's bounds for each field of a spec. */
export const BOUNDS = {
  seconds: { min: 0, max: 59 },
  minutes: { min: 0, max: 59 },
  hours: { min: 0, max: 23 },
  dom: { min: 1, max: 31 },
  months: { min: 1, max: 12, names: Object.fromEntries(MONTH_NAMES.map((n, i) => [n, i + 1])) },
  dow: { min: 0, max: 6, names: Object.fromEntries(DAY_NAMES.map((n, i) => [n, i])) },
} satisfies Record<string, Bounds>;

/** Thrown inside the parser; its message is robfig's error text, word for word. */
export class CronParseError extends Error {}

/** The bits min..max stepping by step (robfig `getBits`). */
export function getBits(min: number, max: number, step: number): bigint {
  let bits = 0n;
  for (let i = min; i <= max && i < 64; i += step) bits |= 1n << BigInt(i);
  return bits;
}

/** Every value of the bounds, plus the star bit (robfig `all`). */
export function all(r: Bounds): bigint {
  return getBits(r.min, r.max, 1) | STAR_BIT;
}

/** Whether value v is in the set. */
export function hasBit(bits: bigint, v: number): boolean {
  return ((bits >> BigInt(v)) & 1n) === 1n;
}

/**
 * A comma-separated list of ranges (robfig `getField`). Empty items are skipped, as Go's
 * strings.FieldsFunc does, so `1,,2` is `1,2`.
 * @throws CronParseError with robfig's message.
 */
export function getField(field: string, r: Bounds): bigint {
  let bits = 0n;
  for (const expr of field.split(",").filter((s) => s !== "")) bits |= getRange(expr, r);
  return bits;
}

/**
 * One range: `number | number "-" number ["/" number]`, or `*`/`?` with an optional step
 * (robfig `getRange`). `N/step` means `N-max/step`.
 * @throws CronParseError with robfig's message.
 */
export function getRange(expr: string, r: Bounds): bigint {
  const rangeAndStep = expr.split("/");
  const lowAndHigh = rangeAndStep[0].split("-");
  let start: number;
  let end: number;
  let extra = 0n;
  if (lowAndHigh[0] === "*" || lowAndHigh[0] === "?") {
    [start, end, extra] = [r.min, r.max, STAR_BIT];
  } else {
    start = parseIntOrName(lowAndHigh[0], r.names);
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) end = parseIntOrName(lowAndHigh[1], r.names);
    else throw new CronParseError(`too many hyphens: ${expr}`);
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    step = mustParseInt(rangeAndStep[1]);
    if (lowAndHigh.length === 1) end = r.max;
    if (step > 1) extra = 0n;
  } else if (rangeAndStep.length > 2) {
    throw new CronParseError(`too many slashes: ${expr}`);
  }
  checkRange(expr, r, start, end, step);
  return getBits(start, end, step) | extra;
}

function checkRange(expr: string, r: Bounds, start: number, end: number, step: number): void {
  if (start < r.min)
    throw new CronParseError(`beginning of range (${start}) below minimum (${r.min}): ${expr}`);
  if (end > r.max) throw new CronParseError(`end of range (${end}) above maximum (${r.max}): ${expr}`);
  if (start > end)
    throw new CronParseError(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  if (step === 0) throw new CronParseError(`step of range should be a positive number: ${expr}`);
}

function parseIntOrName(expr: string, names?: Readonly<Record<string, number>>): number {
  const named = names?.[expr.toLowerCase()];
  return named ?? mustParseInt(expr);
}

/** Go's strconv.Atoi on a 64-bit platform: optional sign, decimal digits only. */
function mustParseInt(expr: string): number {
  if (!/^[+-]?[0-9]+$/.test(expr)) {
    throw new CronParseError(
      `failed to parse int from ${expr}: strconv.Atoi: parsing ${goQuote(expr)}: invalid syntax`,
    );
  }
  const big = BigInt(expr);
  if (big > 9223372036854775807n || big < -9223372036854775808n) {
    throw new CronParseError(
      `failed to parse int from ${expr}: strconv.Atoi: parsing ${goQuote(expr)}: value out of range`,
    );
  }
  if (big < 0n) throw new CronParseError(`negative number (${big}) not allowed: ${expr}`);
  // Values beyond any bound only reach the range checks, where their size no longer matters.
  return big > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(big);
}

/** Go's %q for the ASCII strings a cron spec holds. */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}
