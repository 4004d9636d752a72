/**
 * A port of k8s.io/apimachinery/pkg/util/validation/field (as of Kubernetes 1.32): field
 * errors, their exact Error() text, and the aggregate message of an ErrorList.
 */
import type { Status } from "kubernetes-types/meta/v1";
import { goQuote } from "../../apimachinery/labels/goString";
import { type BadValue, renderBadValue } from "./goValue";

/** field.ErrorType values (the `reason` of a Status cause). */
export type FieldErrorType =
  | "FieldValueNotFound"
  | "FieldValueRequired"
  | "FieldValueDuplicate"
  | "FieldValueInvalid"
  | "FieldValueNotSupported"
  | "FieldValueForbidden"
  | "FieldValueTooLong"
  | "FieldValueTooMany"
  | "InternalError"
  | "FieldValueTypeInvalid";

const TYPE_TEXT: Record<FieldErrorType, string> = {
  FieldValueNotFound: "Not found",
  FieldValueRequired: "Required value",
  FieldValueDuplicate: "Duplicate value",
  FieldValueInvalid: "Invalid value",
  FieldValueNotSupported: "Unsupported value",
  FieldValueForbidden: "Forbidden",
  FieldValueTooLong: "Too long",
  FieldValueTooMany: "Too many",
  InternalError: "Internal error",
  FieldValueTypeInvalid: "Invalid value",
};

/** Types whose message never shows the bad value. */
const VALUELESS = new Set<FieldErrorType>([
  "FieldValueRequired",
  "FieldValueForbidden",
  "FieldValueTooLong",
  "InternalError",
]);

/**
 * One field-level error. `badValue` is already rendered Go-style (see goValue.ts);
 * undefined means Go's omitValue (only the type is printed).
 */
export interface FieldError {
  readonly type: FieldErrorType;
  readonly field: string;
  readonly badValue?: string;
  readonly detail: string;
}

/** Path.Child: `a.b.c`. An empty base yields just the children. */
export function child(base: string, ...names: string[]): string {
  // Every write validates and builds paths, mostly for errors it never reports: keep it cheap.
  let path = base;
  for (const name of names) {
    if (name === "") continue;
    path = path === "" ? name : `${path}.${name}`;
  }
  return path;
}

/** Path.Index: `a[3]`. */
export function index(base: string, i: number): string {
  return `${base}[${i}]`;
}

/** Path.Key: `a[key]` (no quotes, as Go prints it). */
export function key(base: string, k: string): string {
  return `${base}[${k}]`;
}

/** field.Required. */
export function required(field: string, detail = ""): FieldError {
  return { type: "FieldValueRequired", field, badValue: '""', detail };
}

/** field.Invalid. */
export function invalid(field: string, value: BadValue, detail: string): FieldError {
  return { type: "FieldValueInvalid", field, badValue: renderBadValue(value), detail };
}

/** field.NotSupported: the detail lists each valid value Go-quoted. */
export function notSupported(field: string, value: BadValue, validValues: readonly string[]): FieldError {
  const detail = validValues.length ? "supported values: " + validValues.map(goQuote).join(", ") : "";
  return { type: "FieldValueNotSupported", field, badValue: renderBadValue(value), detail };
}

/** field.Duplicate. */
export function duplicate(field: string, value: BadValue): FieldError {
  return { type: "FieldValueDuplicate", field, badValue: renderBadValue(value), detail: "" };
}

/** field.Forbidden. */
export function forbidden(field: string, detail: string): FieldError {
  return { type: "FieldValueForbidden", field, badValue: '""', detail };
}

/** field.NotFound. */
export function notFound(field: string, value: BadValue): FieldError {
  return { type: "FieldValueNotFound", field, badValue: renderBadValue(value), detail: "" };
}

/** field.TooLong: `may not be more than N bytes` (1.32 wording), or `value is too long`. */
export function tooLong(field: string, maxLength: number): FieldError {
  const detail = maxLength >= 0 ? `may not be more than ${maxLength} bytes` : "value is too long";
  return { type: "FieldValueTooLong", field, badValue: '"<value omitted>"', detail };
}

