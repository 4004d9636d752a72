// Which strings go-yaml v2 would read back as something other than a string if printed
// bare (goyaml.v2 resolve.go + encode.go stringv). kubectl's YAML (sigs.k8s.io/yaml v1.4.0
// → its goyaml.v2 fork) double-quotes exactly these: "80", "true", "y", "null", "",
// "1e3", "0x1F", "2026-01-05T10:00:00Z", "1:20" (a YAML 1.1 base-60 float).

const RESOLVE_MAP = new Set([
  ...["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"],
  ...["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"],
  ...["", "~", "null", "Null", "NULL"],
  ...[".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"],
  ...["-.inf", "-.Inf", "-.INF", "<<"],
]);

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** The first-byte hint of resolve(): which kinds of scalar a string could be. */
function hintOf(s: string): string {
  if (s === "") return "N";
  const c = s[0];
  if (c === "+" || c === "-") return "S";
  if (c >= "0" && c <= "9") return "D";
  if ("yYnNtTfFoO~".includes(c)) return "M";
  return c === "." ? "." : "";
}

/**
 * strconv.ParseInt/ParseUint with base 0 (Go literal prefixes 0x, 0o, 0b, leading-0 octal),
 * as a bigint, or null when the text is not an integer of that form.
 */
export function parseGoInteger(text: string, base = 0): bigint | null {
  const match = /^([+-]?)(.*)$/.exec(text);
  if (!match || match[2] === "") return null;
  const negative = match[1] === "-";
  let body = match[2];
  let radix = base || 10;
  if (base === 0 && body.length > 1 && body[0] === "0") {
    const prefix = body[1].toLowerCase();
    radix = prefix === "x" ? 16 : prefix === "o" ? 8 : prefix === "b" ? 2 : 8;
    body = "xob".includes(prefix) ? body.slice(2) : body.slice(1);
  }
  const digits = { 2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^[0-9]+$/, 16: /^[0-9a-fA-F]+$/ }[radix];
  if (!digits?.test(body)) return null;
  const prefixes: Record<number, string> = { 2: "0b", 8: "0o", 10: "", 16: "0x" };
  const magnitude = BigInt(prefixes[radix] + body);
  return negative ? -magnitude : magnitude;
}

function isGoIntOrUint(text: string, base = 0): boolean {
  const n = parseGoInteger(text, base);
  if (n === null) return false;
  if (n >= -(INT64_MAX + 1n) && n <= INT64_MAX) return true;
  return !text.startsWith("-") && !text.startsWith("+") && n <= UINT64_MAX;
}

/** strconv.ParseFloat succeeds (syntax already checked): only an overflow to ±Inf fails. */
function parsesAsFiniteFloat(text: string): boolean {
  return Number.isFinite(Number(text));
}

function daysIn(month: number, year: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const TIMESTAMP =
  /^(\d{4})-(\d\d?)-(\d\d?)(?:(?:([Tt])(\d\d?):(\d\d?):(\d\d?)(?:[.,]\d+)?(Z|[+-]\d\d:\d\d))|(?: +(\d\d?):(\d\d?):(\d\d?)(?:[.,]\d+)?))?$/;

/**
 * Whether go-yaml v2 reads the string as a !!timestamp: time.Parse accepts it in one of
 * "2006-1-2T15:4:5.999999999Z07:00" (T or t), "2006-1-2 15:4:5.999999999" or "2006-1-2",
 * including Go's range checks (month, day of that month, hour, minute, second).
 */
export function isYamlTimestamp(s: string): boolean {
  const m = TIMESTAMP.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(month, year)) return false;
  const [hour, minute, second] = [m[5] ?? m[9], m[6] ?? m[10], m[7] ?? m[11]].map((x) => Number(x ?? 0));
  if (hour > 23 || minute > 59 || second > 59) return false;
  const zone = m[8];
  if (zone && zone !== "Z" && (Number(zone.slice(1, 3)) > 24 || Number(zone.slice(4, 6)) > 60)) return false;
  return true;
}

function resolvesAsNumberOrTime(s: string): boolean {
  if (isYamlTimestamp(s)) return true;
  const plain = s.replaceAll("_", "");
  if (isGoIntOrUint(plain)) return true;
  if (YAML_STYLE_FLOAT.test(plain) && parsesAsFiniteFloat(plain)) return true;
  if (plain.startsWith("0b")) return isGoIntOrUint(plain.slice(2), 2);
  if (plain.startsWith("-0b")) return isGoIntOrUint(`-${plain.slice(3)}`, 2);
  return false;
}

/** resolve("", s) returns a tag other than !!str: the string looks like a non-string. */
function resolvesAsNonString(s: string): boolean {
  const hint = hintOf(s);
  if (hint === "") return false;
  if (RESOLVE_MAP.has(s)) return true;
  if (hint === ".") return /^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s) && parsesAsFiniteFloat(s);
  if (hint === "D" || hint === "S") return resolvesAsNumberOrTime(s);
  return false;
}

/**
 * Whether go-yaml's encoder must quote this string so that it reads back as a string
 * (stringv's canUsePlain, negated): it would resolve to a bool, null, number or
 * timestamp, or is a YAML 1.1 base-60 float such as "1:20".
 */
export function mustQuoteAsString(s: string): boolean {
  return resolvesAsNonString(s) || BASE60_FLOAT.test(s);
}
