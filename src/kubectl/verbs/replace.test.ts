import { describe, expect, it } from "vitest";
import { createCluster } from "../../cluster";

const CM = (value: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: "${value}"\n`;

describe("kubectl replace", () => {
  it("replaces the live object with the file's and prints kind/name replaced", () => {
    const c = createCluster({ seed: 1, nodes: 0 });
    c.kubectl("create -f cm.yaml", undefined, { "cm.yaml": CM("1") });
    expect(c.kubectl("replace -f cm.yaml", undefined, { "cm.yaml": CM("2") }).stdout).toBe(
      "configmap/cfg replaced\n",
    );
    expect(c.store.get("ConfigMap", "default", "cfg")?.data).toEqual({ a: "2" });
  });

  it("fails for a missing object with the source in the message", () => {
    const c = createCluster({ seed: 1, nodes: 0 });
    expect(c.kubectl("replace -f cm.yaml", undefined, { "cm.yaml": CM("1") }).stderr).toBe(
      'Error from server (NotFound): error when replacing "cm.yaml": configmaps "cfg" not found\n',
    );
  });

  it("--force deletes and re-creates", () => {
    const c = createCluster({ seed: 1, nodes: 0 });
    c.kubectl("create -f cm.yaml", undefined, { "cm.yaml": CM("1") });
    const uid = c.store.get("ConfigMap", "default", "cfg")?.metadata.uid;
    expect(c.kubectl("replace --force -f cm.yaml", undefined, { "cm.yaml": CM("3") }).stdout).toBe(
      'configmap "cfg" deleted\nconfigmap/cfg replaced\n',
    );
    expect(c.store.get("ConfigMap", "default", "cfg")?.metadata.uid).not.toBe(uid);
  });

  it("requires -f", () => {
    expect(createCluster({ seed: 1, nodes: 0 }).kubectl("replace").stderr).toBe(
      "error: must specify --filename to replace\n",
    );
  });
});
