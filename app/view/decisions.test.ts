import { describe, expect, it } from "vitest";
import type { TraceRecord } from "../../src";
import { DecisionList } from "./decisions";

const record = (seq: number): TraceRecord => ({
  seq,
  time: seq,
  resourceVersion: seq,
  component: "c",
  object: { kind: "Pod", namespace: "default", name: `p${seq}` },
  observed: "",
  actions: seq % 3 === 0 ? ["did"] : [],
  touched: [],
});

describe("DecisionList", () => {
  it("follows a trace list that grows at the end and drops at the start, and restarts after a reset", () => {
    const list = new DecisionList();
    let traces: TraceRecord[] = [];
    for (let seq = 1; seq <= 200; seq += 7) {
      traces = [...traces, ...Array.from({ length: 7 }, (_, i) => record(seq + i))].slice(-40);
      expect(list.read(traces).map((r) => r.seq)).toEqual(
        traces.filter((r) => r.actions.length).map((r) => r.seq),
      );
    }
    const reset = [record(3), record(4), record(6)];
    expect(list.read(reset).map((r) => r.seq)).toEqual([3, 6]);
  });
});
