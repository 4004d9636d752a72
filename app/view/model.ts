import type { KubeObject } from "../../src";
import { labelSelectorAsSelector, type Selector, selectorFromSet } from "../../src/apimachinery/labels";
import { type PodStatusView, podStatusView } from "./podState";

/** The kinds the cluster view draws. */
export type ViewKind = "Deployment" | "ReplicaSet" | "Job" | "CronJob" | "Pod" | "Service" | "Node";

const WORKLOAD_KINDS = new Set(["Deployment", "ReplicaSet", "Job", "CronJob"]);

/** One drawn object, keyed by uid. */
export interface ViewObject {
  uid: string;
  kind: ViewKind;
  name: string;
  namespace: string;
  labels: Readonly<Record<string, string>>;
  object: KubeObject;
  /** The controller owner's uid, when that owner is drawn too. */
  ownerUid?: string;
  /** The selector this object holds (workloads with spec.selector, Services), if any. */
  selector?: Selector;
}

/** A pod: its status at a glance and the group (controller owner) it collapses into. */
export interface PodView extends ViewObject {
  kind: "Pod";
  status: PodStatusView;
  nodeName?: string;
  /** The controller owner's uid, or "" for a pod nobody controls (never collapsed). */
  group: string;
}

/** A node lane. */
export interface NodeView extends ViewObject {
  kind: "Node";
  ready: boolean;
  unschedulable: boolean;
}

/** A line between two objects: ownership (dependent → owner) or a selector's match. */
export interface EdgeView {
  id: string;
  kind: "owner" | "selector";
  /** The owner, or the selector's holder. */
  from: string;
  /** The dependent, or the matched pod. */
  to: string;
  /** For owner edges: whether this is the controller reference. */
  controller: boolean;
}

/**
 * Everything the view draws, derived from the mirror's objects alone. A new model per change;
 * its arrays are its own, but `byUid` and the edge maps are the builder's live indexes (kept up
 * to date change by change): read them for the latest model only.
 */
export interface ClusterModel {
  nodes: NodeView[];
  workloads: ViewObject[];
  pods: PodView[];
  services: ViewObject[];
  edges: EdgeView[];
  byUid: ReadonlyMap<string, ViewObject>;
  /** Ready endpoint pod uids by Service uid (from the Endpoints object of the same name, when there is one). */
  endpoints: ReadonlyMap<string, ReadonlySet<string>>;
  /** The edges leaving each uid (owner → dependents, holder → matched pods) by edge id, so lookups need no scan. */
  edgesFrom: ReadonlyMap<string, ReadonlyMap<string, EdgeView>>;
  /** The edges arriving at each uid, by edge id. */
  edgesTo: ReadonlyMap<string, ReadonlyMap<string, EdgeView>>;
}

/** Whether the learner's view shows this object (system namespaces and the `kubernetes` Service stay out). */
export function isDrawn(object: KubeObject): boolean {
  const kind = object.kind;
  if (kind !== "Node" && kind !== "Pod" && kind !== "Service" && !WORKLOAD_KINDS.has(kind)) return false;
  if ((object.metadata.namespace ?? "").startsWith("kube-")) return false;
  return !(
    kind === "Service" &&
    object.metadata.name === "kubernetes" &&
    object.metadata.namespace === "default"
  );
}

/** Parsed selectors by their JSON: a workload's status changes often, its selector almost never. */
const parsedSelectors = new Map<string, Selector | undefined>();
const PARSED_SELECTORS_KEPT = 500;

/** The selector an object holds, or undefined (none, or one that does not parse). */
export function selectorOf(object: KubeObject): Selector | undefined {
  const service = object.kind === "Service";
  const source = service
    ? object.spec?.selector
    : object.kind === "CronJob"
      ? undefined
      : object.spec?.selector;
  if (!source) return undefined;
  const key = `${service ? "set" : "ls"}:${JSON.stringify(source)}`;
  if (parsedSelectors.has(key)) return parsedSelectors.get(key);
  const selector = parseSelector(source, service);
  if (parsedSelectors.size >= PARSED_SELECTORS_KEPT) parsedSelectors.clear();
  parsedSelectors.set(key, selector);
  return selector;
}

function parseSelector(source: unknown, fromSet: boolean): Selector | undefined {
  try {
    if (!fromSet) return labelSelectorAsSelector(source as Parameters<typeof labelSelectorAsSelector>[0]);
    const set = source as Record<string, string>;
    return Object.keys(set).length > 0 ? selectorFromSet(set) : undefined;
  } catch {
    return undefined;
  }
}

/** The uid the view keys an object by (the mirror's key: metadata.uid, or kind/namespace/name). */
export function uidOf(object: KubeObject): string {
  const metadata = object.metadata;
  return metadata.uid ?? `${object.kind}/${metadata.namespace ?? ""}/${metadata.name}`;
}

/**
 * The view of one drawn object, before its owner is resolved (`ownerUid` unset, a pod's
 * `group` ""). Depends on `object` alone, so it is built once per object version.
 */
export function viewOf(object: KubeObject): ViewObject {
  const metadata = object.metadata;
  const base: ViewObject = {
    uid: uidOf(object),
    kind: object.kind as ViewKind,
    name: metadata.name ?? "",
    namespace: metadata.namespace ?? "",
    labels: metadata.labels ?? {},
    object,
    selector: selectorOf(object),
  };
  if (object.kind === "Pod") {
    const pod: PodView = {
      ...base,
      kind: "Pod",
      status: podStatusView(object),
      nodeName: object.spec?.nodeName,
      group: "",
    };
    return pod;
  }
  if (object.kind === "Node") {
    const conditions: { type: string; status: string }[] = object.status?.conditions ?? [];
    const ready = conditions.some((c) => c.type === "Ready" && c.status === "True");
    const node: NodeView = {
      ...base,
      kind: "Node",
      ready,
      unschedulable: Boolean(object.spec?.unschedulable),
    };
    return node;
  }
  return base;
}

/** The uid of an object's controller owner reference, if it has one. */
export function controllerOf(object: KubeObject): string | undefined {
  return object.metadata.ownerReferences?.find((ref: { controller?: boolean }) => ref.controller)?.uid;
}

/** Orders views by namespace, then name (code-unit order: cheap, and stable across locales). */
export function byName(a: ViewObject, b: ViewObject): number {
  if (a.namespace !== b.namespace) return a.namespace < b.namespace ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
