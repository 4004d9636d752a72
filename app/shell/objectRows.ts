import type { KubeObject } from "../../src";
import type { ClusterMirror } from "../sim/mirror";
import { SortedList } from "../view/sortedList";

/** Kinds a learner works with, in the order the table lists them; others follow alphabetically. */
const KIND_ORDER = [
  "Node",
  "Deployment",
  "StatefulSet",
  "DaemonSet",
  "ReplicaSet",
  "Job",
  "CronJob",
  "Pod",
  "Service",
];
/** Plumbing a learner does not create and that would drown the list. */
const HIDDEN_KINDS = new Set(["Event", "Lease", "Namespace", "EndpointSlice", "Endpoints"]);

function visible(object: KubeObject): boolean {
  const ns = object.metadata.namespace ?? "";
  if (HIDDEN_KINDS.has(object.kind) || ns.startsWith("kube-")) return false;
  if (object.kind === "ConfigMap" && object.metadata.name === "kube-root-ca.crt") return false;
  return !(object.kind === "Service" && object.metadata.name === "kubernetes");
}

function rank(kind: string): number {
  const index = KIND_ORDER.indexOf(kind);
  return index === -1 ? KIND_ORDER.length : index;
}

function compareRows(a: KubeObject, b: KubeObject): number {
  return (
    rank(a.kind) - rank(b.kind) ||
    a.kind.localeCompare(b.kind) ||
    (a.metadata.name ?? "").localeCompare(b.metadata.name ?? "")
  );
}

const uidOf = (object: KubeObject) => object.metadata.uid ?? `${object.kind}/${object.metadata.name}`;

/**
 * The objects table's rows, in table order, kept from the mirror's changes: a batch costs a
 * binary search per changed object rather than a sort of the whole cluster.
 */
export class ObjectRows {
  private rows = new SortedList<KubeObject>(compareRows, uidOf);
  private shown = new Map<string, KubeObject>();
  private seen = -1;
  private list: readonly KubeObject[] = [];

  /** The visible objects in order, as of the mirror's current version. */
  read(mirror: ClusterMirror): readonly KubeObject[] {
    const state = mirror.get();
    if (state.version === this.seen) return this.list;
    const delta = this.seen < 0 ? undefined : mirror.changesSince(this.seen);
    this.seen = state.version;
    if (!delta || delta.reset) {
      this.rows = new SortedList<KubeObject>(compareRows, uidOf);
      this.shown.clear();
      for (const [uid, object] of state.objects) this.take(uid, object);
    } else for (const { uid } of delta.changes) this.take(uid, state.objects.get(uid));
    if (this.rows.changed || this.list.length === 0) this.list = this.rows.list();
    this.rows.changed = false;
    return this.list;
  }

  private take(uid: string, object: KubeObject | undefined): void {
    const before = this.shown.get(uid);
    if (before === object) return;
    if (object && visible(object)) {
      this.shown.set(uid, object);
      this.rows.put(object, before);
    } else if (before) {
      this.shown.delete(uid);
      this.rows.remove(before);
    }
  }
}
