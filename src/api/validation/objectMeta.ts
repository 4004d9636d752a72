/**
 * ObjectMeta validation: k8s.io/apimachinery/pkg/api/validation (objectmeta.go, generic.go)
 * and pkg/apis/meta/v1/validation (labels), plus core's extra finalizer-name rule.
 * Go ranges over maps in random order; we use sorted keys so results are deterministic.
 */
import type { ObjectMeta, OwnerReference } from "kubernetes-types/meta/v1";
import { compareGoStrings, utf8Length } from "../../apimachinery/labels/goString";
import {
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidLabelValue,
} from "../../apimachinery/labels/labelValidation";
import { type FieldError, child, forbidden, index, invalid, required, tooLong } from "./fieldErrors";
import { type BadValue, goRepr, goStrings } from "./goValue";
import { semanticEqual } from "./semanticEqual";

/** FieldImmutableErrorMsg. */
export const FIELD_IMMUTABLE = "field is immutable";
/** IsNegativeErrorMsg. */
export const IS_NEGATIVE = "must be greater than or equal to 0";
/** TotalAnnotationSizeLimitB: 256 KiB. */
export const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

/** A ValidateNameFunc: messages for a name, or for a generateName prefix when `prefix`. */
export type NameValidator = (name: string, prefix: boolean) => string[];

// maskTrailingDash: Go drops the last *two* characters and appends "a" (sic).
function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith("-") ? name.slice(0, -2) + "a" : name;
}

/** NameIsDNSSubdomain: most kinds. */
export const nameIsDNSSubdomain: NameValidator = (name, prefix) =>
  isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name);
/** NameIsDNSLabel: Namespace. */
export const nameIsDNSLabel: NameValidator = (name, prefix) =>
  isDNS1123Label(prefix ? maskTrailingDash(name) : name);
/** NameIsDNS1035Label: Service. */
export const nameIsDNS1035Label: NameValidator = (name, prefix) =>
  isDNS1035Label(prefix ? maskTrailingDash(name) : name);

/** Keys of a JSON map in Go string order. */
export function sortedKeys(map: Readonly<Record<string, unknown>> | undefined | null): string[] {
  return Object.keys(map ?? {}).sort(compareGoStrings);
}

/** ValidateNonnegativeField. */
export function validateNonnegative(value: number | undefined, field: string): FieldError[] {
  return value !== undefined && value < 0 ? [invalid(field, value, IS_NEGATIVE)] : [];
}

/** ValidateImmutableField: `field is immutable` with the new value when they differ semantically. */
export function validateImmutable(
  newVal: unknown,
  oldVal: unknown,
  field: string,
  rendered: BadValue,
): FieldError[] {
  return semanticEqual(newVal, oldVal) ? [] : [invalid(field, rendered, FIELD_IMMUTABLE)];
}

/** ValidateLabelName: a qualified name. */
export function validateLabelName(name: string, field: string): FieldError[] {
  return isQualifiedName(name).map((m) => invalid(field, name, m));
}

/** ValidateLabels: every key a qualified name, every value a label value. */
export function validateLabels(
  labels: Readonly<Record<string, string>> | undefined,
  field: string,
): FieldError[] {
  // Nearly every object's labels are valid: check that before sorting keys for error order.
  if (labelsValid(labels)) return [];
  const errs: FieldError[] = [];
  for (const k of sortedKeys(labels)) {
    errs.push(...validateLabelName(k, field));
    errs.push(...isValidLabelValue(labels![k]).map((m) => invalid(field, labels![k], m)));
  }
  return errs;
}

function labelsValid(labels: Readonly<Record<string, string>> | undefined): boolean {
  for (const k in labels)
    if (isQualifiedName(k).length > 0 || isValidLabelValue(labels[k]).length > 0) return false;
  return true;
}

/** ValidateAnnotations: keys are case-insensitive qualified names; total size at most 256 KiB. */
export function validateAnnotations(
  annotations: Readonly<Record<string, string>> | undefined,
  field: string,
): FieldError[] {
  const errs: FieldError[] = [];
  let total = 0;
  for (const k of sortedKeys(annotations)) {
    errs.push(...isQualifiedName(k.toLowerCase()).map((m) => invalid(field, k, m)));
    total += utf8Length(k) + utf8Length(annotations![k]);
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT) errs.push(tooLong(field, TOTAL_ANNOTATION_SIZE_LIMIT));
  return errs;
}

function validateOwnerReference(ref: OwnerReference, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const apiVersion = ref.apiVersion ?? "";
  const version = apiVersion.includes("/") ? apiVersion.split("/").slice(1).join("/") : apiVersion;
  if (!version) errs.push(invalid(child(field, "apiVersion"), apiVersion, "version must not be empty"));
  if (!ref.kind) errs.push(invalid(child(field, "kind"), ref.kind ?? "", "kind must not be empty"));
  if (!ref.name) errs.push(invalid(child(field, "name"), ref.name ?? "", "name must not be empty"));
  if (!ref.uid) errs.push(invalid(child(field, "uid"), ref.uid ?? "", "uid must not be empty"));
  if (apiVersion === "v1" && ref.kind === "Event") {
    errs.push(
      invalid(field, goRepr("v1.OwnerReference{...}"), "/v1, Kind=Event is disallowed from being an owner"),
    );
  }
  return errs;
}

