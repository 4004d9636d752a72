/**
 * PodSpec, PodTemplateSpec and Pod validation (pkg/apis/core/validation), restricted to
 * the fields the playground models: containers, policies, names, scheduling fields.
 */
import type { Pod, PodSpec, PodTemplateSpec } from "kubernetes-types/core/v1";
import { type FieldError, child, forbidden, invalid, notSupported, required } from "./fieldErrors";
import { validateContainers, validateDNS1123Label, validateInitContainers } from "./container";
import { nameIsDNSSubdomain, validateAnnotations, validateLabels, validateObjectMeta } from "./objectMeta";
import { validateTolerations } from "./tolerations";

const MAX_INT32 = 2147483647;

function validateEnum(value: string | undefined, field: string, valid: string[]): FieldError[] {
  if (!value) return [required(field)];
  return valid.includes(value) ? [] : [notSupported(field, value, valid)];
}

function validateNames(spec: PodSpec, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const sa = spec.serviceAccountName;
  if (sa)
    errs.push(
      ...nameIsDNSSubdomain(sa, false).map((m) => invalid(child(field, "serviceAccountName"), sa, m)),
    );
  const node = spec.nodeName;
  if (node)
    errs.push(...nameIsDNSSubdomain(node, false).map((m) => invalid(child(field, "nodeName"), node, m)));
  const ads = spec.activeDeadlineSeconds;
  if (ads !== undefined && (ads < 1 || ads > MAX_INT32)) {
    errs.push(
      invalid(child(field, "activeDeadlineSeconds"), ads, `must be between 1 and ${MAX_INT32}, inclusive`),
    );
  }
  if (spec.hostname) errs.push(...validateDNS1123Label(spec.hostname, child(field, "hostname")));
  if (spec.subdomain) errs.push(...validateDNS1123Label(spec.subdomain, child(field, "subdomain")));
  const pc = spec.priorityClassName;
  if (pc)
    errs.push(...nameIsDNSSubdomain(pc, false).map((m) => invalid(child(field, "priorityClassName"), pc, m)));
  return errs;
}

/** ValidatePodSpec (defaulted spec): containers, init containers, policies, names, tolerations. */
export function validatePodSpec(spec: PodSpec | undefined, field: string): FieldError[] {
  const s: PodSpec = spec ?? { containers: [] };
  const grace = s.terminationGracePeriodSeconds ?? 0;
  const errs = validateContainers(s.containers, grace, child(field, "containers"));
  errs.push(...validateInitContainers(s.initContainers, s.containers, grace, child(field, "initContainers")));
  errs.push(
    ...validateEnum(s.restartPolicy, child(field, "restartPolicy"), ["Always", "OnFailure", "Never"]),
  );
  errs.push(
    ...validateEnum(s.dnsPolicy, child(field, "dnsPolicy"), [
      "ClusterFirstWithHostNet",
      "ClusterFirst",
      "Default",
      "None",
    ]),
  );
  errs.push(...validateLabels(s.nodeSelector, child(field, "nodeSelector")));
  errs.push(...validateNames(s, field));
  return errs.concat(validateTolerations(s.tolerations, child(field, "tolerations")));
}

/** ValidatePodTemplateSpec: template labels and annotations, then the pod spec. */
export function validatePodTemplateSpec(template: PodTemplateSpec | undefined, field: string): FieldError[] {
  const errs = validateLabels(template?.metadata?.labels, child(field, "labels"));
  errs.push(...validateAnnotations(template?.metadata?.annotations, child(field, "annotations")));
  errs.push(...validatePodSpec(template?.spec, child(field, "spec")));
  if (template?.spec?.ephemeralContainers?.length) {
    errs.push(
      forbidden(
        child(field, "spec", "ephemeralContainers"),
        "ephemeral containers not allowed in pod template",
      ),
    );
  }
  return errs;
}

function validateImagesOnlyForPod(spec: PodSpec | undefined): FieldError[] {
  const errs: FieldError[] = [];
  for (const list of ["containers", "initContainers"] as const) {
    (spec?.[list] ?? []).forEach((c, i) => {
      if (c.image !== undefined && c.image !== c.image.trim()) {
        errs.push(
          invalid(`spec.${list}[${i}].image`, c.image, "must not have leading or trailing whitespace"),
        );
      }
    });
  }
  return errs;
}

/** validatePodMetadataAndSpec: the checks shared by Pod create and update. */
export function validatePodMetadataAndSpec(pod: Pod): FieldError[] {
  const errs = validateObjectMeta(pod.metadata, true, nameIsDNSSubdomain);
  errs.push(...validatePodSpec(pod.spec, "spec"));
  return errs.concat(validateImagesOnlyForPod(pod.spec));
}

/** ValidatePodCreate. */
export function validatePodCreate(pod: Pod): FieldError[] {
  const errs = validatePodMetadataAndSpec(pod);
  if (pod.spec?.ephemeralContainers?.length)
    errs.push(forbidden("spec.ephemeralContainers", "cannot be set on create"));
  if (pod.spec?.nodeName && pod.spec.schedulingGates?.length) {
    errs.push(forbidden("spec.nodeName", "cannot be set until all schedulingGates have been cleared"));
  }
  return errs;
}
