import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { WatchEvent } from "../api/types";
import { type Cluster, createCluster } from "../cluster";

/** One random learner action, resolved against the cluster when it runs. */
type Op =
  | { op: "create"; name: number; owners: number[]; controller: boolean; labels: string }
  | { op: "label"; name: number; value: string }
  | { op: "delete"; name: number; cascade: "background" | "foreground" | "orphan" }
  | { op: "advance"; seconds: number };

const NAMES = 6;
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant("create" as const),
    name: fc.nat(NAMES - 1),
    owners: fc.uniqueArray(fc.nat(NAMES - 1), { maxLength: 2 }),
    controller: fc.boolean(),
    labels: fc.constantFrom("a", "b"),
  }),
  fc.record({
    op: fc.constant("label" as const),
    name: fc.nat(NAMES - 1),
    value: fc.constantFrom("x", "y", "-"),
  }),
  fc.record({
    op: fc.constant("delete" as const),
    name: fc.nat(NAMES - 1),
    cascade: fc.constantFrom("background" as const, "foreground" as const, "orphan" as const),
  }),
  fc.record({ op: fc.constant("advance" as const), seconds: fc.integer({ min: 0, max: 30 }) }),
);

function run(cluster: Cluster, op: Op): string {
  const name = `cm-${"name" in op ? op.name : 0}`;
  switch (op.op) {
    case "create": {
      const owners = op.owners
        .map((n) => cluster.store.get("ConfigMap", "default", `cm-${n}`))
        .filter((o) => o !== undefined)
        .map(
          (o, i) =>
            `  - {apiVersion: v1, kind: ConfigMap, name: ${o.metadata.name}, uid: ${o.metadata.uid}, controller: ${op.controller && i === 0}}`,
        );
      const refs = owners.length ? `  ownerReferences:\n${owners.join("\n")}\n` : "";
      const yaml = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  labels: {group: ${op.labels}}\n${refs}data: {k: v}\n`;
      return JSON.stringify(cluster.kubectl("apply -f -", yaml));
    }
    case "label":
      return JSON.stringify(
        cluster.kubectl(`label cm ${name} color${op.value === "-" ? "-" : `=${op.value} --overwrite`}`),
      );
    case "delete":
      return JSON.stringify(cluster.kubectl(`delete cm ${name} --cascade=${op.cascade}`));
    case "advance":
      cluster.advance(op.seconds);
      return `advanced ${op.seconds}`;
  }
}

function userConfigMaps(cluster: Cluster) {
  return cluster.store.list("ConfigMap", "default").filter((o) => o.metadata.name?.startsWith("cm-"));
}

describe("API machinery invariants under random sequences", () => {
  it("keep at most one controller owner, collect orphans, and order watch events", () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 25 }), (ops) => {
        const cluster = createCluster({ seed: 3, nodes: 0 });
        const events: WatchEvent[] = [];
        cluster.watch(cluster.resourceVersion(), (e) => events.push(e));
        for (const op of ops) run(cluster, op);
        cluster.advance(120);
        for (let i = 1; i < events.length; i++) {
          expect(events[i].resourceVersion).toBeGreaterThan(events[i - 1].resourceVersion);
        }
        for (const obj of userConfigMaps(cluster)) {
          const refs = obj.metadata.ownerReferences ?? [];
          expect(refs.filter((r) => r.controller).length).toBeLessThanOrEqual(1);
          if (refs.length > 0 && !obj.metadata.deletionTimestamp) {
            const live = refs.filter((r) => cluster.store.getByUid(r.uid));
            expect(live.length, `${obj.metadata.name} outlived all its owners`).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 60, seed: 20260105 },
    );
  });

  it("replay the same seed and calls to identical output, byte for byte", () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 20 }), (ops) => {
        const transcript = () => {
          const cluster = createCluster({ seed: 11, nodes: 0 });
          const outputs = ops.map((op) => run(cluster, op));
          return JSON.stringify([outputs, cluster.snapshot()]);
        };
        expect(transcript()).toBe(transcript());
      }),
      { numRuns: 30, seed: 7 },
    );
  });
});

/** A pod for every path the kubelet writes status on: runs, crashes, fails to pull, completes. */
const WORKLOADS = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      initContainers: [{name: setup, image: busybox:1.36, command: [sh, -c, "echo ready"]}]
      containers: [{name: nginx, image: nginx:1.27.4, readinessProbe: {httpGet: {path: /, port: 80}}}]
---
apiVersion: v1
kind: Pod
metadata: {name: crash}
spec:
  containers: [{name: c, image: busybox:1.36, command: [sh, -c, "echo bye; exit 3"]}]
---
apiVersion: v1
kind: Pod
metadata: {name: typo}
spec:
  containers: [{name: c, image: nginx:no-such-tag}]
---
apiVersion: batch/v1
kind: Job
metadata: {name: once}
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{name: c, image: busybox:1.36, command: [sh, -c, "sleep 2; echo done"]}]
`;

describe("stored objects", () => {
  it("are plain JSON, also those the control plane hands over without the server's copy", () => {
    const cluster = createCluster({ seed: 5, nodes: 2 });
    const objects: unknown[] = [];
    cluster.watch(cluster.resourceVersion(), (e) => objects.push(e.object));
    expect(cluster.kubectl("apply -f -", WORKLOADS).stderr).toBe("");
    cluster.advance(90);
    cluster.kubectl("delete pod crash");
    cluster.advance(40);
    expect(cluster.store.list("Event", "default").length).toBeGreaterThan(20);
    for (const obj of [...objects, ...cluster.store.all()]) {
      // toStrictEqual tells an undefined member from a missing one, as JSON would drop it.
      expect(obj).toStrictEqual(JSON.parse(JSON.stringify(obj)));
    }
  });
});
