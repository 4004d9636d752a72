/** The state one Job sync works on (job_controller.go syncJobCtx). */
import type { Job, JobCondition } from "kubernetes-types/batch/v1";
import type { KubeObject } from "../../api/types";
import type { ControllerContext } from "../controller";
import type { BackoffRecord } from "./backoff";
import type { OrderedIntervals } from "./indexes";
import type { JobPod } from "./jobPods";

/** A Job as stored, typed. */
export type JobObject = Job & KubeObject;

export interface SyncJobCtx {
  ctx: ControllerContext;
  /** A private copy whose status the sync edits and finally writes. */
  job: JobObject;
  pods: JobPod[];
  activePods: JobPod[];
  ready: number;
  terminating: number;
  uncounted: { succeeded: Set<string>; failed: Set<string> };
  succeeded: number;
  failed: number;
  newBackoffRecord: BackoffRecord;
  finishedCondition?: JobCondition;
  prevSucceededIndexes: OrderedIntervals;
  succeededIndexes: OrderedIntervals;
  /** The earliest instant (ms from now) at which the Job must be looked at again. */
  requeueAfterMs?: number;
  /** What the sync did, as the trace tells it. */
  actions: string[];
}

/** Asks for a later sync; the earliest request wins. */
export function requeueAfter(s: SyncJobCtx, ms: number): void {
  s.requeueAfterMs = s.requeueAfterMs === undefined ? ms : Math.min(s.requeueAfterMs, ms);
}

export function isIndexedJob(job: Job): boolean {
  return job.spec?.completionMode === "Indexed";
}

export function jobSuspended(job: Job): boolean {
  return job.spec?.suspend === true;
}
