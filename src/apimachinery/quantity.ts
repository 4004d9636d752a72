/**
 * resource.Quantity from k8s.io/apimachinery/pkg/api/resource: a fixed-point number with a
 * remembered suffix format, parsed and printed exactly as the API server does ("1.5" prints
 * as "1500m", "1024Mi" as "1Gi", "+1" keeps its spelling). Values are exact (BigInt), never
 * floating point, and are rounded up to nano units on parse as Kubernetes does.
 */

/** How a quantity prints: `12e6`, `12Mi` (powers of 1024) or `12M` (powers of 1000). */
export type QuantityFormat = "DecimalExponent" | "BinarySI" | "DecimalSI";

const SPLIT_RE = "^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$";

/** ErrFormatWrong: the text the API server returns for a malformed quantity. */
export const QUANTITY_FORMAT_ERROR = `quantities must match the regular expression '${SPLIT_RE}'`;
/** ErrNumeric. */
export const QUANTITY_NUMERIC_ERROR = "unable to parse numeric part of quantity";
/** ErrSuffix. */
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";

/** Thrown by {@link parseQuantity}; `message` is one of the three Kubernetes parse errors. */
export class QuantityParseError extends Error {
  override readonly name = "QuantityParseError";
}

const NANO = -9;
const MAX_INT64 = 2n ** 63n - 1n;
const SUFFIX_CHARS = "eEinumkKMGTP";

const DECIMAL_SUFFIXES: Record<string, number> = {
  n: -9,
  u: -6,
  m: -3,
  "": 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};
const BINARY_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL_BY_EXPONENT = new Map(Object.entries(DECIMAL_SUFFIXES).map(([s, e]) => [e, s]));
const BINARY_BY_EXPONENT = new Map(Object.entries(BINARY_SUFFIXES).map(([s, e]) => [e, s]));

const pow10 = (n: number): bigint => 10n ** BigInt(n);
const abs = (n: bigint): bigint => (n < 0n ? -n : n);

/** Divides by 10^digits rounding away from zero; reports whether nothing was lost. */
function divRoundUp(n: bigint, digits: number): { value: bigint; exact: boolean } {
  const d = pow10(digits);
  const q = n / d;
  if (q * d === n) return { value: q, exact: true };
  return { value: n < 0n ? q - 1n : q + 1n, exact: false };
}

/**
 * An immutable quantity: value = unscaled × 10^scale. `cached` is the original spelling when
 * Kubernetes would reuse it verbatim (it already looked canonical).
 */
export class Quantity {
  constructor(
    readonly unscaled: bigint,
    readonly scale: number,
    readonly format: QuantityFormat,
    private readonly cached?: string,
  ) {}

  /** NewQuantity: an integer value. */
  static fromInt(value: number | bigint, format: QuantityFormat = "DecimalSI"): Quantity {
    return new Quantity(BigInt(value), 0, format);
  }

  /** NewMilliQuantity: value / 1000. */
  static fromMilli(value: number | bigint, format: QuantityFormat = "DecimalSI"): Quantity {
    return new Quantity(BigInt(value), -3, format);
  }

  /** -1, 0 or 1 as the value is negative, zero or positive. */
  sign(): -1 | 0 | 1 {
    return this.unscaled === 0n ? 0 : this.unscaled < 0n ? -1 : 1;
  }

  isZero(): boolean {
    return this.unscaled === 0n;
  }

  /** Cmp: -1, 0 or 1 as this is less than, equal to or greater than `other`. */
  cmp(other: Quantity): -1 | 0 | 1 {
    const s = Math.min(this.scale, other.scale);
    const a = this.unscaled * pow10(this.scale - s);
    const b = other.unscaled * pow10(other.scale - s);
    return a === b ? 0 : a < b ? -1 : 1;
  }

  /** Add: the sum; a zero receiver takes the argument's format, as in Go. */
  add(other: Quantity): Quantity {
    const s = Math.min(this.scale, other.scale);
    const sum = this.unscaled * pow10(this.scale - s) + other.unscaled * pow10(other.scale - s);
    return new Quantity(sum, s, this.isZero() ? other.format : this.format);
  }

  /** Sub: the difference; a zero receiver takes the argument's format, as in Go. */
  sub(other: Quantity): Quantity {
    return this.add(new Quantity(-other.unscaled, other.scale, other.format));
  }

  /**
   * RoundUp: the value rounded away from zero to a multiple of 10^scale (scale -3 = milli),
   * and whether that was exact. The original spelling is kept only when nothing changed.
   */
  roundUp(scale: number): { quantity: Quantity; exact: boolean } {
    if (this.scale >= scale) return { quantity: this, exact: true };
    const { value, exact } = divRoundUp(this.unscaled, scale - this.scale);
    return { quantity: new Quantity(value, scale, this.format), exact };
  }

