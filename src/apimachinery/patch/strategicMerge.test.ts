import { describe, expect, it } from "vitest";
import { type JsonObject } from "./jsonValue";
import { kubectlServerErrorMessage, type PatchError } from "./patchErrors";
import { createTwoWayMergePatch } from "./strategicDiff";
import { strategicMergePatch } from "./strategicMerge";

const deployment = (): JsonObject => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web", namespace: "default", finalizers: ["a", "b"] },
  spec: {
    replicas: 2,
    template: {
      spec: {
        containers: [
          {
            name: "web",
            image: "nginx:1.25",
            env: [{ name: "A", value: "1" }],
            ports: [{ containerPort: 80 }],
          },
          { name: "sidecar", image: "busybox" },
        ],
        tolerations: [{ key: "k", operator: "Exists" }],
      },
    },
  },
});
const containers = (d: JsonObject) => ((d.spec as JsonObject).template as JsonObject).spec as JsonObject;
const patchError = (fn: () => unknown): PatchError => {
  try {
    fn();
  } catch (err) {
    return err as PatchError;
  }
  throw new Error("no error");
};

describe("kubectl patch --type strategic on a Deployment", () => {
  it("merges a container by name, leaving the others", () => {
    const out = strategicMergePatch(
      deployment(),
      { spec: { template: { spec: { containers: [{ name: "web", image: "nginx:1.26" }] } } } },
      "Deployment",
    );
    expect(containers(out).containers).toEqual([
      { name: "web", image: "nginx:1.26", env: [{ name: "A", value: "1" }], ports: [{ containerPort: 80 }] },
      { name: "sidecar", image: "busybox" },
    ]);
  });

  // As in the "Update API Objects in Place Using kubectl patch" task, where the patched-in
  // redis container is listed before the existing nginx one: items named by the patch
  // come first unless a $setElementOrder says otherwise.
  it("puts a new env var and a new port ahead of the existing ones", () => {
    const patch = {
      spec: {
        template: {
          spec: {
            containers: [{ name: "web", env: [{ name: "B", value: "2" }], ports: [{ containerPort: 443 }] }],
          },
        },
      },
    };
    const web = (
      containers(strategicMergePatch(deployment(), patch, "Deployment")).containers as JsonObject[]
    )[0];
    expect(web.env).toEqual([
      { name: "B", value: "2" },
      { name: "A", value: "1" },
    ]);
    expect(web.ports).toEqual([{ containerPort: 443 }, { containerPort: 80 }]);
  });

  it("replaces lists without a merge strategy (tolerations)", () => {
    const out = strategicMergePatch(
      deployment(),
      { spec: { template: { spec: { tolerations: [{ key: "x" }] } } } },
      "Deployment",
    );
    expect(containers(out).tolerations).toEqual([{ key: "x" }]);
  });

  it("deletes a key given null and a container given $patch: delete", () => {
    const patch = {
      spec: { replicas: null, template: { spec: { containers: [{ name: "sidecar", $patch: "delete" }] } } },
    };
    const out = strategicMergePatch(deployment(), patch, "Deployment");
    expect((out.spec as JsonObject).replicas).toBeUndefined();
    expect((containers(out).containers as JsonObject[]).map((c) => c.name)).toEqual(["web"]);
  });

  it("replaces the whole list with $patch: replace", () => {
    const patch: JsonObject = {
      spec: { template: { spec: { containers: [{ name: "only", image: "x" }, { $patch: "replace" }] } } },
    };
    expect(containers(strategicMergePatch(deployment(), patch, "Deployment")).containers).toEqual([
      { name: "only", image: "x" },
    ]);
  });

  it("merges finalizers as a set and removes them with $deleteFromPrimitiveList", () => {
    const patch = { metadata: { finalizers: ["c", "a"], "$deleteFromPrimitiveList/finalizers": ["b"] } };
    expect(
      (strategicMergePatch(deployment(), patch, "Deployment").metadata as JsonObject).finalizers,
    ).toEqual(["c", "a"]);
  });

  it("does not modify its inputs", () => {
    const original = deployment();
    const patch = { spec: { template: { spec: { containers: [{ name: "web", $patch: "delete" }] } } } };
    strategicMergePatch(original, patch, "Deployment");
    expect(original).toEqual(deployment());
    expect(patch.spec.template.spec.containers[0]).toEqual({ name: "web", $patch: "delete" });
  });

  it("fails like the apiserver when a container lacks its name", () => {
    const err = patchError(() =>
      strategicMergePatch(
        deployment(),
        { spec: { template: { spec: { containers: [{ image: "x" }] } } } },
        "Deployment",
      ),
    );
    expect(kubectlServerErrorMessage(err)).toBe(
      "Error from server: map: map[image:x] does not contain declared merge key: name",
    );
  });

  it("refuses custom resources", () => {
    const err = patchError(() => strategicMergePatch({ spec: {} }, { spec: { a: 1 } }, "Widget"));
    expect(kubectlServerErrorMessage(err)).toBe(
      "Error from server (BadRequest): strategic merge patch format is not supported",
    );
  });

  it("rejects an unknown $patch directive", () => {
    const err = patchError(() =>
      strategicMergePatch(deployment(), { spec: { $patch: "explode" } }, "Deployment"),
    );
    expect(err.message).toBe("unknown patch type: explode in map: map[$patch:explode]");
  });
});

describe("two-way strategic patches of real objects", () => {
  it("diffs a Service's ports by port and records the new order", () => {
    const before: JsonObject = { spec: { ports: [{ port: 80, targetPort: 8080 }, { port: 443 }] } };
    const after: JsonObject = { spec: { ports: [{ port: 443 }, { port: 80, targetPort: 9090 }] } };
    const patch = createTwoWayMergePatch(before, after, "Service");
    expect(patch).toEqual({
      spec: {
        "$setElementOrder/ports": [{ port: 443 }, { port: 80 }],
        ports: [{ port: 80, targetPort: 9090 }],
      },
    });
    expect(strategicMergePatch(before, patch, "Service")).toEqual(after);
  });
});

describe("directive keys never reach the stored object", () => {
  it("drops $retainKeys and $setElementOrder carried by a value added whole", () => {
    const pod: JsonObject = { metadata: { name: "p" } };
    const patch: JsonObject = {
      spec: {
        "$setElementOrder/containers": [{ name: "a" }],
        containers: [{ name: "a", image: "x" }],
        volumes: [{ name: "v", emptyDir: {}, $retainKeys: ["emptyDir", "name"] }],
      },
    };
    expect(strategicMergePatch(pod, patch, "Pod")).toEqual({
      metadata: { name: "p" },
      spec: { containers: [{ name: "a", image: "x" }], volumes: [{ name: "v", emptyDir: {} }] },
    });
  });
});
