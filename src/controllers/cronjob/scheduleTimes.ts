/**
 * When should a CronJob have started a Job? A port of kube-controller-manager's
 * `pkg/controller/cronjob/utils.go` (mostRecentScheduleTime, nextScheduleTime,
 * nextScheduleTimeDuration) and `formatSchedule`, on epoch milliseconds.
 */
import type { CronSchedule } from "./cron";
import { loadLocation } from "./cronZone";

/** How many start times were missed: Kubernetes' missedSchedulesType. */
export type MissedSchedules = "none" | "few" | "many";

/** The parts of a CronJob the schedule arithmetic reads. */
export interface ScheduleInputs {
  creationTimestamp: number;
  lastScheduleTime?: number;
  startingDeadlineSeconds?: number;
}

/** mostRecentScheduleTime's four results. */
export interface MostRecent {
  /** lastScheduleTime, else creationTimestamp, possibly moved up to now - deadline. */
  earliestTime: number;
  /** The most recent start time in (earliestTime, now], or null. */
  mostRecentTime: number | null;
  missedSchedules: MissedSchedules;
  /** Set for a parsable but impossible schedule such as `59 23 31 2 *`. */
  error?: string;
}

/** Padding added to every requeue, to absorb clock skew (nextScheduleDelta). */
export const NEXT_SCHEDULE_DELTA_MS = 100;

/** Event of reason TooManyMissedTimes (type Warning), as recorded since Kubernetes 1.27. */
export const TOO_MANY_MISSED_MESSAGE =
  "too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew";

/**
 * Kubernetes `mostRecentScheduleTime`: rather than walking every missed slot, it estimates
 * their number from the gap between the first two (so "many" is an estimate, exactly as in
 * Kubernetes), then walks only the tail to find the most recent one.
 */
export function mostRecentScheduleTime(
  cj: ScheduleInputs,
  now: number,
  schedule: CronSchedule,
  includeStartingDeadlineSeconds: boolean,
  timeZone?: string,
): MostRecent {
  const next = (t: number) => schedule.next(t, timeZone);
  let earliestTime = cj.lastScheduleTime ?? cj.creationTimestamp;
  if (includeStartingDeadlineSeconds && cj.startingDeadlineSeconds !== undefined) {
    earliestTime = Math.max(earliestTime, now - cj.startingDeadlineSeconds * 1000);
  }
  const t1 = next(earliestTime);
  const t2 = next(t1);
  if (now < t1) return { earliestTime, mostRecentTime: null, missedSchedules: "none" };
  if (now < t2) return { earliestTime, mostRecentTime: t1, missedSchedules: "none" };
  const between = goRoundSeconds(t2 - t1);
  if (between < 1) {
    const error = "time difference between two schedules is less than 1 second";
    return { earliestTime, mostRecentTime: null, missedSchedules: "none", error };
  }
  const elapsed = Math.trunc((now - t1) / 1000);
  const missed = Math.trunc(elapsed / between) + 1;
  let mostRecent: number | null = null;
  for (let t = next(t1 + (missed - 2) * between * 1000); t <= now; t = next(t)) mostRecent = t;
  const missedSchedules: MissedSchedules = missed > 100 ? "many" : missed > 0 ? "few" : "none";
  return { earliestTime, mostRecentTime: mostRecent, missedSchedules };
}

/** Go's Duration.Round(time.Second).Seconds() truncated to int64: halves round away from zero. */
function goRoundSeconds(ms: number): number {
  return Math.sign(ms) * Math.floor(Math.abs(ms) / 1000 + 0.5);
}

/** nextScheduleTime's result: the time to start a Job for, and what to record. */
export interface NextSchedule {
  time: number | null;
  error?: string;
  /** Set when a Warning event of reason TooManyMissedTimes must be recorded. */
  tooManyMissedEvent?: string;
}

/**
 * Kubernetes `nextScheduleTime`: the start time the controller should act on now (honouring
 * startingDeadlineSeconds), or null; warns when more than 100 starts were missed.
 */
export function nextScheduleTime(
  cj: ScheduleInputs,
  now: number,
  schedule: CronSchedule,
  timeZone?: string,
): NextSchedule {
  const r = mostRecentScheduleTime(cj, now, schedule, true, timeZone);
  if (r.mostRecentTime === null || r.mostRecentTime > now) return { time: null, error: r.error };
  const result: NextSchedule = { time: r.mostRecentTime, error: r.error };
  if (r.missedSchedules === "many") result.tooManyMissedEvent = TOO_MANY_MISSED_MESSAGE;
  return result;
}

/**
 * Kubernetes `nextScheduleTimeDuration`: how long (ms) until the controller should look at
 * this CronJob again: the next slot after the most recent one, plus NEXT_SCHEDULE_DELTA_MS.
 */
export function nextScheduleTimeDuration(
  cj: ScheduleInputs,
  now: number,
  schedule: CronSchedule,
  timeZone?: string,
): number {
  const r = mostRecentScheduleTime(cj, now, schedule, false, timeZone);
  let from: number;
  if (r.error !== undefined) from = now;
  else if (r.mostRecentTime !== null) from = r.mostRecentTime;
  else from = r.missedSchedules === "none" ? r.earliestTime : now;
  return schedule.next(from, timeZone) + NEXT_SCHEDULE_DELTA_MS - now;
}

/** formatSchedule's result: the spec to parse, and a Warning event to record if any. */
export interface FormattedSchedule {
  spec: string;
  /** Set when a Warning event of reason UnsupportedSchedule must be recorded. */
  unsupportedScheduleEvent?: string;
}

/**
 * Kubernetes `formatSchedule`: a schedule holding TZ/CRON_TZ is used as is (with a warning);
 * otherwise a `spec.timeZone` that loads becomes a `TZ=` prefix.
 */
export function formatSchedule(schedule: string, timeZone?: string): FormattedSchedule {
  if (schedule.includes("TZ")) {
    return {
      spec: schedule,
      unsupportedScheduleEvent: `CRON_TZ or TZ used in schedule ${JSON.stringify(schedule)} is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details`,
    };
  }
  if (timeZone !== undefined && !("error" in loadLocation(timeZone)))
    return { spec: `TZ=${timeZone} ${schedule}` };
  return { spec: schedule };
}
