import type { ObjectRef } from "./api/types";

/**
 * One decision of a control loop, as the learner reads it: what the component observed,
 * what it wanted, and what it did. The view animates these; "why does this pod exist?"
 * is answered by the trace records that name it.
 */
export interface TraceRecord {
  /** Monotonic sequence number. */
  seq: number;
  /** Simulated time, epoch ms. */
  time: number;
  /** The store's resourceVersion when the decision was recorded: the watch events up to it are what the component saw and did. */
  resourceVersion: number;
  /** The component: "replicaset-controller", "scheduler", "kubelet", "garbage-collector" … */
  component: string;
  /** The object reconciled. */
  object: ObjectRef;
  /** One line a learner can read: "2 pods match app=web, want 3". */
  observed: string;
  /** What the component did ("created pod web-7c5d-x8x7q"); empty when nothing was needed. */
  actions: string[];
  /** Objects the actions touched (for highlighting). */
  touched: ObjectRef[];
}

const TRACE_LIMIT = 50_000;

/** An append-only log of trace records with a bounded memory. */
export class TraceLog {
  private records: TraceRecord[] = [];
  private nextSeq = 1;
  private listeners = new Set<(record: TraceRecord) => void>();

  constructor(
    private readonly now: () => number,
    private readonly resourceVersion: () => number = () => 0,
  ) {}

  /** Records a decision and returns it. */
  record(
    entry: Omit<TraceRecord, "seq" | "time" | "resourceVersion" | "touched"> & { touched?: ObjectRef[] },
  ): TraceRecord {
    // Field by field: a spread copies through a slow generic path, for every decision.
    const record: TraceRecord = {
      seq: this.nextSeq++,
      time: this.now(),
      resourceVersion: this.resourceVersion(),
      touched: entry.touched ?? [],
      component: entry.component,
      object: entry.object,
      observed: entry.observed,
      actions: entry.actions,
    };
    this.records.push(record);
    if (this.records.length > TRACE_LIMIT * 1.25) this.records.splice(0, this.records.length - TRACE_LIMIT);
    for (const listener of this.listeners) listener(record);
    return record;
  }

  /** Records after sequence number `seq` (all when 0). */
  since(seq = 0): TraceRecord[] {
    if (seq === 0) return [...this.records];
    return this.records.filter((r) => r.seq > seq);
  }

  /** Records that concern an object (reconciled it or touched it). */
  about(ref: ObjectRef): TraceRecord[] {
    const same = (r: ObjectRef) =>
      r.kind === ref.kind && r.namespace === ref.namespace && r.name === ref.name;
    return this.records.filter((r) => same(r.object) || r.touched.some(same));
  }

  subscribe(listener: (record: TraceRecord) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
