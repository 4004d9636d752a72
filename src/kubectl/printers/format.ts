// Cell formatting helpers shared by the per-kind printers, ported from
// pkg/printers/internalversion/printers.go and k8s.io/apimachinery's labels package.
import type { Container } from "kubernetes-types/core/v1";
import type { LabelSelector } from "kubernetes-types/meta/v1";
import { translateTimestampSince } from "../../apimachinery/duration";

/** labels.FormatLabels: "a=1,b=2" with keys sorted, or "<none>" when there are none. */
export function formatLabels(labels: Record<string, string> | null | undefined): string {
  const text = Object.keys(labels ?? {})
    .sort(compareStrings)
    .map((key) => `${key}=${labels?.[key]}`)
    .join(",");
  return text === "" ? "<none>" : text;
}

/**
 * labels.Selector.String() of metav1.LabelSelectorAsSelector: requirements sorted by key,
 * "k=v", "k in (a,b)", "k notin (a,b)", "k", "!k". A nil or empty selector prints "".
 */
export function selectorString(selector: LabelSelector | null | undefined): string {
  const requirements: [string, string][] = Object.entries(selector?.matchLabels ?? {}).map(([key, value]) => [
    key,
    `${key}=${value}`,
  ]);
  for (const expr of selector?.matchExpressions ?? []) {
    requirements.push([expr.key, formatExpression(expr.key, expr.operator, expr.values ?? [])]);
  }
  return requirements
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([, text]) => text)
    .join(",");
}

function formatExpression(key: string, operator: string, values: string[]): string {
  const list = [...values].sort(compareStrings).join(",");
  switch (operator) {
    case "In":
      return `${key} in (${list})`;
    case "NotIn":
      return `${key} notin (${list})`;
    case "Exists":
      return key;
    case "DoesNotExist":
      return `!${key}`;
    default:
      return `${key} ${operator} (${list})`;
  }
}

/** metav1.FormatLabelSelector: the selector string, or "<none>" when it selects everything or nothing. */
export function formatLabelSelector(selector: LabelSelector | null | undefined): string {
  const text = selectorString(selector);
  return text === "" ? "<none>" : text;
}

/** layoutContainerCells: container names and images, each joined with commas. */
export function layoutContainerCells(containers: readonly Container[] | undefined): [string, string] {
  const list = containers ?? [];
  return [list.map((c) => c.name).join(","), list.map((c) => c.image ?? "").join(",")];
}

/** printBoolPtr: "True", "False", or "<unset>" when the field is absent. */
export function printBoolPtr(value: boolean | null | undefined): string {
  if (value === undefined || value === null) return "<unset>";
  return value ? "True" : "False";
}

/** Go's string ordering: by UTF-16 code unit here, which matches bytes for ASCII keys. */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** The AGE cell: the object's creationTimestamp as HumanDuration, or "<unknown>". */
export function ageOf(obj: { metadata?: { creationTimestamp?: string } }, nowMs: number): string {
  return translateTimestampSince(obj.metadata?.creationTimestamp, nowMs);
}
