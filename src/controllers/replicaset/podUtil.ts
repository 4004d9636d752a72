/**
 * Pod predicates the workload controllers share: k8s.io/kubernetes/pkg/api/v1/pod (IsPodReady,
 * IsPodAvailable) and pkg/controller (FilterActivePods, controller references).
 */
import type { OwnerReference } from "kubernetes-types/meta/v1";
import type { KubeObject } from "../../api/types";
import { parseTimestamp } from "../../util/clock";

/** The pod's Ready condition, if the kubelet has written one. */
export function readyCondition(pod: KubeObject): { status: string; lastTransitionTime?: string } | undefined {
  return (pod.status?.conditions ?? []).find((c: { type: string }) => c.type === "Ready");
}

/** IsPodReady: the Ready condition is True. */
export function isPodReady(pod: KubeObject): boolean {
  return readyCondition(pod)?.status === "True";
}

/**
 * IsPodAvailable: ready, and ready for at least minReadySeconds (measured from the Ready
 * condition's lastTransitionTime) at `nowMs`.
 */
export function isPodAvailable(pod: KubeObject, minReadySeconds: number, nowMs: number): boolean {
  if (!isPodReady(pod)) return false;
  if (minReadySeconds <= 0) return true;
  const since = parseTimestamp(readyCondition(pod)?.lastTransitionTime);
  return since !== undefined && since + minReadySeconds * 1000 <= nowMs;
}

/** IsPodActive: not finished and not being deleted (what a ReplicaSet counts). */
export function isPodActive(pod: KubeObject): boolean {
  const phase = pod.status?.phase;
  return phase !== "Succeeded" && phase !== "Failed" && !pod.metadata.deletionTimestamp;
}

/** metav1.GetControllerOf: the owner reference marked controller, if any. */
export function controllerOf(obj: KubeObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller === true);
}

/** metav1.NewControllerRef: the reference a controller puts on what it creates or adopts. */
export function newControllerRef(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name ?? "",
    uid: owner.metadata.uid ?? "",
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** The object's `spec.replicas` (Kubernetes defaults it to 1). */
export function specReplicas(obj: KubeObject): number {
  return obj.spec?.replicas ?? 1;
}
