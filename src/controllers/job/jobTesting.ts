/**
 * Test helpers for the Job and CronJob controllers: they play the kubelet's part by
 * writing pod phases directly, so the controller tests need no scheduler or kubelet.
 */
import type { Pod } from "kubernetes-types/core/v1";
import type { Cluster } from "../../cluster";
import { formatTimestamp } from "../../util/clock";

/** A cluster's pods owned by a Job, oldest first (then by name). */
export function jobPods(c: Cluster, job: string, namespace = "default"): Pod[] {
  return c.store
    .list("Pod", namespace)
    .filter((p) => p.metadata.ownerReferences?.some((r) => r.kind === "Job" && r.name === job))
    .sort(
      (a, b) =>
        (a.metadata.creationTimestamp ?? "").localeCompare(b.metadata.creationTimestamp ?? "") ||
        (a.metadata.name ?? "").localeCompare(b.metadata.name ?? ""),
    ) as Pod[];
}

/** Pod names of a Job's pods that are neither finished nor being deleted. */
export function activePodNames(c: Cluster, job: string, namespace = "default"): string[] {
  return jobPods(c, job, namespace)
    .filter(
      (p) =>
        !p.metadata?.deletionTimestamp && p.status?.phase !== "Succeeded" && p.status?.phase !== "Failed",
    )
    .map((p) => p.metadata?.name ?? "");
}

/** Marks a pod Running and Ready, as a kubelet would once its container started. */
export function runPod(c: Cluster, name: string, namespace = "default"): void {
  const pod = c.api.get("Pod", namespace, name);
  const now = formatTimestamp(c.now());
  const containers = (pod.spec?.containers ?? []) as { name: string; image: string }[];
  c.api.updateStatus({
    ...pod,
    status: {
      phase: "Running",
      conditions: [{ type: "Ready", status: "True", lastTransitionTime: now }],
      containerStatuses: containers.map((ct) => ({
        name: ct.name,
        image: ct.image,
        imageID: "",
        ready: true,
        restartCount: 0,
        state: { running: { startedAt: now } },
      })),
      startTime: now,
    },
  });
  settle(c);
}

/** Finishes a pod with the given phase, its containers terminated now (exit 0 or 1). */
export function finishPod(
  c: Cluster,
  name: string,
  phase: "Succeeded" | "Failed",
  namespace = "default",
): void {
  const pod = c.api.get("Pod", namespace, name);
  const now = formatTimestamp(c.now());
  const containers = (pod.spec?.containers ?? []) as { name: string; image: string }[];
  const exitCode = phase === "Succeeded" ? 0 : 1;
  const reason = phase === "Succeeded" ? "Completed" : "Error";
  c.api.updateStatus({
    ...pod,
    status: {
      phase,
      conditions: [{ type: "Ready", status: "False", reason: "PodCompleted", lastTransitionTime: now }],
      containerStatuses: containers.map((ct) => ({
        name: ct.name,
        image: ct.image,
        imageID: "",
        ready: false,
        restartCount: 0,
        state: { terminated: { exitCode, reason, startedAt: now, finishedAt: now } },
      })),
    },
  });
  settle(c);
}

/** Sets a running pod's container restart count (restartPolicy OnFailure restarts in place). */
export function restartPod(c: Cluster, name: string, restarts: number, namespace = "default"): void {
  const pod = c.api.get("Pod", namespace, name);
  const statuses = (pod.status?.containerStatuses ?? []).map((s: { restartCount: number }) => ({
    ...s,
    restartCount: restarts,
  }));
  c.api.updateStatus({ ...pod, status: { ...pod.status, containerStatuses: statuses } });
  settle(c);
}

/** Runs the zero-delay work a write started (what `kubectl` does after every command). */
export function settle(c: Cluster): void {
  c.advance(0);
}
