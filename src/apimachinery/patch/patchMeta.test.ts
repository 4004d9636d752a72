import { describe, expect, it } from "vitest";
import { patchMetaAt, patchMetaTable, patchSchemaForKind } from "./patchMeta";

// Expectations are the patchStrategy/patchMergeKey tags of kubernetes/api.
describe("strategic merge metadata by path from the kind root", () => {
  const table: [string, string, string[], string][] = [
    ["Pod", "spec.containers", ["merge"], "name"],
    ["Pod", "spec.initContainers", ["merge"], "name"],
    ["Pod", "spec.containers.ports", ["merge"], "containerPort"],
    ["Pod", "spec.containers.env", ["merge"], "name"],
    ["Pod", "spec.containers.volumeMounts", ["merge"], "mountPath"],
    ["Pod", "spec.volumes", ["merge", "retainKeys"], "name"],
    ["Pod", "spec.imagePullSecrets", ["merge"], "name"],
    ["Pod", "spec.hostAliases", ["merge"], "ip"],
    ["Pod", "spec.tolerations", [], ""],
    ["Pod", "spec.containers.args", [], ""],
    ["Pod", "status.conditions", ["merge"], "type"],
    ["Pod", "metadata.ownerReferences", ["merge"], "uid"],
    ["Pod", "metadata.finalizers", ["merge"], ""],
    ["Deployment", "spec.template.spec.containers", ["merge"], "name"],
    ["Deployment", "spec.template.spec.containers.env", ["merge"], "name"],
    ["Deployment", "spec.strategy", ["retainKeys"], ""],
    ["Deployment", "status.conditions", ["merge"], "type"],
    ["ReplicaSet", "spec.template.spec.volumes", ["merge", "retainKeys"], "name"],
    ["Job", "spec.template.spec.containers", ["merge"], "name"],
    ["CronJob", "spec.jobTemplate.spec.template.spec.containers", ["merge"], "name"],
    ["CronJob", "spec.jobTemplate.spec.template.spec.containers.ports", ["merge"], "containerPort"],
    ["CronJob", "spec.jobTemplate.metadata.finalizers", ["merge"], ""],
    ["Service", "spec.ports", ["merge"], "port"],
    ["Node", "status.addresses", ["merge"], "type"],
    ["ServiceAccount", "secrets", ["merge"], "name"],
    ["ConfigMap", "metadata.ownerReferences", ["merge"], "uid"],
  ];
  for (const [kind, path, strategies, mergeKey] of table) {
    it(`${kind}.${path} is ${strategies.join(",") || "replace"}${mergeKey ? ` by ${mergeKey}` : ""}`, () => {
      expect(patchMetaAt(kind, path)).toEqual({ strategies, mergeKey });
    });
  }

  it("knows no schema for custom kinds", () => {
    expect(patchSchemaForKind("Widget")).toBeNull();
    expect(patchMetaAt("Widget", "spec.items")).toBeNull();
  });

  it("lists every annotated path of a kind", () => {
    const table = patchMetaTable("Deployment");
    expect(table["spec.template.spec.containers.volumeMounts"]).toEqual({
      strategies: ["merge"],
      mergeKey: "mountPath",
    });
    expect(table["spec.template.metadata.ownerReferences"]).toEqual({
      strategies: ["merge"],
      mergeKey: "uid",
    });
    expect(Object.keys(table)).not.toContain("spec.template.spec.tolerations");
  });
});
