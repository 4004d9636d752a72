import { describe, expect, it } from "vitest";
import { capturedRuns, servedConfigMaps } from "./goldens";
import { printName, printNames, resourcePrefix } from "./name";

describe("-o name", () => {
  it("prints kind/name for core objects, one per line, as kubectl get does", () => {
    const run = capturedRuns("get.json").find((r) => r.name === "list-name");
    expect(printNames(servedConfigMaps())).toBe(run?.stdout);
  });
  it("qualifies the lowercased kind with the API group", () => {
    expect(printName({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web" } })).toBe(
      "deployment.apps/web\n",
    );
    expect(resourcePrefix({ apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole" })).toBe(
      "clusterrole.rbac.authorization.k8s.io",
    );
  });
  it("appends the operation for mutating verbs unless short output is asked for", () => {
    const obj = { apiVersion: "v1", kind: "Pod", metadata: { name: "p" } };
    expect(printName(obj, { operation: "created" })).toBe("pod/p created\n");
    expect(printName(obj, { operation: "created", shortOutput: true })).toBe("pod/p\n");
  });
  it("prints <unknown> for an object without a name and fails without a kind", () => {
    expect(printName({ apiVersion: "v1", kind: "Pod", metadata: {} })).toBe("pod/<unknown>\n");
    expect(() => printName({ metadata: { name: "x" } })).toThrow("missing kind for resource with name x");
  });
});
