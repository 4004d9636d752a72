import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../src";
import { ClusterMirror } from "./mirror";
import type { ResponseMap } from "./protocol";
import { emptyLog, harness } from "./testHost";
import { uidOf } from "./wireEvents";

type Snapshot = ResponseMap["snapshot"];
type Events = ResponseMap["objectEvents"];

/** A host that created a one-pod Deployment; the mirror filled as the bridge fills it. */
async function onePod() {
  const host = harness();
  const mirror = new ClusterMirror();
  await host.ask({ type: "init", log: emptyLog });
  const first: Snapshot = await host.ask({ type: "snapshot" });
  mirror.reset(first.objects, first.traces, first.resourceVersion);
  await host.ask({ type: "kubectl", line: "create deployment web --image=nginx --replicas=1" });
  const sync = async () => {
    await host.env.pass(20);
    mirror.apply(host.env.batches().splice(0));
    host.env.messages = host.env.messages.filter((m) => m.kind !== "batch");
  };
  return { ...host, mirror, sync };
}

const reasons = (answer: Events) => answer.events.map((e) => e.reason);
const podOf = (objects: Iterable<KubeObject>) => [...objects].find((o) => o.kind === "Pod") as KubeObject;
const refOf = (pod: KubeObject) => ({
  kind: "Pod",
  namespace: pod.metadata.namespace,
  name: pod.metadata.name ?? "",
  uid: pod.metadata.uid ?? "",
});

describe("Events stay in the worker", () => {
  it("never reach the mirror, by batch or snapshot, while kubectl still lists them", async () => {
    const { ask, mirror, sync } = await onePod();
    await ask({ type: "advance", seconds: 10 });
    await sync();
    const kinds = new Set([...mirror.get().objects.values()].map((o) => o.kind));
    expect(kinds).toContain("Pod");
    expect(kinds).not.toContain("Event");
    const listed: { stdout: string } = await ask({ type: "kubectl", line: "get events" });
    expect(listed.stdout).toMatch(/Scheduled[\s\S]*Started/);
    const snapshot: Snapshot = await ask({ type: "snapshot" });
    expect(snapshot.objects.some((o) => o.kind === "Event")).toBe(false);
    // The mirror agrees with the worker, resourceVersion included (the last writes were Events).
    expect(mirror.get().resourceVersion).toBe(snapshot.resourceVersion);
    expect(new Map(mirror.get().objects)).toEqual(new Map(snapshot.objects.map((o) => [uidOf(o), o])));
  });

  it("lists a pod's Events as kubectl describe does: Scheduled, Pulling, Pulled, Created, Started", async () => {
    const { ask, mirror, sync } = await onePod();
    await ask({ type: "advance", seconds: 10 });
    await sync();
    const pod = podOf(mirror.get().objects.values());
    const answer: Events = await ask({ type: "objectEvents", object: refOf(pod) });
    expect(reasons(answer)).toEqual(["Scheduled", "Pulling", "Pulled", "Created", "Started"]);
    const described: { stdout: string } = await ask({
      type: "kubectl",
      line: `describe pod ${pod.metadata.name}`,
    });
    const rows = described.stdout.split("Events:")[1].split("\n").slice(3).filter(Boolean);
    expect(rows.map((row) => row.trim().split(/\s+/)[1])).toEqual(reasons(answer));
  });

  it("at an earlier moment, lists only the Events that existed then", async () => {
    const { ask, mirror, sync } = await onePod();
    await ask({ type: "advance", seconds: 2 });
    await sync();
    const then = { resourceVersion: mirror.get().resourceVersion, time: Date.parse(emptyLog.start) + 2000 };
    await ask({ type: "advance", seconds: 10 });
    await sync();
    const object = refOf(podOf(mirror.get().objects.values()));
    expect(reasons(await ask({ type: "objectEvents", object, at: then }))).toEqual(["Scheduled", "Pulling"]);
    expect(reasons(await ask({ type: "objectEvents", object }))).toHaveLength(5);
  });
});
