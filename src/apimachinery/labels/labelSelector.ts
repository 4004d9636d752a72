/**
 * metav1.LabelSelector helpers (k8s.io/apimachinery/pkg/apis/meta/v1/helpers.go):
 * turn the API object form (matchLabels + matchExpressions) into a Selector and back.
 */
import type { LabelSelector } from "kubernetes-types/meta/v1";
import { compareGoStrings, goQuote } from "./goString";
import { newRequirement, type Operator, type Requirement } from "./requirement";
import { everything, nothing, type Selector, selectorFromRequirements } from "./selector";

/** A LabelSelector that cannot be turned into a selector; `message` is Kubernetes' text. */
export class InvalidLabelSelectorError extends Error {
  override name = "InvalidLabelSelectorError";
}

const LABEL_SELECTOR_OPERATORS: Readonly<Record<string, Operator>> = {
  In: "in",
  NotIn: "notin",
  Exists: "exists",
  DoesNotExist: "!",
};

function sortedEntries(map: Readonly<Record<string, string>> | undefined): [string, string][] {
  // Go ranges over the map in random order; sorting keeps the first error deterministic.
  return Object.entries(map ?? {}).sort(([a], [b]) => compareGoStrings(a, b));
}

function expressionRequirement(expr: { key: string; operator: string; values?: string[] }): Requirement {
  const op = Object.hasOwn(LABEL_SELECTOR_OPERATORS, expr.operator)
    ? LABEL_SELECTOR_OPERATORS[expr.operator]
    : undefined;
  if (!op)
    throw new InvalidLabelSelectorError(`${goQuote(expr.operator)} is not a valid label selector operator`);
  // Go copies the values with append([]string(nil), ...): no values is a nil slice.
  const values = expr.values?.length ? [...expr.values] : null;
  return newRequirement(expr.key, op, values);
}

/**
 * LabelSelectorAsSelector: null/undefined is Nothing (matches no object), `{}` is
 * Everything; otherwise matchLabels become `=` requirements and matchExpressions
 * In/NotIn/Exists/DoesNotExist ones, validated as NewRequirement does. Throws
 * InvalidRequirementError (bad key, value or value count) or InvalidLabelSelectorError
 * (unknown operator), stopping at the first failing entry like Kubernetes.
 */
export function labelSelectorAsSelector(ls: LabelSelector | null | undefined): Selector {
  if (ls == null) return nothing();
  const labels = sortedEntries(ls.matchLabels);
  const expressions = ls.matchExpressions ?? [];
  if (labels.length + expressions.length === 0) return everything();
  const requirements = labels.map(([k, v]) => newRequirement(k, "=", [v]));
  for (const expr of expressions) requirements.push(expressionRequirement(expr));
  return selectorFromRequirements(requirements);
}

/**
 * LabelSelectorAsMap: the plain map form, for selectors made only of matchLabels and
 * one-value In expressions (what ReplicationControllers and Services use).
 * Returns undefined for a null selector; throws InvalidLabelSelectorError otherwise.
 */
export function labelSelectorAsMap(ls: LabelSelector | null | undefined): Record<string, string> | undefined {
  if (ls == null) return undefined;
  const map: Record<string, string> = { ...ls.matchLabels };
  for (const expr of ls.matchExpressions ?? []) {
    const op = goQuote(expr.operator);
    if (expr.operator === "In") {
      if (expr.values?.length !== 1) {
        throw new InvalidLabelSelectorError(
          `operator ${op} without a single value cannot be converted into the old label selector format`,
        );
      }
      map[expr.key] = expr.values[0];
    } else if (["NotIn", "Exists", "DoesNotExist"].includes(expr.operator)) {
      throw new InvalidLabelSelectorError(
        `operator ${op} cannot be converted into the old label selector format`,
      );
    } else {
      throw new InvalidLabelSelectorError(`${op} is not a valid selector operator`);
    }
  }
  return map;
}
