/**
 * The string validators of k8s.io/apimachinery/pkg/util/validation not covered by
 * labelValidation.ts (ports, env var names, config keys, percents, IPs). Each returns
 * Kubernetes' own messages, [] when valid.
 */
import { utf8Length } from "../../apimachinery/labels/goString";
import { inclusiveRangeError, maxLenError, regexError } from "../../apimachinery/labels/labelValidation";

/** IsValidPortNum: 1..65535. */
export function isValidPortNum(port: number): string[] {
  return port >= 1 && port <= 65535 ? [] : [inclusiveRangeError(1, 65535)];
}

/** IsValidPortName: an IANA_SVC_NAME (at most 15 chars, a-z0-9-, one letter, no `--`). */
export function isValidPortName(port: string): string[] {
  const errs: string[] = [];
  if (utf8Length(port) > 15) errs.push(maxLenError(15));
  if (!/^[-a-z0-9]+$/.test(port))
    errs.push("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
  if (!/[a-z]/.test(port)) errs.push("must contain at least one letter (a-z)");
  if (port.includes("--")) errs.push("must not contain consecutive hyphens");
  if (port.length > 0 && (port.startsWith("-") || port.endsWith("-")))
    errs.push("must not begin or end with a hyphen");
  return errs;
}

function hasChDirPrefix(value: string): string[] {
  if (value === ".") return ["must not be '.'"];
  if (value === "..") return ["must not be '..'"];
  if (value.startsWith("..")) return ["must not start with '..'"];
  return [];
}

const CONFIG_MAP_KEY_FMT = "[-._a-zA-Z0-9]+";

/** IsConfigMapKey: keys of ConfigMap and Secret data. */
export function isConfigMapKey(value: string): string[] {
  const errs: string[] = [];
  if (utf8Length(value) > 253) errs.push(maxLenError(253));
  if (!new RegExp(`^${CONFIG_MAP_KEY_FMT}$`).test(value)) {
    errs.push(
      regexError(
        "a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
        CONFIG_MAP_KEY_FMT,
        "key.name",
        "KEY_NAME",
        "key-name",
      ),
    );
  }
  return errs.concat(hasChDirPrefix(value));
}

/**
 * IsRelaxedEnvVarName: any printable ASCII but '='. Kubernetes 1.32 enables the
 * RelaxedEnvironmentVariableValidation gate (beta) by default, so this is the rule in force.
 */
export function isRelaxedEnvVarName(value: string): string[] {
  const errs: string[] = [];
  if (value.length === 0) errs.push("environment variable name must be non-empty");
  for (const ch of value) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp > 0x7e || cp < 0x20 || ch === "=") {
      errs.push(
        "a valid environment variable name must consist only of printable ASCII characters other than '='",
      );
      break;
    }
  }
  return errs;
}

/** IsValidPercent: digits followed by '%'. */
export function isValidPercent(percent: string): string[] {
  if (/^[0-9]+%$/.test(percent)) return [];
  return [
    regexError(
      "a valid percent string must be a numeric string followed by an ending '%'",
      "[0-9]+%",
      "1%",
      "93%",
    ),
  ];
}

/** IsHTTPHeaderName. */
export function isHTTPHeaderName(value: string): string[] {
  if (/^[-A-Za-z0-9]+$/.test(value)) return [];
  return [
    regexError(
      "a valid HTTP header must consist of alphanumeric characters or '-'",
      "[-A-Za-z0-9]+",
      "X-Header-Name",
    ),
  ];
}

/** The message of IsValidIP for a value that does not parse as an IP. */
export const INVALID_IP_MESSAGE = "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)";

/** Whether `value` parses as an IPv4 address (leading zeros allowed, as ParseIPSloppy). */
export function isIPv4(value: string): boolean {
  const parts = value.split(".");
  return parts.length === 4 && parts.every((p) => /^[0-9]{1,3}$/.test(p) && Number(p) <= 255);
}

/** Whether `value` parses as an IPv6 address (a pragmatic check of the textual forms). */
export function isIPv6(value: string): boolean {
  if (!value.includes(":") || !/^[0-9a-fA-F:.]+$/.test(value)) return false;
  const doubles = value.split("::").length - 1;
  if (doubles > 1) return false;
  let groups = value.split(":").filter((g) => g !== "");
  const last = groups[groups.length - 1] ?? "";
  let count = groups.length;
  if (last.includes(".")) {
    if (!isIPv4(last)) return false;
    groups = groups.slice(0, -1);
    count += 1;
  }
  if (!groups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  return doubles === 1 ? count < 8 : count === 8;
}

/** ParseIPSloppy(value) != nil. */
export function isValidIP(value: string): boolean {
  return isIPv4(value) || isIPv6(value);
}
