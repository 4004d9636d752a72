/**
 * More string validators of k8s.io/apimachinery/pkg/util/validation that object
 * validation needs (port names and numbers, C identifiers, ConfigMap keys, env var
 * names). Each returns Kubernetes' error strings, [] when valid.
 */
import { utf8Length } from "./goString";
import {
  DNS1123_SUBDOMAIN_MAX_LENGTH,
  inclusiveRangeError,
  maxLenError,
  regexError,
} from "./labelValidation";

const cIdentifierFmt = "[A-Za-z_][A-Za-z0-9_]*";
const identifierErrMsg =
  "a valid C identifier must start with alphabetic character or '_', followed by a string of alphanumeric characters or '_'";

/** IsCIdentifier: a C identifier (format only, no length limit). */
export function isCIdentifier(value: string): string[] {
  if (new RegExp(`^${cIdentifierFmt}$`).test(value)) return [];
  return [regexError(identifierErrMsg, cIdentifierFmt, "my_name", "MY_NAME", "MyName")];
}

/** IsValidPortNum: an integer from 1 to 65535. */
export function isValidPortNum(port: number): string[] {
  return isInRange(port, 1, 65535);
}

/** IsInRange: min <= value <= max. */
export function isInRange(value: number, min: number, max: number): string[] {
  return value >= min && value <= max ? [] : [inclusiveRangeError(min, max)];
}

/**
 * IsValidPortName (IANA service names): 1-15 of [-a-z0-9], at least one letter,
 * no leading, trailing or doubled hyphens. Reports every rule broken.
 */
export function isValidPortName(port: string): string[] {
  const errs: string[] = [];
  if (utf8Length(port) > 15) errs.push(maxLenError(15));
  if (!/^[-a-z0-9]+$/.test(port)) {
    errs.push("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
  }
  if (!/[a-z]/.test(port)) errs.push("must contain at least one letter (a-z)");
  if (port.includes("--")) errs.push("must not contain consecutive hyphens");
  if (port.startsWith("-") || port.endsWith("-")) errs.push("must not begin or end with a hyphen");
  return errs;
}

function hasChDirPrefix(value: string): string[] {
  if (value === ".") return ["must not be '.'"];
  if (value === "..") return ["must not be '..'"];
  if (value.startsWith("..")) return ["must not start with '..'"];
  return [];
}

const configMapKeyFmt = "[-._a-zA-Z0-9]+";
const configMapKeyErrMsg = "a valid config key must consist of alphanumeric characters, '-', '_' or '.'";

/** IsConfigMapKey: a key of a ConfigMap's or Secret's data (at most 253, not "." or ".."). */
export function isConfigMapKey(value: string): string[] {
  const errs: string[] = [];
  if (utf8Length(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
  if (!new RegExp(`^${configMapKeyFmt}$`).test(value)) {
    errs.push(regexError(configMapKeyErrMsg, configMapKeyFmt, "key.name", "KEY_NAME", "key-name"));
  }
  return [...errs, ...hasChDirPrefix(value)];
}

const envVarNameFmt = "[-._a-zA-Z][-._a-zA-Z0-9]*";
const envVarNameFmtErrMsg =
  "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit";

/** IsEnvVarName: the strict (pre-RelaxedEnvironmentVariableValidation) env var name rule. */
export function isEnvVarName(value: string): string[] {
  const errs: string[] = [];
  if (!new RegExp(`^${envVarNameFmt}$`).test(value)) {
    errs.push(regexError(envVarNameFmtErrMsg, envVarNameFmt, "my.env-name", "MY_ENV.NAME", "MyEnvName1"));
  }
  return [...errs, ...hasChDirPrefix(value)];
}
