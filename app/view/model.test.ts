import { describe, expect, it } from "vitest";
import { createCluster, type KubeObject } from "../../src";
import { highlightFor } from "./highlight";
import { COLLAPSE_AT, layoutModel, PENDING_LANE } from "./layout";
import { buildModel } from "./modelBuilder";
import { podStatusView } from "./podState";

function clusterWith(lines: string[], seconds = 30) {
  const cluster = createCluster({ seed: 1, nodes: 3 });
  for (const line of lines) expect(cluster.kubectl(line).stderr).toBe("");
  cluster.advance(seconds);
  return cluster;
}

const SERVICE = `apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {app: web}, ports: [{port: 80}]}
`;

const OTHER = `apiVersion: v1
kind: Pod
metadata: {name: other, labels: {app: other}}
spec: {containers: [{name: c, image: nginx}]}
`;

describe("buildModel", () => {
  it("draws a Deployment, its ReplicaSet and its three pods with owner and selector edges", () => {
    const model = buildModel(clusterWith(["create deployment web --image=nginx --replicas=3"]).snapshot());
    expect(model.workloads.map((w) => w.kind)).toEqual(["Deployment", "ReplicaSet"]);
    expect(model.pods).toHaveLength(3);
    expect(model.pods.every((p) => p.status.phase === "Running" && p.status.look === "ready")).toBe(true);
    const owner = model.edges.filter((e) => e.kind === "owner");
    expect(owner).toHaveLength(4);
    expect(owner.every((e) => e.controller)).toBe(true);
    // The ReplicaSet and the Deployment both select the three pods.
    expect(model.edges.filter((e) => e.kind === "selector")).toHaveLength(6);
  });

  it("leaves out system namespaces and the kubernetes Service", () => {
    const model = buildModel(clusterWith([]).snapshot());
    expect(model.services).toEqual([]);
    expect(model.nodes.map((n) => n.name)).toEqual(["node-1", "node-2", "node-3"]);
  });

  it("a pod whose label is removed loses its selector edges and its owner, and a replacement appears", () => {
    const cluster = clusterWith(["create deployment web --image=nginx --replicas=3"]);
    const pod = buildModel(cluster.snapshot()).pods[0];
    cluster.kubectl(`label pod ${pod.name} app-`);
    cluster.advance(5);
    const model = buildModel(cluster.snapshot());
    expect(model.pods).toHaveLength(4);
    expect(model.edges.some((e) => e.to === pod.uid)).toBe(false);
  });
});

describe("layoutModel", () => {
  it("puts scheduled pods in their node's lane and unscheduled ones in the Pending lane", () => {
    const cluster = createCluster({ seed: 1, nodes: 2 });
    cluster.kubectl("create deployment web --image=nginx --replicas=2");
    cluster.advance(0.001);
    const early = layoutModel(buildModel(cluster.snapshot()));
    cluster.advance(30);
    const late = layoutModel(buildModel(cluster.snapshot()));
    const lanesOf = (layout: ReturnType<typeof layoutModel>) =>
      layout.cells.map((c) => (c.type === "pod" ? c.lane : "")).sort();
    expect(late.lanes.map((l) => l.id)).toEqual([PENDING_LANE, "lane:node-1", "lane:node-2"]);
    expect(lanesOf(late)).toEqual(["lane:node-1", "lane:node-2"]);
    expect(lanesOf(early).every((lane) => lane === PENDING_LANE || lane.startsWith("lane:node"))).toBe(true);
  });

  it("collapses a large ReplicaSet into one summary per lane that expands on demand", () => {
    const model = buildModel(
      clusterWith([`create deployment big --image=nginx --replicas=${COLLAPSE_AT + 6}`]).snapshot(),
    );
    const collapsed = layoutModel(model);
    const summaries = collapsed.cells.filter((c) => c.type === "summary");
    expect(summaries).toHaveLength(3);
    expect(summaries.reduce((n, c) => n + (c.type === "summary" ? c.total : 0), 0)).toBe(COLLAPSE_AT + 6);
    expect(collapsed.edges.filter((e) => e.edge.kind === "owner")).toHaveLength(1 + 3);
    const rs = model.workloads.find((w) => w.kind === "ReplicaSet");
    const expanded = layoutModel(model, new Set([rs?.uid ?? ""]));
    expect(expanded.cells.filter((c) => c.type === "pod")).toHaveLength(COLLAPSE_AT + 6);
  });

  it("keeps every box inside the drawing", () => {
    const layout = layoutModel(
      buildModel(clusterWith(["create deployment web --image=nginx --replicas=7"]).snapshot()),
    );
    for (const box of layout.boxes.values()) {
      expect(box.x + box.w).toBeLessThanOrEqual(layout.width);
      expect(box.y + box.h).toBeLessThanOrEqual(layout.height);
    }
  });
});

