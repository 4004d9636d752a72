import { describe, expect, it } from "vitest";
import { createCluster, type KubeObject, type WatchEvent } from "../../src";
import { ClusterMirror } from "../sim/mirror";
import { buildModel, ModelBuilder } from "./modelBuilder";
import { uidOf } from "./model";

function stateOf(objects: KubeObject[]): Map<string, KubeObject> {
  return new Map(objects.map((o) => [uidOf(o), o]));
}

function event(name: string): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Event",
    metadata: { name, namespace: "default", uid: `event-${name}` },
  } as KubeObject;
}

/** The model's content, without identities. */
function shape(model: ReturnType<typeof buildModel>) {
  return {
    pods: model.pods.map((p) => [p.name, p.group, p.status.reason]),
    workloads: model.workloads.map((w) => [w.name, w.ownerUid]),
    services: model.services.map((s) => s.name),
    edges: model.edges.map((e) => e.id).sort(),
    endpoints: [...model.endpoints].map(([k, v]) => [k, [...v].sort()]),
  };
}

const TIER = `apiVersion: v1
kind: Service
metadata: {name: tier}
spec: {selector: {tier: x}, ports: [{port: 80}]}
`;

describe("ModelBuilder", () => {
  const cluster = createCluster({ seed: 1, nodes: 2 });
  cluster.kubectl("create deployment web --image=nginx --replicas=3");
  cluster.kubectl("create service clusterip web --tcp=80:80");
  cluster.advance(30);
  const first = stateOf(cluster.snapshot());

  it("returns the very same model when only undrawn objects (events) change", () => {
    const builder = new ModelBuilder();
    const before = builder.update(first);
    const withEvent = new Map(first);
    withEvent.set("event-x", event("x"));
    expect(builder.update(withEvent)).toBe(before);
  });

  it("reuses the views of unchanged objects and replaces only the changed pod's", () => {
    const builder = new ModelBuilder();
    const before = builder.update(first);
    const pod = before.pods[0];
    const changed = new Map(first);
    changed.set(pod.uid, { ...pod.object, metadata: { ...pod.object.metadata, resourceVersion: "999" } });
    const after = builder.update(changed);
    expect(after).not.toBe(before);
    expect(after.byUid.get(pod.uid)).not.toBe(pod);
    for (const other of before.pods.slice(1)) expect(after.byUid.get(other.uid)).toBe(other);
    expect(after.workloads[0]).toBe(before.workloads[0]);
  });

  it("notices a pod deleted in the same batch as an event is added", () => {
    const builder = new ModelBuilder();
    const before = builder.update(first);
    const next = new Map(first);
    next.delete(before.pods[0].uid);
    next.set("event-y", event("y"));
    const after = builder.update(next);
    expect(after.pods).toHaveLength(before.pods.length - 1);
    expect(after.edges.some((e) => e.to === before.pods[0].uid)).toBe(false);
  });

  it("agrees with a build from scratch after labels and selectors change", () => {
    const builder = new ModelBuilder();
    builder.update(first);
    const pod = builder.update(first).pods[1];
    expect(cluster.kubectl(`label pod ${pod.name} app- tier=x`).stderr).toBe("");
    expect(cluster.kubectl("apply -f -", TIER).stderr).toBe("");
    cluster.advance(5);
    const later = stateOf(cluster.snapshot());
    expect(shape(builder.update(later))).toEqual(shape(buildModel(later.values())));
    const edgesTo = builder.update(later).edgesTo.get(pod.uid);
    expect([...(edgesTo?.values() ?? [])].map((e) => e.kind)).toEqual(["selector"]);
  });
});

/** Everything a model says, as sorted plain data (identities and list order of equal names aside). */
function content(model: ReturnType<typeof buildModel>) {
  const view = (v: { uid: string; name: string; ownerUid?: string; object: KubeObject }) =>
    `${v.uid} ${v.name} ${v.ownerUid ?? "-"} ${v.object.metadata.resourceVersion}`;
  return {
    nodes: model.nodes.map(view),
    workloads: model.workloads.map(view).sort(),
    pods: model.pods.map((p) => `${view(p)} ${p.group} ${p.status.reason}`),
    services: model.services.map(view),
    edges: model.edges.map((e) => `${e.id} ${e.controller}`).sort(),
    byUid: [...model.byUid.keys()].sort(),
    endpoints: [...model.endpoints].map(([k, v]) => `${k}: ${[...v].sort()}`).sort(),
    edgesFrom: [...model.edgesFrom].map(([k, v]) => `${k}: ${[...v.keys()].sort()}`).sort(),
    edgesTo: [...model.edgesTo].map(([k, v]) => `${k}: ${[...v.keys()].sort()}`).sort(),
  };
}

