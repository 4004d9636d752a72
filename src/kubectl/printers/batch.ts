// Rows for batch/v1 Job and CronJob, ported from printJob and printCronJob in
// kubernetes/pkg/printers/internalversion/printers.go (the 1.28+ Job columns with STATUS).
import type { CronJob, Job, JobCondition } from "kubernetes-types/batch/v1";
import { humanDuration, parseTimestamp, translateTimestampSince } from "../../apimachinery/duration";
import { ageOf, formatLabelSelector, layoutContainerCells, printBoolPtr } from "./format";
import { AGE_COLUMN, CONTAINER_COLUMNS, NAME_COLUMN, SELECTOR_COLUMN, definePrinter } from "./types";

/** hasJobCondition: the first condition of this type decides, and it must be "True". */
function hasJobCondition(conditions: readonly JobCondition[] | undefined, type: string): boolean {
  const condition = (conditions ?? []).find((c) => c.type === type);
  return condition?.status === "True";
}

/** The STATUS cell: Complete, Failed, Terminating, Suspended, FailureTarget or Running, in that precedence. */
export function jobStatus(job: Job): string {
  const conditions = job.status?.conditions;
  if (hasJobCondition(conditions, "Complete")) return "Complete";
  if (hasJobCondition(conditions, "Failed")) return "Failed";
  if (job.metadata?.deletionTimestamp) return "Terminating";
  if (hasJobCondition(conditions, "Suspended")) return "Suspended";
  if (hasJobCondition(conditions, "FailureTarget")) return "FailureTarget";
  return "Running";
}

/** The COMPLETIONS cell: "1/3", or "0/1 of 4" for a work queue job with parallelism. */
function jobCompletions(job: Job): string {
  const succeeded = job.status?.succeeded ?? 0;
  if (job.spec?.completions !== undefined && job.spec.completions !== null) {
    return `${succeeded}/${job.spec.completions}`;
  }
  const parallelism = job.spec?.parallelism ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

/** The DURATION cell: empty before the job starts, running time, then start-to-completion. */
function jobDuration(job: Job, nowMs: number): string {
  const start = parseTimestamp(job.status?.startTime);
  if (start === undefined) return "";
  const completion = parseTimestamp(job.status?.completionTime);
  return humanDuration((completion ?? nowMs) - start);
}

export const jobPrinter = definePrinter<Job>({
  kind: "Job",
  group: "batch",
  namespaced: true,
  columns: [
    NAME_COLUMN,
    { name: "Status" },
    { name: "Completions" },
    { name: "Duration" },
    AGE_COLUMN,
    ...CONTAINER_COLUMNS,
    SELECTOR_COLUMN,
  ],
  row(job, options) {
    const cells = [
      job.metadata?.name ?? "",
      jobStatus(job),
      jobCompletions(job),
      jobDuration(job, options.nowMs),
      ageOf(job, options.nowMs),
    ];
    if (!options.wide) return cells;
    const [names, images] = layoutContainerCells(job.spec?.template?.spec?.containers);
    return [...cells, names, images, formatLabelSelector(job.spec?.selector)];
  },
});

export const cronJobPrinter = definePrinter<CronJob>({
  kind: "CronJob",
  group: "batch",
  namespaced: true,
  columns: [
    NAME_COLUMN,
    { name: "Schedule" },
    { name: "Timezone" },
    { name: "Suspend" },
    { name: "Active" },
    { name: "Last Schedule" },
    AGE_COLUMN,
    ...CONTAINER_COLUMNS,
    SELECTOR_COLUMN,
  ],
  row(cj, options) {
    const last = cj.status?.lastScheduleTime;
    const cells = [
      cj.metadata?.name ?? "",
      cj.spec?.schedule ?? "",
      cj.spec?.timeZone ?? "<none>",
      printBoolPtr(cj.spec?.suspend),
      String(cj.status?.active?.length ?? 0),
      last ? translateTimestampSince(last, options.nowMs) : "<none>",
      ageOf(cj, options.nowMs),
    ];
    if (!options.wide) return cells;
    const jobSpec = cj.spec?.jobTemplate?.spec;
    const [names, images] = layoutContainerCells(jobSpec?.template?.spec?.containers);
    return [...cells, names, images, formatLabelSelector(jobSpec?.selector)];
  },
});
