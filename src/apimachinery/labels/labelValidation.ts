/**
 * String validators of k8s.io/apimachinery/pkg/util/validation. Each returns the
 * list of Kubernetes' own error strings ([] when valid), so callers can wrap them
 * in field errors exactly as the API server does. Lengths count UTF-8 bytes, as Go's len().
 */
import { utf8Length } from "./goString";

/** `must be no more than N characters` (validation.MaxLenError). */
export function maxLenError(length: number): string {
  return `must be no more than ${length} characters`;
}

/** `must be non-empty` (validation.EmptyError). */
export function emptyError(): string {
  return "must be non-empty";
}

/**
 * validation.RegexError: the message, then the examples and the regex in Kubernetes'
 * exact wording (including its double space before each "or").
 */
export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  const shown = examples.map((e) => `'${e}', `).join(" or ");
  return `${msg} (e.g. ${shown}regex used for validation is '${fmt}')`;
}

/** `must be between LO and HI, inclusive` (validation.InclusiveRangeError). */
export function inclusiveRangeError(lo: number, hi: number): string {
  return `must be between ${lo} and ${hi}, inclusive`;
}

/** The answer for a valid value, shared: callers only read it. */
const NONE: string[] = Object.freeze([]) as unknown as string[];
/** Values remembered as valid per validator (bounded: cleared when full). */
const REMEMBERED = 4096;

/**
 * A validator that remembers the values it found valid: the same label keys, values and
 * names (`app`, `pod-template-hash`, `node.kubernetes.io/not-ready`) are checked for every
 * object written, and a Set lookup is far cheaper than the regular expressions.
 */
function rememberValid(validate: (value: string) => string[]): (value: string) => string[] {
  const valid = new Set<string>();
  return (value) => {
    if (valid.has(value)) return NONE;
    const errs = validate(value);
    if (errs.length > 0) return errs;
    if (valid.size >= REMEMBERED) valid.clear();
    valid.add(value);
    return NONE;
  };
}

function anchored(fmt: string): RegExp {
  return new RegExp("^(?:" + fmt + ")$");
}

const qnameCharFmt = "[A-Za-z0-9]";
const qnameExtCharFmt = "[-A-Za-z0-9_.]";
const qualifiedNameFmt = "(" + qnameCharFmt + qnameExtCharFmt + "*)?" + qnameCharFmt;
const qualifiedNameErrMsg =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
/** Maximum length of the name part of a qualified name. */
export const QUALIFIED_NAME_MAX_LENGTH = 63;
const qualifiedNameRegexp = anchored(qualifiedNameFmt);

/**
 * IsQualifiedName: `[prefix/]name` where prefix is a DNS-1123 subdomain and name is at
 * most 63 alphanumeric characters, '-', '_' or '.', starting and ending alphanumeric.
 * Used for label keys, annotation keys and many other names.
 */
export const isQualifiedName = rememberValid(function isQualifiedName(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split("/");
  if (parts.length > 2) {
    return [
      "a qualified name " +
        regexError(qualifiedNameErrMsg, qualifiedNameFmt, "MyName", "my.name", "123-abc") +
        " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ];
  }
  const name = parts.length === 2 ? parts[1] : parts[0];
  if (parts.length === 2) {
    const prefix = parts[0];
    if (prefix.length === 0) errs.push("prefix part " + emptyError());
    else errs.push(...isDNS1123Subdomain(prefix).map((m) => "prefix part " + m));
  }
  if (name.length === 0) errs.push("name part " + emptyError());
  else if (utf8Length(name) > QUALIFIED_NAME_MAX_LENGTH) {
    errs.push("name part " + maxLenError(QUALIFIED_NAME_MAX_LENGTH));
  }
  if (!qualifiedNameRegexp.test(name)) {
    errs.push(
      "name part " + regexError(qualifiedNameErrMsg, qualifiedNameFmt, "MyName", "my.name", "123-abc"),
    );
  }
  return errs;
});

const labelValueFmt = "(" + qualifiedNameFmt + ")?";
const labelValueErrMsg =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
/** Maximum length of a label value. */
export const LABEL_VALUE_MAX_LENGTH = 63;
const labelValueRegexp = anchored(labelValueFmt);

/** IsValidLabelValue: empty, or at most 63 characters shaped like a qualified name's name part. */
export const isValidLabelValue = rememberValid(function isValidLabelValue(value: string): string[] {
  const errs: string[] = [];
  if (utf8Length(value) > LABEL_VALUE_MAX_LENGTH) errs.push(maxLenError(LABEL_VALUE_MAX_LENGTH));
  if (!labelValueRegexp.test(value)) {
    errs.push(regexError(labelValueErrMsg, labelValueFmt, "MyValue", "my_value", "12345"));
  }
  return errs;
});

const dns1123LabelFmt = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
const dns1123LabelErrMsg =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
/** Maximum length of an RFC 1123 label. */
export const DNS1123_LABEL_MAX_LENGTH = 63;
const dns1123LabelRegexp = anchored(dns1123LabelFmt);

const dns1123SubdomainFmt = dns1123LabelFmt + "(\\." + dns1123LabelFmt + ")*";
const dns1123SubdomainErrorMsg =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
/** Maximum length of an RFC 1123 subdomain. */
export const DNS1123_SUBDOMAIN_MAX_LENGTH = 253;
const dns1123SubdomainRegexp = anchored(dns1123SubdomainFmt);

/**
 * IsDNS1123Label: at most 63 lower-case alphanumerics or '-', starting and ending
 * alphanumeric (names of namespaces, services' ports, containers...).
 */
export const isDNS1123Label = rememberValid(function isDNS1123Label(value: string): string[] {
  const errs: string[] = [];
  if (utf8Length(value) > DNS1123_LABEL_MAX_LENGTH) errs.push(maxLenError(DNS1123_LABEL_MAX_LENGTH));
  if (!dns1123LabelRegexp.test(value)) {
    // A valid subdomain that is not a valid label can only be failing on its dots.
    if (dns1123SubdomainRegexp.test(value)) errs.push("must not contain dots");
    else errs.push(regexError(dns1123LabelErrMsg, dns1123LabelFmt, "my-name", "123-abc"));
  }
  return errs;
});

/** IsDNS1123Subdomain: at most 253 characters of dot-separated RFC 1123 labels (most object names). */
export const isDNS1123Subdomain = rememberValid(function isDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (utf8Length(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
  if (!dns1123SubdomainRegexp.test(value)) {
    errs.push(regexError(dns1123SubdomainErrorMsg, dns1123SubdomainFmt, "example.com"));
  }
  return errs;
});

const dns1035LabelFmt = "[a-z]([-a-z0-9]*[a-z0-9])?";
const dns1035LabelErrMsg =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
/** Maximum length of an RFC 1035 label. */
export const DNS1035_LABEL_MAX_LENGTH = 63;
const dns1035LabelRegexp = anchored(dns1035LabelFmt);

/** IsDNS1035Label: like an RFC 1123 label but starting with a letter (Service names). */
export function isDNS1035Label(value: string): string[] {
  const errs: string[] = [];
  if (utf8Length(value) > DNS1035_LABEL_MAX_LENGTH) errs.push(maxLenError(DNS1035_LABEL_MAX_LENGTH));
  if (!dns1035LabelRegexp.test(value)) {
    errs.push(regexError(dns1035LabelErrMsg, dns1035LabelFmt, "my-name", "abc-123"));
  }
  return errs;
}
