import type { KubeObject } from "../../src";
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

type Objects = ReadonlyMap<string, KubeObject>;

/** What is kept per drawn object between updates. */
interface Entry {
  /** The view built from the object alone (no owner resolved). */
  base: ViewObject;
  /** The view as last published (owner resolved); reused while neither object nor owner changes. */
  published?: ViewObject;
  /** The controller owner's uid and every owner reference, read once per object version. */
  controller?: string;
  owners: readonly { uid: string; controller: boolean }[];
}

/** A pod's selector matches, kept while neither its labels nor the set of selectors change. */
interface Matches {
  labels: Readonly<Record<string, string>>;
  holders: readonly string[];
}

/**
 * Builds the drawn model from successive mirror states, doing work only for what changed:
 * a state whose drawn objects (and Endpoints) are all unchanged returns the previous model
 * itself, so everything downstream can skip; otherwise views of unchanged objects are reused
 * (same references, so memoised shapes skip them) and selector matches are recomputed only
 * for pods whose labels changed, unless some selector itself changed.
 */
export class ModelBuilder {
  private previous: Objects = new Map();
  private model?: ClusterModel;
  private entries = new Map<string, Entry>();
  private endpointObjects = new Map<string, KubeObject>();
  private matches = new Map<string, Matches>();
  private selectorsKey = "";

  /** The model for `objects` (a mirror state); the same object as last time when nothing drawn changed. */
  update(objects: Objects): ClusterModel {
    if (objects === this.previous && this.model) return this.model;
    const changed = this.absorb(objects);
    this.previous = objects;
    if (!changed && this.model) return this.model;
    this.model = this.assemble();
    return this.model;
  }

  /** Takes in the changes since the previous state; true when any drawn object or Endpoints changed. */
  private absorb(objects: Objects): boolean {
    let changed = false;
    const take = (uid: string, object: KubeObject | undefined, before: KubeObject | undefined) => {
      const kind = (object ?? before)?.kind;
      if (kind === "Endpoints") {
        const key = `${(object ?? before)?.metadata.namespace}/${(object ?? before)?.metadata.name}`;
        if (object) this.endpointObjects.set(key, object);
        else this.endpointObjects.delete(key);
        changed = true;
        return;
      }
      if (object && isDrawn(object)) {
        const owners = (object.metadata.ownerReferences ?? []).map(
          (ref: { uid: string; controller?: boolean }) => ({
            uid: ref.uid,
            controller: Boolean(ref.controller),
          }),
        );
        this.entries.set(uid, {
          base: viewOf(object),
          owners,
          controller: owners.find((o) => o.controller)?.uid,
        });
        changed = true;
      } else if (this.entries.delete(uid)) changed = true;
    };
    let added = 0;
    for (const [uid, object] of objects) {
      const before = this.previous.get(uid);
      if (before === object) continue;
      if (!before) added++;
      take(uid, object, before);
    }
    // Some uids left only if the new state is smaller than the old one plus what was added.
    if (objects.size !== this.previous.size + added) {
      for (const [uid, before] of this.previous) if (!objects.has(uid)) take(uid, undefined, before);
    }
    return changed;
  }

  private assemble(): ClusterModel {
    const byUid = new Map<string, ViewObject>();
    for (const [uid, entry] of this.entries) byUid.set(uid, entry.base);
    const nodes: NodeView[] = [];
    const workloads: ViewObject[] = [];
    const pods: PodView[] = [];
    const services: ViewObject[] = [];
    for (const [uid, entry] of this.entries) {
      const view = this.publish(entry, byUid);
      byUid.set(uid, view);
      if (view.kind === "Pod") pods.push(view as PodView);
      else if (view.kind === "Node") nodes.push(view as NodeView);
      else if (view.kind === "Service") services.push(view);
      else workloads.push(view);
    }
    nodes.sort(byName);
    workloads.sort(byName);
    pods.sort(byName);
    services.sort(byName);
    const edges = [...this.ownerEdges(byUid), ...this.selectorEdges([...workloads, ...services], pods)];
    return {
      nodes,
      workloads,
      pods,
      services,
      edges,
      byUid,
      endpoints: endpointsOf(services, this.endpointObjects),
      ...adjacency(edges),
    };
  }

  /** The entry's view with its owner resolved, reusing the last one when that did not change. */
  private publish(entry: Entry, byUid: ReadonlyMap<string, ViewObject>): ViewObject {
    const controller = entry.controller;
    const ownerUid = controller && byUid.has(controller) ? controller : undefined;
    const last = entry.published;
    if (last && last.ownerUid === ownerUid) return last;
    const view: ViewObject =
      entry.base.kind === "Pod"
        ? ({ ...entry.base, ownerUid, group: ownerUid ?? "" } as PodView)
        : { ...entry.base, ownerUid };
    entry.published = view;
    return view;
  }

  /** Owner edges: every owner reference whose owner is drawn. */
  private ownerEdges(byUid: ReadonlyMap<string, ViewObject>): EdgeView[] {
    const edges: EdgeView[] = [];
    for (const [uid, entry] of this.entries) {
      for (const ref of entry.owners) {
        if (!byUid.has(ref.uid)) continue;
        edges.push({
          id: `owner:${ref.uid}:${uid}`,
          kind: "owner",
          from: ref.uid,
          to: uid,
          controller: ref.controller,
        });
      }
    }
    return edges;
  }

  /** Selector edges, holder by holder in order; each pod's matches are reused while still valid. */
  private selectorEdges(holders: readonly ViewObject[], pods: readonly PodView[]): EdgeView[] {
    const active = holders.filter((h) => h.selector && !h.selector.empty());
    const key = active.map((h) => `${h.uid}|${h.namespace}|${h.selector}`).join("\n");
    if (key !== this.selectorsKey) {
      this.selectorsKey = key;
      this.matches.clear();
    }
    const byHolder = new Map<string, string[]>();
    const alive = new Set<string>();
    for (const pod of pods) {
      alive.add(pod.uid);
      let match = this.matches.get(pod.uid);
      if (!match || !sameLabels(match.labels, pod.labels)) {
        const found = active.filter((h) => h.namespace === pod.namespace && h.selector?.matches(pod.labels));
        match = { labels: pod.labels, holders: found.map((h) => h.uid) };
        this.matches.set(pod.uid, match);
      }
      for (const holder of match.holders) {
        const list = byHolder.get(holder);
        if (list) list.push(pod.uid);
        else byHolder.set(holder, [pod.uid]);
      }
    }
    for (const uid of this.matches.keys()) if (!alive.has(uid)) this.matches.delete(uid);
    const edges: EdgeView[] = [];
    for (const holder of active) {
      for (const pod of byHolder.get(holder.uid) ?? [])
        edges.push({
          id: `selector:${holder.uid}:${pod}`,
          kind: "selector",
          from: holder.uid,
          to: pod,
          controller: false,
        });
    }
    return edges;
  }
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

function adjacency(edges: readonly EdgeView[]) {
  const edgesFrom = new Map<string, EdgeView[]>();
  const edgesTo = new Map<string, EdgeView[]>();
  const add = (map: Map<string, EdgeView[]>, uid: string, edge: EdgeView) => {
    const list = map.get(uid);
    if (list) list.push(edge);
    else map.set(uid, [edge]);
  };
  for (const edge of edges) {
    add(edgesFrom, edge.from, edge);
    add(edgesTo, edge.to, edge);
  }
  return { edgesFrom, edgesTo };
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
