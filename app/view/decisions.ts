import type { TraceRecord } from "../../src";

/**
 * The decisions (trace records that acted) in the mirror's trace list, kept as the list moves:
 * it only grows at the end and drops at the start, so a batch costs its new records, not a
 * filter of thousands. A list that does not continue the last one (a reset) is read whole.
 */
export class DecisionList {
  private source: readonly TraceRecord[] = [];
  private decisions: readonly TraceRecord[] = [];
  private last?: TraceRecord;

  read(traces: readonly TraceRecord[]): readonly TraceRecord[] {
    if (traces === this.source) return this.decisions;
    this.source = traces;
    const lastSeq = this.last?.seq ?? Number.NEGATIVE_INFINITY;
    let start = traces.length;
    while (start > 0 && traces[start - 1].seq > lastSeq) start--;
    const continues = this.last !== undefined && start > 0 && traces[start - 1] === this.last;
    if (!continues) {
      this.decisions = traces.filter(acted);
    } else {
      const firstSeq = traces[0]?.seq ?? Number.POSITIVE_INFINITY;
      let drop = 0;
      while (drop < this.decisions.length && this.decisions[drop].seq < firstSeq) drop++;
      const fresh = traces.slice(start).filter(acted);
      if (drop > 0 || fresh.length > 0) this.decisions = this.decisions.slice(drop).concat(fresh);
    }
    this.last = traces[traces.length - 1];
    return this.decisions;
  }
}

function acted(record: TraceRecord): boolean {
  return record.actions.length > 0;
}
