import { describe, expect, it } from "vitest";
import { createCluster } from "../../cluster";
import { SeededRandom } from "../../util/random";
import { NodeUsageCache } from "./resources";
import { NodeSnapshot } from "./snapshot";

describe("the scheduler's node snapshot", () => {
  it("lists every node's score on a small cluster, and the five best of a larger one", () => {
    const small = createCluster({ seed: 2, nodes: 3 });
    const snapshot = new NodeSnapshot(new NodeUsageCache());
    expect(snapshot.describe(snapshot.of(small.store.list("Node")), [280, 300, 290])).toBe(
      "node-1 280, node-2 300, node-3 290",
    );

    const c = createCluster({ seed: 2, nodes: 23 });
    const random = new SeededRandom(5);
    // The best five, best first, ties in node order (a stable sort), then how many are left out.
    const naive = (names: string[], scores: number[]) =>
      `${names
        .map((n, i) => ({ n, score: scores[i] }))
        .sort((a, b) => b.score - a.score)
        .slice(0, 5)
        .map(({ n, score }) => `${n} ${score}`)
        .join(", ")}, and ${names.length - 5} more`;
    let scores = Array.from({ length: 23 }, () => 300);
    for (let round = 0; round < 200; round++) {
      const all = snapshot.of(c.store.list("Node"));
      const names = all.map((e) => e.facts.name);
      scores = scores.map((s, i) => (i === random.int(23) || round % 17 === 0 ? 250 + random.int(100) : s));
      expect(snapshot.describe(all, scores)).toBe(naive(names, scores));
      if (round === 100) c.kubectl("label nodes node-7 disk=ssd");
    }
  });

  it("is rebuilt when a node changes, and keeps its entries otherwise", () => {
    const c = createCluster({ seed: 2, nodes: 3 });
    const snapshot = new NodeSnapshot(new NodeUsageCache());
    const first = snapshot.of(c.store.list("Node"));
    expect(snapshot.of(c.store.list("Node"))).toBe(first);
    c.kubectl("cordon node-2");
    const after = snapshot.of(c.store.list("Node"));
    expect(after).not.toBe(first);
    expect(after.map((e) => e.facts.unschedulable)).toEqual([false, true, false]);
  });
});
