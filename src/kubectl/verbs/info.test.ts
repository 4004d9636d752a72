import { describe, expect, it } from "vitest";
import { createCluster } from "../../cluster";

const c = createCluster({ seed: 1, nodes: 0 });

describe("kubectl version", () => {
  it("prints client, kustomize and server versions of one release", () => {
    expect(c.kubectl("version").stdout).toBe(
      "Client Version: v1.32.0\nKustomize Version: v5.5.0\nServer Version: v1.32.0\n",
    );
    expect(c.kubectl("version --client").stdout).toBe("Client Version: v1.32.0\nKustomize Version: v5.5.0\n");
  });

  it("-o json keeps Go's field order and two-space indent; -o yaml ends with a blank line", () => {
    const json = c.kubectl("version --client -o json").stdout;
    expect(
      json.startsWith(
        '{\n  "clientVersion": {\n    "major": "1",\n    "minor": "32",\n    "gitVersion": "v1.32.0",',
      ),
    ).toBe(true);
    expect(json.endsWith('  "kustomizeVersion": "v5.5.0"\n}\n')).toBe(true);
    expect(
      c
        .kubectl("version --client -o yaml")
        .stdout.endsWith("  platform: linux/amd64\nkustomizeVersion: v5.5.0\n\n"),
    ).toBe(true);
    expect(c.kubectl("version -o xml").stderr).toBe("error: --output must be 'yaml' or 'json'\n");
  });
});

describe("kubectl api-resources", () => {
  it("lists the served types grouped by API group, then by name", () => {
    const lines = c.kubectl("api-resources").stdout.split("\n");
    expect(lines[0]).toBe("NAME              SHORTNAMES   APIVERSION               NAMESPACED   KIND");
    expect(lines[1]).toBe("configmaps        cm           v1                       true         ConfigMap");
    expect(lines).toContain(
      "serviceaccounts   sa           v1                       true         ServiceAccount",
    );
    expect(lines).toContain(
      "deployments       deploy       apps/v1                  true         Deployment",
    );
  });

  it("filters by --namespaced and --api-group, and -o name prints plural.group", () => {
    expect(c.kubectl("api-resources --namespaced=false").stdout).toBe(
      "NAME         SHORTNAMES   APIVERSION   NAMESPACED   KIND\nnamespaces   ns           v1           false        Namespace\nnodes        no           v1           false        Node\n",
    );
    expect(c.kubectl("api-resources --api-group=batch -o name").stdout).toBe("cronjobs.batch\njobs.batch\n");
    expect(c.kubectl("api-resources --api-group=apps -o wide").stdout.split("\n")[0]).toBe(
      "NAME          SHORTNAMES   APIVERSION   NAMESPACED   KIND         VERBS                                                        CATEGORIES",
    );
    expect(c.kubectl("api-resources -o json").stderr).toBe("error: --output json is not available\n");
  });
});

describe("kubectl cluster-info", () => {
  it("names the control plane and the debugging hint", () => {
    expect(c.kubectl("cluster-info").stdout).toBe(
      "Kubernetes control plane is running at https://172.18.0.1:6443\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
    );
  });
});

describe("kubectl explain", () => {
  it("prints a field's documentation and kubectl's argument errors", () => {
    expect(c.kubectl("explain deployment.spec.replicas").stdout).toContain("FIELD: replicas <integer>");
    expect(c.kubectl("explain").stderr).toBe(
      'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n',
    );
    expect(c.kubectl("explain a b").stderr).toBe("error: We accept only this format: explain RESOURCE\n");
    expect(c.kubectl("explain foo")).toMatchObject({
      code: 1,
      stderr: 'error: the server doesn\'t have a resource type "foo"\n',
    });
  });
});
