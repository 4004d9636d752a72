import { describe, expect, it } from "vitest";
import { nginxDeployment, podlessCluster } from "../../controllers/deployment/deploymentTestKit";

function cluster() {
  const c = podlessCluster();
  c.kubectl("apply -f -", nginxDeployment());
  return c;
}
const image = (c: ReturnType<typeof cluster>) =>
  c.store.get("Deployment", "default", "nginx-deployment")?.spec.template.spec.containers[0].image;

describe("kubectl set image", () => {
  it("updates the named container and prints `image updated`", () => {
    const c = cluster();
    expect(c.kubectl("set image deployment/nginx-deployment nginx=nginx:1.9.1").stdout).toBe(
      "deployment.apps/nginx-deployment image updated\n",
    );
    expect(image(c)).toBe("nginx:1.9.1");
  });

  it("updates every container with *", () => {
    const c = cluster();
    c.kubectl("set image deployment nginx-deployment *=busybox");
    expect(image(c)).toBe("busybox");
  });

  it("prints nothing when the image is already set", () => {
    const c = cluster();
    expect(c.kubectl("set image deployment/nginx-deployment nginx=nginx:1.7.9")).toEqual({
      code: 0,
      stdout: "",
      stderr: "",
    });
  });

  it("fails with kubectl's messages for a missing container or no image", () => {
    const c = cluster();
    expect(c.kubectl("set image deployment/nginx-deployment nope=nginx:1.9.1").stderr).toBe(
      'error: unable to find container named "nope"\n',
    );
    expect(c.kubectl("set image deployment/nginx-deployment").stderr).toBe(
      "error: at least one image update is required\n",
    );
  });
});
