/**
 * Job and CronJob validation (pkg/apis/batch/validation, Kubernetes 1.32 behaviour with
 * its default feature gates: prefixed job labels required, elastic indexed jobs).
 */
import type { CronJob, Job, JobSpec } from "kubernetes-types/batch/v1";
import type { ObjectMeta } from "kubernetes-types/meta/v1";
import { isDNS1123Label } from "../../apimachinery/labels/labelValidation";
import { parseCronSchedule } from "../../controllers/cronjob/cron";
import { type FieldError, child, invalid, key, notSupported, required } from "./fieldErrors";
import { goLabelSelector, goStringMap, goStructPlaceholder } from "./goValue";
import { selectorOrUndefined, validateLabelSelector } from "./labelSelector";
import {
  nameIsDNSSubdomain,
  validateImmutable,
  validateNonnegative,
  validateObjectMeta,
  validateObjectMetaUpdate,
} from "./objectMeta";
import { validatePodTemplateSpec } from "./podSpec";

/** validateCronSchedule: robfig/cron's ParseStandard error text, or null when valid. */
export function validateCronSchedule(schedule: string): string | null {
  return parseCronSchedule(schedule).error ?? null;
}

function validateCompletionMode(spec: JobSpec, field: string): FieldError[] {
  const mode = spec.completionMode;
  if (mode === undefined) return [];
  const errs: FieldError[] = [];
  if (mode !== "NonIndexed" && mode !== "Indexed")
    errs.push(notSupported(child(field, "completionMode"), mode, ["NonIndexed", "Indexed"]));
  if (mode === "Indexed" && spec.completions === undefined)
    errs.push(required(child(field, "completions"), "when completion mode is Indexed"));
  if (mode === "Indexed" && (spec.parallelism ?? 0) > 100000) {
    errs.push(
      invalid(
        child(field, "parallelism"),
        spec.parallelism,
        "must be less than or equal to 100000 when completion mode is Indexed",
      ),
    );
  }
  return errs;
}

function validateRestartPolicy(spec: JobSpec, field: string): FieldError[] {
  const policy = spec.template?.spec?.restartPolicy ?? "";
  const path = child(field, "template", "spec", "restartPolicy");
  // Defaulting turns an unset policy into Always, so both are reported as missing.
  if (policy === "Always" || policy === "") return [required(path, 'valid values: "OnFailure", "Never"')];
  if (policy !== "OnFailure" && policy !== "Never")
    return [notSupported(path, policy, ["OnFailure", "Never"])];
  if (spec.podFailurePolicy && policy !== "Never")
    return [invalid(path, policy, 'only "Never" is supported when podFailurePolicy is specified')];
  return [];
}

/** validateJobSpec: the checks shared by Job and CronJob's jobTemplate. */
function validateJobSpecCommon(spec: JobSpec, field: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of [
    "parallelism",
    "completions",
    "activeDeadlineSeconds",
    "backoffLimit",
    "ttlSecondsAfterFinished",
    "backoffLimitPerIndex",
  ] as const) {
    errs.push(...validateNonnegative(spec[f], child(field, f)));
  }
  errs.push(...validateCompletionMode(spec, field));
  const prp = spec.podReplacementPolicy;
  if (prp !== undefined) {
    const allowed = spec.podFailurePolicy ? ["Failed"] : ["Failed", "TerminatingOrFailed"];
    if (!allowed.includes(prp)) errs.push(notSupported(child(field, "podReplacementPolicy"), prp, allowed));
  }
  errs.push(...validatePodTemplateSpec(spec.template, child(field, "template")));
  return errs.concat(validateRestartPolicy(spec, field));
}

/** ValidateJobSpec: common checks, selector required and matching the template labels. */
function validateJobSpec(spec: JobSpec, field: string): FieldError[] {
  const errs = validateJobSpecCommon(spec, field);
  if (!spec.selector) errs.push(required(child(field, "selector")));
  else errs.push(...validateLabelSelector(spec.selector, child(field, "selector")));
  const selector = selectorOrUndefined(spec.selector);
  const labels = spec.template?.metadata?.labels;
  if (selector && !selector.matches(labels ?? {})) {
    errs.push(
      invalid(
        child(field, "template", "metadata", "labels"),
        goStringMap(labels),
        "`selector` does not match template `labels`",
      ),
    );
  }
  return errs;
}

