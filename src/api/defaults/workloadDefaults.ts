/**
 * Defaults of the workload kinds: pkg/apis/apps/v1 and pkg/apis/batch/v1 defaults.go,
 * and the Job registry's selector generation (which needs the uid the store assigns).
 */
import type { Deployment, ReplicaSet } from "kubernetes-types/apps/v1";
import type { CronJob, Job } from "kubernetes-types/batch/v1";
import { defaultPodTemplate, zeroCreationTimestamp } from "./podDefaults";

const MAX_INT32 = 2147483647;

/** SetDefaults_Deployment: replicas 1, RollingUpdate 25%/25%, history 10, deadline 600s. */
export function defaultDeployment(d: Deployment): void {
  const spec = (d.spec ??= { selector: undefined as never, template: {} });
  spec.replicas ??= 1;
  const strategy = (spec.strategy ??= {});
  strategy.type ||= "RollingUpdate";
  if (strategy.type === "RollingUpdate") {
    const ru = (strategy.rollingUpdate ??= {});
    ru.maxUnavailable ??= "25%";
    ru.maxSurge ??= "25%";
  }
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  defaultPodTemplate(spec.template);
}

/** SetDefaults_ReplicaSet: replicas 1. */
export function defaultReplicaSet(rs: ReplicaSet): void {
  const spec = (rs.spec ??= { selector: undefined as never });
  spec.replicas ??= 1;
  defaultPodTemplate(spec.template);
}

/**
 * SetDefaults_Job: completions and parallelism 1 when both unset, backoffLimit 6,
 * NonIndexed, not suspended, podReplacementPolicy, and the Job's labels copied from
 * its template's when it has none.
 */
export function defaultJob(job: Job): void {
  const spec = (job.spec ??= { template: {} });
  if (spec.completions === undefined && spec.parallelism === undefined) spec.completions = 1;
  spec.parallelism ??= 1;
  spec.backoffLimit ??= spec.backoffLimitPerIndex !== undefined ? MAX_INT32 : 6;
  const labels = spec.template?.metadata?.labels;
  if (labels && Object.keys(job.metadata?.labels ?? {}).length === 0)
    (job.metadata ??= {}).labels = { ...labels };
  spec.completionMode ??= "NonIndexed";
  spec.suspend ??= false;
  for (const rule of spec.podFailurePolicy?.rules ?? []) {
    for (const pattern of rule.onPodConditions ?? []) pattern.status ||= "True";
  }
  spec.podReplacementPolicy ??= spec.podFailurePolicy ? "Failed" : "TerminatingOrFailed";
  defaultPodTemplate(spec.template);
}

/** SetDefaults_CronJob: Allow, not suspended, keep 3 successful and 1 failed job. */
export function defaultCronJob(cj: CronJob): void {
  const spec = (cj.spec ??= { schedule: "", jobTemplate: {} });
  spec.concurrencyPolicy ||= "Allow";
  spec.suspend ??= false;
  spec.successfulJobsHistoryLimit ??= 3;
  spec.failedJobsHistoryLimit ??= 1;
  if (spec.jobTemplate) zeroCreationTimestamp(spec.jobTemplate);
  defaultPodTemplate(spec.jobTemplate?.spec?.template);
}

const JOB_NAME_LABELS = ["job-name", "batch.kubernetes.io/job-name"];
const CONTROLLER_UID_LABELS = ["controller-uid", "batch.kubernetes.io/controller-uid"];

/**
 * The Job registry's generateSelector, run after the store assigned `uid` (unless
 * spec.manualSelector is true): adds job-name and controller-uid labels (legacy and
 * batch.kubernetes.io/ forms) to the template unless present, and selects
 * batch.kubernetes.io/controller-uid. Then, as the re-defaulting of the stored object
 * does, a Job without labels of its own takes its template's labels.
 */
export function jobGeneratedLabels(job: Job, uid: string): void {
  const spec = (job.spec ??= { template: {} });
  if (spec.manualSelector) return;
  const name = job.metadata?.name ?? "";
  const template = (spec.template ??= {});
  const labels = ((template.metadata ??= {}).labels ??= {});
  for (const l of JOB_NAME_LABELS) labels[l] ??= name;
  for (const l of CONTROLLER_UID_LABELS) labels[l] ??= uid;
  const matchLabels = ((spec.selector ??= {}).matchLabels ??= {});
  matchLabels["batch.kubernetes.io/controller-uid"] ??= uid;
  if (Object.keys(job.metadata?.labels ?? {}).length === 0) (job.metadata ??= {}).labels = { ...labels };
}
