import { describe, expect, it } from "vitest";
import { createCluster } from "../../cluster";
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

describe("kubectl set env --from", () => {
  it("imports each key of a ConfigMap or Secret as a reference, named as kubectl names it", () => {
    const c = createCluster({ seed: 1, nodes: 0 });
    c.kubectl("create deployment web --image=nginx");
    c.kubectl("create configmap settings --from-literal=mode=fast --from-literal=log-level=debug");
    c.kubectl("create secret generic db --from-literal=password=s3cret");
    const imported = c.kubectl("set env deployment/web --from=configmap/settings --keys=log-level");
    expect(imported.stdout).toBe("deployment.apps/web env updated\n");
    expect(imported.stderr).toBe("Warning: key log-level transferred to LOG_LEVEL\n");
    c.kubectl("set env deployment/web --from=secret/db --prefix=DB_");
    expect(c.kubectl("set env deployment/web --list").stdout).toBe(
      "# Deployment web, container nginx\n" +
        "# LOG_LEVEL from configmap settings, key log-level\n" +
        "# DB_PASSWORD from secret db, key password\n",
    );
    const env = c.api.get("Deployment", "default", "web").spec.template.spec.containers[0].env;
    expect(env[1]).toEqual({
      name: "DB_PASSWORD",
      valueFrom: { secretKeyRef: { name: "db", key: "password" } },
    });
  });

  it("refuses --keys without --from, and --from anything but a ConfigMap or Secret", () => {
    const c = createCluster({ seed: 1, nodes: 0 });
    c.kubectl("create deployment web --image=nginx");
    expect(c.kubectl("set env deployment/web --keys=mode").stderr).toBe(
      "error: when specifying --keys, a configmap or secret must be provided with --from\n",
    );
    expect(c.kubectl("set env deployment/web --from=deployment/web").stderr).toBe(
      "error: unsupported resource specified in --from\n",
    );
  });
});
