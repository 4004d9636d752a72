import { describe, expect, it } from "vitest";
import { createCluster, type KubeObject } from "../../src";
import { type Layout, Layouter, layoutModel, PENDING_LANE } from "./layout";
import { uidOf } from "./model";
import { ModelBuilder } from "./modelBuilder";

function stateOf(objects: KubeObject[]): Map<string, KubeObject> {
  return new Map(objects.map((o) => [uidOf(o), o]));
}

const cellsIn = (layout: Layout, lane: string) => layout.cells.filter((c) => c.lane === lane);

describe("Layouter", () => {
  it("keeps the cells of lanes whose pods did not change, and lays out as from scratch", () => {
    const cluster = createCluster({ seed: 1, nodes: 3 });
    cluster.kubectl("create deployment web --image=nginx --replicas=6");
    cluster.advance(30);
    const first = stateOf(cluster.snapshot());
    const builder = new ModelBuilder();
    const layouter = new Layouter();
    const before = layouter.layout(builder.update(first));
    const last = before.lanes[before.lanes.length - 1].id;
    const pod = before.cells.find((c) => c.type === "pod" && c.lane === last);
    if (pod?.type !== "pod") throw new Error("no pod in the last lane");
    // One pod of the last lane changes (a new version of it); the other lanes' pods do not.
    const changed = new Map(first);
    const object = pod.pod.object;
    changed.set(pod.id, { ...object, metadata: { ...object.metadata, resourceVersion: "999" } });
    const model = builder.update(changed);
    const after = layouter.layout(model);
    expect(after).toEqual(layoutModel(model));
    expect(cellsIn(after, last).find((c) => c.id === pod.id)).not.toBe(pod);
    for (const lane of before.lanes.slice(0, -1)) {
      if (lane.id !== PENDING_LANE) expect(cellsIn(before, lane.id).length).toBeGreaterThan(0);
      const kept = cellsIn(after, lane.id);
      expect(kept).toEqual(cellsIn(before, lane.id));
      kept.forEach((cell, i) => expect(cell).toBe(cellsIn(before, lane.id)[i]));
    }
    expect(after.collapsible).toBe(before.collapsible);
    expect(after.collapsed).toBe(before.collapsed);
  });

  it("agrees with a layout from scratch through a rollout, with groups expanded and collapsed", () => {
    const cluster = createCluster({ seed: 3, nodes: 3 });
    cluster.kubectl("create deployment big --image=nginx --replicas=30");
    cluster.kubectl("create deployment small --image=nginx --replicas=3");
    cluster.advance(30);
    cluster.kubectl("set image deployment/big nginx=nginx:1.25");
    const builder = new ModelBuilder();
    const layouter = new Layouter();
    let expanded: ReadonlySet<string> = new Set();
    let summaries = 0;
    for (let step = 0; step < 40; step++) {
      cluster.advance(1);
      const model = builder.update(stateOf(cluster.snapshot()));
      if (step % 7 === 3) {
        // The learner expands the first collapsed group, then collapses everything again.
        const layout = layouter.layout(model, expanded);
        expanded = expanded.size ? new Set() : new Set([...layout.collapsed].slice(0, 1));
      }
      const layout = layouter.layout(model, expanded);
      summaries += layout.cells.filter((c) => c.type === "summary").length;
      expect(layout).toEqual(layoutModel(model, expanded));
    }
    expect(summaries).toBeGreaterThan(0);
  });
});
