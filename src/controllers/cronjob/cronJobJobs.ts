/**
 * The Jobs a CronJob makes and cleans up (pkg/controller/cronjob/utils.go
 * getJobFromTemplate2, getJobName; cronjob_controllerv2.go cleanupFinishedJobs), and the
 * time formats its annotation and events use.
 */
import type { CronJob, Job } from "kubernetes-types/batch/v1";
import { clone, type KubeObject } from "../../api/types";
import { parseTimestamp } from "../../util/clock";
import { finishedCondition } from "../job/jobConditions";
import { loadLocation, UTC } from "./cronZone";

/** A CronJob as stored, typed. */
export type CronJobObject = CronJob & KubeObject;
/** A Job as stored, typed. */
export type JobObject = Job & KubeObject;

/** The annotation recording the scheduled time a Job was made for. */
export const SCHEDULED_TIMESTAMP_ANNOTATION = "batch.kubernetes.io/cronjob-scheduled-timestamp";

/** getJobName: `<cronjob>-<scheduled time in minutes since the epoch>`, so a slot yields one name. */
export function jobNameFor(cronJobName: string, scheduledMs: number): string {
  return `${cronJobName}-${Math.floor(scheduledMs / 60_000)}`;
}

/**
 * getJobFromTemplate2: the template's labels, annotations and spec, the scheduled-time
 * annotation (RFC 3339 in spec.timeZone), and a controller reference to the CronJob.
 */
export function jobFromTemplate(cj: CronJobObject, scheduledMs: number): JobObject {
  const template = cj.spec?.jobTemplate ?? {};
  const annotations = { ...(template.metadata?.annotations ?? {}) };
  annotations[SCHEDULED_TIMESTAMP_ANNOTATION] = rfc3339In(scheduledMs, cj.spec?.timeZone ?? "");
  return {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: {
      name: jobNameFor(cj.metadata.name ?? "", scheduledMs),
      namespace: cj.metadata.namespace,
      labels: template.metadata?.labels ? { ...template.metadata.labels } : undefined,
      annotations,
      ownerReferences: [
        {
          apiVersion: "batch/v1",
          kind: "CronJob",
          name: cj.metadata.name ?? "",
          uid: cj.metadata.uid ?? "",
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: clone(template.spec ?? { template: {} }),
  };
}

/** Go's time.Format(time.RFC3339) of an instant in a zone: `2026-01-05T05:01:00-05:00`, or `…Z` in UTC. */
export function rfc3339In(ms: number, timeZone: string): string {
  const loaded = loadLocation(timeZone);
  const zone = "error" in loaded ? UTC : loaded;
  const offset = zone.offsetAt(ms);
  const local = new Date(Math.floor((ms + offset) / 1000) * 1000).toISOString().replace(".000Z", "");
  if (offset === 0 && (zone === UTC || zone.name === "UTC")) return `${local}Z`;
  const minutes = Math.round(Math.abs(offset) / 60_000);
  const hh = String(Math.floor(minutes / 60)).padStart(2, "0");
  const mm = String(minutes % 60).padStart(2, "0");
  return `${local}${offset < 0 ? "-" : "+"}${hh}:${mm}`;
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Go's t.UTC().Format(time.RFC1123Z): `Mon, 05 Jan 2026 10:01:00 +0000`. */
export function rfc1123z(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, "0");
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${time} +0000`;
}

/** Jobs whose controller reference names this CronJob (getJobsToBeReconciled matches by name). */
export function jobsOfCronJob(jobs: readonly KubeObject[], cj: CronJobObject): JobObject[] {
  return jobs.filter((j) => {
    const ref = j.metadata.ownerReferences?.find((r) => r.controller);
    return ref?.kind === "CronJob" && ref.name === cj.metadata.name;
  }) as JobObject[];
}

/**
 * Which finished Jobs exceed the history limits, oldest first (byJobStartTime: by
 * status.startTime, Jobs without one last, ties by name).
 */
export function jobsBeyondHistory(cj: CronJobObject, jobs: readonly JobObject[]): JobObject[] {
  const successful = jobs.filter((j) => finishedCondition(j)?.type === "Complete");
  const failed = jobs.filter((j) => finishedCondition(j)?.type === "Failed");
  const excess = (list: JobObject[], limit: number | undefined) =>
    limit === undefined || limit === null
      ? []
      : [...list].sort(byJobStartTime).slice(0, Math.max(0, list.length - limit));
  return [
    ...excess(successful, cj.spec?.successfulJobsHistoryLimit),
    ...excess(failed, cj.spec?.failedJobsHistoryLimit),
  ];
}

function byJobStartTime(a: JobObject, b: JobObject): number {
  const sa = parseTimestamp(a.status?.startTime);
  const sb = parseTimestamp(b.status?.startTime);
  if (sa === undefined && sb !== undefined) return 1;
  if (sa !== undefined && sb === undefined) return -1;
  if (sa === sb) return (a.metadata.name ?? "").localeCompare(b.metadata.name ?? "");
  return (sa ?? 0) - (sb ?? 0);
}
