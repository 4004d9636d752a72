import { describe, expect, it } from "vitest";
import type { KubeObject, TraceRecord } from "../../src";
import { splitBatch, takeEvents } from "./batchChunks";
import type { Batch } from "./protocol";

let rv = 0;
const batch = (events: number, traces = 1): Batch => ({
  events: Array.from({ length: events }, () => ({
    type: "ADDED" as const,
    object: { kind: "ConfigMap", metadata: { name: `c${++rv}` } } as KubeObject,
    resourceVersion: rv,
  })),
  traces: Array.from({ length: traces }, (_, i) => ({ seq: rv * 10 + i }) as TraceRecord),
  inputs: [],
  clock: { now: rv, playing: true, speed: "max" },
});

const versions = (batches: Batch[]) => batches.flatMap((b) => b.events.map((e) => e.resourceVersion));
const traces = (batches: Batch[]) => batches.flatMap((b) => b.traces.map((t) => t.seq));

describe("batch chunks", () => {
  it("splits a big batch into pieces in order, the traces riding with the last", () => {
    const big = batch(1000, 3);
    const pieces = splitBatch(big, 250);
    expect(pieces.map((p) => p.events.length)).toEqual([250, 250, 250, 250]);
    expect(versions(pieces)).toEqual(versions([big]));
    expect(pieces.map((p) => p.traces.length)).toEqual([0, 0, 0, 3]);
    const small = batch(10);
    expect(splitBatch(small, 250)).toEqual([small]);
  });

  it("keeps running commands' output, on the last piece", () => {
    const streams = [{ streamId: 1, stdout: "web   1/1   Running   0     7s\n", stderr: "" }];
    const pieces = splitBatch({ ...batch(600), streams }, 250);
    expect(pieces.map((p) => p.streams)).toEqual([undefined, undefined, streams]);
  });

  it("takes a queue a budget at a time, losing and reordering nothing", () => {
    const queue = [batch(30), batch(0, 2), batch(500), batch(7), batch(120)];
    const all = versions(queue);
    const allTraces = traces(queue);
    let rest = queue;
    const taken: Batch[][] = [];
    while (rest.length > 0) {
      const step = takeEvents(rest, 100);
      expect(versions(step.now).length).toBeLessThanOrEqual(100);
      expect(step.now.length).toBeGreaterThan(0);
      taken.push(step.now);
      rest = step.rest;
    }
    expect(versions(taken.flat())).toEqual(all);
    expect(traces(taken.flat())).toEqual(allTraces);
  });
});