describe("ModelBuilder fed the mirror's changes", () => {
  const COMMANDS = [
    (n: number) => `create deployment d${n % 3} --image=nginx --replicas=${1 + (n % 4)}`,
    (n: number) => `scale deployment d${n % 3} --replicas=${n % 6}`,
    (n: number) => `set image deployment/d${n % 3} nginx=nginx:1.${20 + (n % 7)}`,
    (n: number) => `delete deployment d${n % 3}`,
    (n: number) => `create service clusterip d${n % 3} --tcp=80:80`,
    (n: number) => `delete service d${n % 3}`,
    (n: number) => `label pods -l app=d${n % 3} app=moved --overwrite`,
    (n: number) => `label pods -l app=moved app=d${n % 3} --overwrite`,
    (n: number) => `run p${n % 4} --image=nginx --labels=app=d${n % 3}`,
    (n: number) => `delete pod p${n % 4}`,
    (n: number) => `cordon node-${1 + (n % 2)}`,
  ];

  it("re-resolves dependents when only their owner comes or goes", () => {
    const owner: KubeObject = {
      apiVersion: "apps/v1",
      kind: "ReplicaSet",
      metadata: { name: "rs", namespace: "default", uid: "rs-1", resourceVersion: "1" },
      spec: { selector: { matchLabels: { app: "x" } } },
    };
    const pod: KubeObject = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: {
        name: "rs-a",
        namespace: "default",
        uid: "pod-1",
        resourceVersion: "2",
        labels: { app: "x" },
        ownerReferences: [
          { apiVersion: "apps/v1", uid: "rs-1", controller: true, kind: "ReplicaSet", name: "rs" },
        ],
      },
    };
    const mirror = new ClusterMirror();
    const builder = new ModelBuilder();
    const feed = (events: WatchEvent[]) => {
      const seen = mirror.get().version;
      mirror.apply([{ events, traces: [], inputs: [], clock: { now: 0, playing: false, speed: 1 } }]);
      return builder.update(mirror.get().objects, mirror.changesSince(seen));
    };
    builder.update(mirror.get().objects);
    feed([{ type: "ADDED", object: pod, resourceVersion: 2 }]);
    const withOwner = feed([{ type: "ADDED", object: owner, resourceVersion: 3 }]);
    expect(withOwner.pods[0].group).toBe("rs-1");
    expect(content(withOwner)).toEqual(content(buildModel([owner, pod])));
    const orphaned = feed([{ type: "DELETED", object: owner, resourceVersion: 4 }]);
    expect(orphaned.pods[0].group).toBe("");
    expect(content(orphaned)).toEqual(content(buildModel([pod])));
  });

  for (const seed of [1, 2, 3, 4]) {
    it(`agrees with a build from scratch after every batch (seed ${seed})`, () => {
      const cluster = createCluster({ seed, nodes: 2 });
      const mirror = new ClusterMirror();
      mirror.reset(cluster.snapshot(), [], cluster.resourceVersion());
      let events: WatchEvent[] = [];
      cluster.watch(cluster.resourceVersion(), (e) => events.push(e));
      const builder = new ModelBuilder();
      let seen = -1;
      let random = seed * 7919;
      const next = () => (random = (random * 48271) % 2147483647);
      for (let step = 0; step < 60; step++) {
        const command = COMMANDS[next() % COMMANDS.length](next());
        cluster.kubectl(command);
        cluster.advance((next() % 8) + 1);
        mirror.apply([{ events, traces: [], inputs: [], clock: { now: 0, playing: false, speed: 1 } }]);
        events = [];
        // Now and then the view misses an update and takes two at once.
        if (next() % 4 === 0) continue;
        const delta = seen < 0 ? undefined : mirror.changesSince(seen);
        seen = mirror.get().version;
        const model = builder.update(mirror.get().objects, delta);
        expect(content(model), `after ${command}`).toEqual(content(buildModel(cluster.snapshot())));
      }
    });
  }
});
