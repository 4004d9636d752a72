import { describe, expect, it } from "vitest";
import { createCluster } from "../../cluster";
import { SeededRandom } from "../../util/random";
import { NodeUsageCache } from "./resources";
import { NodeSnapshot } from "./snapshot";

describe("the scheduler's node snapshot", () => {
  it("describes scores exactly as joining every node's text, while reusing unchanged stretches", () => {
    const c = createCluster({ seed: 2, nodes: 23 });
    const snapshot = new NodeSnapshot(new NodeUsageCache());
    const random = new SeededRandom(5);
    const naive = (names: string[], scores: number[]) => names.map((n, i) => `${n} ${scores[i]}`).join(", ");
    let scores = Array.from({ length: 23 }, () => 300);
    for (let round = 0; round < 200; round++) {
      const all = snapshot.of(c.store.list("Node"));
      const names = all.map((e) => e.facts.name);
      // One node's score moves per binding; now and then many do, or only some nodes fit.
      scores = scores.map((s, i) => (i === random.int(23) || round % 17 === 0 ? 250 + random.int(100) : s));
      expect(snapshot.describe(all, scores)).toBe(naive(names, scores));
      if (round % 5 === 0) {
        const some = all.filter((_, i) => i % 3 !== 0);
        const someScores = scores.filter((_, i) => i % 3 !== 0).map((s) => s + 1);
        expect(snapshot.describe(some, someScores)).toBe(
          naive(
            some.map((e) => e.facts.name),
            someScores,
          ),
        );
      }
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
