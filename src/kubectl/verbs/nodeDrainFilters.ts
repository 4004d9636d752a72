import type { KubeObject } from "../../api/types";

/** The drain options the pod filters read. */
export interface DrainOptions {
  force: boolean;
  ignoreDaemonsets: boolean;
  deleteEmptyDirData: boolean;
}

type Status = { delete: boolean; reason: "Okay" | "Skip" | "Warning" | "Error"; message?: string };

const okay: Status = { delete: true, reason: "Okay" };
const DAEMONSET_FATAL = "DaemonSet-managed Pods (use --ignore-daemonsets to ignore)";
const DAEMONSET_WARNING = "ignoring DaemonSet-managed Pods";
const LOCAL_STORAGE_FATAL = "Pods with local storage (use --delete-emptydir-data to override)";
const LOCAL_STORAGE_WARNING = "deleting Pods with local storage";
const UNMANAGED_FATAL = "cannot delete Pods that declare no controller (use --force to override)";
const UNMANAGED_WARNING = "deleting Pods that declare no controller";

const isFinished = (pod: KubeObject) => pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed";
const controllerOf = (pod: KubeObject) => pod.metadata.ownerReferences?.find((r) => r.controller);

type Filter = (pod: KubeObject, o: DrainOptions) => Status;

const daemonSetFilter: Filter = (pod, o) => {
  if (controllerOf(pod)?.kind !== "DaemonSet" || isFinished(pod)) return okay;
  if (!o.ignoreDaemonsets) return { delete: false, reason: "Error", message: DAEMONSET_FATAL };
  return { delete: false, reason: "Warning", message: DAEMONSET_WARNING };
};

const mirrorPodFilter: Filter = (pod) =>
  pod.metadata.annotations?.["kubernetes.io/config.mirror"] !== undefined
    ? { delete: false, reason: "Skip" }
    : okay;

const localStorageFilter: Filter = (pod, o) => {
  if (!(pod.spec?.volumes ?? []).some((v: { emptyDir?: unknown }) => v.emptyDir) || isFinished(pod))
    return okay;
  if (!o.deleteEmptyDirData) return { delete: false, reason: "Error", message: LOCAL_STORAGE_FATAL };
  return { delete: true, reason: "Warning", message: LOCAL_STORAGE_WARNING };
};

const unreplicatedFilter: Filter = (pod, o) => {
  if (isFinished(pod) || controllerOf(pod)) return okay;
  if (o.force) return { delete: true, reason: "Warning", message: UNMANAGED_WARNING };
  return { delete: false, reason: "Error", message: UNMANAGED_FATAL };
};

/** makeFilters' order; a pod's status is the last filter's, stopping at the first that keeps it. */
const FILTERS = [daemonSetFilter, mirrorPodFilter, localStorageFilter, unreplicatedFilter];

/** What drain will do with a node's pods: evict these, warn about those, or refuse. */
export interface PodDeleteList {
  pods: KubeObject[];
  /** `msg: ns/a, ns/b; msg2: …`, or "". */
  warnings: string;
  /** `cannot delete <msg>: ns/a, ns/b` per message. */
  errors: string[];
}

/** GetPodsForDeletion: runs the filters over the pods on the node. */
export function podsForDeletion(pods: readonly KubeObject[], o: DrainOptions): PodDeleteList {
  const byWarning = new Map<string, string[]>();
  const byError = new Map<string, string[]>();
  const out: KubeObject[] = [];
  for (const pod of pods) {
    let status = okay;
    for (const filter of FILTERS) {
      status = filter(pod, o);
      if (!status.delete) break;
    }
    const ref = `${pod.metadata.namespace}/${pod.metadata.name}`;
    if (status.delete) out.push(pod);
    const bucket = status.reason === "Warning" ? byWarning : status.reason === "Error" ? byError : undefined;
    if (bucket && status.message) bucket.set(status.message, [...(bucket.get(status.message) ?? []), ref]);
  }
  const warnings = [...byWarning].map(([msg, refs]) => `${msg}: ${refs.join(", ")}`).join("; ");
  const errors = [...byError].map(([msg, refs]) => `cannot delete ${msg}: ${refs.join(", ")}`);
  return { pods: out, warnings, errors };
}
