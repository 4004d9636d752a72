/**
 * `kubectl create job NAME --from=cronjob/CRONJOB` (kubectl pkg/cmd/create/create_job.go
 * createJobFromCronJob): a Job stamped from a CronJob's jobTemplate, owned by the CronJob and
 * annotated as manually instantiated. The create verb sends and prints it.
 */
import type { CronJob } from "kubernetes-types/batch/v1";
import { clone, type KubeObject } from "../../api/types";
import { queryObjects } from "../query";
import { resolveResourceArgs } from "../resources";
import { KubectlError, type VerbContext } from "../verb";

/** The annotation kubectl puts on Jobs it makes from a CronJob. */
export const INSTANTIATE_ANNOTATION = "cronjob.kubernetes.io/instantiate";

/**
 * Looks up `from` (e.g. `cronjob/hello`, `cj/hello`, `cronjobs.batch/hello`) in the
 * command's namespace and returns the Job manifest to create, named `name`. Throws
 * KubectlError with kubectl's wording when `from` is not one existing CronJob.
 */
export function createJobFromCronJob(ctx: VerbContext, name: string, from: string): KubeObject {
  const { objects, errors } = queryObjects(ctx.cluster, resolveResourceArgs([from]), {
    namespace: ctx.namespace,
    allNamespaces: false,
  });
  if (errors.length > 0) throw errors[0];
  if (objects.length !== 1) throw new KubectlError("error: from must be an existing cronjob");
  const source = objects[0];
  if (source.kind !== "CronJob") throw new KubectlError(`error: unknown object type *v1.${source.kind}`);
  return jobFromCronJob(
    source as CronJob & KubeObject,
    name,
    ctx.namespaceExplicit ? ctx.namespace : undefined,
  );
}

/**
 * The Job itself: the template's annotations over `instantiate: manual`, its labels and
 * spec, and a controller reference without blockOwnerDeletion (kubectl avoids it so that
 * no cronjobs/finalizers permission is needed).
 */
export function jobFromCronJob(cronJob: CronJob & KubeObject, name: string, namespace?: string): KubeObject {
  const template = cronJob.spec?.jobTemplate ?? {};
  const metadata: KubeObject["metadata"] = {
    name,
    creationTimestamp: null as never,
    annotations: { [INSTANTIATE_ANNOTATION]: "manual", ...(template.metadata?.annotations ?? {}) },
  };
  if (template.metadata?.labels) metadata.labels = clone(template.metadata.labels);
  metadata.ownerReferences = [
    {
      apiVersion: "batch/v1",
      kind: "CronJob",
      name: cronJob.metadata.name ?? "",
      uid: cronJob.metadata.uid ?? "",
      controller: true,
    },
  ];
  if (namespace !== undefined) metadata.namespace = namespace;
  return {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata,
    spec: clone(template.spec ?? { template: {} }),
    status: {},
  };
}