describe("highlightFor", () => {
  it("hovering a Service lights exactly its ready endpoints", () => {
    const cluster = clusterWith(["create deployment web --image=nginx --replicas=3"]);
    cluster.kubectl("apply -f -", SERVICE);
    cluster.kubectl("apply -f -", OTHER);
    cluster.advance(5);
    const model = buildModel(cluster.snapshot());
    const layout = layoutModel(model);
    const service = model.services[0];
    const lit = highlightFor(model, layout, { type: "object", uid: service.uid });
    const web = model.pods.filter((p) => p.labels.app === "web").map((p) => p.uid);
    expect([...lit.objects].sort()).toEqual(web.sort());
    expect(lit.edges.size).toBe(3);
    expect([...(lit.marked.get(web[0]) ?? [])]).toEqual(["app"]);
  });

  it("selecting a pod lights its owner chain and the selectors that match it", () => {
    const model = buildModel(clusterWith(["create deployment web --image=nginx --replicas=1"]).snapshot());
    const layout = layoutModel(model);
    const pod = model.pods[0];
    const lit = highlightFor(model, layout, { type: "object", uid: pod.uid });
    expect([...lit.objects].map((uid) => model.byUid.get(uid)?.kind).sort()).toEqual([
      "Deployment",
      "ReplicaSet",
    ]);
  });

  it("hovering a label lights the selectors that use its key", () => {
    const model = buildModel(clusterWith(["create deployment web --image=nginx --replicas=1"]).snapshot());
    const pod = model.pods[0];
    const lit = highlightFor(model, layoutModel(model), {
      type: "label",
      uid: pod.uid,
      key: "app",
      value: "web",
    });
    expect([...lit.objects].map((uid) => model.byUid.get(uid)?.kind).sort()).toEqual([
      "Deployment",
      "ReplicaSet",
    ]);
  });
});

describe("podStatusView", () => {
  const pod = (status: object, extra: object = {}): KubeObject => ({
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "p", ...extra },
    spec: { nodeName: "node-1", containers: [{ name: "c", image: "x" }] },
    status,
  });

  it("reads kubectl's reasons: CrashLoopBackOff, ImagePullBackOff, ContainerCreating, Terminating", () => {
    const waiting = (reason: string) =>
      pod({
        phase: reason === "ContainerCreating" ? "Pending" : "Running",
        containerStatuses: [{ restartCount: 4, state: { waiting: { reason } } }],
      });
    expect(podStatusView(waiting("CrashLoopBackOff"))).toMatchObject({
      look: "crashloop",
      restarts: 4,
      ready: "0/1",
    });
    expect(podStatusView(waiting("ImagePullBackOff")).look).toBe("imagepull");
    expect(podStatusView(pod({ phase: "Pending" })).reason).toBe("ContainerCreating");
    expect(podStatusView(pod({ phase: "Running" }, { deletionTimestamp: "2026-01-01T00:00:00Z" })).look).toBe(
      "terminating",
    );
    expect(podStatusView(pod({ phase: "Succeeded" })).reason).toBe("Completed");
  });
});
