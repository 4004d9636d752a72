import { byName, type ViewObject } from "./model";

/**
 * Views kept in name order as they come and go, one binary search per change. The array a
 * model was given is never changed afterwards: the first change after `list()` copies it
 * (a copy of pointers), so earlier models keep theirs.
 */
export class SortedViews<T extends ViewObject> {
  private items: T[] = [];
  private shared = false;
  /** Whether the list changed since the flag was last cleared. */
  changed = false;

  /** The views in order, for a model (frozen from now on). */
  list(): T[] {
    this.shared = true;
    return this.items;
  }

  /** The views in order, to read now. */
  all(): readonly T[] {
    return this.items;
  }

  /** Puts `view` in place of `previous` (the same object's older view), or inserts it. */
  put(view: T, previous?: ViewObject): void {
    const items = this.writable();
    const at = previous ? this.indexOf(previous) : -1;
    if (at >= 0) items[at] = view;
    else items.splice(this.lowerBound(view), 0, view);
  }

  remove(view: ViewObject): void {
    const at = this.indexOf(view);
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

  /** Where `view` (by uid) sits, or -1; views of equal names are scanned. */
  private indexOf(view: ViewObject): number {
    for (let i = this.lowerBound(view); i < this.items.length && byName(this.items[i], view) === 0; i++)
      if (this.items[i].uid === view.uid) return i;
    return -1;
  }

  private lowerBound(view: ViewObject): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byName(this.items[mid], view) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
