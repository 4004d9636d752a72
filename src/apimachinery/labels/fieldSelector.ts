/**
 * Field selectors (k8s.io/apimachinery/pkg/fields): `field=value`, `field==value`,
 * `field!=value`, comma-separated, with `\`, `,` and `=` escaped by a backslash in values.
 */
import { compareGoStrings } from "./goString";
import { SelectorParseError } from "./parser";

/** One term of a field selector; `==` is recorded as `=`, as Kubernetes does. */
export interface FieldRequirement {
  readonly field: string;
  readonly operator: "=" | "!=";
  readonly value: string;
}

/** Reads a field of an object; undefined (absent) compares as "" as in Kubernetes. */
export type FieldGetter = (field: string) => string | undefined;

/**
 * The API server's field label conversion for a kind: returns the (possibly renamed)
 * field and value, or throws FieldSelectorError when the field is not supported.
 */
export type FieldLabelConversion = (field: string, value: string) => [field: string, value: string];

/** A field selector that the API server rejects (bad escape, unsupported field). */
export class FieldSelectorError extends Error {
  override name = "FieldSelectorError";
}

/** A parsed field selector: an AND of its terms. */
export interface FieldSelector {
  /** True when every term holds for the object read through `get`. */
  matches(get: FieldGetter): boolean;
  /** True when the selector has no terms (Everything). */
  empty(): boolean;
  /** Terms joined by ",", values escaped; "" for Everything. */
  toString(): string;
  /** The terms, in the order Kubernetes keeps them (sorted by term text). */
  requirements(): readonly FieldRequirement[];
  /** The value `field` must equal, if an `=` term requires one. */
  requiresExactMatch(field: string): string | undefined;
}

/** fields.EscapeValue: backslash-escapes `\`, `,` and `=`. */
export function escapeFieldValue(s: string): string {
  return s.replace(/[\\,=]/g, (c) => "\\" + c);
}

/** fields.UnescapeValue; throws FieldSelectorError with Kubernetes' messages. */
export function unescapeFieldValue(s: string): string {
  if (!/[\\,=]/.test(s)) return s;
  let out = "";
  let inSlash = false;
  for (const c of s) {
    if (inSlash) {
      if (c !== "\\" && c !== "," && c !== "=") {
        throw new FieldSelectorError(`invalid field selector: invalid escape sequence: \\${c}`);
      }
      out += c;
      inSlash = false;
    } else if (c === "\\") inSlash = true;
    else if (c === "," || c === "=") {
      // Go prints the rune with %v, i.e. as its number.
      throw new FieldSelectorError(
        `invalid field selector: unescaped character in value: ${c.codePointAt(0)}`,
      );
    } else out += c;
  }
  if (inSlash) throw new FieldSelectorError("invalid field selector: invalid escape sequence: \\");
  return out;
}

/** Splits on commas that are not escaped; "" gives no terms. */
function splitTerms(selector: string): string[] {
  if (selector === "") return [];
  const terms: string[] = [];
  let start = 0;
  let inSlash = false;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (inSlash) inSlash = false;
    else if (c === "\\") inSlash = true;
    else if (c === ",") {
      terms.push(selector.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(selector.slice(start));
  return terms;
}

const TERM_OPERATORS = ["!=", "==", "="] as const;

/** Splits at the first operator; `!=` and `==` win over `=` at the same position. */
function splitTerm(term: string): [string, (typeof TERM_OPERATORS)[number], string] | undefined {
  for (let i = 0; i < term.length; i++) {
    const op = TERM_OPERATORS.find((o) => term.startsWith(o, i));
    if (op) return [term.slice(0, i), op, term.slice(i + op.length)];
  }
  return undefined;
}

function parseTerms(selector: string): FieldRequirement[] {
  const parts = splitTerms(selector).sort(compareGoStrings);
  const terms: FieldRequirement[] = [];
  for (const part of parts) {
    if (part === "") continue;
    const split = splitTerm(part);
    if (!split) throw new SelectorParseError(`invalid selector: '${selector}'; can't understand '${part}'`);
    const [field, op, rhs] = split;
    terms.push({ field, operator: op === "!=" ? "!=" : "=", value: unescapeFieldValue(rhs) });
  }
  return terms;
}

function convertTerms(terms: FieldRequirement[], convert: FieldLabelConversion): FieldRequirement[] {
  const out: FieldRequirement[] = [];
  for (const t of terms) {
    const [field, value] = convert(t.field, t.value);
    // Kubernetes drops a term the conversion empties entirely.
    if (field !== "" || value !== "") out.push({ field, operator: t.operator, value });
  }
  return out;
}

class TermsSelector implements FieldSelector {
  constructor(private readonly terms: readonly FieldRequirement[]) {}
  matches(get: FieldGetter): boolean {
    return this.terms.every((t) => ((get(t.field) ?? "") === t.value) === (t.operator === "="));
  }
  empty(): boolean {
    return this.terms.length === 0;
  }
  toString(): string {
    return this.terms.map((t) => `${t.field}${t.operator}${escapeFieldValue(t.value)}`).join(",");
  }
  requirements(): readonly FieldRequirement[] {
    return this.terms;
  }
  requiresExactMatch(field: string): string | undefined {
    return this.terms.find((t) => t.operator === "=" && t.field === field)?.value;
  }
}

/**
 * fields.ParseSelector, then (when `supported` is given) the API server's field label
 * conversion. `supported` is either the list of fields the kind accepts, which rejects
 * others with `field label not supported: <field>`, or a conversion function.
 * Syntax errors throw SelectorParseError; escapes and unsupported fields throw FieldSelectorError.
 */
export function parseFieldSelector(
  text: string,
  supported?: readonly string[] | FieldLabelConversion,
): FieldSelector {
  const terms = parseTerms(text);
  if (supported === undefined) return new TermsSelector(terms);
  return new TermsSelector(convertTerms(terms, toConversion(supported)));
}

function toConversion(supported: readonly string[] | FieldLabelConversion): FieldLabelConversion {
  if (typeof supported === "function") return supported;
  return (field, value) => {
    if (!supported.includes(field)) throw new FieldSelectorError(`field label not supported: ${field}`);
    return [field, value];
  };
}

/** fields.SelectorFromSet: `field=value` for each entry. */
export function fieldSelectorFromSet(set: Readonly<Record<string, string>>): FieldSelector {
  const keys = Object.keys(set).sort(compareGoStrings);
  return new TermsSelector(keys.map((k) => ({ field: k, operator: "=", value: set[k] })));
}
