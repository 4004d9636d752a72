/**
 * metav1 LabelSelector validation (apimachinery pkg/apis/meta/v1/validation) and the
 * selector-vs-template checks shared by the workload kinds.
 */
import type { LabelSelector, LabelSelectorRequirement } from "kubernetes-types/meta/v1";
import { isValidLabelValue } from "../../apimachinery/labels/labelValidation";
import { labelSelectorAsSelector } from "../../apimachinery/labels/labelSelector";
import type { Selector } from "../../apimachinery/labels/selector";
import { type FieldError, child, forbidden, index, invalid, required } from "./fieldErrors";
import { validateLabelName, validateLabels } from "./objectMeta";

function validateRequirement(r: LabelSelectorRequirement, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const values = r.values ?? [];
  switch (r.operator) {
    case "In":
    case "NotIn":
      if (values.length === 0)
        errs.push(required(child(field, "values"), "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case "Exists":
    case "DoesNotExist":
      if (values.length > 0)
        errs.push(
          forbidden(
            child(field, "values"),
            "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
          ),
        );
      break;
    default:
      errs.push(invalid(child(field, "operator"), r.operator, "not a valid selector operator"));
  }
  errs.push(...validateLabelName(r.key, child(field, "key")));
  values.forEach((v, i) =>
    errs.push(...isValidLabelValue(v).map((m) => invalid(index(child(field, "values"), i), v, m))),
  );
  return errs;
}

/** ValidateLabelSelector (strict label values): matchLabels, then each matchExpression. */
export function validateLabelSelector(selector: LabelSelector | undefined, field: string): FieldError[] {
  if (!selector) return [];
  const errs = validateLabels(selector.matchLabels, child(field, "matchLabels"));
  (selector.matchExpressions ?? []).forEach((r, i) =>
    errs.push(...validateRequirement(r, index(child(field, "matchExpressions"), i))),
  );
  return errs;
}

/** LabelSelectorAsSelector, or undefined where Go returns an error. */
export function selectorOrUndefined(selector: LabelSelector | undefined): Selector | undefined {
  try {
    return labelSelectorAsSelector(selector);
  } catch {
    return undefined;
  }
}

/** Whether a selector has no matchLabels and no matchExpressions. */
export function isEmptySelector(selector: LabelSelector): boolean {
  return Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions ?? []).length === 0;
}