const TEMPLATE_META = "spec.template.metadata";

function validateHasLabel(meta: ObjectMeta | undefined, label: string, expected: string): FieldError[] {
  const path = key(child(TEMPLATE_META, "labels"), label);
  const actual = meta?.labels?.[label];
  if (actual === undefined) return [required(path, `must be '${expected}'`)];
  return actual === expected ? [] : [invalid(path, goStringMap(meta?.labels), `must be '${expected}'`)];
}

/** validateGeneratedSelector: the generated labels are on the template and selected. */
function validateGeneratedSelector(job: Job): FieldError[] {
  if (job.spec?.manualSelector || !job.spec?.selector) return [];
  const uid = job.metadata?.uid ?? "";
  const name = job.metadata?.name ?? "";
  const errs = uid ? [] : [required("metadata.uid")];
  const expected: Record<string, string> = {
    "controller-uid": uid,
    "job-name": name,
    "batch.kubernetes.io/controller-uid": uid,
    "batch.kubernetes.io/job-name": name,
  };
  const meta = job.spec.template?.metadata;
  for (const label of [
    "controller-uid",
    "job-name",
    "batch.kubernetes.io/controller-uid",
    "batch.kubernetes.io/job-name",
  ]) {
    errs.push(...validateHasLabel(meta, label, expected[label]));
  }
  const selector = selectorOrUndefined(job.spec.selector);
  if (selector && !selector.matches(expected))
    errs.push(invalid("spec.selector", goLabelSelector(job.spec.selector), "`selector` not auto-generated"));
  return errs;
}

function validateIndexedName(job: Job): FieldError[] {
  const spec = job.spec;
  if (spec?.completionMode !== "Indexed" || !spec.completions || spec.completions <= 0) return [];
  const hostname = `${job.metadata?.name ?? ""}-${spec.completions - 1}`;
  if (isDNS1123Label(hostname).length === 0) return [];
  return [
    invalid(
      "metadata.name",
      job.metadata?.name ?? "",
      `will not able to create pod with invalid DNS label: ${hostname}`,
    ),
  ];
}

/** The template with the fields a suspended, never-started Job may change copied from `from`. */
function schedulingMasked(spec: JobSpec, from: JobSpec): JobSpec["template"] {
  const t = spec.template;
  const f = from.template;
  return {
    ...t,
    metadata: { ...t.metadata, labels: f.metadata?.labels, annotations: f.metadata?.annotations },
    spec: t.spec && {
      ...t.spec,
      nodeSelector: f.spec?.nodeSelector,
      tolerations: f.spec?.tolerations,
      affinity: f.spec?.affinity,
      schedulingGates: f.spec?.schedulingGates,
    },
  };
}

function validateJobSpecUpdate(job: Job, old: Job): FieldError[] {
  const spec = job.spec ?? ({} as JobSpec);
  const prev = old.spec ?? ({} as JobSpec);
  const errs = validateJobSpec(spec, "spec");
  const indexed = spec.completionMode === "Indexed";
  if (!indexed)
    errs.push(...validateImmutable(spec.completions, prev.completions, "spec.completions", spec.completions));
  else if (
    spec.completions !== undefined &&
    spec.completions !== prev.completions &&
    spec.completions !== spec.parallelism
  ) {
    errs.push(
      invalid("spec.completions", spec.completions, "can only be modified in tandem with spec.parallelism"),
    );
  }
  errs.push(
    ...validateImmutable(spec.selector, prev.selector, "spec.selector", goLabelSelector(spec.selector)),
  );
  const mutableScheduling = spec.suspend === true && !old.status?.startTime;
  const oldTemplate = mutableScheduling ? schedulingMasked(prev, spec) : prev.template;
  errs.push(
    ...validateImmutable(
      spec.template,
      oldTemplate,
      "spec.template",
      goStructPlaceholder("core.PodTemplateSpec"),
    ),
  );
  errs.push(
    ...validateImmutable(
      spec.completionMode,
      prev.completionMode,
      "spec.completionMode",
      spec.completionMode,
    ),
  );
  return errs.concat(
    validateImmutable(
      spec.backoffLimitPerIndex,
      prev.backoffLimitPerIndex,
      "spec.backoffLimitPerIndex",
      spec.backoffLimitPerIndex,
    ),
  );
}

