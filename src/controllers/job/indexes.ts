/**
 * Sets of completion indexes as the Job status writes them (`status.completedIndexes`:
 * "1,3-5,7"), ported from indexed_job_utils.go orderedIntervals.
 */

/** Sorted, non-overlapping, non-adjacent closed intervals [first, last]. */
export type OrderedIntervals = readonly (readonly [number, number])[];

/** Number of indexes in the set. */
export function total(set: OrderedIntervals): number {
  return set.reduce((n, [first, last]) => n + last - first + 1, 0);
}

/** Whether the set holds `ix`. */
export function has(set: OrderedIntervals, ix: number): boolean {
  return set.some(([first, last]) => first <= ix && ix <= last);
}

/** The compressed form: "0-2,5". */
export function formatIndexes(set: OrderedIntervals): string {
  return set.map(([first, last]) => (first === last ? `${first}` : `${first}-${last}`)).join(",");
}

/**
 * parseIndexesFromString: reads "1,3-5"; indexes at or beyond `completions` are dropped,
 * as are malformed parts (Kubernetes logs and skips them).
 */
export function parseIndexes(text: string | undefined, completions: number): OrderedIntervals {
  if (!text) return [];
  const indexes: number[] = [];
  for (const part of text.split(",")) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) continue;
    const first = Number(m[1]);
    const last = Math.min(Number(m[2] ?? m[1]), completions - 1);
    for (let i = first; i <= last; i++) indexes.push(i);
  }
  return withIndexes([], indexes);
}

/** withOrderedIndexes: the union of a set and some indexes. */
export function withIndexes(set: OrderedIntervals, indexes: readonly number[]): OrderedIntervals {
  const all = new Set<number>(indexes);
  for (const [first, last] of set) for (let i = first; i <= last; i++) all.add(i);
  const sorted = [...all].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const ix of sorted) {
    const tail = out[out.length - 1];
    if (tail && tail[1] + 1 === ix) tail[1] = ix;
    else out.push([ix, ix]);
  }
  return out;
}
