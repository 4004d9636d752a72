import { describe, expect, it } from "vitest";
import { deepClone, type JsonObject } from "./jsonValue";
import {
  lastAppliedAnnotation,
  lastAppliedConfigAnnotation,
  lastAppliedConfiguration,
  modifiedConfiguration,
} from "./lastApplied";
import { computeApplyPatch, createThreeWayMergePatch } from "./threeWayMerge";

const config = (image: string, env: JsonObject[], extra: JsonObject = {}): JsonObject => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web", namespace: "default" },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: "web" } },
    template: {
      metadata: { labels: { app: "web" } },
      spec: { containers: [{ name: "web", image, env, ports: [{ containerPort: 80 }] }] },
    },
    ...extra,
  },
});

const v1 = config("nginx:1.25", [
  { name: "A", value: "1" },
  { name: "B", value: "2" },
]);

/** The live object after `kubectl apply` of v1: defaults, status and a server-added annotation. */
function live(): JsonObject {
  const obj = modifiedConfiguration(v1);
  const metadata = obj.metadata as JsonObject;
  metadata.uid = "7f0c";
  metadata.resourceVersion = "812";
  (metadata.annotations as JsonObject)["deployment.kubernetes.io/revision"] = "1";
  const spec = obj.spec as JsonObject;
  spec.strategy = { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: "25%" } };
  const podSpec = (spec.template as JsonObject).spec as JsonObject;
  const web = (podSpec.containers as JsonObject[])[0];
  web.imagePullPolicy = "IfNotPresent";
  web.terminationMessagePath = "/dev/termination-log";
  podSpec.restartPolicy = "Always";
  obj.status = { replicas: 3, readyReplicas: 3, conditions: [{ type: "Available", status: "True" }] };
  return obj;
}

describe("kubectl apply's three-way merge of a Deployment", () => {
  const v2 = config("nginx:1.26", [{ name: "A", value: "1" }]);

  it("builds the patch kubectl sends: image change, env B deleted, order directives, new annotation", () => {
    const current = live();
    const patch = createThreeWayMergePatch(
      lastAppliedConfiguration(current),
      modifiedConfiguration(v2),
      current,
      "Deployment",
    );
    expect(patch).toEqual({
      metadata: { annotations: { [lastAppliedConfigAnnotation]: lastAppliedAnnotation(v2) } },
      spec: {
        template: {
          spec: {
            "$setElementOrder/containers": [{ name: "web" }],
            containers: [
              {
                name: "web",
                image: "nginx:1.26",
                "$setElementOrder/env": [{ name: "A" }],
                env: [{ name: "B", $patch: "delete" }],
              },
            ],
          },
        },
      },
    });
  });

  it("keeps what the server added while applying the config", () => {
    const current = live();
    const { result, changed, patchType } = computeApplyPatch(
      lastAppliedConfiguration(current),
      modifiedConfiguration(v2),
      current,
      "Deployment",
    );
    expect(patchType).toBe("strategic");
    expect(changed).toBe(true);
    const want = live();
    const web = (((want.spec as JsonObject).template as JsonObject).spec as JsonObject)
      .containers as JsonObject[];
    web[0].image = "nginx:1.26";
    web[0].env = [{ name: "A", value: "1" }];
    ((want.metadata as JsonObject).annotations as JsonObject)[lastAppliedConfigAnnotation] =
      lastAppliedAnnotation(v2);
    expect(result).toEqual(want);
  });

  it("removes a field dropped from the config but keeps one the server set", () => {
    const current = live();
    const withoutReplicas = deepClone(v1);
    delete (withoutReplicas.spec as JsonObject).replicas;
    const { result } = computeApplyPatch(
      lastAppliedConfiguration(current),
      modifiedConfiguration(withoutReplicas),
      current,
      "Deployment",
    );
    expect((result.spec as JsonObject).replicas).toBeUndefined();
    expect(((result.spec as JsonObject).template as JsonObject).spec).toHaveProperty(
      "restartPolicy",
      "Always",
    );
    expect(result.status).toEqual(current.status);
  });

  it("clears rollingUpdate when the strategy becomes Recreate ($retainKeys)", () => {
    const current = live();
    const env = [
      { name: "A", value: "1" },
      { name: "B", value: "2" },
    ];
    const recreate = config("nginx:1.25", env, { strategy: { type: "Recreate" } });
    const { patch, result } = computeApplyPatch(
      lastAppliedConfiguration(current),
      modifiedConfiguration(recreate),
      current,
      "Deployment",
    );
    expect((patch.spec as JsonObject).strategy).toEqual({ $retainKeys: ["type"], type: "Recreate" });
    expect((result.spec as JsonObject).strategy).toEqual({ type: "Recreate" });
  });

  it("sends nothing when the config is unchanged", () => {
    const current = live();
    const { patch, changed, result } = computeApplyPatch(
      lastAppliedConfiguration(current),
      modifiedConfiguration(v1),
      current,
      "Deployment",
    );
    expect(patch).toEqual({});
    expect(changed).toBe(false);
    expect(result).toEqual(current);
  });

  it("keeps a server-added env var that was never in the config", () => {
    const current = live();
    const web = (
      (((current.spec as JsonObject).template as JsonObject).spec as JsonObject).containers as JsonObject[]
    )[0];
    (web.env as JsonObject[]).push({ name: "INJECTED", value: "x" });
    const { result } = computeApplyPatch(
      lastAppliedConfiguration(current),
      modifiedConfiguration(v2),
      current,
      "Deployment",
    );
    const env = (
      (((result.spec as JsonObject).template as JsonObject).spec as JsonObject).containers as JsonObject[]
    )[0].env;
    expect(env).toEqual([
      { name: "A", value: "1" },
      { name: "INJECTED", value: "x" },
    ]);
  });
});

describe("kubectl apply of a custom resource", () => {
  it("falls back to a JSON merge patch", () => {
    const widgetV1: JsonObject = {
      apiVersion: "example.com/v1",
      kind: "Widget",
      metadata: { name: "w" },
      spec: { size: 1, color: "red" },
    };
    const widgetV2: JsonObject = {
      apiVersion: "example.com/v1",
      kind: "Widget",
      metadata: { name: "w" },
      spec: { size: 2 },
    };
    const current = modifiedConfiguration(widgetV1);
    const { patchType, patch, result } = computeApplyPatch(
      lastAppliedConfiguration(current),
      modifiedConfiguration(widgetV2),
      current,
      "Widget",
    );
    expect(patchType).toBe("merge");
    expect(patch.spec).toEqual({ size: 2, color: null });
    expect(result.spec).toEqual({ size: 2 });
  });
});