  /** ScaledValue: ceil(q / 10^scale), away from zero, as a JS number. */
  scaledValue(scale: number): number {
    if (this.scale >= scale) return Number(this.unscaled * pow10(this.scale - scale));
    return Number(divRoundUp(this.unscaled, scale - this.scale).value);
  }

  /** Value: the integer value rounded up (bytes for memory, cores for cpu). */
  value(): number {
    return this.scaledValue(0);
  }

  /** MilliValue: the value in thousandths, rounded up (millicores for cpu). */
  milliValue(): number {
    return this.scaledValue(-3);
  }

  /** AsApproximateFloat64. */
  asApproximateFloat64(): number {
    return Number(this.unscaled) * 10 ** this.scale;
  }

  /** String: the canonical form (see Quantity's doc in apimachinery), or the cached spelling. */
  toString(): string {
    if (this.cached !== undefined) return this.cached;
    if (this.isZero()) return "0";
    if (this.format === "BinarySI") {
      const small = this.cmp(Quantity.fromInt(-1024)) > 0 && this.cmp(Quantity.fromInt(1024)) < 0;
      const rounded = this.roundUp(0);
      if (!small && rounded.exact)
        return binaryString(rounded.quantity.unscaled * pow10(rounded.quantity.scale));
      return decimalString(this.unscaled, this.scale, "DecimalSI");
    }
    return decimalString(this.unscaled, this.scale, this.format);
  }

  /** JSON form, as MarshalJSON: the string. */
  toJSON(): string {
    return this.toString();
  }
}

function decimalString(unscaled: bigint, scale: number, format: QuantityFormat): string {
  let mantissa = unscaled;
  let exponent = scale;
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    exponent++;
  }
  while (((exponent % 3) + 3) % 3 !== 0) {
    mantissa *= 10n;
    exponent--;
  }
  if (format === "DecimalExponent") return exponent === 0 ? `${mantissa}` : `${mantissa}e${exponent}`;
  // Go emits no suffix when none exists (beyond E); the printed value is then wrong, as in Go.
  return `${mantissa}${DECIMAL_BY_EXPONENT.get(exponent) ?? ""}`;
}

function binaryString(value: bigint): string {
  let amount = abs(value);
  let times = 0;
  while (amount >= 1024n && amount % 1024n === 0n) {
    amount /= 1024n;
    times++;
  }
  return `${value < 0n ? "-" : ""}${amount}${BINARY_BY_EXPONENT.get(times * 10) ?? ""}`;
}

