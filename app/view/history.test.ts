import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../src";
import { ClusterMirror } from "../sim/mirror";
import type { Batch } from "../sim/protocol";
import { ViewHistory } from "./history";

const pod = (name: string, v: number): KubeObject => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name, uid: name, resourceVersion: String(v) },
});

const batch = (events: Batch["events"]): Batch => ({
  events,
  traces: [],
  inputs: [],
  clock: { now: 0, playing: false, speed: 1 },
});

/** A mirror fed by hand and a history recording it, as the page does. */
function recorder(options?: ConstructorParameters<typeof ViewHistory>[0]) {
  const mirror = new ClusterMirror();
  const history = new ViewHistory(options);
  let seen = 0;
  const record = (time: number) => {
    const state = mirror.get();
    history.record(state.objects, mirror.changesSince(seen), time, state.resourceVersion);
    seen = state.version;
  };
  return { mirror, history, record };
}

describe("ViewHistory", () => {
  it("rebuilds every kept frame exactly as it was recorded, across trims", () => {
    const { mirror, history, record } = recorder({ maxFrames: 40, checkpointEvery: 7 });
    const recorded = new Map<number, Map<string, KubeObject>>();
    const live = new Set<string>();
    let seed = 7;
    let rv = 0;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let i = 0; i < 200; i++) {
      const events: Batch["events"] = [];
      for (let n = Math.floor(random() * 3); n >= 0; n--) {
        const name = `p${Math.floor(random() * 10)}`;
        if (live.has(name) && random() < 0.3) {
          live.delete(name);
          events.push({ type: "DELETED", object: pod(name, rv), resourceVersion: ++rv });
        } else {
          events.push({
            type: live.has(name) ? "MODIFIED" : "ADDED",
            object: pod(name, rv),
            resourceVersion: ++rv,
          });
          live.add(name);
        }
      }
      mirror.apply([batch(events)]);
      // Sometimes the recorder misses an update and catches up with the next.
      if (random() < 0.2) continue;
      record(1000 + i);
      recorded.set(history.get().last, new Map(mirror.get().objects));
    }
    const { first, last } = history.get();
    expect(last - first + 1).toBeLessThanOrEqual(40);
    expect(last - first + 1).toBeGreaterThan(20);
    for (let i = first; i <= last; i++) expect(history.objectsAt(i)).toEqual(recorded.get(i));
    expect(history.objectsAt(first - 1)).toBeUndefined();
  });

  it("rebuilds the state at any resourceVersion inside a frame (one decision at a time)", () => {
    const { mirror, history, record } = recorder();
    mirror.apply([batch([{ type: "ADDED", object: pod("a", 1), resourceVersion: 1 }])]);
    record(100);
    mirror.apply([
      batch([
        { type: "ADDED", object: pod("b", 2), resourceVersion: 2 },
        { type: "MODIFIED", object: pod("a", 3), resourceVersion: 3 },
        { type: "DELETED", object: pod("b", 4), resourceVersion: 4 },
      ]),
    ]);
    record(200);
    const frame = history.frameForVersion(3) ?? -1;
    expect(frame).toBe(1);
    expect(history.frameForVersion(1)).toBe(0);
    const versions = (upTo: number) =>
      [...(history.objectsAt(frame, upTo)?.values() ?? [])].map((o) => o.metadata.resourceVersion);
    expect(versions(2)).toEqual(["1", "2"]);
    expect(versions(3)).toEqual(["3", "2"]);
    expect(versions(4)).toEqual(["3"]);
  });

  it("finds the frame at a time", () => {
    const { mirror, history, record } = recorder();
    mirror.apply([batch([{ type: "ADDED", object: pod("a", 1), resourceVersion: 1 }])]);
    record(100);
    mirror.apply([batch([{ type: "MODIFIED", object: pod("a", 2), resourceVersion: 2 }])]);
    record(200);
    expect(history.frameAtTime(150)).toBe(0);
    expect(history.frameAtTime(50)).toBeUndefined();
  });

  it("starts over when the clock goes backwards (a reset)", () => {
    const { mirror, history, record } = recorder();
    mirror.apply([batch([{ type: "ADDED", object: pod("a", 1), resourceVersion: 1 }])]);
    record(500);
    mirror.reset([], [], 0);
    record(100);
    const { first, last } = history.get();
    expect(last).toBe(first);
    expect(history.objectsAt(last)?.size).toBe(0);
  });
});
