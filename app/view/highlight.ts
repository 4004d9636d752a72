import type { Selector } from "../../src/apimachinery/labels";
import type { Layout } from "./layout";
import type { ClusterModel, ViewObject } from "./model";

/** What the learner is pointing at. */
export type Focus =
  /** An object hovered, focused or selected: its owners, dependents and matches light up. */
  | { type: "object"; uid: string }
  /** A label chip: the selectors that use this label light up. */
  | { type: "label"; uid: string; key: string; value: string }
  /** The editor's text, before it is applied: what its selectors would match, what would select its labels. */
  | { type: "lens"; selectors: LensSelector[]; labels: LensLabels[] };

/** A selector found in the editor, with the namespace it would live in. */
export interface LensSelector {
  namespace: string;
  selector: Selector;
}

/** A label set found in the editor (an object's labels or a pod template's). */
export interface LensLabels {
  namespace: string;
  labels: Record<string, string>;
}

/** Drawn ids and edge ids to highlight, and label keys to mark per object uid. */
export interface Highlight {
  objects: ReadonlySet<string>;
  edges: ReadonlySet<string>;
  marked: ReadonlyMap<string, ReadonlySet<string>>;
}

export const NO_HIGHLIGHT: Highlight = { objects: new Set(), edges: new Set(), marked: new Map() };

/**
 * What a focus lights up, in drawn ids (a pod in a collapsed group lights its summary).
 * Object: every owner up the chain, every dependent down it, the pods its selector matches
 * (for a Service: exactly its ready endpoints) and the holders whose selectors match it.
 * The focused object itself is not included: it is the one being pointed at.
 */
export function highlightFor(model: ClusterModel, layout: Layout, focus: Focus | undefined): Highlight {
  if (!focus) return NO_HIGHLIGHT;
  const uids = new Set<string>();
  const marked = new Map<string, Set<string>>();
  if (focus.type === "object") relatedTo(model, focus.uid, uids, marked);
  else if (focus.type === "label") usersOf(model, focus, uids);
  else lensMatches(model, focus, uids, marked);
  const focusId = focus.type === "object" ? (layout.drawnAs.get(focus.uid) ?? focus.uid) : undefined;
  const objects = new Set<string>();
  for (const uid of uids) objects.add(layout.drawnAs.get(uid) ?? uid);
  if (focusId) objects.delete(focusId);
  const edges = new Set<string>();
  const lit = new Set([...objects, ...(focusId ? [focusId] : [])]);
  for (const edge of layout.edges) {
    if (!lit.has(edge.from) || !lit.has(edge.to)) continue;
    if (
      focus.type !== "object" ||
      edge.from === focusId ||
      edge.to === focusId ||
      edge.edge.kind === "owner"
    ) {
      edges.add(edge.id);
    }
  }
  return { objects, edges, marked };
}

function relatedTo(
  model: ClusterModel,
  uid: string,
  out: Set<string>,
  marked: Map<string, Set<string>>,
): void {
  const view = model.byUid.get(uid);
  if (!view) return;
  for (let owner = view.ownerUid; owner && !out.has(owner); owner = model.byUid.get(owner)?.ownerUid)
    out.add(owner);
  addDependents(model, uid, out);
  const endpoints = view.kind === "Service" ? model.endpoints.get(uid) : undefined;
  for (const edge of model.edgesFrom.get(uid)?.values() ?? []) {
    if (edge.kind !== "selector" || (endpoints && !endpoints.has(edge.to))) continue;
    out.add(edge.to);
    markSelector(view, model.byUid.get(edge.to), marked);
  }
  for (const edge of model.edgesTo.get(uid)?.values() ?? []) if (edge.kind === "selector") out.add(edge.from);
  if (endpoints) for (const pod of endpoints) if (model.byUid.has(pod)) out.add(pod);
}

/** Every dependent down the owner tree (iterative: a deep or cyclic tree cannot overflow). */
function addDependents(model: ClusterModel, uid: string, out: Set<string>): void {
  const stack = [uid];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    for (const edge of model.edgesFrom.get(next)?.values() ?? []) {
      if (edge.kind !== "owner" || out.has(edge.to)) continue;
      out.add(edge.to);
      stack.push(edge.to);
    }
  }
}

function markSelector(
  holder: ViewObject,
  target: ViewObject | undefined,
  marked: Map<string, Set<string>>,
): void {
  if (!holder.selector || !target) return;
  const keys = marked.get(target.uid) ?? new Set<string>();
  for (const requirement of holder.selector.requirements())
    if (requirement.key in target.labels) keys.add(requirement.key);
  marked.set(target.uid, keys);
}

function usersOf(model: ClusterModel, focus: { uid: string; key: string }, out: Set<string>): void {
  const target = model.byUid.get(focus.uid);
  for (const view of model.byUid.values()) {
    if (!view.selector || view.uid === focus.uid || view.namespace !== target?.namespace) continue;
    if (view.selector.requirements().some((r) => r.key === focus.key)) out.add(view.uid);
  }
}

function lensMatches(
  model: ClusterModel,
  focus: Extract<Focus, { type: "lens" }>,
  out: Set<string>,
  marked: Map<string, Set<string>>,
): void {
  for (const { namespace, selector } of focus.selectors) {
    const holder = { selector } as ViewObject;
    for (const pod of model.pods) {
      if (pod.namespace !== namespace || !selector.matches(pod.labels)) continue;
      out.add(pod.uid);
      markSelector(holder, pod, marked);
    }
  }
  for (const { namespace, labels } of focus.labels) {
    for (const view of model.byUid.values()) {
      if (
        view.namespace === namespace &&
        view.selector &&
        !view.selector.empty() &&
        view.selector.matches(labels)
      ) {
        out.add(view.uid);
      }
    }
  }
}
