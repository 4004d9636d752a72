import { type KubeObject, keyOf, refOf, type WatchEvent } from "./types";

/** A listener of the store's watch stream. */
export type WatchListener = (event: WatchEvent) => void;

/**
 * How many past events the store keeps so that a watch can resume from an earlier
 * resourceVersion (older ones get 410 Gone, as from the API server's watch cache). Kept small:
 * each one holds an object version alive, and a big window made every version of every pod
 * survive into V8's old generation, which is what slowed large clusters down.
 */
const HISTORY_LIMIT = 1_000;

/**
 * The persistence layer (etcd's role): objects by kind, namespace and name, a monotonic
 * resourceVersion and a watch stream. It does no validation or defaulting; the API server
 * (server.ts) is its only writer. Stored objects are shared: readers must not mutate them.
 */
export class ObjectStore {
  private byKind = new Map<string, KindObjects>();
  private byUid = new Map<string, KubeObject>();
  /** Per kind, its objects in namespace-then-name order, kept up to date once a kind is listed. */
  private sorted = new Map<string, KubeObject[]>();
  private dependents = new Map<string, Set<string>>();
  /** dependentsOf's answers in namespace-then-name order, kept up to date once asked for. */
  private sortedDependents = new Map<string, KubeObject[]>();
  /**
   * Per kind and namespace, the uids of objects with no controller owner (orphans a controller
   * may adopt), kept for the kinds uncontrolledOf has been asked about (pods, not events).
   */
  private uncontrolled = new Map<string, Set<string>>();
  private uncontrolledKinds = new Set<string>();
  /**
   * Replaced, never changed in place, on subscribe and unsubscribe: a write notifies the
   * listeners there were when it began, without copying them for every write.
   */
  private listeners: readonly WatchListener[] = [];
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
    return this.byKind.get(kind)?.get(namespace, name);
  }

  getByUid(uid: string): KubeObject | undefined {
    return this.byUid.get(uid);
  }

  /** Objects of a kind, in one namespace or all ("" for cluster-scoped kinds), in key order. */
  list(kind: string, namespace?: string): KubeObject[] {
    const sorted = this.sortedOf(kind);
    if (namespace === undefined) return sorted.slice();
    // Namespace-then-name order keeps one namespace's objects together: find its range.
    const from = lowerBound(sorted, (o) => (o.metadata.namespace ?? "") < namespace);
    const to = lowerBound(sorted, (o) => (o.metadata.namespace ?? "") <= namespace, from);
    return sorted.slice(from, to);
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
    let sorted = this.sortedDependents.get(ownerUid);
    if (!sorted) {
      const keys = this.dependents.get(ownerUid);
      if (!keys) return [];
      sorted = [];
      for (const uid of keys) {
        const obj = this.byUid.get(uid);
        if (obj) sorted.push(obj);
      }
      sorted.sort(byNamespaceThenName);
      this.sortedDependents.set(ownerUid, sorted);
    }
    return sorted.slice();
  }

  /**
   * Objects of a kind in a namespace that no controller owns (no ownerReference with
   * controller: true), in name order: the orphans a ReplicaSet or Job may adopt.
   */
  uncontrolledOf(kind: string, namespace: string): KubeObject[] {
    if (!this.uncontrolledKinds.has(kind)) {
      this.uncontrolledKinds.add(kind);
      for (const obj of this.byKind.get(kind)?.values() ?? []) this.indexUncontrolled(obj);
    }
    const uids = this.uncontrolled.get(`${kind}/${namespace}`);
    if (!uids) return [];
    const out: KubeObject[] = [];
    for (const uid of uids) {
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
      kindMap = new KindObjects();
      this.byKind.set(ref.kind, kindMap);
    }
    const previous = kindMap.set(ref.namespace, ref.name, obj);
    if (previous && sameOwnership(previous, obj)) this.reindexInPlace(previous, obj);
    else {
      if (previous) this.unindex(previous);
      this.index(obj);
    }
    this.placeSorted(ref.kind, obj, previous !== undefined);
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
    const stored = kindMap?.get(ref.namespace, ref.name);
    if (!kindMap || !stored) return;
    kindMap.delete(ref.namespace, ref.name);
    this.unindex(stored);
    this.dropSorted(ref.kind, stored);
    const rv = this.nextResourceVersion();
    const final = { ...stored, metadata: { ...stored.metadata, resourceVersion: String(rv) } };
    this.emit({ type: "DELETED", object: final, resourceVersion: rv });
  }

  /** Subscribes to every future event; returns the unsubscribe function. */
  subscribe(listener: WatchListener): () => void {
    if (!this.listeners.includes(listener)) this.listeners = [...this.listeners, listener];
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
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

  /** The kind's sorted array, built on first use and then maintained by put and remove. */
  private sortedOf(kind: string): KubeObject[] {
    let sorted = this.sorted.get(kind);
    if (!sorted) {
      sorted = (this.byKind.get(kind)?.values() ?? []).sort(byNamespaceThenName);
      this.sorted.set(kind, sorted);
    }
    return sorted;
  }

  private placeSorted(kind: string, obj: KubeObject, replacing: boolean): void {
    const sorted = this.sorted.get(kind);
    if (!sorted) return;
    const at = lowerBound(sorted, (o) => byNamespaceThenName(o, obj) < 0);
    if (replacing) sorted[at] = obj;
    else sorted.splice(at, 0, obj);
  }

  private dropSorted(kind: string, obj: KubeObject): void {
    const sorted = this.sorted.get(kind);
    if (!sorted) return;
    const at = lowerBound(sorted, (o) => byNamespaceThenName(o, obj) < 0);
    if (sorted[at] && byNamespaceThenName(sorted[at], obj) === 0) sorted.splice(at, 1);
  }

  private emit(event: WatchEvent): void {
    this.history.push(event);
    if (this.history.length > HISTORY_LIMIT * 1.25)
      this.history.splice(0, this.history.length - HISTORY_LIMIT);
    for (const listener of this.listeners) listener(event);
  }

  private index(obj: KubeObject): void {
    const uid = obj.metadata.uid;
    if (!uid) return;
    this.byUid.set(uid, obj);
    if (this.uncontrolledKinds.has(obj.kind)) this.indexUncontrolled(obj);
    for (const owner of obj.metadata.ownerReferences ?? []) {
      let set = this.dependents.get(owner.uid);
      if (!set) {
        set = new Set();
        this.dependents.set(owner.uid, set);
      }
      if (set.has(uid)) continue;
      set.add(uid);
      const sorted = this.sortedDependents.get(owner.uid);
      // After any same-named objects, as the set's insertion order and a stable sort would place it.
      if (sorted)
        sorted.splice(
          lowerBound(sorted, (o) => byNamespaceThenName(o, obj) <= 0),
          0,
          obj,
        );
    }
  }

  /** A new version with the same uid and owners (most writes): swap it in where the old one was. */
  private reindexInPlace(previous: KubeObject, obj: KubeObject): void {
    const uid = obj.metadata.uid;
    if (!uid) return;
    this.byUid.set(uid, obj);
    for (const owner of obj.metadata.ownerReferences ?? []) {
      const sorted = this.sortedDependents.get(owner.uid);
      if (!sorted) continue;
      let at = lowerBound(sorted, (o) => byNamespaceThenName(o, obj) < 0);
      while (at < sorted.length && sorted[at] !== previous && byNamespaceThenName(sorted[at], obj) === 0)
        at++;
      if (sorted[at] === previous) sorted[at] = obj;
    }
  }

  private indexUncontrolled(obj: KubeObject): void {
    const uid = obj.metadata.uid;
    if (!uid || hasController(obj)) return;
    const key = uncontrolledKey(obj);
    let set = this.uncontrolled.get(key);
    if (!set) {
      set = new Set();
      this.uncontrolled.set(key, set);
    }
    set.add(uid);
  }

  private unindex(obj: KubeObject): void {
    const uid = obj.metadata.uid;
    if (!uid) return;
    this.byUid.delete(uid);
    if (this.uncontrolledKinds.has(obj.kind) && !hasController(obj)) {
      const key = uncontrolledKey(obj);
      const set = this.uncontrolled.get(key);
      set?.delete(uid);
      if (set?.size === 0) this.uncontrolled.delete(key);
    }
    for (const owner of obj.metadata.ownerReferences ?? []) {
      const set = this.dependents.get(owner.uid);
      set?.delete(uid);
      if (set?.size === 0) this.dependents.delete(owner.uid);
      const sorted = this.sortedDependents.get(owner.uid);
      if (sorted) {
        let at = lowerBound(sorted, (o) => byNamespaceThenName(o, obj) < 0);
        // Objects of other kinds may share the name: find this very object among the ties.
        while (at < sorted.length && sorted[at] !== obj && byNamespaceThenName(sorted[at], obj) === 0) at++;
        if (sorted[at] === obj) sorted.splice(at, 1);
        if (!set?.size) this.sortedDependents.delete(owner.uid);
      }
    }
  }
}

