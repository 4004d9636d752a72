/**
 * Deployment and ReplicaSet validation: pkg/apis/apps/validation plus the apps/v1
 * strategies' selector immutability on update.
 */
import type { Deployment, DeploymentStrategy, ReplicaSet } from "kubernetes-types/apps/v1";
import type { PodTemplateSpec } from "kubernetes-types/core/v1";
import type { LabelSelector } from "kubernetes-types/meta/v1";
import type { Selector } from "../../apimachinery/labels/selector";
import { type FieldError, child, forbidden, invalid, notSupported, required } from "./fieldErrors";
import { goIntOrString, goLabelSelector, goRepr, goStringMap } from "./goValue";
import { isEmptySelector, selectorOrUndefined, validateLabelSelector } from "./labelSelector";
import {
  nameIsDNSSubdomain,
  validateImmutable,
  validateNonnegative,
  validateObjectMeta,
  validateObjectMetaUpdate,
} from "./objectMeta";
import { validatePodTemplateSpec } from "./podSpec";
import { isValidPercent } from "./stringValidators";

/** ValidatePodTemplateSpecForReplicaSet: template labels match the selector; restartPolicy Always. */
function validateTemplateForReplicaSet(
  template: PodTemplateSpec | undefined,
  selector: Selector,
  kind: string,
  field: string,
): FieldError[] {
  const errs: FieldError[] = [];
  const labels = template?.metadata?.labels;
  if (!selector.empty() && !selector.matches(labels ?? {})) {
    errs.push(
      invalid(
        child(field, "metadata", "labels"),
        goStringMap(labels),
        "`selector` does not match template `labels`",
      ),
    );
  }
  errs.push(...validatePodTemplateSpec(template, field));
  const restartPolicy = template?.spec?.restartPolicy ?? "";
  if (restartPolicy !== "Always")
    errs.push(notSupported(child(field, "spec", "restartPolicy"), restartPolicy, ["Always"]));
  if (template?.spec?.activeDeadlineSeconds !== undefined) {
    errs.push(
      forbidden(
        child(field, "spec", "activeDeadlineSeconds"),
        `activeDeadlineSeconds in ${kind} is not Supported`,
      ),
    );
  }
  return errs;
}

/** The replicas/selector/template checks shared by DeploymentSpec and ReplicaSetSpec. */
function validateReplicatedSpec(
  spec: { replicas?: number; selector?: LabelSelector; template?: PodTemplateSpec },
  kind: string,
): FieldError[] {
  const errs = validateNonnegative(spec.replicas, "spec.replicas");
  if (!spec.selector) errs.push(required("spec.selector"));
  else {
    errs.push(...validateLabelSelector(spec.selector, "spec.selector"));
    if (isEmptySelector(spec.selector))
      errs.push(
        invalid("spec.selector", goLabelSelector(spec.selector), "empty selector is invalid for deployment"),
      );
  }
  const selector = selectorOrUndefined(spec.selector);
  if (!selector)
    errs.push(invalid("spec.selector", goLabelSelector(spec.selector), "invalid label selector"));
  else errs.push(...validateTemplateForReplicaSet(spec.template, selector, kind, "spec.template"));
  return errs;
}

type IntOrString = number | string | undefined;

function percentValue(v: IntOrString): number | undefined {
  return typeof v === "string" && isValidPercent(v).length === 0 ? Number(v.slice(0, -1)) : undefined;
}

/** getIntOrPercentValue: the percent number, or IntValue() (a non-numeric string is 0). */
function intOrPercentValue(v: IntOrString): number {
  const pct = percentValue(v);
  if (pct !== undefined) return pct;
  if (typeof v === "number") return v;
  return /^-?[0-9]+$/.test(v ?? "") ? Number(v) : 0;
}

/** ValidatePositiveIntOrPercent. */
function validatePositiveIntOrPercent(v: IntOrString, field: string): FieldError[] {
  if (typeof v === "string") return isValidPercent(v).map((m) => invalid(field, goIntOrString(v), m));
  return validateNonnegative(v ?? 0, field);
}

