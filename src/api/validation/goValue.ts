/**
 * How a field error's bad value is printed. Kubernetes 1.32 formats it by Go type: %v for
 * numbers and booleans, %q for strings, String() for Stringers (IntOrString) and %#v for the
 * rest (maps, slices, structs), after dereferencing pointers. JSON objects have no Go type,
 * so callers wrap non-scalar values with the helper naming the Go type they had.
 */
import type { LabelSelector } from "kubernetes-types/meta/v1";
import { compareGoStrings, goQuote, goStringSlice } from "../../apimachinery/labels/goString";

/** A value already rendered in Go syntax. */
export interface GoRepr {
  readonly goRepr: string;
}

/** Anything that can be a field error's bad value. `null`/`undefined` stand for a Go nil. */
export type BadValue = string | number | boolean | null | undefined | GoRepr;

/** Wraps text that is already Go syntax. */
export function goRepr(text: string): GoRepr {
  return { goRepr: text };
}

/**
 * The bad value as field.Error.ErrorBody prints it. A nil pointer is printed as the string
 * "null" (quoted), exactly as Kubernetes 1.32 does.
 */
export function renderBadValue(value: BadValue): string {
  if (value === null || value === undefined) return goQuote("null");
  if (typeof value === "string") return goQuote(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return value.goRepr;
}

/** %#v of a `map[string]string`: keys sorted, `map[string]string(nil)` for nil. */
export function goStringMap(map: Readonly<Record<string, string>> | null | undefined): GoRepr {
  if (map === null || map === undefined) return goRepr("map[string]string(nil)");
  const keys = Object.keys(map).sort(compareGoStrings);
  return goRepr("map[string]string{" + keys.map((k) => `${goQuote(k)}:${goQuote(map[k])}`).join(", ") + "}");
}

/** %#v of a `[]string`, `[]string(nil)` for nil. */
export function goStrings(values: readonly string[] | null | undefined): GoRepr {
  return goRepr(goStringSlice(values ?? null));
}

/** IntOrString's String(): the number or the string, unquoted. */
export function goIntOrString(value: number | string | undefined): GoRepr {
  return goRepr(value === undefined ? "0" : String(value));
}

function requirementRepr(r: { key: string; operator: string; values?: string[] }): string {
  return `v1.LabelSelectorRequirement{Key:${goQuote(r.key)}, Operator:${goQuote(r.operator)}, Values:${goStringSlice(r.values ?? null)}}`;
}

/** %#v of a `metav1.LabelSelector` (the pointer is dereferenced, as ErrorBody does). */
export function goLabelSelector(selector: LabelSelector | null | undefined): GoRepr {
  if (!selector) return renderNil();
  const exprs = selector.matchExpressions;
  const exprRepr =
    exprs === undefined || exprs === null
      ? "[]v1.LabelSelectorRequirement(nil)"
      : "[]v1.LabelSelectorRequirement{" + exprs.map(requirementRepr).join(", ") + "}";
  return goRepr(
    `v1.LabelSelector{MatchLabels:${goStringMap(selector.matchLabels).goRepr}, MatchExpressions:${exprRepr}}`,
  );
}

function renderNil(): GoRepr {
  return goRepr(goQuote("null"));
}

/** %#v of the `core.ServicePort{Protocol, Port}` key used for duplicate service ports. */
export function goServicePortKey(protocol: string, port: number): GoRepr {
  return goRepr(
    `core.ServicePort{Name:"", Protocol:${goQuote(protocol)}, AppProtocol:(*string)(nil), Port:${port}, ` +
      `TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`,
  );
}

/**
 * A struct too large to print faithfully (a whole PodTemplateSpec): Kubernetes dumps every
 * field with %#v; we print the type with an ellipsis. Documented deviation.
 */
export function goStructPlaceholder(typeName: string): GoRepr {
  return goRepr(`${typeName}{...}`);
}