/** field.TooMany: `must have at most N items`; a negative actual count is omitted. */
export function tooMany(field: string, actual: number, max: number): FieldError {
  const detail = max >= 0 ? `must have at most ${max} items` : "has too many items";
  return { type: "FieldValueTooMany", field, badValue: actual >= 0 ? String(actual) : undefined, detail };
}

/** field.InternalError. */
export function internalError(field: string, message: string): FieldError {
  return { type: "InternalError", field, detail: message };
}

/** A copy of `e` with another detail (Go code sometimes overwrites Detail). */
export function withDetail(e: FieldError, detail: string): FieldError {
  return { ...e, detail };
}

/** ErrorBody: the message without the field, e.g. `Invalid value: -1: must be ...`. */
export function errorBody(e: FieldError): string {
  const typeText = TYPE_TEXT[e.type];
  const s = VALUELESS.has(e.type) || e.badValue === undefined ? typeText : `${typeText}: ${e.badValue}`;
  return e.detail ? `${s}: ${e.detail}` : s;
}

/** Error(): `<field>: <body>`, e.g. `spec.replicas: Invalid value: -1: must be ...`. */
export function formatFieldError(e: FieldError): string {
  return `${e.field}: ${errorBody(e)}`;
}

/**
 * ErrorList.ToAggregate().Error(): duplicates dropped, a single message alone, several
 * joined with ", " inside brackets. "" for an empty list.
 */
export function aggregateMessage(errors: readonly FieldError[]): string {
  const msgs = [...new Set(errors.map(formatFieldError))];
  if (msgs.length <= 1) return msgs[0] ?? "";
  return "[" + msgs.join(", ") + "]";
}

const GROUP_OF_KIND: Record<string, string> = {
  Deployment: "apps",
  ReplicaSet: "apps",
  StatefulSet: "apps",
  DaemonSet: "apps",
  Job: "batch",
  CronJob: "batch",
};

/**
 * errors.NewInvalid: the 422 Status the API server returns. Its message is
 * `<Kind>[.<group>] "<name>" is invalid: <aggregate>`, e.g.
 * `Deployment.apps "web" is invalid: [spec.replicas: ..., spec.selector: ...]`.
 * `group` defaults to the group of the in-scope kinds ("" for core).
 */
export function invalidError(
  kind: string,
  name: string,
  errors: readonly FieldError[],
  group = GROUP_OF_KIND[kind] ?? "",
): Status {
  const qualifiedKind = group ? `${kind}.${group}` : kind;
  const aggregate = aggregateMessage(errors);
  const head = `${qualifiedKind} ${goQuote(name)} is invalid`;
  return {
    kind: "Status",
    apiVersion: "v1",
    metadata: {},
    status: "Failure",
    message: aggregate ? `${head}: ${aggregate}` : head,
    reason: "Invalid",
    details: {
      name,
      ...(group ? { group } : {}),
      kind,
      causes: errors.map((e) => ({ reason: e.type, message: errorBody(e), field: e.field })),
    },
    code: 422,
  };
}

/** An Invalid Status's causes as `field: message`, in order. */
export function invalidCauses(status: Status): string[] {
  return (status.details?.causes ?? []).map((c) => `${c.field ?? ""}: ${c.message ?? ""}`);
}

/**
 * What kubectl prints (cmdutil.CheckErr) for an Invalid Status, trailing newline included:
 * `The Deployment "web" is invalid: <field>: <message>` for one cause, or the header then
 * one `* <field>: <message>` line per distinct cause.
 */
export function kubectlInvalidMessage(status: Status): string {
  const details = status.details;
  if (!details) return "The request is invalid\n";
  const prefix =
    details.kind || details.name
      ? `The ${details.kind ?? ""} ${goQuote(details.name ?? "")} is invalid`
      : "The request is invalid";
  const msgs = [...new Set((details.causes ?? []).map((c) => `${c.field ?? ""}: ${c.message ?? ""}`))];
  if (msgs.length === 0) return prefix + "\n";
  if (msgs.length === 1) return `${prefix}: ${msgs[0]}\n`;
  return `${prefix}: \n` + msgs.map((m) => `* ${m}\n`).join("");
}
