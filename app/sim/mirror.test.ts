import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../src";
import { ClusterMirror } from "./mirror";
import type { Batch } from "./protocol";
import type { WireEvent } from "./wireEvents";

const pod = (name: string, phase = "Pending"): KubeObject => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name, namespace: "default", uid: `uid-${name}` },
  status: { phase },
});

const batch = (events: WireEvent[]): Batch => ({
  events,
  traces: [],
  inputs: [],
  clock: { now: 0, playing: false, speed: 1 },
});

describe("ClusterMirror", () => {
  it("adds, modifies and deletes objects by uid from watch events", () => {
    const mirror = new ClusterMirror();
    mirror.apply([
      batch([
        { type: "ADDED", object: pod("a"), resourceVersion: 1 },
        { type: "ADDED", object: pod("b"), resourceVersion: 2 },
        { type: "MODIFIED", object: pod("a", "Running"), resourceVersion: 3 },
        { type: "DELETED", object: pod("b"), resourceVersion: 4 },
      ]),
    ]);
    const { objects, resourceVersion } = mirror.get();
    expect([...objects.values()].map((o) => [o.metadata.name, o.status.phase])).toEqual([["a", "Running"]]);
    expect(resourceVersion).toBe(4);
  });

  it("notifies subscribers once for many batches applied together", () => {
    const mirror = new ClusterMirror();
    let calls = 0;
    mirror.subscribe(() => calls++);
    const events = Array.from({ length: 1000 }, (_, i) => ({
      type: "ADDED" as const,
      object: pod(`p${i}`),
      resourceVersion: i + 1,
    }));
    mirror.apply([batch(events.slice(0, 500)), batch(events.slice(500))]);
    expect(calls).toBe(1);
    expect(mirror.get().objects.size).toBe(1000);
  });

  it("skips events a snapshot already contains", () => {
    const mirror = new ClusterMirror();
    mirror.reset([pod("a", "Running")], [], 5);
    mirror.apply([batch([{ type: "MODIFIED", object: pod("a", "Pending"), resourceVersion: 5 }])]);
    expect(mirror.get().objects.get("uid-a")?.status.phase).toBe("Running");
  });

  it("hands React a new state per update, carrying that update's changes by uid", () => {
    const mirror = new ClusterMirror();
    const before = mirror.get();
    mirror.apply([
      batch([
        { type: "ADDED", object: pod("a"), resourceVersion: 1 },
        { type: "ADDED", object: pod("b"), resourceVersion: 2 },
      ]),
    ]);
    mirror.apply([batch([{ type: "DELETED", object: pod("a"), resourceVersion: 3 }])]);
    const after = mirror.get();
    expect(after).not.toBe(before);
    expect(after.version).toBe(before.version + 2);
    expect(after.delta).toEqual({
      reset: false,
      changes: [{ type: "DELETED", uid: "uid-a", object: null, resourceVersion: 3 }],
    });
  });

  it("merges the changes a reader missed, in order, and says reset when a snapshot came between", () => {
    const mirror = new ClusterMirror();
    mirror.apply([batch([{ type: "ADDED", object: pod("a"), resourceVersion: 1 }])]);
    const seen = mirror.get().version;
    mirror.apply([batch([{ type: "MODIFIED", object: pod("a", "Running"), resourceVersion: 2 }])]);
    mirror.apply([batch([{ type: "ADDED", object: pod("b"), resourceVersion: 3 }])]);
    const missed = mirror.changesSince(seen);
    expect(missed.reset).toBe(false);
    expect(missed.changes.map((c) => `${c.type} ${c.uid} ${c.resourceVersion}`)).toEqual([
      "MODIFIED uid-a 2",
      "ADDED uid-b 3",
    ]);
    expect(mirror.changesSince(mirror.get().version).changes).toEqual([]);
    mirror.reset([pod("c")], [], 10);
    expect(mirror.changesSince(seen).reset).toBe(true);
  });

  it("says reset to a reader too far behind, rather than an incomplete list", () => {
    const mirror = new ClusterMirror();
    for (let i = 1; i <= 300; i++)
      mirror.apply([batch([{ type: "ADDED", object: pod(`p${i}`), resourceVersion: i }])]);
    expect(mirror.changesSince(1).reset).toBe(true);
    expect(mirror.changesSince(290).changes).toHaveLength(10);
  });
});

describe("ClusterMirror out of step with the worker", () => {
  it("applies what it can and reports a patch it cannot decode, so the caller resyncs", () => {
    const mirror = new ClusterMirror();
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (error: unknown) => errors.push(error);
    try {
      const inStep = mirror.apply([
        batch([
          { type: "ADDED", object: pod("a"), resourceVersion: 1 },
          { type: "MODIFIED", uid: "uid-missing", resourceVersion: 2, from: "1", patch: {} },
          { type: "ADDED", object: pod("b"), resourceVersion: 3 },
        ]),
      ]);
      expect(inStep).toBe(false);
    } finally {
      console.error = original;
    }
    expect([...mirror.get().objects.keys()]).toEqual(["uid-a"]);
    expect(mirror.get().resourceVersion).toBe(1);
    expect(errors).toHaveLength(1);
  });
});
