import type { EdgeView } from "./model";

/**
 * The model's edges, kept up to date one edge at a time: by id, and by the uid each leaves and
 * reaches, so that adding or removing a pod's few edges never walks the others.
 */
export class EdgeIndex {
  readonly byId = new Map<string, EdgeView>();
  readonly from = new Map<string, Map<string, EdgeView>>();
  readonly to = new Map<string, Map<string, EdgeView>>();

  /** Adds an edge (an edge with the same id and shape is kept as it is, so its identity holds). */
  add(edge: EdgeView): void {
    const existing = this.byId.get(edge.id);
    if (existing && existing.controller === edge.controller) return;
    this.byId.set(edge.id, edge);
    link(this.from, edge.from, edge);
    link(this.to, edge.to, edge);
  }

  remove(id: string): void {
    const edge = this.byId.get(id);
    if (!edge) return;
    this.byId.delete(id);
    unlink(this.from, edge.from, id);
    unlink(this.to, edge.to, id);
  }

  /** Replaces one group of edges (say, a pod's owner edges) with another. */
  replace(before: readonly EdgeView[], after: readonly EdgeView[]): void {
    const keep = new Set(after.map((e) => e.id));
    for (const edge of before) if (!keep.has(edge.id)) this.remove(edge.id);
    for (const edge of after) this.add(edge);
  }
}

function link(map: Map<string, Map<string, EdgeView>>, uid: string, edge: EdgeView): void {
  let edges = map.get(uid);
  if (!edges) {
    edges = new Map();
    map.set(uid, edges);
  }
  edges.set(edge.id, edge);
}

function unlink(map: Map<string, Map<string, EdgeView>>, uid: string, id: string): void {
  const edges = map.get(uid);
  if (!edges) return;
  edges.delete(id);
  if (edges.size === 0) map.delete(uid);
}
