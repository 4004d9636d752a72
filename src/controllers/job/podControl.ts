/**
 * The Job controller's writes to pods (controller_utils.go RealPodControl and
 * job_controller.go's template handling): create from the template, delete, and remove
 * the job-tracking finalizer. Each records the event Kubernetes records.
 */
import type { Job } from "kubernetes-types/batch/v1";
import type { Container, Pod, PodTemplateSpec } from "kubernetes-types/core/v1";
import { StatusError } from "../../api/errors";
import { clone, type KubeObject } from "../../api/types";
import type { ControllerContext } from "../controller";
import { COMPLETION_INDEX_ENV, JOB_COMPLETION_INDEX, JOB_TRACKING_FINALIZER, UNKNOWN_INDEX } from "./jobPods";

/** The component name on the Job controller's events and traces. */
export const JOB_CONTROLLER = "job-controller";
/** names.MaxGeneratedNameLength: 63 minus the 5-character random suffix. */
const MAX_GENERATED_NAME_LENGTH = 58;

/**
 * GetPodFromTemplate plus the Job's additions: the job-tracking finalizer, a controller
 * ownerReference with blockOwnerDeletion, and for an index its annotation, label,
 * hostname, JOB_COMPLETION_INDEX variable and `<job>-<index>-` name prefix.
 */
export function podFromTemplate(job: Job & KubeObject, index: number): KubeObject {
  const template = clone(job.spec?.template ?? {}) as PodTemplateSpec;
  const meta = template.metadata ?? {};
  const spec = template.spec ?? { containers: [] };
  const finalizers = [...(meta.finalizers ?? [])];
  if (!finalizers.includes(JOB_TRACKING_FINALIZER)) finalizers.push(JOB_TRACKING_FINALIZER);
  const pod: Pod & KubeObject = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      generateName: `${job.metadata.name}-`,
      namespace: job.metadata.namespace,
      labels: meta.labels ? { ...meta.labels } : undefined,
      annotations: meta.annotations ? { ...meta.annotations } : undefined,
      finalizers,
      ownerReferences: [
        {
          apiVersion: "batch/v1",
          kind: "Job",
          name: job.metadata.name ?? "",
          uid: job.metadata.uid ?? "",
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec,
  };
  if (index !== UNKNOWN_INDEX) addIndex(pod, job.metadata.name ?? "", index);
  for (const key of ["labels", "annotations"] as const) if (!pod.metadata[key]) delete pod.metadata[key];
  return pod;
}

function addIndex(pod: Pod & KubeObject, jobName: string, index: number): void {
  pod.metadata.annotations = { ...pod.metadata.annotations, [JOB_COMPLETION_INDEX]: String(index) };
  pod.metadata.labels = { ...pod.metadata.labels, [JOB_COMPLETION_INDEX]: String(index) };
  const spec = pod.spec as NonNullable<Pod["spec"]>;
  spec.hostname = `${jobName}-${index}`;
  for (const c of [...(spec.initContainers ?? []), ...spec.containers]) addIndexEnv(c);
  const suffix = `-${index}-`;
  const prefix = `${jobName}${suffix}`;
  pod.metadata.generateName =
    prefix.length > MAX_GENERATED_NAME_LENGTH
      ? jobName.slice(0, MAX_GENERATED_NAME_LENGTH - suffix.length) + suffix
      : prefix;
}

function addIndexEnv(container: Container): void {
  if ((container.env ?? []).some((e) => e.name === COMPLETION_INDEX_ENV)) return;
  container.env = [
    ...(container.env ?? []),
    {
      name: COMPLETION_INDEX_ENV,
      valueFrom: { fieldRef: { fieldPath: `metadata.annotations['${JOB_COMPLETION_INDEX}']` } },
    },
  ];
}

/** Creates one pod; records SuccessfulCreate or FailedCreate. Returns its name, or undefined on failure. */
export function createPod(ctx: ControllerContext, job: Job & KubeObject, index: number): string | undefined {
  try {
    const pod = ctx.api.create(podFromTemplate(job, index));
    ctx.events.normal(
      { component: JOB_CONTROLLER },
      job,
      "SuccessfulCreate",
      `Created pod: ${pod.metadata.name}`,
    );
    return pod.metadata.name;
  } catch (error) {
    if (!(error instanceof StatusError)) throw error;
    ctx.events.warning(
      { component: JOB_CONTROLLER },
      job,
      "FailedCreate",
      `Error creating: ${error.message}`,
    );
    return undefined;
  }
}

/** Deletes a pod (keeping its finalizer); records SuccessfulDelete. False when it failed. */
export function deletePod(ctx: ControllerContext, job: Job & KubeObject, pod: Pod): boolean {
  try {
    ctx.api.delete("Pod", pod.metadata?.namespace ?? "", pod.metadata?.name ?? "");
    ctx.events.normal(
      { component: JOB_CONTROLLER },
      job,
      "SuccessfulDelete",
      `Deleted pod: ${pod.metadata?.name}`,
    );
    return true;
  } catch (error) {
    if (error instanceof StatusError && error.reason === "NotFound") return true;
    if (!(error instanceof StatusError)) throw error;
    ctx.events.warning(
      { component: JOB_CONTROLLER },
      job,
      "FailedDelete",
      `Error deleting: ${error.message}`,
    );
    return false;
  }
}

/** Removes the job-tracking finalizer from the pod as stored now; a pod already gone counts as done. */
export function removeTrackingFinalizer(ctx: ControllerContext, namespace: string, name: string): boolean {
  const current = ctx.api.store.get("Pod", namespace, name);
  if (!current) return true;
  const finalizers = (current.metadata.finalizers ?? []).filter((f) => f !== JOB_TRACKING_FINALIZER);
  if (finalizers.length === (current.metadata.finalizers ?? []).length) return true;
  try {
    ctx.api.updateMetadata({ ...current, metadata: { ...current.metadata, finalizers } });
    return true;
  } catch (error) {
    if (error instanceof StatusError && error.reason === "NotFound") return true;
    if (!(error instanceof StatusError)) throw error;
    return false;
  }
}
