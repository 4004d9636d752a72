/**
 * The CronJob controller (pkg/controller/cronjob/cronjob_controllerv2.go sync and
 * syncCronJob), Kubernetes 1.32 behaviour: prune finished Jobs beyond the history limits,
 * track active Jobs, and at each scheduled time start a Job named after the slot,
 * honouring suspend, startingDeadlineSeconds and concurrencyPolicy. It requeues itself for
 * the next slot, so simulated time can jump a day at once.
 */
import type { CronJobStatus, Job } from "kubernetes-types/batch/v1";
import type { ObjectReference } from "kubernetes-types/core/v1";
import { StatusError } from "../../api/errors";
import { clone, refOf } from "../../api/types";
import { formatTimestamp, parseTimestamp } from "../../util/clock";
import {
  type Controller,
  type ControllerContext,
  enqueueControllerOwner,
  enqueueSelf,
  splitKey,
} from "../controller";
import { finishedCondition } from "../job/jobConditions";
import { type CronSchedule, parseCronSchedule } from "./cron";
import {
  type CronJobObject,
  type JobObject,
  jobFromTemplate,
  jobNameFor,
  jobsBeyondHistory,
  jobsOfCronJob,
  rfc1123z,
} from "./cronJobJobs";
import { loadLocation } from "./cronZone";
import {
  formatSchedule,
  nextScheduleTime,
  nextScheduleTimeDuration,
  type ScheduleInputs,
} from "./scheduleTimes";

export const CRONJOB_CONTROLLER = "cronjob-controller";

/** How soon a sync that failed to create its Job tries again (a rate-limited requeue in Kubernetes). */
const RETRY_MS = 1000;

/** One sync's working state: a private copy of the CronJob and what happened. */
interface CronSync {
  ctx: ControllerContext;
  cj: CronJobObject;
  jobs: JobObject[];
  updateStatus: boolean;
  /** Set when an API error means the sync must be retried. */
  failed: boolean;
  actions: string[];
}

/** The CronJob controller. */
export function cronJobController(): Controller {
  return {
    name: CRONJOB_CONTROLLER,
    watches: [enqueueSelf("CronJob"), enqueueControllerOwner("Job", "CronJob")],
    reconcile(key, ctx) {
      const { namespace, name } = splitKey(key);
      const stored = ctx.api.store.get("CronJob", namespace, name) as CronJobObject | undefined;
      if (!stored) return undefined;
      const s: CronSync = {
        ctx,
        cj: clone(stored),
        jobs: jobsOfCronJob(ctx.api.store.list("Job", namespace), stored),
        updateStatus: false,
        failed: false,
        actions: [],
      };
      cleanupFinishedJobs(s);
      const requeueAfterMs = s.failed ? RETRY_MS : syncCronJob(s);
      if (s.updateStatus) writeStatus(s);
      if (s.actions.length > 0) {
        ctx.trace.record({
          component: CRONJOB_CONTROLLER,
          object: refOf(stored),
          observed: describe(s, requeueAfterMs),
          actions: s.actions,
        });
      }
      return requeueAfterMs === undefined ? undefined : { requeueAfterMs };
    },
  };
}

function cleanupFinishedJobs(s: CronSync): void {
  for (const job of jobsBeyondHistory(s.cj, s.jobs)) {
    if (deleteJob(s, job)) s.updateStatus = true;
  }
}

/** deleteJob: background deletion, drop it from status.active, record SuccessfulDelete. */
function deleteJob(s: CronSync, job: JobObject): boolean {
  const source = { component: CRONJOB_CONTROLLER };
  try {
    s.ctx.api.delete("Job", job.metadata.namespace ?? "", job.metadata.name ?? "", {
      propagationPolicy: "Background",
    });
  } catch (error) {
    if (!(error instanceof StatusError)) throw error;
    s.ctx.events.warning(source, s.cj, "FailedDelete", `Deleted job: ${error.message}`);
    s.failed = true;
    return false;
  }
  removeActive(s, job.metadata.uid);
  s.ctx.events.normal(source, s.cj, "SuccessfulDelete", `Deleted job ${job.metadata.name}`);
  s.actions.push(`deleted job ${job.metadata.name}`);
  return true;
}

function status(s: CronSync): CronJobStatus {
  return (s.cj.status ??= {}) as CronJobStatus;
}

function removeActive(s: CronSync, uid: string | undefined): void {
  const st = status(s);
  st.active = (st.active ?? []).filter((r) => r.uid !== uid);
}

