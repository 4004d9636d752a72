/**
 * Label selector requirements (k8s.io/apimachinery/pkg/labels Requirement and
 * pkg/selection Operator): construction with Kubernetes' validation, matching and
 * canonical printing. Requirements are plain data so they can cross the worker boundary.
 */
import { type FieldError, formatAggregate, invalidRendered, invalidString, notSupported } from "./fieldError";
import { goStringSlice, parseInt64, sortedGoStrings } from "./goString";
import { isQualifiedName, isValidLabelValue } from "./labelValidation";

/** selection.Operator: the string values Kubernetes uses for each operator. */
export type Operator = "!" | "=" | "==" | "in" | "!=" | "notin" | "exists" | "gt" | "lt";

/** Binary operators in the order Kubernetes lists them in parser messages. */
export const BINARY_OPERATORS: readonly Operator[] = ["in", "notin", "=", "==", "!=", "gt", "lt"];
/** All operators NewRequirement accepts, in Kubernetes' order (for "supported values"). */
export const VALID_REQUIREMENT_OPERATORS: readonly Operator[] = [...BINARY_OPERATORS, "exists", "!"];

/**
 * One condition on one label key. `values` keeps the order given (the parser gives
 * them sorted and de-duplicated); printing sorts them.
 */
export interface Requirement {
  readonly key: string;
  readonly operator: Operator;
  readonly values: readonly string[];
}

/** Labels of an object; absent labels (undefined/null) behave like an empty set. */
export type Labels = Readonly<Record<string, string>> | null | undefined;

/** A requirement that breaks NewRequirement's rules; `message` is apimachinery's aggregate text. */
export class InvalidRequirementError extends Error {
  override name = "InvalidRequirementError";
  constructor(readonly errors: readonly FieldError[]) {
    super(formatAggregate(errors));
  }
}

/** The path prefix NewRequirement reports under (field.WithPath); "" means none. */
function child(path: string, name: string): string {
  return path ? `${path}.${name}` : name;
}

function keyError(key: string, field: string): FieldError | undefined {
  const errs = isQualifiedName(key);
  return errs.length ? invalidString(field, key, errs.join("; ")) : undefined;
}

/**
 * The key error the parser reports before it builds a requirement. Its path is Go's
 * nil path, which prints as `<nil>` (kubectl shows exactly that).
 */
export function parserKeyError(key: string): FieldError | undefined {
  return keyError(key, "<nil>");
}

function operatorErrors(op: string, values: readonly string[], rendered: string, path: string): FieldError[] {
  const valuesPath = child(path, "values");
  switch (op) {
    case "in":
    case "notin":
      return values.length === 0
        ? [invalidRendered(valuesPath, rendered, "for 'in', 'notin' operators, values set can't be empty")]
        : [];
    case "=":
    case "==":
    case "!=":
      return values.length !== 1
        ? [invalidRendered(valuesPath, rendered, "exact-match compatibility requires one single value")]
        : [];
    case "exists":
    case "!":
      return values.length !== 0
        ? [invalidRendered(valuesPath, rendered, "values set must be empty for exists and does not exist")]
        : [];
    case "gt":
    case "lt":
      return integerErrors(values, rendered, valuesPath);
    default:
      return [notSupported(child(path, "operator"), op, VALID_REQUIREMENT_OPERATORS)];
  }
}

function integerErrors(values: readonly string[], rendered: string, valuesPath: string): FieldError[] {
  const errs: FieldError[] = [];
  if (values.length !== 1) {
    errs.push(
      invalidRendered(valuesPath, rendered, "for 'Gt', 'Lt' operators, exactly one value is required"),
    );
  }
  values.forEach((v, i) => {
    if (parseInt64(v) === undefined) {
      errs.push(
        invalidString(`${valuesPath}[${i}]`, v, "for 'Gt', 'Lt' operators, the value must be an integer"),
      );
    }
  });
  return errs;
}

/**
 * NewRequirement: validates the key (qualified name), the operator/value-count rules
 * and every value (label value rules), collecting all errors like Kubernetes does.
 * `values === null` stands for a Go nil slice (it prints as `[]string(nil)`).
 * `path` prefixes the reported field paths. Throws InvalidRequirementError.
 */
export function newRequirement(
  key: string,
  operator: string,
  values: readonly string[] | null,
  path = "",
): Requirement {
  const vals = values ?? [];
  const errs: FieldError[] = [];
  const kErr = keyError(key, child(path, "key"));
  if (kErr) errs.push(kErr);
  errs.push(...operatorErrors(operator, vals, goStringSlice(values), path));
  vals.forEach((v, i) => {
    const vErrs = isValidLabelValue(v);
    if (vErrs.length) errs.push(invalidString(`${child(path, "values")}[${i}][${key}]`, v, vErrs.join("; ")));
  });
  if (errs.length) throw new InvalidRequirementError(errs);
  return Object.freeze({ key, operator: operator as Operator, values: Object.freeze([...vals]) });
}

function hasLabel(labels: Labels, key: string): labels is Readonly<Record<string, string>> {
  // Own properties only: a label named "constructor" must not be found on the prototype.
  return labels != null && Object.hasOwn(labels, key);
}

/**
 * Requirement.Matches: In/=/== need the key with a listed value; NotIn/!= match when the
 * key is absent or its value is unlisted; Exists/! test presence; Gt/Lt need the key
 * with an int64 value strictly greater/less than the requirement's single value.
 */
export function requirementMatches(r: Requirement, labels: Labels): boolean {
  const present = hasLabel(labels, r.key);
  const value = present ? labels[r.key] : "";
  switch (r.operator) {
    case "in":
    case "=":
    case "==":
      return present && r.values.includes(value);
    case "notin":
    case "!=":
      return !present || !r.values.includes(value);
    case "exists":
      return present;
    case "!":
      return !present;
    case "gt":
    case "lt":
      return present && compareIntegers(r, value);
    default:
      return false;
  }
}

function compareIntegers(r: Requirement, value: string): boolean {
  const actual = parseInt64(value);
  if (actual === undefined || r.values.length !== 1) return false;
  const wanted = parseInt64(r.values[0]);
  if (wanted === undefined) return false;
  return r.operator === "gt" ? actual > wanted : actual < wanted;
}

const OPERATOR_TEXT: Partial<Record<Operator, string>> = {
  "=": "=",
  "==": "==",
  "!=": "!=",
  in: " in ",
  notin: " notin ",
  gt: ">",
  lt: "<",
};

/**
 * Requirement.String: `!key`, `key`, `key=v`, `key==v`, `key!=v`, `key>v`, `key<v`,
 * `key in (a,b)`, `key notin (a,b)`; several values are printed sorted.
 */
export function requirementToString(r: Requirement): string {
  if (r.operator === "exists") return r.key;
  if (r.operator === "!") return "!" + r.key;
  const op = OPERATOR_TEXT[r.operator] ?? "";
  const values = r.values.length === 1 ? r.values[0] : sortedGoStrings(r.values).join(",");
  const set = r.operator === "in" || r.operator === "notin";
  return r.key + op + (set ? `(${values})` : values);
}
