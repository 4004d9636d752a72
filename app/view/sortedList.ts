/**
 * Items kept in order as they come and go, one binary search per change (items that compare
 * equal are told apart by `idOf`). An array handed out by `list()` is never changed afterwards:
 * the first change after it copies it (a copy of pointers), so whoever holds it keeps it.
 */
export class SortedList<T> {
  private items: T[] = [];
  private shared = false;

  constructor(
    private readonly compare: (a: T, b: T) => number,
    private readonly idOf: (item: T) => string,
  ) {}

  /** Whether the list changed since the flag was last cleared. */
  changed = false;

  /** The items in order, to hand out (frozen from now on). */
  list(): T[] {
    this.shared = true;
    return this.items;
  }

  /** The items in order, to read now. */
  all(): readonly T[] {
    return this.items;
  }

  /** Puts `item` in place of `previous` (an older version of it, sorting the same), or inserts it. */
  put(item: T, previous?: T): void {
    const at = previous ? this.indexOf(previous) : -1;
    if (at >= 0 && this.compare(item, previous as T) === 0) this.writable()[at] = item;
    else {
      if (at >= 0) this.writable().splice(at, 1);
      this.writable().splice(this.lowerBound(item), 0, item);
    }
  }

  remove(item: T): void {
    const at = this.indexOf(item);
    if (at >= 0) this.writable().splice(at, 1);
  }

  private writable(): T[] {
    this.changed = true;
    if (this.shared) {
      this.items = this.items.slice();
      this.shared = false;
    }
    return this.items;
  }

  /** Where `item` (by id) sits, or -1; items that compare equal are scanned. */
  private indexOf(item: T): number {
    const id = this.idOf(item);
    for (let i = this.lowerBound(item); i < this.items.length && this.compare(this.items[i], item) === 0; i++)
      if (this.idOf(this.items[i]) === id) return i;
    return -1;
  }

  private lowerBound(item: T): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.compare(this.items[mid], item) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