/** syncCronJob: returns how long until the CronJob must be looked at again (undefined: only on change). */
function syncCronJob(s: CronSync): number | undefined {
  reconcileActive(s);
  const cj = s.cj;
  const source = { component: CRONJOB_CONTROLLER };
  if (cj.metadata.deletionTimestamp) return undefined;
  const timeZone = cj.spec?.timeZone ?? undefined;
  if (timeZone !== undefined) {
    const zone = loadLocation(timeZone);
    if ("error" in zone) {
      s.ctx.events.warning(
        source,
        cj,
        "UnknownTimeZone",
        `invalid timeZone: ${JSON.stringify(timeZone)}: ${zone.error}`,
      );
      return undefined;
    }
  }
  if (cj.spec?.suspend) return undefined;
  const formatted = formatSchedule(cj.spec?.schedule ?? "", timeZone);
  if (formatted.unsupportedScheduleEvent)
    s.ctx.events.warning(source, cj, "UnsupportedSchedule", formatted.unsupportedScheduleEvent);
  const parsed = parseCronSchedule(formatted.spec);
  if (!parsed.schedule) {
    s.ctx.events.warning(
      source,
      cj,
      "UnparseableSchedule",
      `unparseable schedule: ${JSON.stringify(cj.spec?.schedule)} : ${parsed.error}`,
    );
    return undefined;
  }
  return startDueJob(s, parsed.schedule);
}

/** The part of syncCronJob that decides whether the most recent slot gets a Job. */
function startDueJob(s: CronSync, schedule: CronSchedule): number | undefined {
  const cj = s.cj;
  const now = s.ctx.clock.now();
  const source = { component: CRONJOB_CONTROLLER };
  const next = nextScheduleTime(scheduleInputs(cj), now, schedule);
  if (next.tooManyMissedEvent)
    s.ctx.events.warning(source, cj, "TooManyMissedTimes", next.tooManyMissedEvent);
  if (next.error) {
    s.ctx.events.warning(
      source,
      cj,
      "InvalidSchedule",
      `invalid schedule: ${cj.spec?.schedule} : ${next.error}`,
    );
    return undefined;
  }
  const requeue = () => nextScheduleTimeDuration(scheduleInputs(s.cj), now, schedule);
  const scheduled = next.time;
  if (scheduled === null) return requeue();
  const deadline = cj.spec?.startingDeadlineSeconds;
  if (deadline !== undefined && deadline !== null && scheduled + deadline * 1000 < now) {
    s.ctx.events.warning(
      source,
      cj,
      "MissSchedule",
      `Missed scheduled time to start a job: ${rfc1123z(scheduled)}`,
    );
    s.actions.push(
      `missed the start at ${formatTimestamp(scheduled)} by more than startingDeadlineSeconds=${deadline}`,
    );
    return requeue();
  }
  const name = jobNameFor(cj.metadata.name ?? "", scheduled);
  const active = status(s).active ?? [];
  if (active.some((r) => r.name === name) || parseTimestamp(status(s).lastScheduleTime) === scheduled)
    return requeue();
  if (cj.spec?.concurrencyPolicy === "Forbid" && active.length > 0) {
    s.ctx.events.normal(
      source,
      cj,
      "JobAlreadyActive",
      "Not starting job because prior execution is running and concurrency policy is Forbid",
    );
    s.actions.push(
      `concurrencyPolicy Forbid: skipped ${formatTimestamp(scheduled)} because ${active.map((r) => r.name).join(", ")} still runs`,
    );
    return requeue();
  }
  if ((cj.spec?.concurrencyPolicy === "Replace" && !replaceActive(s)) || !createJob(s, scheduled)) {
    return s.failed ? RETRY_MS : undefined;
  }
  return requeue();
}

function scheduleInputs(cj: CronJobObject): ScheduleInputs {
  return {
    creationTimestamp: parseTimestamp(cj.metadata.creationTimestamp) ?? 0,
    lastScheduleTime: parseTimestamp(cj.status?.lastScheduleTime),
    startingDeadlineSeconds: cj.spec?.startingDeadlineSeconds ?? undefined,
  };
}

/** concurrencyPolicy Replace: the still-running Jobs go before the new one starts. */
function replaceActive(s: CronSync): boolean {
  for (const ref of [...(status(s).active ?? [])]) {
    const job = s.ctx.api.store.get("Job", ref.namespace ?? "", ref.name ?? "") as JobObject | undefined;
    if (!job) {
      s.ctx.events.warning(
        { component: CRONJOB_CONTROLLER },
        s.cj,
        "FailedGet",
        `Get job: jobs.batch "${ref.name}" not found`,
      );
      s.failed = true;
      return false;
    }
    if (!deleteJob(s, job)) return false;
    s.updateStatus = true;
  }
  return true;
}