/** One kind's objects by namespace, then name: reads need no key string built and hashed. */
class KindObjects {
  private byNamespace = new Map<string, Map<string, KubeObject>>();
  size = 0;

  get(namespace: string, name: string): KubeObject | undefined {
    return this.byNamespace.get(namespace)?.get(name);
  }

  /** Stores `obj`; returns the object it replaced, if any. */
  set(namespace: string, name: string, obj: KubeObject): KubeObject | undefined {
    let names = this.byNamespace.get(namespace);
    if (!names) {
      names = new Map();
      this.byNamespace.set(namespace, names);
    }
    const previous = names.get(name);
    names.set(name, obj);
    if (!previous) this.size++;
    return previous;
  }

  delete(namespace: string, name: string): void {
    const names = this.byNamespace.get(namespace);
    if (!names?.delete(name)) return;
    this.size--;
    if (names.size === 0) this.byNamespace.delete(namespace);
  }

  values(): KubeObject[] {
    const out: KubeObject[] = [];
    for (const names of this.byNamespace.values()) for (const obj of names.values()) out.push(obj);
    return out;
  }
}

/** Same uid and the same owner references (uid and controller flag): the indexes stay valid. */
function sameOwnership(a: KubeObject, b: KubeObject): boolean {
  if (a.metadata.uid !== b.metadata.uid) return false;
  const ra = a.metadata.ownerReferences ?? [];
  const rb = b.metadata.ownerReferences ?? [];
  if (ra === rb) return true;
  if (ra.length !== rb.length) return false;
  return ra.every((r, i) => r.uid === rb[i].uid && r.controller === rb[i].controller);
}

function hasController(obj: KubeObject): boolean {
  return obj.metadata.ownerReferences?.some((r) => r.controller === true) ?? false;
}

function uncontrolledKey(obj: KubeObject): string {
  return `${obj.kind}/${obj.metadata.namespace ?? ""}`;
}

/** The first index at or after `from` whose item fails `before` (items failing it form a suffix). */
function lowerBound(items: KubeObject[], before: (item: KubeObject) => boolean, from = 0): number {
  let lo = from;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(items[mid])) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function byNamespaceThenName(a: KubeObject, b: KubeObject): number {
  const na = a.metadata.namespace ?? "";
  const nb = b.metadata.namespace ?? "";
  if (na !== nb) return na < nb ? -1 : 1;
  const ma = a.metadata.name ?? "";
  const mb = b.metadata.name ?? "";
  return ma < mb ? -1 : ma > mb ? 1 : 0;
}
