import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../src";
import { ViewHistory } from "./history";

const obj = (name: string, v: number): KubeObject => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name, uid: name, resourceVersion: String(v) },
});

/** A random walk of states; every kept frame must rebuild to exactly the state recorded. */
describe("ViewHistory", () => {
  it("rebuilds every kept frame exactly as it was recorded, across trims", () => {
    const history = new ViewHistory({ maxFrames: 40, checkpointEvery: 7 });
    const recorded = new Map<number, Map<string, KubeObject>>();
    let state = new Map<string, KubeObject>();
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let i = 0; i < 200; i++) {
      state = new Map(state);
      const name = `p${Math.floor(random() * 10)}`;
      if (random() < 0.3) state.delete(name);
      else state.set(name, obj(name, i));
      history.record(state, 1000 + i, i);
      recorded.set(history.get().last, state);
    }
    const { first, last } = history.get();
    expect(last - first + 1).toBeLessThanOrEqual(40);
    expect(last - first + 1).toBeGreaterThan(20);
    for (let i = first; i <= last; i++) expect(history.objectsAt(i)).toEqual(recorded.get(i));
    expect(history.objectsAt(first - 1)).toBeUndefined();
  });

  it("finds the frame holding a trace's effects and the frame at a time", () => {
    const history = new ViewHistory();
    history.record(new Map([["a", obj("a", 1)]]), 100, 3);
    history.record(new Map([["a", obj("a", 2)]]), 200, 9);
    expect(history.frameForTrace(5)).toBe(1);
    expect(history.frameAtTime(150)).toBe(0);
    expect(history.frameAtTime(50)).toBeUndefined();
  });

  it("starts over when the clock goes backwards (a reset)", () => {
    const history = new ViewHistory();
    history.record(new Map([["a", obj("a", 1)]]), 500, 0);
    history.record(new Map(), 100, 0);
    const { first, last } = history.get();
    expect(last).toBe(first);
    expect(history.objectsAt(last)?.size).toBe(0);
  });
});
