import type { KubeObject } from "../../src";
import type { MirrorDelta } from "../sim/mirror";
import { EdgeIndex } from "./edgeIndex";
import {
  byName,
  type ClusterModel,
  type EdgeView,
  isDrawn,
  type NodeView,
  type PodView,
  uidOf,
  type ViewObject,
  viewOf,
} from "./model";
import { SortedList } from "./sortedList";

type Objects = ReadonlyMap<string, KubeObject>;

/** What is kept per drawn object between updates. */
interface Entry {
  /** The view built from the object alone (no owner resolved). */
  base: ViewObject;
  /** Every owner reference, read once per object version. */
  owners: readonly { uid: string; controller: boolean }[];
  /** The controller owner's uid, if any. */
  controller?: string;
  /** For a selector holder: what its matches depend on (namespace and selector). */
  selectorKey?: string;
}

/** What one update touched, gathered before anything is recomputed. */
interface Work {
  changed: boolean;
  /** Drawn uids whose published view (and owner edges) must be rebuilt. */
  republish: Set<string>;
  /** Pods whose selector matches must be recomputed. */
  rematch: Set<string>;
  /** Some selector appeared, went or changed: every pod is rematched. */
  selectorsChanged: boolean;
  endpointsChanged: boolean;
}

/**
 * Builds the drawn model from the mirror, change by change: an update costs O(changes) (plus
 * copying the model's arrays of pointers), not O(objects). Views of unchanged objects are
 * reused (same references, so memoised shapes skip them); a pod's selector matches are
 * recomputed only when its labels change, unless some selector itself changed. A state whose
 * drawn objects (and Endpoints) are all unchanged returns the previous model itself.
 */
export class ModelBuilder {
  /** The drawn objects and Endpoints absorbed so far, by uid. */
  private known = new Map<string, KubeObject>();
  private entries = new Map<string, Entry>();
  private views = new Map<string, ViewObject>();
  /** Owner uid → the drawn objects that reference it (whether or not the owner is drawn). */
  private dependents = new Map<string, Set<string>>();
  private ownerEdges = new Map<string, EdgeView[]>();
  private matches = new Map<string, { holders: string[]; edges: EdgeView[] }>();
  private holders = new Map<string, ViewObject>();
  private endpointObjects = new Map<string, KubeObject>();
  private edges = new EdgeIndex();
  private pods = sortedViews<PodView>();
  private nodes = sortedViews<NodeView>();
  private workloads = sortedViews<ViewObject>();
  private services = sortedViews<ViewObject>();
  private model?: ClusterModel;

  /**
   * The model for `objects` (a mirror state). With `delta` (the mirror's changes since the
   * previous call) only those uids are looked at; without it, or on a reset, `objects` is
   * compared with what was absorbed (time travel). The same object as last time when nothing
   * drawn changed.
   */
  update(objects: Objects, delta?: MirrorDelta): ClusterModel {
    const uids = delta && !delta.reset ? delta.changes.map((c) => c.uid) : this.differing(objects);
    const work: Work = {
      changed: false,
      republish: new Set(),
      rematch: new Set(),
      selectorsChanged: false,
      endpointsChanged: false,
    };
    for (const uid of new Set(uids)) this.absorb(uid, objects.get(uid), work);
    if (!work.changed && this.model) return this.model;
    for (const uid of work.republish) this.publish(uid);
    this.rematch(work);
    this.model = {
      nodes: this.nodes.list(),
      workloads: this.workloads.list(),
      pods: this.pods.list(),
      services: this.services.list(),
      edges: [...this.edges.byId.values()],
      byUid: this.views,
      endpoints:
        work.endpointsChanged || this.services.changed || !this.model
          ? endpointsOf(this.services.list(), this.endpointObjects)
          : this.model.endpoints,
      edgesFrom: this.edges.from,
      edgesTo: this.edges.to,
    };
    for (const list of [this.pods, this.nodes, this.workloads, this.services]) list.changed = false;
    return this.model;
  }

  /** The uids whose drawn object or Endpoints differ between `objects` and what was absorbed. */
  private differing(objects: Objects): string[] {
    const uids: string[] = [];
    for (const [uid, object] of objects)
      if (this.known.get(uid) !== object && (object.kind === "Endpoints" || isDrawn(object))) uids.push(uid);
    for (const uid of this.known.keys()) if (!objects.has(uid)) uids.push(uid);
    return uids;
  }

  /** Takes in one uid's new object (undefined: gone), noting what must be recomputed. */
  private absorb(uid: string, object: KubeObject | undefined, work: Work): void {
    const before = this.known.get(uid);
    if (before === object) return;
    const kind = (object ?? before)?.kind;
    if (kind === "Endpoints") {
      const key = `${(object ?? before)?.metadata.namespace}/${(object ?? before)?.metadata.name}`;
      if (object) this.endpointObjects.set(key, object);
      else this.endpointObjects.delete(key);
      this.remember(uid, object);
      work.changed = work.endpointsChanged = true;
      return;
    }
    const old = this.entries.get(uid);
    const drawn = object !== undefined && isDrawn(object);
    if (!drawn && !old) return;
    this.remember(uid, drawn ? object : undefined);
    work.changed = true;
    if (old) this.unindex(uid, old);
    const entry = drawn ? entryOf(object) : undefined;
    if (entry) {
      this.entries.set(uid, entry);
      this.index(uid, entry);
      work.republish.add(uid);
    } else this.forget(uid);
    // Dependents resolve their owner (and draw their owner edges) only while it is drawn.
    if (!old !== !entry)
      for (const dependent of this.dependents.get(uid) ?? []) work.republish.add(dependent);
    if (old?.selectorKey !== entry?.selectorKey) work.selectorsChanged = true;
    if (entry?.base.kind === "Pod" && !(old && sameLabels(old.base.labels, entry.base.labels)))
      work.rematch.add(uid);
  }

