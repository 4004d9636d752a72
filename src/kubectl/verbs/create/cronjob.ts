import type { KubeObject } from "../../../api/types";
import { str } from "../../flagAccess";
import type { Verb, VerbContext } from "../../verb";
import {
  createGenerated,
  GENERATOR_FLAGS,
  generatedMeta,
  nameAndCommand,
  requireFlags,
} from "./generatorRun";

const IMAGE_FLAG = { name: "image", type: "string" as const, usage: "Image name to run.", required: true };
const SCHEDULE_FLAG = {
  name: "schedule",
  type: "string" as const,
  usage: "A schedule in the Cron format the job should be run with.",
  required: true,
};

/** `kubectl create cronjob NAME --image=IMAGE --schedule='0/5 * * * ?' [-- COMMAND]`. */
export const createCronJobVerb: Verb = {
  name: "cronjob",
  aliases: ["cj"],
  short: "Create a cron job with the specified name",
  usage:
    "kubectl create cronjob NAME --image=image --schedule='0/5 * * * ?' -- [COMMAND] [args...] [flags] [options]",
  flags: [
    ...GENERATOR_FLAGS,
    IMAGE_FLAG,
    { name: "restart", type: "string", usage: "job's restart policy. supported values: OnFailure, Never" },
    SCHEDULE_FLAG,
  ],
  run: (ctx) => {
    requireFlags(ctx, [IMAGE_FLAG, SCHEDULE_FLAG]);
    const { name, command } = nameAndCommand(ctx, "create cronjob");
    return createGenerated(ctx, cronJobFor(ctx, name, command), (m) => `failed to create cronjob: ${m}`);
  },
};

function cronJobFor(ctx: VerbContext, name: string, command: string[]): KubeObject {
  const container = {
    ...(command.length > 0 ? { command } : {}),
    image: str(ctx.flags, "image"),
    name,
    resources: {},
  };
  const restartPolicy = str(ctx.flags, "restart") || "OnFailure";
  return {
    apiVersion: "batch/v1",
    kind: "CronJob",
    metadata: generatedMeta(ctx, name),
    spec: {
      jobTemplate: {
        metadata: { creationTimestamp: null, name },
        spec: {
          template: {
            metadata: { creationTimestamp: null },
            spec: { containers: [container], restartPolicy },
          },
        },
      },
      schedule: str(ctx.flags, "schedule"),
    },
    status: {},
  };
}
