import { describe, expect, it } from "vitest";
import { nginxDeployment, podlessCluster } from "../../controllers/deployment/deploymentTestKit";

function cluster() {
  const c = podlessCluster();
  c.kubectl("apply -f -", nginxDeployment());
  return c;
}

describe("kubectl scale", () => {
  it("sets spec.replicas and prints `scaled`", () => {
    const c = cluster();
    expect(c.kubectl("scale --replicas=1 deployment nginx-deployment")).toEqual({
      code: 0,
      stdout: "deployment.apps/nginx-deployment scaled\n",
      stderr: "",
    });
    expect(c.store.get("Deployment", "default", "nginx-deployment")?.spec.replicas).toBe(1);
  });

  it("requires --replicas, not negative", () => {
    const c = cluster();
    expect(c.kubectl("scale deployment/nginx-deployment").stderr).toBe(
      'error: required flag(s) "replicas" not set\n',
    );
    expect(c.kubectl("scale deployment/nginx-deployment --replicas=-2").stderr).toBe(
      "error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n",
    );
  });

  it("honours the --current-replicas precondition", () => {
    const c = cluster();
    const result = c.kubectl("scale deployment/nginx-deployment --replicas=5 --current-replicas=2");
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("error: Expected replicas to be 2, was 3\n");
  });

  it("reports a missing deployment as the server does", () => {
    const c = cluster();
    expect(c.kubectl("scale deployment/nope --replicas=2").stderr).toBe(
      'Error from server (NotFound): deployments.apps "nope" not found\n',
    );
  });

  it("changes nothing with --dry-run=client", () => {
    const c = cluster();
    expect(c.kubectl("scale deployment/nginx-deployment --replicas=9 --dry-run=client").stdout).toBe(
      "deployment.apps/nginx-deployment scaled (dry run)\n",
    );
    expect(c.store.get("Deployment", "default", "nginx-deployment")?.spec.replicas).toBe(3);
  });
});
