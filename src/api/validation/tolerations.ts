/**
 * Tolerations (pod spec) and taints (node spec), from core validation.
 */
import type { Taint, Toleration } from "kubernetes-types/core/v1";
import { isValidLabelValue } from "../../apimachinery/labels/labelValidation";
import {
  type FieldError,
  child,
  duplicate,
  index,
  invalid,
  notSupported,
  required,
  withDetail,
} from "./fieldErrors";
import { goRepr } from "./goValue";
import { validateLabelName } from "./objectMeta";

const EFFECTS = ["NoSchedule", "PreferNoSchedule", "NoExecute"];

/** validateTaintEffect. */
export function validateTaintEffect(
  effect: string | undefined,
  allowEmpty: boolean,
  field: string,
): FieldError[] {
  if (!allowEmpty && !effect) return [required(field)];
  return EFFECTS.includes(effect ?? "") ? [] : [notSupported(field, effect ?? "", EFFECTS)];
}

function validateToleration(t: Toleration, field: string): FieldError[] {
  const errs: FieldError[] = [];
  if (t.key) errs.push(...validateLabelName(t.key, child(field, "key")));
  if (!t.key && t.operator !== "Exists") {
    errs.push(
      invalid(
        child(field, "operator"),
        t.operator ?? "",
        'operator must be Exists when `key` is empty, which means "match all values and all keys"',
      ),
    );
  }
  if (t.tolerationSeconds !== undefined && t.effect !== "NoExecute") {
    errs.push(
      invalid(
        child(field, "effect"),
        t.effect ?? "",
        "effect must be 'NoExecute' when `tolerationSeconds` is set",
      ),
    );
  }
  if (!t.operator || t.operator === "Equal") {
    const msgs = isValidLabelValue(t.value ?? "");
    if (msgs.length) errs.push(invalid(child(field, "operator"), t.value ?? "", msgs.join(";")));
  } else if (t.operator === "Exists") {
    if (t.value)
      errs.push(
        invalid(
          child(field, "operator"),
          goRepr("core.Toleration{...}"),
          "value must be empty when `operator` is 'Exists'",
        ),
      );
  } else errs.push(notSupported(child(field, "operator"), t.operator, ["Equal", "Exists"]));
  if (t.effect) errs.push(...validateTaintEffect(t.effect, true, child(field, "effect")));
  return errs;
}

/** ValidateTolerations. */
export function validateTolerations(
  tolerations: readonly Toleration[] | undefined,
  field: string,
): FieldError[] {
  return (tolerations ?? []).flatMap((t, i) => validateToleration(t, index(field, i)));
}

/** validateNodeTaints: key, value and effect valid; unique by (key, effect). */
export function validateNodeTaints(taints: readonly Taint[] | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  (taints ?? []).forEach((t, i) => {
    const path = index(field, i);
    errs.push(...validateLabelName(t.key, child(path, "key")));
    const msgs = isValidLabelValue(t.value ?? "");
    if (msgs.length) errs.push(invalid(child(path, "value"), t.value ?? "", msgs.join(";")));
    errs.push(...validateTaintEffect(t.effect, false, child(path, "effect")));
    const id = `${t.effect}\u0000${t.key}`;
    if (seen.has(id)) {
      const repr = goRepr(
        `core.Taint{Key:"${t.key}", Value:"${t.value ?? ""}", Effect:"${t.effect}", TimeAdded:<nil>}`,
      );
      errs.push(withDetail(duplicate(path, repr), "taints must be unique by key and effect pair"));
    } else seen.add(id);
  });
  return errs;
}