interface ScannedQuantity {
  positive: boolean;
  value: string;
  num: string;
  denom: string;
  suffix: string;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= "0" && c <= "9";

/** parseQuantityString: splits sign, integer digits, fraction digits and suffix. */
function scan(str: string): ScannedQuantity {
  let pos = 0;
  let positive = true;
  if (str[0] === "-" || str[0] === "+") {
    positive = str[0] === "+";
    pos++;
  }
  while (str[pos] === "0") pos++;
  const numStart = pos;
  while (isDigit(str[pos])) pos++;
  const num = str.slice(numStart, pos) || "0";
  let denom = "";
  if (str[pos] === ".") {
    const denomStart = ++pos;
    while (isDigit(str[pos])) pos++;
    denom = str.slice(denomStart, pos);
  }
  const value = str.slice(0, pos);
  const suffixStart = pos;
  while (pos < str.length && SUFFIX_CHARS.includes(str[pos])) pos++;
  if (str[pos] === "-" || str[pos] === "+") pos++;
  while (isDigit(str[pos])) pos++;
  if (pos < str.length) throw new QuantityParseError(QUANTITY_FORMAT_ERROR);
  return { positive, value, num, denom, suffix: str.slice(suffixStart) };
}

function interpretSuffix(suffix: string): { base: 2 | 10; exponent: number; format: QuantityFormat } {
  if (suffix in DECIMAL_SUFFIXES)
    return { base: 10, exponent: DECIMAL_SUFFIXES[suffix], format: "DecimalSI" };
  if (suffix in BINARY_SUFFIXES) return { base: 2, exponent: BINARY_SUFFIXES[suffix], format: "BinarySI" };
  if (
    suffix.length > 1 &&
    (suffix[0] === "e" || suffix[0] === "E") &&
    /^[+-]?[0-9]+$/.test(suffix.slice(1))
  ) {
    const exponent = Number(suffix.slice(1));
    // Go parses the exponent as int64 then narrows to int32; absurd exponents are out of scope.
    if (Number.isSafeInteger(exponent)) return { base: 10, exponent, format: "DecimalExponent" };
  }
  throw new QuantityParseError(QUANTITY_SUFFIX_ERROR);
}

/** The int64 fast path of ParseQuantity, or undefined when Go would fall back to inf.Dec. */
function parseFast(
  s: ScannedQuantity,
  exponent: number,
  format: QuantityFormat,
  original: string,
): Quantity | undefined {
  let precision: number;
  let scale = 0;
  let mantissa = 1n;
  if (format === "BinarySI") {
    if (exponent < 0 || s.denom.length > 0) return undefined;
    mantissa = 1n << BigInt(exponent);
    precision = 15 - s.num.length - Math.trunc((exponent * 3) / 10) - 1;
  } else {
    scale = exponent;
    precision = 18 - (s.num.length + s.denom.length);
  }
  if (precision < 0) return undefined;
  scale -= s.denom.length;
  if (scale < NANO) return undefined;
  const shifted = s.num + s.denom;
  const parsed = BigInt(shifted);
  const magnitude = parsed * mantissa;
  if (magnitude > MAX_INT64) return undefined;
  const result = s.positive ? magnitude : -magnitude;
  // Go reuses the caller's spelling when it already looks canonical (quirks included: "+1").
  const canonical =
    format === "BinarySI"
      ? exponent % 10 === 0 && (parsed & 7n) !== 0n
      : scale % 3 === 0 && !shifted.endsWith("000") && shifted[0] !== "0";
  return new Quantity(result, scale, format, canonical ? original : undefined);
}

/** The inf.Dec slow path of ParseQuantity: exact decimal, rounded up to nano, BinarySI capped. */
function parseSlow(s: ScannedQuantity, base: 2 | 10, exponent: number, format: QuantityFormat): Quantity {
  const m = /^[+-]?([0-9]*)(?:\.([0-9]*))?$/.exec(s.value);
  if (!m || (m[1] === "" && (m[2] ?? "") === "")) throw new QuantityParseError(QUANTITY_NUMERIC_ERROR);
  const frac = m[2] ?? "";
  let unscaled = BigInt((m[1] || "0") + frac);
  let scale = -frac.length;
  if (base === 10) scale += exponent;
  else unscaled *= 1n << BigInt(exponent);
  if (unscaled !== 0n && scale < NANO) {
    unscaled = divRoundUp(unscaled, NANO - scale).value;
    scale = NANO;
  }
  let outFormat = format;
  if (format === "BinarySI") {
    const q = new Quantity(unscaled, scale, format);
    if (q.cmp(Quantity.fromInt(MAX_INT64)) > 0) [unscaled, scale] = [MAX_INT64, 0];
    else if (q.cmp(Quantity.fromInt(1)) < 0 && q.sign() > 0) outFormat = "DecimalSI";
  }
  return new Quantity(s.positive ? unscaled : -unscaled, scale, outFormat);
}

/**
 * ParseQuantity: parses `100m`, `0.5`, `128Mi`, `1G`, `1e3`, ... exactly as Kubernetes.
 * Throws {@link QuantityParseError} with Kubernetes' message on malformed input. No
 * whitespace is trimmed here (the JSON decoder trims; see {@link parseQuantityValue}).
 */
export function parseQuantity(str: string): Quantity {
  if (str.length === 0) throw new QuantityParseError(QUANTITY_FORMAT_ERROR);
  if (str === "0") return new Quantity(0n, 0, "DecimalSI", "0");
  const scanned = scan(str);
  const { base, exponent, format } = interpretSuffix(scanned.suffix);
  return parseFast(scanned, exponent, format, str) ?? parseSlow(scanned, base, exponent, format);
}

/** Like {@link parseQuantity} but returns the error message instead of throwing. */
export function tryParseQuantity(str: string): { quantity: Quantity } | { error: string } {
  try {
    return { quantity: parseQuantity(str) };
  } catch (e) {
    if (e instanceof QuantityParseError) return { error: e.message };
    throw e;
  }
}

/**
 * A quantity as it arrives in a JSON object (Quantity.UnmarshalJSON): a string with
 * surrounding whitespace trimmed, or a JSON number (YAML `cpu: 1`) read from its text.
 */
export function parseQuantityValue(value: string | number): Quantity {
  return parseQuantity(typeof value === "number" ? String(value) : value.trim());
}

/** Compares two quantity strings; throws on a malformed one. */
export function compareQuantities(a: string | number, b: string | number): -1 | 0 | 1 {
  return parseQuantityValue(a).cmp(parseQuantityValue(b));
}