/** ValidateJob (create, after the selector was generated and the uid assigned) or ValidateJobUpdate. */
export function validateJob(job: Job, old?: Job): FieldError[] {
  if (old)
    return [...validateObjectMetaUpdate(job.metadata, old.metadata), ...validateJobSpecUpdate(job, old)];
  const errs = validateObjectMeta(job.metadata, true, nameIsDNSSubdomain);
  errs.push(...validateGeneratedSelector(job));
  errs.push(...validateJobSpec(job.spec ?? ({} as JobSpec), "spec"));
  return errs.concat(validateIndexedName(job));
}

function validateSchedule(
  schedule: string,
  oldSchedule: string | undefined,
  timeZone: string | undefined,
): FieldError[] {
  const path = "spec.schedule";
  if (!schedule) return [required(path)];
  const errs: FieldError[] = [];
  const error = validateCronSchedule(schedule);
  if (error !== null) errs.push(invalid(path, schedule, error));
  const allowTZ = oldSchedule?.includes("TZ") ?? false;
  if (allowTZ && schedule.includes("TZ") && timeZone !== undefined) {
    errs.push(invalid(path, schedule, "cannot use both timeZone field and TZ or CRON_TZ in schedule"));
  } else if (!allowTZ && schedule.includes("TZ")) {
    errs.push(invalid(path, schedule, "cannot use TZ or CRON_TZ in schedule, use timeZone field instead"));
  }
  return errs;
}

function validateCronJobSpec(cj: CronJob, old?: CronJob): FieldError[] {
  const spec = cj.spec ?? ({} as NonNullable<CronJob["spec"]>);
  const errs = validateSchedule(spec.schedule ?? "", old?.spec?.schedule, spec.timeZone);
  errs.push(...validateNonnegative(spec.startingDeadlineSeconds, "spec.startingDeadlineSeconds"));
  if (spec.timeZone !== undefined && spec.timeZone !== old?.spec?.timeZone && spec.timeZone === "") {
    errs.push(invalid("spec.timeZone", spec.timeZone, "timeZone must be nil or non-empty string"));
  }
  const policy = spec.concurrencyPolicy ?? "";
  if (!policy) errs.push(required("spec.concurrencyPolicy"));
  else if (!["Allow", "Forbid", "Replace"].includes(policy))
    errs.push(notSupported("spec.concurrencyPolicy", policy, ["Allow", "Forbid", "Replace"]));
  const jobSpec = spec.jobTemplate?.spec ?? ({} as JobSpec);
  errs.push(...validateJobSpecCommon(jobSpec, "spec.jobTemplate.spec"));
  if (jobSpec.selector)
    errs.push(
      invalid(
        "spec.jobTemplate.spec.selector",
        goLabelSelector(jobSpec.selector),
        "`selector` will be auto-generated",
      ),
    );
  if (jobSpec.manualSelector)
    errs.push(notSupported("spec.jobTemplate.spec.manualSelector", true, ["nil", "false"]));
  errs.push(...validateNonnegative(spec.successfulJobsHistoryLimit, "spec.successfulJobsHistoryLimit"));
  return errs.concat(validateNonnegative(spec.failedJobsHistoryLimit, "spec.failedJobsHistoryLimit"));
}

/** ValidateCronJobCreate (names at most 52 characters) or ValidateCronJobUpdate. */
export function validateCronJob(cj: CronJob, old?: CronJob): FieldError[] {
  if (old) return [...validateObjectMetaUpdate(cj.metadata, old.metadata), ...validateCronJobSpec(cj, old)];
  const errs = [...validateObjectMeta(cj.metadata, true, nameIsDNSSubdomain), ...validateCronJobSpec(cj)];
  const name = cj.metadata?.name ?? "";
  if (name.length > 52) errs.push(invalid("metadata.name", name, "must be no more than 52 characters"));
  return errs;
}
