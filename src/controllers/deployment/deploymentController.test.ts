import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../api/types";
import type { Cluster } from "../../cluster";
import {
  deployment,
  markAllReady,
  nginxDeployment,
  podlessCluster,
  replicaSetSizes,
} from "./deploymentTestKit";

function replicaSets(c: Cluster): KubeObject[] {
  return c.store.list("ReplicaSet", "default");
}

function scalingEvents(c: Cluster): string[] {
  return c.store
    .list("Event", "default")
    .filter((e) => e.reason === "ScalingReplicaSet")
    .sort((a, b) => ((a.metadata.name ?? "") < (b.metadata.name ?? "") ? -1 : 1))
    .map((e) => e.message);
}

function rolledOut(image = "nginx:1.7.9", extra = ""): Cluster {
  const c = podlessCluster();
  expect(c.kubectl("apply -f -", nginxDeployment(image, extra)).stderr).toBe("");
  markAllReady(c);
  return c;
}

describe("Deployment controller", () => {
  it("creates ReplicaSet <deployment>-<pod-template-hash> and 3 pods with the hash label and controller references", () => {
    const c = rolledOut();
    const [rs] = replicaSets(c);
    const hash = rs.metadata.labels?.["pod-template-hash"];
    expect(hash).toMatch(/^[bcdf4-9]{1,10}$/);
    expect(rs.metadata.name).toBe(`nginx-deployment-${hash}`);
    expect(rs.spec.selector.matchLabels).toEqual({ app: "nginx", "pod-template-hash": hash });
    expect(rs.metadata.ownerReferences).toEqual([
      {
        apiVersion: "apps/v1",
        kind: "Deployment",
        name: "nginx-deployment",
        uid: deployment(c).metadata.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    expect(rs.metadata.annotations).toMatchObject({
      "deployment.kubernetes.io/revision": "1",
      "deployment.kubernetes.io/desired-replicas": "3",
      "deployment.kubernetes.io/max-replicas": "4",
    });
    const pods = c.store.list("Pod", "default");
    expect(pods).toHaveLength(3);
    for (const pod of pods) {
      expect(pod.metadata.name?.startsWith(`${rs.metadata.name}-`)).toBe(true);
      expect(pod.metadata.labels).toEqual({ app: "nginx", "pod-template-hash": hash });
    }
    expect(scalingEvents(c)).toEqual([`Scaled up replica set ${rs.metadata.name} from 0 to 3`]);
  });

  it("reports a finished rollout: counts, Available and Progressing NewReplicaSetAvailable, revision 1", () => {
    const c = rolledOut();
    const d = deployment(c);
    const rsName = replicaSets(c)[0].metadata.name;
    expect(d.metadata.annotations?.["deployment.kubernetes.io/revision"]).toBe("1");
    expect(d.status).toMatchObject({
      observedGeneration: 1,
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
    });
    expect(d.status.conditions.map((x: KubeObject) => [x.type, x.status, x.reason, x.message])).toEqual([
      ["Available", "True", "MinimumReplicasAvailable", "Deployment has minimum availability."],
      [
        "Progressing",
        "True",
        "NewReplicaSetAvailable",
        `ReplicaSet "${rsName}" has successfully progressed.`,
      ],
    ]);
  });

  it("reports unavailability before pods are ready", () => {
    const c = podlessCluster();
    c.kubectl("apply -f -", nginxDeployment());
    const d = deployment(c);
    expect(d.status.unavailableReplicas).toBe(3);
    expect(d.status.conditions.find((x: KubeObject) => x.type === "Available")).toMatchObject({
      status: "False",
      reason: "MinimumReplicasUnavailable",
    });
    expect(c.kubectl("rollout status deployment/nginx-deployment").stdout).toBe(
      'Waiting for deployment "nginx-deployment" rollout to finish: 0 of 3 updated replicas are available...\n',
    );
  });

  it("scales the ReplicaSet with kubectl scale", () => {
    const c = rolledOut();
    expect(c.kubectl("scale deployment/nginx-deployment --replicas=5").stdout).toBe(
      "deployment.apps/nginx-deployment scaled\n",
    );
    expect(replicaSetSizes(c)).toEqual(["nginx:1.7.9=5"]);
    expect(c.store.list("Pod", "default")).toHaveLength(5);
    expect(scalingEvents(c).at(-1)).toMatch(/^Scaled up replica set nginx-deployment-\w+ from 3 to 5$/);
  });

  it("rolls out a new image one surge pod at a time (maxSurge 1, maxUnavailable 0 for 3 replicas)", () => {
    const c = rolledOut();
    expect(c.kubectl("set image deployment/nginx-deployment nginx=nginx:1.9.1").stdout).toBe(
      "deployment.apps/nginx-deployment image updated\n",
    );
    const steps = [replicaSetSizes(c)];
    for (let i = 0; i < 3; i++) {
      markAllReady(c);
      steps.push(replicaSetSizes(c));
    }
    expect(steps).toEqual([
      ["nginx:1.7.9=3", "nginx:1.9.1=1"],
      ["nginx:1.7.9=2", "nginx:1.9.1=2"],
      ["nginx:1.7.9=1", "nginx:1.9.1=3"],
      ["nginx:1.7.9=0", "nginx:1.9.1=3"],
    ]);
    expect(deployment(c).metadata.annotations?.["deployment.kubernetes.io/revision"]).toBe("2");
    expect(c.kubectl("rollout status deployment/nginx-deployment").stdout).toBe(
      'deployment "nginx-deployment" successfully rolled out\n',
    );
  });

  it("with maxSurge 0 and maxUnavailable 1, removes an old pod before adding a new one", () => {
    const strategy = "  strategy:\n    rollingUpdate:\n      maxSurge: 0\n      maxUnavailable: 1\n";
    const c = rolledOut("nginx:1.7.9", strategy);
    c.kubectl("set image deployment/nginx-deployment nginx=nginx:1.9.1");
    expect(replicaSetSizes(c)).toEqual(["nginx:1.7.9=2", "nginx:1.9.1=1"]);
    markAllReady(c);
    expect(replicaSetSizes(c)).toEqual(["nginx:1.7.9=1", "nginx:1.9.1=2"]);
  });

  it("prints the history and rolls back to the previous revision's template with rollout undo", () => {
    const c = rolledOut();
    c.kubectl("set image deployment/nginx-deployment nginx=nginx:1.9.1");
    for (let i = 0; i < 3; i++) markAllReady(c);
    expect(c.kubectl("rollout history deployment/nginx-deployment").stdout).toBe(
      "deployment.apps/nginx-deployment \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n",
    );
    expect(c.kubectl("rollout undo deployment/nginx-deployment").stdout).toBe(
      "deployment.apps/nginx-deployment rolled back\n",
    );
    for (let i = 0; i < 3; i++) markAllReady(c);
    expect(deployment(c).spec.template.spec.containers[0].image).toBe("nginx:1.7.9");
    expect(replicaSetSizes(c)).toEqual(["nginx:1.7.9=3", "nginx:1.9.1=0"]);
    // The first ReplicaSet is reused and becomes revision 3.
    expect(c.kubectl("rollout history deployment/nginx-deployment").stdout).toContain(
      "2         <none>\n3         <none>\n",
    );
    expect(c.kubectl("rollout undo deployment/nginx-deployment --to-revision=9").stderr).toBe(
      "error: unable to find specified revision 9 in history\n",
    );
  });

  it("keeps only revisionHistoryLimit old ReplicaSets", () => {
    const c = rolledOut("nginx:1.7.9", "  revisionHistoryLimit: 1\n");
    for (const tag of ["1.8", "1.9", "1.10"]) {
      c.kubectl(`set image deployment/nginx-deployment nginx=nginx:${tag}`);
      for (let i = 0; i < 4; i++) markAllReady(c);
    }
    const images = replicaSets(c)
      .map((rs) => rs.spec.template.spec.containers[0].image)
      .sort();
    expect(images).toEqual(["nginx:1.10", "nginx:1.9"]);
  });

  it("Recreate scales the old ReplicaSet to 0 before creating the new one", () => {
    const c = rolledOut("nginx:1.7.9", "  strategy:\n    type: Recreate\n");
    c.kubectl("set image deployment/nginx-deployment nginx=nginx:1.9.1");
    expect(replicaSetSizes(c)).toEqual(["nginx:1.7.9=0", "nginx:1.9.1=3"]);
    const events = scalingEvents(c);
    expect(events[1]).toMatch(/^Scaled down replica set nginx-deployment-\w+ from 3 to 0$/);
    expect(events[2]).toMatch(/^Scaled up replica set nginx-deployment-\w+ from 0 to 3$/);
  });

  it("does not roll out while paused, and resumes on rollout resume", () => {
    const c = rolledOut();
    expect(c.kubectl("rollout pause deployment/nginx-deployment").stdout).toBe(
      "deployment.apps/nginx-deployment paused\n",
    );
    expect(c.kubectl("rollout pause deployment/nginx-deployment").stderr).toBe(
      'error: deployments.apps "nginx-deployment" is already paused\n',
    );
    c.kubectl("set image deployment/nginx-deployment nginx=nginx:1.9.1");
    expect(replicaSetSizes(c)).toEqual(["nginx:1.7.9=3"]);
    expect(deployment(c).status.conditions.find((x: KubeObject) => x.type === "Progressing")).toMatchObject({
      status: "Unknown",
      reason: "DeploymentPaused",
    });
    expect(c.kubectl("rollout resume deployment/nginx-deployment").stdout).toBe(
      "deployment.apps/nginx-deployment resumed\n",
    );
    expect(replicaSetSizes(c)).toEqual(["nginx:1.7.9=3", "nginx:1.9.1=1"]);
  });

  it("rollout restart stamps restartedAt on the template, which starts a new ReplicaSet", () => {
    const c = rolledOut();
    expect(c.kubectl("rollout restart deployment/nginx-deployment").stdout).toBe(
      "deployment.apps/nginx-deployment restarted\n",
    );
    expect(deployment(c).spec.template.metadata.annotations).toEqual({
      "kubectl.kubernetes.io/restartedAt": "2026-01-05T10:00:00Z",
    });
    expect(replicaSets(c)).toHaveLength(2);
  });

  it("marks Progressing False ProgressDeadlineExceeded when pods never become ready", () => {
    const c = podlessCluster();
    c.kubectl("apply -f -", nginxDeployment("nginx:1.7.9", "  progressDeadlineSeconds: 60\n"));
    c.advance(62);
    const progressing = deployment(c).status.conditions.find((x: KubeObject) => x.type === "Progressing");
    expect(progressing).toMatchObject({ status: "False", reason: "ProgressDeadlineExceeded" });
    expect(progressing.message).toMatch(/^ReplicaSet "nginx-deployment-\w+" has timed out progressing\.$/);
    expect(c.kubectl("rollout status deployment/nginx-deployment").stderr).toBe(
      'error: deployment "nginx-deployment" exceeded its progress deadline\n',
    );
  });
});