function validateStrategy(strategy: DeploymentStrategy | undefined, field: string): FieldError[] {
  const type = strategy?.type ?? "";
  const ru = strategy?.rollingUpdate;
  if (type === "Recreate") {
    return ru
      ? [forbidden(child(field, "rollingUpdate"), "may not be specified when strategy `type` is 'Recreate'")]
      : [];
  }
  if (type !== "RollingUpdate")
    return [notSupported(field, goRepr("apps.DeploymentStrategy{...}"), ["Recreate", "RollingUpdate"])];
  if (!ru) return [required(child(field, "rollingUpdate"), "this should be defaulted and never be nil")];
  const path = child(field, "rollingUpdate");
  const errs = validatePositiveIntOrPercent(ru.maxUnavailable, child(path, "maxUnavailable"));
  errs.push(...validatePositiveIntOrPercent(ru.maxSurge, child(path, "maxSurge")));
  if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
    errs.push(
      invalid(
        child(path, "maxUnavailable"),
        goIntOrString(ru.maxUnavailable),
        "may not be 0 when `maxSurge` is 0",
      ),
    );
  }
  if ((percentValue(ru.maxUnavailable) ?? 0) > 100) {
    errs.push(
      invalid(
        child(path, "maxUnavailable"),
        goIntOrString(ru.maxUnavailable),
        "must not be greater than 100%",
      ),
    );
  }
  return errs;
}

/** ValidateDeploymentSpec. */
function validateDeploymentSpec(d: Deployment): FieldError[] {
  const spec = d.spec ?? { selector: undefined as unknown as LabelSelector, template: {} };
  const errs = validateReplicatedSpec(spec, "ReplicaSet");
  errs.push(...validateStrategy(spec.strategy, "spec.strategy"));
  errs.push(...validateNonnegative(spec.minReadySeconds ?? 0, "spec.minReadySeconds"));
  errs.push(...validateNonnegative(spec.revisionHistoryLimit, "spec.revisionHistoryLimit"));
  const pds = spec.progressDeadlineSeconds;
  if (pds !== undefined) {
    errs.push(...validateNonnegative(pds, "spec.progressDeadlineSeconds"));
    if (pds <= (spec.minReadySeconds ?? 0))
      errs.push(invalid("spec.progressDeadlineSeconds", pds, "must be greater than minReadySeconds"));
  }
  return errs;
}

/** ValidateDeployment (create) or ValidateDeploymentUpdate + selector immutability (update). */
export function validateDeployment(d: Deployment, old?: Deployment): FieldError[] {
  if (!old)
    return [...validateObjectMeta(d.metadata, true, nameIsDNSSubdomain), ...validateDeploymentSpec(d)];
  const errs = [...validateObjectMetaUpdate(d.metadata, old.metadata), ...validateDeploymentSpec(d)];
  return errs.concat(
    validateImmutable(
      d.spec?.selector,
      old.spec?.selector,
      "spec.selector",
      goLabelSelector(d.spec?.selector),
    ),
  );
}

/** ValidateReplicaSet (create) or ValidateReplicaSetUpdate + selector immutability (update). */
export function validateReplicaSet(rs: ReplicaSet, old?: ReplicaSet): FieldError[] {
  const spec = rs.spec ?? { selector: undefined as unknown as LabelSelector };
  const specErrs = [
    ...validateNonnegative(spec.replicas, "spec.replicas"),
    ...validateNonnegative(spec.minReadySeconds ?? 0, "spec.minReadySeconds"),
  ];
  specErrs.push(...validateReplicatedSpec({ ...spec, replicas: undefined }, "ReplicaSet"));
  if (!old) return [...validateObjectMeta(rs.metadata, true, nameIsDNSSubdomain), ...specErrs];
  const errs = [...validateObjectMetaUpdate(rs.metadata, old.metadata), ...specErrs];
  return errs.concat(
    validateImmutable(
      rs.spec?.selector,
      old.spec?.selector,
      "spec.selector",
      goLabelSelector(rs.spec?.selector),
    ),
  );
}