  private remember(uid: string, object: KubeObject | undefined): void {
    if (object) this.known.set(uid, object);
    else this.known.delete(uid);
  }

  private index(uid: string, entry: Entry): void {
    for (const owner of entry.owners) {
      let set = this.dependents.get(owner.uid);
      if (!set) {
        set = new Set();
        this.dependents.set(owner.uid, set);
      }
      set.add(uid);
    }
    if (entry.selectorKey !== undefined) this.holders.set(uid, entry.base);
  }

  private unindex(uid: string, entry: Entry): void {
    for (const owner of entry.owners) {
      const set = this.dependents.get(owner.uid);
      set?.delete(uid);
      if (set?.size === 0) this.dependents.delete(owner.uid);
    }
    this.holders.delete(uid);
  }

  /** A drawn object went: its view, its edges and its place in the lists. */
  private forget(uid: string): void {
    this.entries.delete(uid);
    const view = this.views.get(uid);
    this.views.delete(uid);
    if (view) this.listOf(view.kind).remove(view);
    this.edges.replace(this.ownerEdges.get(uid) ?? [], []);
    this.ownerEdges.delete(uid);
    this.edges.replace(this.matches.get(uid)?.edges ?? [], []);
    this.matches.delete(uid);
  }

  /** The entry's view with its owner resolved (reused when that did not change), and its owner edges. */
  private publish(uid: string): void {
    const entry = this.entries.get(uid);
    if (!entry) return;
    const controller = entry.controller;
    const ownerUid = controller && this.entries.has(controller) ? controller : undefined;
    const last = this.views.get(uid);
    if (!last || last.object !== entry.base.object || last.ownerUid !== ownerUid) {
      const view: ViewObject =
        entry.base.kind === "Pod"
          ? ({ ...entry.base, ownerUid, group: ownerUid ?? "" } as PodView)
          : { ...entry.base, ownerUid };
      this.views.set(uid, view);
      this.listOf(view.kind).put(view, last);
    }
    const edges: EdgeView[] = [];
    for (const ref of entry.owners) {
      if (!this.entries.has(ref.uid)) continue;
      edges.push({
        id: `owner:${ref.uid}:${uid}`,
        kind: "owner",
        from: ref.uid,
        to: uid,
        controller: ref.controller,
      });
    }
    this.edges.replace(this.ownerEdges.get(uid) ?? [], edges);
    this.ownerEdges.set(uid, edges);
  }

  /** Selector edges: every pod when some selector changed, otherwise only pods whose labels did. */
  private rematch(work: Work): void {
    const pods = work.selectorsChanged ? this.pods.all() : work.rematch;
    const active = [...this.holders.values()];
    for (const item of pods) {
      const uid = typeof item === "string" ? item : item.uid;
      const pod = this.views.get(uid);
      if (!pod) continue;
      const holders = active
        .filter((h) => h.namespace === pod.namespace && h.selector?.matches(pod.labels))
        .map((h) => h.uid);
      const before = this.matches.get(uid);
      if (before && before.holders.join() === holders.join()) continue;
      const edges = holders.map(
        (holder): EdgeView => ({
          id: `selector:${holder}:${uid}`,
          kind: "selector",
          from: holder,
          to: uid,
          controller: false,
        }),
      );
      this.edges.replace(before?.edges ?? [], edges);
      this.matches.set(uid, { holders, edges });
    }
  }

  /** The list a view of `kind` belongs in (each list only ever holds views of its kinds). */
  private listOf(kind: string): SortedList<ViewObject> {
    if (kind === "Pod") return this.pods as unknown as SortedList<ViewObject>;
    if (kind === "Node") return this.nodes as unknown as SortedList<ViewObject>;
    return kind === "Service" ? this.services : this.workloads;
  }
}

function sortedViews<T extends ViewObject>(): SortedList<T> {
  return new SortedList<T>(byName, (view) => view.uid);
}

function entryOf(object: KubeObject): Entry {
  const base = viewOf(object);
  const owners = (object.metadata.ownerReferences ?? []).map(
    (ref: { uid: string; controller?: boolean }) => ({
      uid: ref.uid,
      controller: Boolean(ref.controller),
    }),
  );
  const active = base.selector && !base.selector.empty();
  return {
    base,
    owners,
    controller: owners.find((o) => o.controller)?.uid,
    selectorKey: active ? `${base.namespace}|${base.selector}` : undefined,
  };
}

/**
 * Builds the drawn model from objects at once: drawn objects by uid, owner edges (every
 * ownerReference whose owner is drawn), selector edges from each holder to the pods of its
 * namespace it matches, and Service endpoints. Pure.
 */
export function buildModel(objects: Iterable<KubeObject>): ClusterModel {
  const byUid = new Map<string, KubeObject>();
  for (const object of objects) byUid.set(uidOf(object), object);
  return new ModelBuilder().update(byUid);
}

function sameLabels(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  if (a === b) return true;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => a[k] === b[k]);
}

function endpointsOf(
  services: readonly ViewObject[],
  endpointObjects: ReadonlyMap<string, KubeObject>,
): Map<string, Set<string>> {
  const result = new Map<string, Set<string>>();
  for (const service of services) {
    const endpoints = endpointObjects.get(`${service.namespace}/${service.name}`);
    if (!endpoints) continue;
    const uids = new Set<string>();
    for (const subset of endpoints.subsets ?? []) {
      for (const address of subset.addresses ?? [])
        if (address.targetRef?.uid) uids.add(address.targetRef.uid);
    }
    result.set(service.uid, uids);
  }
  return result;
}
