/**
 * The API server's validation step: `validateObject(obj, oldObj?)` returns the field
 * errors Kubernetes 1.32 reports for a create (no oldObj) or an update of an in-scope kind,
 * in Kubernetes' order. Objects must already be defaulted (see src/api/defaults), and for
 * a Job the selector/labels generated and the uid assigned, as the API server does first.
 */
import type { Deployment, ReplicaSet } from "kubernetes-types/apps/v1";
import type { CronJob, Job } from "kubernetes-types/batch/v1";
import type { ConfigMap, Endpoints, Event, Node, Pod, Secret, Service } from "kubernetes-types/core/v1";
import type { ObjectMeta } from "kubernetes-types/meta/v1";
import { validateDeployment, validateReplicaSet } from "./apps";
import { validateCronJob, validateJob } from "./batch";
import { validateConfigMap, validateEvent, validateNamespace, validateNode, validateSecret } from "./core";
import type { FieldError } from "./fieldErrors";
import { validatePodCreate } from "./podSpec";
import { validatePodUpdate } from "./podUpdate";
import { validateEndpoints, validateService } from "./service";

export * from "./fieldErrors";
export { validateCronSchedule } from "./batch";
export { findQuantityDecodeError } from "./decode";

/** Any object of an in-scope kind. */
export type KubeObject = { apiVersion?: string; kind?: string; metadata?: ObjectMeta };

type Validator = (obj: never, old?: never) => FieldError[];

const VALIDATORS: Record<string, Validator> = {
  "v1/Namespace": validateNamespace as Validator,
  "v1/Pod": ((p: Pod, old?: Pod) => (old ? validatePodUpdate(p, old) : validatePodCreate(p))) as Validator,
  "apps/v1/ReplicaSet": ((o: ReplicaSet, old?: ReplicaSet) => validateReplicaSet(o, old)) as Validator,
  "apps/v1/Deployment": ((o: Deployment, old?: Deployment) => validateDeployment(o, old)) as Validator,
  "batch/v1/Job": ((o: Job, old?: Job) => validateJob(o, old)) as Validator,
  "batch/v1/CronJob": ((o: CronJob, old?: CronJob) => validateCronJob(o, old)) as Validator,
  "v1/Service": ((o: Service, old?: Service) => validateService(o, old)) as Validator,
  "v1/Endpoints": ((o: Endpoints, old?: Endpoints) => validateEndpoints(o, old)) as Validator,
  "v1/ConfigMap": ((o: ConfigMap, old?: ConfigMap) => validateConfigMap(o, old)) as Validator,
  "v1/Secret": ((o: Secret, old?: Secret) => validateSecret(o, old)) as Validator,
  "v1/Node": ((o: Node, old?: Node) => validateNode(o, old)) as Validator,
  "v1/Event": ((o: Event, old?: Event) => validateEvent(o, old)) as Validator,
};

/**
 * Validates `obj` (create) or the update from `oldObj` to `obj`. Kinds outside the
 * playground's scope yield no errors.
 */
export function validateObject(obj: KubeObject, oldObj?: KubeObject): FieldError[] {
  const validator = VALIDATORS[`${obj.apiVersion}/${obj.kind}`];
  return validator ? validator(obj as never, oldObj as never) : [];
}
