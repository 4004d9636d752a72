import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../api/types";
import { type Cluster, createCluster } from "../../cluster";
import { formatTimestamp } from "../../util/clock";

const RS = `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: frontend
spec:
  replicas: 3
  selector:
    matchLabels:
      tier: frontend
  template:
    metadata:
      labels:
        tier: frontend
    spec:
      containers:
      - name: php-redis
        image: nginx
`;

/** Pods of the cluster, by name. */
function pods(c: Cluster): KubeObject[] {
  return c.store.list("Pod", "default");
}

/** Marks a pod Ready as the kubelet would (the tests run without one). */
export function markReady(c: Cluster, pod: KubeObject, at = c.now()): void {
  const current = c.store.get(
    "Pod",
    pod.metadata.namespace ?? "default",
    pod.metadata.name ?? "",
  ) as KubeObject;
  const conditions = [{ type: "Ready", status: "True", lastTransitionTime: formatTimestamp(at) }];
  c.api.updateStatus({ ...current, status: { ...current.status, phase: "Running", conditions } });
}

function newCluster(): Cluster {
  const c = createCluster({ seed: 1, nodes: 0 });
  expect(c.kubectl("apply -f -", RS).code).toBe(0);
  return c;
}

describe("ReplicaSet controller", () => {
  it("creates spec.replicas pods named <rs>-xxxxx, labelled from the template and controlled by the ReplicaSet", () => {
    const c = newCluster();
    const rs = c.store.get("ReplicaSet", "default", "frontend") as KubeObject;
    expect(pods(c)).toHaveLength(3);
    for (const pod of pods(c)) {
      expect(pod.metadata.name).toMatch(/^frontend-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(pod.metadata.labels).toEqual({ tier: "frontend" });
      expect(pod.metadata.ownerReferences).toEqual([
        {
          apiVersion: "apps/v1",
          kind: "ReplicaSet",
          name: "frontend",
          uid: rs.metadata.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ]);
    }
    const events = c.store.list("Event", "default").filter((e) => e.reason === "SuccessfulCreate");
    expect(events.map((e) => e.message).sort()).toEqual(
      pods(c)
        .map((p) => `Created pod: ${p.metadata.name}`)
        .sort(),
    );
    expect(events[0].source).toEqual({ component: "replicaset-controller" });
  });

  it("reports status: replicas, fullyLabeledReplicas and observedGeneration, then ready and available pods", () => {
    const c = newCluster();
    const status = () => c.store.get("ReplicaSet", "default", "frontend")?.status;
    expect(status()).toEqual({ replicas: 3, fullyLabeledReplicas: 3, observedGeneration: 1 });
    markReady(c, pods(c)[0]);
    c.advance(0);
    expect(status()).toEqual({
      replicas: 3,
      fullyLabeledReplicas: 3,
      readyReplicas: 1,
      availableReplicas: 1,
      observedGeneration: 1,
    });
  });

  it("counts a ready pod as available only after minReadySeconds", () => {
    const c = newCluster();
    const rs = c.store.get("ReplicaSet", "default", "frontend") as KubeObject;
    c.api.update({ ...rs, spec: { ...rs.spec, minReadySeconds: 10 } });
    for (const pod of pods(c)) markReady(c, pod);
    c.advance(0);
    expect(c.store.get("ReplicaSet", "default", "frontend")?.status.availableReplicas).toBeUndefined();
    c.advance(10);
    expect(c.store.get("ReplicaSet", "default", "frontend")?.status.availableReplicas).toBe(3);
  });

  it("scales down deleting not-ready pods before ready ones", () => {
    const c = newCluster();
    const [a, b, d] = pods(c);
    markReady(c, a);
    markReady(c, d);
    expect(c.kubectl("scale rs frontend --replicas=2").code).toBe(0);
    expect(pods(c).map((p) => p.metadata.name)).toEqual([a.metadata.name, d.metadata.name]);
    const deleted = c.store.list("Event", "default").find((e) => e.reason === "SuccessfulDelete");
    expect(deleted?.message).toBe(`Deleted pod: ${b.metadata.name}`);
  });

  it("replaces a deleted pod", () => {
    const c = newCluster();
    const victim = pods(c)[0].metadata.name;
    expect(c.kubectl(`delete pod ${victim}`).code).toBe(0);
    expect(pods(c)).toHaveLength(3);
    expect(pods(c).map((p) => p.metadata.name)).not.toContain(victim);
  });

  it("releases a pod whose labels no longer match and creates a replacement", () => {
    const c = newCluster();
    const pod = pods(c)[0];
    c.api.update({ ...pod, metadata: { ...pod.metadata, labels: { tier: "debug" } } });
    c.advance(0);
    const released = c.store.get("Pod", "default", pod.metadata.name ?? "");
    expect(released?.metadata.ownerReferences).toBeUndefined();
    expect(pods(c).filter((p) => p.metadata.labels?.tier === "frontend")).toHaveLength(3);
  });

  it("adopts a matching orphan pod instead of creating one", () => {
    const c = createCluster({ seed: 1, nodes: 0 });
    const orphan = `apiVersion: v1
kind: Pod
metadata:
  name: stray
  labels:
    tier: frontend
spec:
  containers:
  - name: c
    image: nginx
`;
    c.kubectl("apply -f -", orphan);
    c.kubectl("apply -f -", RS);
    expect(pods(c)).toHaveLength(3);
    expect(c.store.get("Pod", "default", "stray")?.metadata.ownerReferences?.[0]).toMatchObject({
      kind: "ReplicaSet",
      name: "frontend",
      controller: true,
    });
  });
});
