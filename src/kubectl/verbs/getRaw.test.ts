import { describe, expect, it } from "vitest";
import { createCluster } from "../../cluster";

describe("kubectl get --raw", () => {
  it("prints the API server's JSON for a collection or an object, in Go's field order", () => {
    const c = createCluster({ seed: 1, nodes: 0 });
    c.kubectl("create deployment web --image=nginx");
    const list = c.kubectl("get --raw /apis/apps/v1/namespaces/default/deployments");
    expect(list.stdout).toMatch(
      /^\{"kind":"DeploymentList","apiVersion":"apps\/v1","metadata":\{"resourceVersion":"\d+"\},"items":\[\{"metadata":\{"name":"web",/,
    );
    expect(list.stdout.endsWith("}\n")).toBe(true);
    const one = JSON.parse(c.kubectl("get --raw /apis/apps/v1/namespaces/default/deployments/web").stdout);
    expect(Object.keys(one)).toEqual(["kind", "apiVersion", "metadata", "spec", "status"]);
    const selected = JSON.parse(
      c.kubectl("get --raw /api/v1/namespaces/default/pods?labelSelector=app%3Dnope").stdout,
    );
    expect(selected.items).toEqual([]);
    expect(c.kubectl("get --raw /healthz").stdout).toBe("ok");
    expect(JSON.parse(c.kubectl("get --raw /version").stdout).gitVersion).toBe("v1.32.0");
  });

  it("answers a missing object or an unknown path with the server's 404, and checks its flags as kubectl does", () => {
    const c = createCluster({ seed: 1, nodes: 0 });
    expect(c.kubectl("get --raw /api/v1/namespaces/default/pods/web").stderr).toBe(
      'Error from server (NotFound): pods "web" not found\n',
    );
    expect(c.kubectl("get --raw /api/v1/pods/web").stderr).toBe(
      "Error from server (NotFound): the server could not find the requested resource\n",
    );
    expect(c.kubectl("get --raw /apis").stderr).toMatch(
      /^error: kubeplay does not simulate the API discovery documents/,
    );
    expect(c.kubectl("get pods --raw /api").stderr).toBe(
      "error: arguments may not be passed when --raw is specified\n",
    );
    expect(c.kubectl("get --raw /api -o json").stderr).toBe(
      "error: --raw and --output are mutually exclusive\n",
    );
    expect(c.kubectl('get --raw "bad path"').stderr).toBe(
      'error: --raw must be a valid URL path: parse "bad path": invalid URI for request\n',
    );
  });
});
