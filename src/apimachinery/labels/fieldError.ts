/**
 * The subset of k8s.io/apimachinery/pkg/util/validation/field that selectors need:
 * field errors and their aggregate, printed exactly as Go prints them.
 */
import { goQuote } from "./goString";

/** field.ErrorType values used by selector validation, with their printed names. */
export type FieldErrorType = "FieldValueInvalid" | "FieldValueNotSupported";

const TYPE_TEXT: Record<FieldErrorType, string> = {
  FieldValueInvalid: "Invalid value",
  FieldValueNotSupported: "Unsupported value",
};

/**
 * One field-level error. `badValue` is already rendered as Go renders it
 * (`"text"` for strings, `[]string{...}` for slices) because the Go type decides the form.
 */
export interface FieldError {
  readonly type: FieldErrorType;
  readonly field: string;
  readonly badValue: string;
  readonly detail: string;
}

/** field.Invalid with a string value. */
export function invalidString(field: string, value: string, detail: string): FieldError {
  return { type: "FieldValueInvalid", field, badValue: goQuote(value), detail };
}

/** field.Invalid with a value already rendered Go-style. */
export function invalidRendered(field: string, rendered: string, detail: string): FieldError {
  return { type: "FieldValueInvalid", field, badValue: rendered, detail };
}

/** field.NotSupported: detail lists the supported values, each Go-quoted. */
export function notSupported(field: string, value: string, supported: readonly string[]): FieldError {
  const detail = supported.length ? "supported values: " + supported.map(goQuote).join(", ") : "";
  return { type: "FieldValueNotSupported", field, badValue: goQuote(value), detail };
}

/** `<field>: <Type>: <value>[: <detail>]`, as field.Error.Error(). */
export function formatFieldError(e: FieldError): string {
  const body = `${TYPE_TEXT[e.type]}: ${e.badValue}`;
  return `${e.field}: ${e.detail ? `${body}: ${e.detail}` : body}`;
}

/**
 * ErrorList.ToAggregate().Error(): duplicates dropped, one message alone, several
 * joined with ", " inside brackets. Returns "" for an empty list.
 */
export function formatAggregate(errors: readonly FieldError[]): string {
  const msgs = [...new Set(errors.map(formatFieldError))];
  if (msgs.length <= 1) return msgs[0] ?? "";
  return "[" + msgs.join(", ") + "]";
}
