import { describe, expect, it } from "vitest";
import { createCluster } from "../cluster";

// The wall-time goal (1,000 pods Running+Ready in ≤ 300 ms) depends on the API server's
// write cost; what the kubelet controls is how many writes and timers it needs, tested here.
describe("kubelet performance", () => {
  it("brings 1,000 nginx pods on 100 nodes to Ready with three status writes each and no work afterwards", () => {
    const c = createCluster({ seed: 7, nodes: 100 });
    for (let i = 0; i < 1000; i++) {
      c.api.create({
        apiVersion: "v1",
        kind: "Pod",
        metadata: { name: `web-${i}`, namespace: "default" },
        spec: { nodeName: `node-${(i % 100) + 1}`, containers: [{ name: "nginx", image: "nginx:1.27.4" }] },
      });
    }
    let podWrites = 0;
    const stop = c.watch(c.resourceVersion(), (e) => {
      if (e.object.kind === "Pod" && e.type === "MODIFIED") podWrites++;
    });
    c.advance(60);
    const pods = c.store.list("Pod", "default");
    const ready = pods.filter((p) =>
      p.status?.conditions?.some(
        (x: { type: string; status: string }) => x.type === "Ready" && x.status === "True",
      ),
    );
    expect(ready.length).toBe(1000);
    expect(podWrites).toBeLessThanOrEqual(3000);
    const before = podWrites;
    c.advance(600);
    expect(podWrites).toBe(before);
    stop();
  }, 120_000);
});
