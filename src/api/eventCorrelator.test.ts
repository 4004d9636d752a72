import { describe, expect, it } from "vitest";
import { createCluster } from "../cluster";
import { type EventDraft, EventCorrelator } from "./eventCorrelator";

const pod = { kind: "Pod", apiVersion: "v1", namespace: "default", name: "web", uid: "u1" };

function draft(message: string, reason = "Created", object = pod): EventDraft {
  return { component: "kubelet", host: "node-1", object, type: "Normal", reason, message };
}

/** Correlates `drafts` at `now`, naming new events e1, e2, …. */
function correlateAll(correlator: EventCorrelator, drafts: EventDraft[], now = 0) {
  let n = 0;
  return drafts.map((d) => correlator.correlate(d, now, () => `e${++n}`));
}

describe("EventCorrelator (client-go events_cache.go)", () => {
  it("counts an exact repeat on the first event instead of writing a new one", () => {
    const c = new EventCorrelator();
    const [first, again] = correlateAll(c, [
      draft("Started container nginx"),
      draft("Started container nginx"),
    ]);
    expect(first).toMatchObject({ name: "e1", count: 1, combined: false });
    expect(again).toMatchObject({ name: "e1", count: 2, firstTimestamp: 0 });
  });

  it("combines the tenth different message about one object and reason, then counts on the combined one", () => {
    const c = new EventCorrelator();
    const out = correlateAll(
      c,
      Array.from({ length: 12 }, (_, i) => draft(`Created pod: web-${i}`, "SuccessfulCreate")),
    );
    expect(out.slice(0, 9).every((e) => e?.count === 1 && !e.combined)).toBe(true);
    expect(out[9]).toMatchObject({
      message: "(combined from similar events): Created pod: web-9",
      count: 1,
      combined: true,
    });
    expect(out[11]).toMatchObject({
      name: out[9]?.name,
      count: 3,
      message: "(combined from similar events): Created pod: web-11",
    });
  });

  it("starts aggregating afresh after ten quiet minutes", () => {
    const c = new EventCorrelator();
    for (let i = 0; i < 9; i++) c.correlate(draft(`m${i}`), 0, () => `a${i}`);
    const later = c.correlate(draft("m9"), 600_001, () => "fresh");
    expect(later).toMatchObject({ name: "fresh", combined: false });
  });

  it("lets a source burst 25 events about one object, then one more every five minutes", () => {
    const c = new EventCorrelator();
    const reasons = Array.from({ length: 30 }, (_, i) => draft("same", `Reason${i}`));
    const out = correlateAll(c, reasons);
    expect(out.filter(Boolean)).toHaveLength(25);
    expect(out[25]).toBeUndefined();
    expect(c.correlate(draft("same", "Late"), 299_000, () => "x")).toBeUndefined();
    expect(c.correlate(draft("same", "Later"), 300_000, () => "y")).toMatchObject({ name: "y" });
    // Another object of the same source has its own bucket.
    expect(
      c.correlate(draft("same", "Other", { ...pod, name: "db", uid: "u2" }), 300_000, () => "z"),
    ).toBeDefined();
  });

  it("only counts exact repeats for a source on the events.k8s.io API (the scheduler)", () => {
    const c = new EventCorrelator(true);
    const out = correlateAll(
      c,
      Array.from({ length: 40 }, (_, i) =>
        draft(`0/3 nodes are available: attempt ${i}`, "FailedScheduling"),
      ),
    );
    expect(out.every((e) => e && !e.combined)).toBe(true);
  });
});

describe("events as a real cluster keeps them", () => {
  it("describe of a ReplicaSet that created 40 pods shows nine events and one combined (x16)", () => {
    const cluster = createCluster({ seed: 1, nodes: 3 });
    cluster.kubectl("create deployment web --image=nginx:1.27.4 --replicas=40");
    cluster.advance(30);
    const events = cluster.kubectl("describe rs").stdout.split("Events:")[1];
    const rows = events.split("\n").filter((l) => l.includes("SuccessfulCreate"));
    expect(rows).toHaveLength(10);
    expect(rows[9]).toMatch(
      /Normal {2}SuccessfulCreate {2}30s \(x16 over 30s\) {2}replicaset-controller {2}\(combined from similar events\): Created pod: web-/,
    );
    // After ten minutes the bucket has refilled two tokens: two of five new creations are recorded.
    cluster.advance(600);
    cluster.kubectl("scale deployment web --replicas=45");
    cluster.advance(5);
    const later = cluster.kubectl("describe rs").stdout.split("Events:")[1];
    expect(later.split("\n").filter((l) => /SuccessfulCreate {2}5s /.test(l))).toHaveLength(2);
  });
});