/** Creates the slot's Job (or adopts it if this controller made it before) and records it as active. */
function createJob(s: CronSync, scheduled: number): boolean {
  const source = { component: CRONJOB_CONTROLLER };
  const request = jobFromTemplate(s.cj, scheduled);
  let job: JobObject;
  try {
    job = s.ctx.api.create(request) as JobObject;
    s.ctx.events.normal(source, s.cj, "SuccessfulCreate", `Created job ${job.metadata.name}`);
    s.actions.push(`created job ${job.metadata.name} for ${formatTimestamp(scheduled)}`);
  } catch (error) {
    if (!(error instanceof StatusError)) throw error;
    if (error.reason !== "AlreadyExists") {
      s.ctx.events.warning(source, s.cj, "FailedCreate", `Error creating job: ${error.message}`);
      s.failed = true;
      return false;
    }
    const existing = s.ctx.api.store.get(
      "Job",
      request.metadata.namespace ?? "",
      request.metadata.name ?? "",
    ) as JobObject | undefined;
    const owned = existing?.metadata.ownerReferences?.some(
      (r) => r.controller && r.uid === s.cj.metadata.uid,
    );
    if (!existing || !owned || (status(s).active ?? []).some((r) => r.uid === existing.metadata.uid))
      return false;
    job = existing;
  }
  status(s).active = [...(status(s).active ?? []), jobRef(job)];
  status(s).lastScheduleTime = formatTimestamp(scheduled);
  s.updateStatus = true;
  return true;
}

function jobRef(job: JobObject): ObjectReference {
  return {
    kind: "Job",
    namespace: job.metadata.namespace,
    name: job.metadata.name,
    uid: job.metadata.uid,
    apiVersion: "batch/v1",
    resourceVersion: job.metadata.resourceVersion,
  };
}

/**
 * The first half of syncCronJob: finished Jobs leave status.active (SawCompletedJob),
 * lastSuccessfulTime follows the newest completion, and vanished Jobs are dropped (MissingJob).
 */
function reconcileActive(s: CronSync): void {
  const source = { component: CRONJOB_CONTROLLER };
  const st = status(s);
  const children = new Set(s.jobs.map((j) => j.metadata.uid));
  for (const job of s.jobs) {
    const isActive = (st.active ?? []).some((r) => r.uid === job.metadata.uid);
    const finished = finishedCondition(job as Job);
    if (!isActive && !finished) {
      s.ctx.events.warning(
        source,
        s.cj,
        "UnexpectedJob",
        `Saw a job that the controller did not create or forgot: ${job.metadata.name}`,
      );
    } else if (isActive && finished) {
      removeActive(s, job.metadata.uid);
      s.ctx.events.normal(
        source,
        s.cj,
        "SawCompletedJob",
        `Saw completed job: ${job.metadata.name}, condition: ${finished.type}`,
      );
      s.actions.push(`job ${job.metadata.name} finished (${finished.type}): removed from status.active`);
      s.updateStatus = true;
    } else if (finished?.type === "Complete") {
      const completed = parseTimestamp(job.status?.completionTime);
      const last = parseTimestamp(st.lastSuccessfulTime);
      if (completed !== undefined && (last === undefined || completed > last)) {
        st.lastSuccessfulTime = job.status?.completionTime;
        s.updateStatus = true;
      }
    }
  }
  for (const ref of [...(st.active ?? [])]) {
    if (children.has(ref.uid) || s.ctx.api.store.get("Job", ref.namespace ?? "", ref.name ?? "")) continue;
    s.ctx.events.normal(source, s.cj, "MissingJob", `Active job went missing: ${ref.name}`);
    removeActive(s, ref.uid);
    s.updateStatus = true;
  }
}

function writeStatus(s: CronSync): void {
  const st = status(s);
  const out: CronJobStatus = {};
  if (st.active?.length) out.active = st.active;
  if (st.lastScheduleTime) out.lastScheduleTime = st.lastScheduleTime;
  if (st.lastSuccessfulTime) out.lastSuccessfulTime = st.lastSuccessfulTime;
  const metadata = { ...s.cj.metadata };
  delete metadata.resourceVersion;
  s.ctx.api.updateStatus({ ...s.cj, metadata, status: out });
}

function describe(s: CronSync, requeueAfterMs: number | undefined): string {
  const active = status(s).active?.length ?? 0;
  const next =
    requeueAfterMs === undefined
      ? "no further start planned"
      : `next look at ${formatTimestamp(s.ctx.clock.now() + requeueAfterMs)}`;
  return `schedule "${s.cj.spec?.schedule}", ${active} active job(s), ${s.jobs.length} job(s) owned; ${next}`;
}
