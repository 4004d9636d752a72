/** Test helpers for Deployment scenarios: a cluster without nodes, and readiness written by hand. */
import type { KubeObject } from "../../api/types";
import { type Cluster, createCluster } from "../../cluster";
import { formatTimestamp } from "../../util/clock";

/** The kubernetes.io "Deployments" page's nginx-deployment, with a chosen image and extra spec lines. */
export function nginxDeployment(image = "nginx:1.7.9", extraSpec = ""): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx-deployment
  labels:
    app: nginx
spec:
  replicas: 3
${extraSpec}  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: ${image}
        ports:
        - containerPort: 80
`;
}

/**
 * A cluster with no nodes, so no scheduler or kubelet touches the pods: the test decides
 * when a pod is ready (markAllReady), which makes rollout steps observable one at a time.
 */
export function podlessCluster(): Cluster {
  return createCluster({ seed: 7, nodes: 0 });
}

/** Marks every not-yet-ready, not-terminating pod Ready (as a kubelet would after its probe). */
export function markAllReady(c: Cluster): void {
  for (const pod of c.store.list("Pod", "default")) {
    if (
      pod.metadata.deletionTimestamp ||
      pod.status?.conditions?.some(
        (x: { type: string; status: string }) => x.type === "Ready" && x.status === "True",
      )
    )
      continue;
    const conditions = [{ type: "Ready", status: "True", lastTransitionTime: formatTimestamp(c.now()) }];
    c.api.updateStatus({ ...pod, status: { ...pod.status, phase: "Running", conditions } });
  }
  c.advance(0);
}

/** `image=replicas` for each ReplicaSet, by image: the rollout's shape at a glance. */
export function replicaSetSizes(c: Cluster): string[] {
  return c.store
    .list("ReplicaSet", "default")
    .map((rs) => `${rs.spec.template.spec.containers[0].image}=${rs.spec.replicas}`)
    .sort();
}

/** The Deployment as stored. */
export function deployment(c: Cluster, name = "nginx-deployment"): KubeObject {
  return c.store.get("Deployment", "default", name) as KubeObject;
}