/** ValidateOwnerReferences: each reference complete, at most one with controller=true. */
export function validateOwnerReferences(
  refs: readonly OwnerReference[] | undefined,
  field: string,
): FieldError[] {
  const errs: FieldError[] = [];
  let firstController = "";
  for (const ref of refs ?? []) {
    errs.push(...validateOwnerReference(ref, field));
    if (!ref.controller) continue;
    const current = `${ref.kind}/${ref.name}`;
    if (firstController) {
      const detail = `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${current}`;
      errs.push(invalid(field, goRepr("[]v1.OwnerReference{...}"), detail));
    } else firstController = current;
  }
  return errs;
}

const STANDARD_FINALIZERS = new Set(["kubernetes", "orphan", "foregroundDeletion"]);

/** validateKubeFinalizerName: an unqualified finalizer must be one of the standard ones. */
export function validateKubeFinalizerName(name: string, field: string): FieldError[] {
  if (name.includes("/") || STANDARD_FINALIZERS.has(name)) return [];
  return [invalid(field, name, "name is neither a standard finalizer name nor is it fully qualified")];
}

/** ValidateFinalizers (apimachinery) plus core's per-index standard-name check. */
export function validateFinalizers(finalizers: readonly string[] | undefined, field: string): FieldError[] {
  const list = finalizers ?? [];
  const errs = list.flatMap((f) => isQualifiedName(f).map((m) => invalid(field, f, m)));
  if (list.includes("orphan") && list.includes("foregroundDeletion")) {
    errs.push(invalid(field, goStrings(list), "finalizer orphan and foregroundDeletion cannot be both set"));
  }
  list.forEach((f, i) => errs.push(...validateKubeFinalizerName(f, index(field, i))));
  return errs;
}

function validateLabelsAnnotationsOwners(meta: ObjectMeta, field: string): FieldError[] {
  return [
    ...validateLabels(meta.labels, child(field, "labels")),
    ...validateAnnotations(meta.annotations, child(field, "annotations")),
    ...validateOwnerReferences(meta.ownerReferences, child(field, "ownerReferences")),
  ];
}

/**
 * ValidateObjectMeta on create (name generation already done): generateName, name,
 * namespace (required, a DNS label, or forbidden for cluster-scoped kinds), labels,
 * annotations, owner references, finalizers.
 */
export function validateObjectMeta(
  meta: ObjectMeta | undefined,
  requiresNamespace: boolean,
  nameFn: NameValidator,
  field = "metadata",
): FieldError[] {
  const m = meta ?? {};
  const errs: FieldError[] = [];
  if (m.generateName)
    errs.push(
      ...nameFn(m.generateName, true).map((msg) =>
        invalid(child(field, "generateName"), m.generateName, msg),
      ),
    );
  if (!m.name) errs.push(required(child(field, "name"), "name or generateName is required"));
  else errs.push(...nameFn(m.name, false).map((msg) => invalid(child(field, "name"), m.name, msg)));
  if (requiresNamespace) {
    if (!m.namespace) errs.push(required(child(field, "namespace")));
    else
      errs.push(
        ...nameIsDNSLabel(m.namespace, false).map((msg) =>
          invalid(child(field, "namespace"), m.namespace, msg),
        ),
      );
  } else if (m.namespace) errs.push(forbidden(child(field, "namespace"), "not allowed on this type"));
  errs.push(...validateNonnegative(m.generation, child(field, "generation")));
  errs.push(...validateLabelsAnnotationsOwners(m, field));
  return errs.concat(validateFinalizers(m.finalizers, child(field, "finalizers")));
}

/**
 * ValidateObjectMetaUpdate: no new finalizers while deleting, resourceVersion present,
 * generation not decremented, identity fields immutable, then labels/annotations/owners.
 */
export function validateObjectMetaUpdate(
  meta: ObjectMeta | undefined,
  old: ObjectMeta | undefined,
  field = "metadata",
): FieldError[] {
  const m = meta ?? {};
  const o = old ?? {};
  const errs: FieldError[] = [];
  if (o.deletionTimestamp) {
    const extra = [...new Set(m.finalizers ?? [])]
      .filter((f) => !(o.finalizers ?? []).includes(f))
      .sort(compareGoStrings);
    const detail = `no new finalizers can be added if the object is being deleted, found new finalizers ${goStrings(extra).goRepr}`;
    if (extra.length) errs.push(forbidden(child(field, "finalizers"), detail));
  }
  if (!m.resourceVersion)
    errs.push(
      invalid(child(field, "resourceVersion"), m.resourceVersion ?? "", "must be specified for an update"),
    );
  if ((m.generation ?? 0) < (o.generation ?? 0))
    errs.push(invalid(child(field, "generation"), m.generation ?? 0, "must not be decremented"));
  for (const name of ["name", "namespace", "uid", "creationTimestamp", "deletionTimestamp"] as const) {
    errs.push(...validateImmutable(m[name] ?? "", o[name] ?? "", child(field, name), m[name] ?? ""));
  }
  const grace = m.deletionGracePeriodSeconds;
  errs.push(
    ...validateImmutable(
      grace,
      o.deletionGracePeriodSeconds,
      child(field, "deletionGracePeriodSeconds"),
      grace,
    ),
  );
  errs.push(...validateLabelsAnnotationsOwners(m, field));
  (m.finalizers ?? []).forEach((f, i) =>
    errs.push(...validateKubeFinalizerName(f, index(child(field, "finalizers"), i))),
  );
  return errs;
}
