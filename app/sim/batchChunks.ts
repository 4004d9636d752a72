import type { Batch } from "./protocol";

/**
 * Splitting watch batches so that no single main-thread task has to take in thousands of
 * objects at once (a ReplicaSet creating 1,000 pods writes 2,000 objects in one reconcile).
 * A piece carries its share of the events in order; trace records, input entries and the
 * batch's resourceVersion ride with its last piece, so a decision shows once everything it
 * did is drawn.
 */

/** Splits one batch into pieces of at most `max` events (the batch itself when it fits). */
export function splitBatch(batch: Batch, max: number): Batch[] {
  if (batch.events.length <= max) return [batch];
  const pieces: Batch[] = [];
  for (let start = 0; start < batch.events.length; start += max) {
    const last = start + max >= batch.events.length;
    pieces.push({
      events: batch.events.slice(start, start + max),
      traces: last ? batch.traces : [],
      inputs: last ? batch.inputs : [],
      clock: batch.clock,
      ...(last && batch.streams ? { streams: batch.streams } : {}),
      ...(last && batch.resourceVersion !== undefined ? { resourceVersion: batch.resourceVersion } : {}),
    });
  }
  return pieces;
}

/**
 * Takes batches from the front of `queue` holding at most `budget` (≥ 1) events in all,
 * splitting the batch that straddles the budget (its remainder keeps the traces and inputs).
 * Returns what to apply now and what is left, in order.
 */
export function takeEvents(queue: readonly Batch[], budget: number): { now: Batch[]; rest: Batch[] } {
  const now: Batch[] = [];
  let left = budget;
  for (let i = 0; i < queue.length; i++) {
    const batch = queue[i];
    if (batch.events.length <= left) {
      now.push(batch);
      left -= batch.events.length;
      continue;
    }
    if (left <= 0) return { now, rest: queue.slice(i) };
    now.push({ events: batch.events.slice(0, left), traces: [], inputs: [], clock: batch.clock });
    return { now, rest: [{ ...batch, events: batch.events.slice(left) }, ...queue.slice(i + 1)] };
  }
  return { now, rest: [] };
}
