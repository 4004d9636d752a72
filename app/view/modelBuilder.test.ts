import { describe, expect, it } from "vitest";
import { createCluster, type KubeObject } from "../../src";
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
    expect(
      builder
        .update(later)
        .edgesTo.get(pod.uid)
        ?.map((e) => e.kind),
    ).toEqual(["selector"]);
  });
});
