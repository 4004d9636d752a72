import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyPatch, diffObject, sameJson } from "./objectPatch";

const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.string(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 3 }),
    tie("object"),
  ),
  object: fc.dictionary(fc.constantFrom("a", "b", "c", "spec", "status"), tie("value"), {
    maxKeys: 4,
    noNullPrototype: true,
  }),
}));

describe("object patches", () => {
  it("turn any JSON object into any other", () => {
    fc.assert(
      fc.property(json.object, json.object, (before, after) => {
        const patched = applyPatch(before, diffObject(before, after) ?? {});
        expect(patched).toStrictEqual(after);
      }),
    );
  });

  it("are empty between equal objects, however they were built", () => {
    fc.assert(
      fc.property(json.object, (value) => {
        expect(diffObject(value, structuredClone(value))).toBeUndefined();
      }),
    );
  });

  it("carry only what changed and share the unchanged subtrees with the previous version", () => {
    const spec = { containers: [{ name: "nginx", image: "nginx:1.25" }], volumes: [{ name: "token" }] };
    const before = {
      metadata: { name: "web-1", resourceVersion: "7", labels: { app: "web" } },
      spec,
      status: { phase: "Pending", conditions: [{ type: "PodScheduled", status: "True" }] },
    };
    const after = {
      metadata: { name: "web-1", resourceVersion: "9", labels: { app: "web" } },
      spec: structuredClone(spec),
      status: { phase: "Running" },
    };
    const patch = diffObject(before, after);
    expect(patch).toEqual({
      nested: {
        metadata: { set: { resourceVersion: "9" } },
        status: { set: { phase: "Running" }, unset: ["conditions"] },
      },
    });
    const patched = applyPatch(before, patch ?? {});
    expect(patched).toStrictEqual(after);
    expect(patched.spec).toBe(before.spec);
    expect(patched.metadata.labels).toBe(before.metadata.labels);
    expect(before.status.phase).toBe("Pending");
  });

  it("patch an array of the same length item by item, and replace one whose length changed", () => {
    const scheduled = { type: "PodScheduled", status: "True" };
    const before = { conditions: [scheduled, { type: "Ready", status: "False" }] };
    const after = { conditions: [scheduled, { type: "Ready", status: "True" }] };
    const patch = diffObject(before, after);
    expect(patch).toEqual({
      nested: { conditions: { array: true, nested: { 1: { set: { status: "True" } } } } },
    });
    const patched = applyPatch(before, patch ?? {});
    expect(patched).toStrictEqual(after);
    expect(Array.isArray(patched.conditions)).toBe(true);
    expect(patched.conditions[0]).toBe(scheduled);
    const longer = { conditions: [...after.conditions, { type: "Initialized", status: "True" }] };
    expect(diffObject(after, longer)).toEqual({ set: { conditions: longer.conditions } });
  });

  it("compare arrays item by item and tell arrays from objects", () => {
    expect(sameJson([{ a: 1 }, 2], [{ a: 1 }, 2])).toBe(true);
    expect(sameJson([{ a: 1 }], [{ a: 2 }])).toBe(false);
    expect(sameJson({ 0: "x" }, ["x"])).toBe(false);
  });
});
