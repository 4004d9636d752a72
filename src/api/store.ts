import { type KubeObject, keyOf, refOf, type WatchEvent } from "./types";

/** A listener of the store's watch stream. */
export type WatchListener = (event: WatchEvent) => void;

/** How many past events the store keeps so that a watch can resume from an earlier resourceVersion. */
const HISTORY_LIMIT = 20_000;

/**
 * The persistence layer (etcd's role): objects by kind, namespace and name, a monotonic
 * resourceVersion and a watch stream. It does no validation or defaulting; the API server
 * (server.ts) is its only writer. Stored objects are shared: readers must not mutate them.
 */
export class ObjectStore {
  private byKind = new Map<string, Map<string, KubeObject>>();
  private byUid = new Map<string, KubeObject>();
  private dependents = new Map<string, Set<string>>();
  private listeners = new Set<WatchListener>();
  private history: WatchEvent[] = [];
  private revision = 0;

  /** The latest resourceVersion written. */
  resourceVersion(): number {
    return this.revision;
  }

  /** Allocates the next resourceVersion (used by writes). */
  nextResourceVersion(): number {
    return ++this.revision;
  }

  get(kind: string, namespace: string, name: string): KubeObject | undefined {
    return this.byKind.get(kind)?.get(`${namespace}/${name}`);
  }

  getByUid(uid: string): KubeObject | undefined {
    return this.byUid.get(uid);
  }

  /** Objects of a kind, in one namespace or all ("" for cluster-scoped kinds), in key order. */
  list(kind: string, namespace?: string): KubeObject[] {
    const all = this.byKind.get(kind);
    if (!all) return [];
    const out: KubeObject[] = [];
    for (const obj of all.values()) {
      if (namespace === undefined || (obj.metadata.namespace ?? "") === namespace) out.push(obj);
    }
    return out.sort(byNamespaceThenName);
  }

  /** Number of stored objects, all kinds. */
  size(): number {
    return this.byUid.size;
  }

  /** Number of stored objects of a kind. */
  count(kind: string): number {
    return this.byKind.get(kind)?.size ?? 0;
  }

  /** Objects whose ownerReferences name the given owner uid. */
  dependentsOf(ownerUid: string): KubeObject[] {
    const keys = this.dependents.get(ownerUid);
    if (!keys) return [];
    const out: KubeObject[] = [];
    for (const uid of keys) {
      const obj = this.byUid.get(uid);
      if (obj) out.push(obj);
    }
    return out.sort(byNamespaceThenName);
  }

  /** Stores a new or changed object (its resourceVersion already set) and emits the watch event. */
  put(obj: KubeObject): void {
    const ref = refOf(obj);
    let kindMap = this.byKind.get(ref.kind);
    if (!kindMap) {
      kindMap = new Map();
      this.byKind.set(ref.kind, kindMap);
    }
    const key = `${ref.namespace}/${ref.name}`;
    const previous = kindMap.get(key);
    if (previous) this.unindex(previous);
    kindMap.set(key, obj);
    this.index(obj);
    this.emit({
      type: previous ? "MODIFIED" : "ADDED",
      object: obj,
      resourceVersion: Number(obj.metadata.resourceVersion),
    });
  }

  /** Removes an object for good and emits DELETED (carrying a final resourceVersion). */
  remove(obj: KubeObject): void {
    const ref = refOf(obj);
    const kindMap = this.byKind.get(ref.kind);
    const stored = kindMap?.get(`${ref.namespace}/${ref.name}`);
    if (!kindMap || !stored) return;
    kindMap.delete(`${ref.namespace}/${ref.name}`);
    this.unindex(stored);
    const rv = this.nextResourceVersion();
    const final = { ...stored, metadata: { ...stored.metadata, resourceVersion: String(rv) } };
    this.emit({ type: "DELETED", object: final, resourceVersion: rv });
  }

  /** Subscribes to every future event; returns the unsubscribe function. */
  subscribe(listener: WatchListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Events after `resourceVersion`, or undefined when they are older than the kept history
   * (the API server's 410 Gone: the watcher must re-list).
   */
  eventsSince(resourceVersion: number): WatchEvent[] | undefined {
    const first = this.history[0];
    if (first && resourceVersion < first.resourceVersion - 1) return undefined;
    if (!first && resourceVersion < this.revision) return undefined;
    let lo = 0;
    let hi = this.history.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.history[mid].resourceVersion <= resourceVersion) lo = mid + 1;
      else hi = mid;
    }
    return this.history.slice(lo);
  }

  /** Every stored object, all kinds, in a stable order (for snapshots). */
  all(): KubeObject[] {
    const kinds = [...this.byKind.keys()].sort();
    return kinds.flatMap((kind) => this.list(kind));
  }

  /** The store key of an object (kind/namespace/name). */
  static keyOf(obj: KubeObject): string {
    return keyOf(refOf(obj));
  }

  private emit(event: WatchEvent): void {
    this.history.push(event);
    if (this.history.length > HISTORY_LIMIT * 1.25)
      this.history.splice(0, this.history.length - HISTORY_LIMIT);
    for (const listener of [...this.listeners]) listener(event);
  }

  private index(obj: KubeObject): void {
    const uid = obj.metadata.uid;
    if (!uid) return;
    this.byUid.set(uid, obj);
    for (const owner of obj.metadata.ownerReferences ?? []) {
      let set = this.dependents.get(owner.uid);
      if (!set) {
        set = new Set();
        this.dependents.set(owner.uid, set);
      }
      set.add(uid);
    }
  }

  private unindex(obj: KubeObject): void {
    const uid = obj.metadata.uid;
    if (!uid) return;
    this.byUid.delete(uid);
    for (const owner of obj.metadata.ownerReferences ?? []) {
      const set = this.dependents.get(owner.uid);
      set?.delete(uid);
      if (set?.size === 0) this.dependents.delete(owner.uid);
    }
  }
}

function byNamespaceThenName(a: KubeObject, b: KubeObject): number {
  const na = a.metadata.namespace ?? "";
  const nb = b.metadata.namespace ?? "";
  if (na !== nb) return na < nb ? -1 : 1;
  const ma = a.metadata.name ?? "";
  const mb = b.metadata.name ?? "";
  return ma < mb ? -1 : ma > mb ? 1 : 0;
}
