import { describe, expect, it } from "vitest";
import { createCluster, type KubeObject } from "../../src";
import { ClusterMirror } from "./mirror";
import type { Batch } from "./protocol";
import { decodeEvent, mirrored, uidOf, type WireEvent, WireEncoder } from "./wireEvents";

const batch = (events: WireEvent[]): Batch => ({
  events,
  traces: [],
  inputs: [],
  clock: { now: 0, playing: false, speed: 1 },
});

/** A JSON round trip: what the worker's object looks like once posted (structured clone keeps as much). */
const posted = <T>(value: T): T => JSON.parse(JSON.stringify(value));

describe("watch events on the wire", () => {
  it("rebuild every object of a rollout exactly, while carrying much less than whole objects", () => {
    const cluster = createCluster({ seed: 3, nodes: 2 });
    const mirror = new ClusterMirror();
    mirror.reset(posted(cluster.snapshot().filter(mirrored)), [], cluster.resourceVersion());
    const encoder = new WireEncoder();
    let wire: WireEvent[] = [];
    let wholeChars = 0;
    let wireChars = 0;
    cluster.watch(cluster.resourceVersion(), (event) => {
      const sent = encoder.encode(event);
      if (!sent) return;
      const encoded = posted(sent);
      wholeChars += JSON.stringify(event).length;
      wireChars += JSON.stringify(encoded).length;
      wire.push(encoded);
    });
    const steps = [
      "create deployment web --image=nginx --replicas=6",
      "set image deployment/web nginx=nginx:1.25",
      "scale deployment web --replicas=2",
      "label pod --all tier=front",
      "delete deployment web",
    ];
    for (const line of steps) {
      cluster.kubectl(line);
      for (let i = 0; i < 6; i++) {
        cluster.advance(5);
        expect(mirror.apply([batch(wire)])).toBe(true);
        wire = [];
        const expected = new Map(
          cluster
            .snapshot()
            .filter(mirrored)
            .map((o) => [uidOf(o), posted(o)]),
        );
        expect(new Map(mirror.get().objects), `after ${line}`).toEqual(expected);
      }
    }
    expect(wireChars).toBeLessThan(wholeChars * 0.6);
  });

  it("sends an object whole the first time, then as a patch, and a deletion as its uid", () => {
    const encoder = new WireEncoder();
    const pod = (rv: string, phase: string): KubeObject => ({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "web", uid: "u1", resourceVersion: rv },
      status: { phase },
    });
    expect(
      encoder.encode({ type: "MODIFIED", object: pod("1", "Pending"), resourceVersion: 1 }),
    ).toHaveProperty("object");
    expect(encoder.encode({ type: "MODIFIED", object: pod("2", "Running"), resourceVersion: 2 })).toEqual({
      type: "MODIFIED",
      uid: "u1",
      resourceVersion: 2,
      from: "1",
      patch: {
        nested: { metadata: { set: { resourceVersion: "2" } }, status: { set: { phase: "Running" } } },
      },
    });
    expect(encoder.encode({ type: "DELETED", object: pod("3", "Running"), resourceVersion: 3 })).toEqual({
      type: "DELETED",
      uid: "u1",
      resourceVersion: 3,
    });
  });

  it("keeps Events in the worker: neither their creation, their updates nor their deletion cross", () => {
    const encoder = new WireEncoder();
    const event = (rv: string, count: number): KubeObject => ({
      apiVersion: "v1",
      kind: "Event",
      metadata: { name: "web.1", namespace: "default", uid: "e1", resourceVersion: rv },
      reason: "BackOff",
      count,
    });
    expect(encoder.encode({ type: "ADDED", object: event("1", 1), resourceVersion: 1 })).toBeUndefined();
    expect(encoder.encode({ type: "MODIFIED", object: event("2", 2), resourceVersion: 2 })).toBeUndefined();
    expect(encoder.encode({ type: "DELETED", object: event("2", 2), resourceVersion: 3 })).toBeUndefined();
  });

  it("refuses a patch made against a version the UI does not hold", () => {
    const held = new Map<string, KubeObject>([
      ["u1", { apiVersion: "v1", kind: "Pod", metadata: { name: "web", uid: "u1", resourceVersion: "5" } }],
    ]);
    const patch: WireEvent = { type: "MODIFIED", uid: "u1", resourceVersion: 9, from: "7", patch: {} };
    expect(() => decodeEvent(patch, held)).toThrow(/expects version 7/);
  });
});
