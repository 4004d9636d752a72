import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../api/types";
import {
  markAllReady,
  nginxDeployment,
  podlessCluster,
} from "../../controllers/deployment/deploymentTestKit";
import { deploymentStatus } from "./rollout";

function deploymentWith(status: Record<string, unknown>, generation = 2): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web", generation },
    spec: { replicas: 3 },
    status: { observedGeneration: 2, ...status },
  };
}

describe("rollout status messages (DeploymentStatusViewer)", () => {
  it.each([
    [{ observedGeneration: 1 }, "Waiting for deployment spec update to be observed...\n"],
    [
      { updatedReplicas: 1, replicas: 4 },
      'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...\n',
    ],
    [
      { updatedReplicas: 3, replicas: 4 },
      'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...\n',
    ],
    [
      { updatedReplicas: 3, replicas: 3, availableReplicas: 1 },
      'Waiting for deployment "web" rollout to finish: 1 of 3 updated replicas are available...\n',
    ],
    [{ updatedReplicas: 3, replicas: 3, availableReplicas: 3 }, 'deployment "web" successfully rolled out\n'],
  ])("status %j prints %j", (status, message) => {
    expect(deploymentStatus(deploymentWith(status), 0)).toBe(message);
  });
});

describe("kubectl rollout", () => {
  it("requires a resource and rejects kinds without rollouts", () => {
    const c = podlessCluster();
    c.kubectl("apply -f -", nginxDeployment());
    expect(c.kubectl("rollout status").stderr).toBe("error: required resource not specified\n");
    const rs = c.store.list("ReplicaSet", "default")[0].metadata.name;
    expect(c.kubectl(`rollout status rs/${rs}`).stderr).toBe(
      "error: no status viewer has been implemented for ReplicaSet.apps\n",
    );
    expect(c.kubectl("rollout history deploy/nginx-deployment --revision=-1").stderr).toBe(
      "error: revision must be a positive integer: -1\n",
    );
  });

  it("shows one revision's pod template with --revision", () => {
    const c = podlessCluster();
    c.kubectl("apply -f -", nginxDeployment());
    markAllReady(c);
    const out = c.kubectl("rollout history deployment/nginx-deployment --revision=1").stdout;
    expect(
      out.startsWith(
        "deployment.apps/nginx-deployment with revision #1\nPod Template:\n  Labels:\tapp=nginx\n\tpod-template-hash=",
      ),
    ).toBe(true);
    expect(out).toContain("    Image:\tnginx:1.7.9\n    Port:\t80/TCP\n");
    expect(c.kubectl("rollout history deployment/nginx-deployment --revision=4").stderr).toBe(
      "error: unable to find the specified revision\n",
    );
  });

  it("undo with a single revision has no history to go back to", () => {
    const c = podlessCluster();
    c.kubectl("apply -f -", nginxDeployment());
    expect(c.kubectl("rollout undo deployment/nginx-deployment").stderr).toBe(
      'error: no rollout history found for deployment "nginx-deployment"\n',
    );
  });
});
