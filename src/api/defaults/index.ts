/**
 * The API server's defaulting step. `applyDefaults(obj)` mutates `obj` (pass a fresh copy)
 * as decoding into apps/v1, batch/v1 or v1 and the registries' PrepareForCreate do, for
 * the playground's kinds. Job selector generation needs the uid: see jobGeneratedLabels.
 */
import type { Deployment, ReplicaSet } from "kubernetes-types/apps/v1";
import type { CronJob, Job } from "kubernetes-types/batch/v1";
import type { Endpoints, Namespace, Node, Pod, Secret, Service } from "kubernetes-types/core/v1";
import { defaultEndpoints, defaultNamespace, defaultSecret, defaultService } from "./coreDefaults";
import { defaultPod, defaultResourceList } from "./podDefaults";
import { defaultCronJob, defaultDeployment, defaultJob, defaultReplicaSet } from "./workloadDefaults";

export { jobGeneratedLabels } from "./workloadDefaults";
export { imageTag } from "./podDefaults";
export { base64Utf8 } from "./coreDefaults";

type Defaulter = (obj: never) => void;

function defaultNode(node: Node): void {
  const status = node.status;
  if (!status) return;
  defaultResourceList(status.capacity as Record<string, string>);
  defaultResourceList(status.allocatable as Record<string, string>);
  if (!status.allocatable && status.capacity) status.allocatable = { ...status.capacity };
}

const DEFAULTERS: Record<string, Defaulter> = {
  "v1/Pod": ((o: Pod) => defaultPod(o)) as Defaulter,
  "apps/v1/Deployment": ((o: Deployment) => defaultDeployment(o)) as Defaulter,
  "apps/v1/ReplicaSet": ((o: ReplicaSet) => defaultReplicaSet(o)) as Defaulter,
  "batch/v1/Job": ((o: Job) => defaultJob(o)) as Defaulter,
  "batch/v1/CronJob": ((o: CronJob) => defaultCronJob(o)) as Defaulter,
  "v1/Service": ((o: Service) => defaultService(o)) as Defaulter,
  "v1/Secret": ((o: Secret) => defaultSecret(o)) as Defaulter,
  "v1/Namespace": ((o: Namespace) => defaultNamespace(o)) as Defaulter,
  "v1/Endpoints": ((o: Endpoints) => defaultEndpoints(o)) as Defaulter,
  "v1/Node": ((o: Node) => defaultNode(o)) as Defaulter,
};

/** DEFAULTERS by kind, then apiVersion: no key string to build for every write. */
const BY_KIND = new Map<string, Map<string, Defaulter>>();
for (const [key, defaulter] of Object.entries(DEFAULTERS)) {
  const at = key.lastIndexOf("/");
  const kind = key.slice(at + 1);
  const versions = BY_KIND.get(kind) ?? new Map<string, Defaulter>();
  versions.set(key.slice(0, at), defaulter);
  BY_KIND.set(kind, versions);
}

/** Applies the defaults of `obj`'s kind in place; other kinds are left untouched. */
export function applyDefaults(obj: { apiVersion?: string; kind?: string }): void {
  BY_KIND.get(obj.kind ?? "")?.get(obj.apiVersion ?? "")?.(obj as never);
}
