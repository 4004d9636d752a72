/**
 * The TTL-after-finished controller (pkg/controller/ttlafterfinished): a finished Job with
 * spec.ttlSecondsAfterFinished is deleted, with foreground propagation, that many seconds
 * after its Complete or Failed condition's lastTransitionTime.
 */
import type { Job } from "kubernetes-types/batch/v1";
import { StatusError } from "../../api/errors";
import { refOf } from "../../api/types";
import { parseTimestamp } from "../../util/clock";
import { type Controller, enqueueSelf, splitKey } from "../controller";
import { finishedCondition } from "./jobConditions";
import type { JobObject } from "./syncContext";

export const TTL_AFTER_FINISHED_CONTROLLER = "ttl-after-finished-controller";

/** When the Job's TTL expires (epoch ms), or undefined when it is not a candidate for clean-up. */
export function ttlExpiry(job: Job): number | undefined {
  const ttl = job.spec?.ttlSecondsAfterFinished;
  if (ttl === undefined || ttl === null || job.metadata?.deletionTimestamp) return undefined;
  const finishedAt = parseTimestamp(finishedCondition(job)?.lastTransitionTime);
  return finishedAt === undefined ? undefined : finishedAt + ttl * 1000;
}

/** The controller: requeues each finished Job until its TTL expires, then deletes it. */
export function ttlAfterFinishedController(): Controller {
  return {
    name: TTL_AFTER_FINISHED_CONTROLLER,
    watches: [enqueueSelf("Job")],
    reconcile(key, ctx) {
      const { namespace, name } = splitKey(key);
      const job = ctx.api.store.get("Job", namespace, name) as JobObject | undefined;
      const expiresAt = job ? ttlExpiry(job) : undefined;
      if (!job || expiresAt === undefined) return undefined;
      const left = expiresAt - ctx.clock.now();
      if (left > 0) return { requeueAfterMs: left };
      try {
        ctx.api.delete("Job", namespace, name, { propagationPolicy: "Foreground" });
      } catch (error) {
        if (error instanceof StatusError && error.reason === "NotFound") return undefined;
        throw error;
      }
      ctx.trace.record({
        component: TTL_AFTER_FINISHED_CONTROLLER,
        object: refOf(job),
        observed: `job finished and ttlSecondsAfterFinished=${job.spec?.ttlSecondsAfterFinished} has passed`,
        actions: [`deleted job ${name} (propagationPolicy=Foreground)`],
      });
      return undefined;
    },
  };
}
