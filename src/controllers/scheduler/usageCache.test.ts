import { describe, expect, it } from "vitest";
import { createCluster } from "../../cluster";
import { NodeUsageCache, usageByNode } from "./resources";

const PODS = `apiVersion: v1
kind: Pod
metadata: {name: a}
spec:
  containers:
  - {name: c, image: nginx:1.27.4, resources: {requests: {cpu: 250m, memory: 100Mi}}}
---
apiVersion: v1
kind: Pod
metadata: {name: b}
spec:
  restartPolicy: Never
  containers:
  - {name: c, image: busybox:1.36, command: [sh, -c, "echo done"], resources: {requests: {cpu: "1"}}}
`;

describe("the scheduler's node usage cache", () => {
  it("always equals summing the requests of every bound, unfinished pod the store holds", () => {
    const c = createCluster({ seed: 3, nodes: 3 });
    const cache = new NodeUsageCache();
    c.watch(0, (e) => {
      if (e.object.kind === "Pod") cache.observe(e.type, e.object);
    });
    const check = () => {
      const scanned = usageByNode(c.store.list("Pod"));
      for (const node of ["node-1", "node-2", "node-3"]) {
        const want = scanned.get(node) ?? { pods: 0, requested: {}, nonZeroRequested: {} };
        const got = cache.usageOf(node);
        expect(got.pods).toBe(want.pods);
        for (const name of ["cpu", "memory"]) {
          expect(got.requested[name] ?? 0).toBe(want.requested[name] ?? 0);
          expect(got.nonZeroRequested[name] ?? 0).toBe(want.nonZeroRequested[name] ?? 0);
        }
      }
    };
    c.kubectl("create deployment web --image=nginx:1.27.4 --replicas=5");
    c.kubectl("apply -f -", PODS);
    check();
    c.advance(30);
    check();
    c.kubectl("scale deployment web --replicas=2");
    c.kubectl("delete pod a --wait=false");
    check();
    c.advance(60);
    check();
    expect(cache.usageOf("node-1").pods + cache.usageOf("node-2").pods + cache.usageOf("node-3").pods).toBe(
      2,
    );
  });
});
