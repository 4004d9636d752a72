import type { KubeObject } from "../../../api/types";
import { clone } from "../../../api/types";
import { str } from "../../flagAccess";
import { queryObjects } from "../../query";
import { resolveResourceArgs } from "../../resources";
import { KubectlError, type Verb, type VerbContext } from "../../verb";
import { createGenerated, GENERATOR_FLAGS, generatedMeta, nameAndCommand } from "./generatorRun";

/** `kubectl create job NAME --image=IMAGE [-- COMMAND]` or `--from=cronjob/NAME`. */
export const createJobVerb: Verb = {
  name: "job",
  short: "Create a job with the specified name",
  usage: "kubectl create job NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...] [options]",
  flags: [
    ...GENERATOR_FLAGS,
    {
      name: "from",
      type: "string",
      usage: "The name of the resource to create a Job from (only cronjob is supported).",
    },
    { name: "image", type: "string", usage: "Image name to run." },
  ],
  run: (ctx) => {
    const { name, command } = nameAndCommand(ctx, "create job");
    const image = str(ctx.flags, "image");
    const from = str(ctx.flags, "from");
    if ((image === "") === (from === ""))
      throw new KubectlError("error: either --image or --from must be specified");
    if (command.length > 0 && from) throw new KubectlError("error: cannot specify --from and command");
    const job = image ? jobFor(ctx, name, image, command) : jobFromCronJob(ctx, name, cronJobFrom(ctx, from));
    return createGenerated(ctx, job, (m) => `failed to create job: ${m}`);
  },
};

function jobFor(ctx: VerbContext, name: string, image: string, command: string[]): KubeObject {
  const container = { ...(command.length > 0 ? { command } : {}), image, name, resources: {} };
  return {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: generatedMeta(ctx, name),
    spec: {
      template: {
        metadata: { creationTimestamp: null },
        spec: { containers: [container], restartPolicy: "Never" },
      },
    },
    status: {},
  };
}

function cronJobFrom(ctx: VerbContext, from: string): KubeObject {
  const { objects, errors } = queryObjects(ctx.cluster, resolveResourceArgs([from]), {
    namespace: ctx.namespace,
    allNamespaces: false,
  });
  if (errors.length > 0) throw errors[0];
  if (objects.length !== 1) throw new KubectlError("error: from must be an existing cronjob");
  const obj = objects[0];
  if (obj.kind !== "CronJob") throw new KubectlError(`error: unknown object type *v1.${obj.kind}`);
  return obj;
}

/** A Job stamped from a CronJob's template, owned by it and marked as manually instantiated. */
function jobFromCronJob(ctx: VerbContext, name: string, cronJob: KubeObject): KubeObject {
  const template = cronJob.spec?.jobTemplate ?? {};
  const annotations = {
    "cronjob.kubernetes.io/instantiate": "manual",
    ...(template.metadata?.annotations ?? {}),
  };
  const extra: Record<string, unknown> = { annotations };
  if (template.metadata?.labels) extra.labels = clone(template.metadata.labels);
  extra.ownerReferences = [
    {
      apiVersion: "batch/v1",
      controller: true,
      kind: "CronJob",
      name: cronJob.metadata.name,
      uid: cronJob.metadata.uid,
    },
  ];
  return {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: generatedMeta(ctx, name, extra),
    spec: clone(template.spec ?? {}),
    status: {},
  };
}
