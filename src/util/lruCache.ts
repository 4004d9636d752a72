interface Entry<K, V> {
  key: K;
  value: V;
  newer: Entry<K, V> | undefined;
  older: Entry<K, V> | undefined;
}

/**
 * A least-recently-used cache of bounded size, as k8s.io/utils/lru: `get` and `set` make an
 * entry the most recent; past `capacity` the least recent entry is dropped.
 * A linked list keeps every operation O(1). (Re-inserting into a Map to reorder it would
 * leave deleted slots that finding the oldest entry has to skip.)
 */
export class LruCache<K, V> {
  private entries = new Map<K, Entry<K, V>>();
  private newest: Entry<K, V> | undefined;
  private oldest: Entry<K, V> | undefined;

  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.touch(entry);
    return entry.value;
  }

  set(key: K, value: V): void {
    const entry = this.entries.get(key);
    if (entry) {
      entry.value = value;
      this.touch(entry);
      return;
    }
    const added: Entry<K, V> = { key, value, newer: undefined, older: this.newest };
    if (this.newest) this.newest.newer = added;
    this.newest = added;
    this.oldest ??= added;
    this.entries.set(key, added);
    if (this.entries.size > this.capacity && this.oldest) this.drop(this.oldest);
  }

  get size(): number {
    return this.entries.size;
  }

  private touch(entry: Entry<K, V>): void {
    if (entry === this.newest) return;
    this.unlink(entry);
    entry.older = this.newest;
    entry.newer = undefined;
    if (this.newest) this.newest.newer = entry;
    this.newest = entry;
    this.oldest ??= entry;
  }

  private drop(entry: Entry<K, V>): void {
    this.unlink(entry);
    this.entries.delete(entry.key);
  }

  private unlink(entry: Entry<K, V>): void {
    if (entry.newer) entry.newer.older = entry.older;
    else this.newest = entry.older;
    if (entry.older) entry.older.newer = entry.newer;
    else this.oldest = entry.newer;
  }
}
