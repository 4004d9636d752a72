import type { OwnerReference } from "kubernetes-types/meta/v1";
import { typeOfKind } from "../api/registry";
import { type KubeObject, refOf, type WatchEvent } from "../api/types";
import type { Controller, ControllerContext, ReconcileResult } from "./controller";

const COMPONENT = "garbage-collector";

/** Work-queue keys are `kind/namespace/name`: the collector handles every kind. */
function gcKey(obj: KubeObject): string {
  return `${obj.kind}/${obj.metadata.namespace ?? ""}/${obj.metadata.name}`;
}

function splitGcKey(key: string): { kind: string; namespace: string; name: string } {
  const [kind, namespace, ...name] = key.split("/");
  return { kind, namespace, name: name.join("/") };
}

/**
 * Which objects an event concerns: the object itself when its ownerReferences are new or
 * changed (its owners may be gone) or it is being deleted; and when it is deleted, its owners
 * (a foreground owner waits for it) and its dependents (they may now be orphans). Like the
 * real graph builder, a write that leaves the references alone (a status update) costs nothing.
 */
function keysFor(event: WatchEvent, ctx: ControllerContext, seen: Map<string, OwnerReference[]>): string[] {
  const obj = event.object;
  const uid = obj.metadata.uid ?? "";
  const refs = obj.metadata.ownerReferences;
  if (event.type !== "DELETED") {
    const changed = !sameReferences(seen.get(uid), refs);
    if (refs?.length) seen.set(uid, refs);
    else seen.delete(uid);
    return (refs?.length && changed) || obj.metadata.deletionTimestamp ? [gcKey(obj)] : [];
  }
  seen.delete(uid);
  const keys: string[] = [];
  const api = ctx.api;
  for (const owner of refs ?? []) {
    const ownerObj = api.store.getByUid(owner.uid);
    if (ownerObj?.metadata.deletionTimestamp) keys.push(gcKey(ownerObj));
  }
  for (const dependent of api.store.dependentsOf(uid)) keys.push(gcKey(dependent));
  return keys;
}

function sameReferences(a: OwnerReference[] | undefined, b: OwnerReference[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every(
    (r, i) =>
      r.uid === b[i].uid &&
      r.controller === b[i].controller &&
      r.blockOwnerDeletion === b[i].blockOwnerDeletion,
  );
}

/**
 * The garbage collector (pkg/controller/garbagecollector): deletes objects whose owners are
 * all gone, honours foreground deletion (the owner waits, held by the `foregroundDeletion`
 * finalizer, until its blocking dependents are gone) and orphaning (the `orphan` finalizer:
 * dependents lose their ownerReference and live on).
 */
export function garbageCollector(): Controller {
  /** The ownerReferences last seen per uid (the dependency graph's edges). */
  const seen = new Map<string, OwnerReference[]>();
  return {
    name: COMPONENT,
    watches: [{ kind: "*", keys: (event, ctx) => keysFor(event, ctx, seen) }],
    reconcile(key, ctx) {
      const { kind, namespace, name } = splitGcKey(key);
      const obj = ctx.api.store.get(kind, namespace, name);
      if (!obj) return undefined;
      const finalizers = obj.metadata.finalizers ?? [];
      if (obj.metadata.deletionTimestamp && finalizers.includes("orphan")) return orphanDependents(obj, ctx);
      if (obj.metadata.deletionTimestamp && finalizers.includes("foregroundDeletion"))
        return deleteForeground(obj, ctx);
      return collectIfOwnersGone(obj, ctx);
    },
  };
}

function orphanDependents(owner: KubeObject, ctx: ControllerContext): ReconcileResult | undefined {
  const uid = owner.metadata.uid;
  const dependents = ctx.api.store.dependentsOf(uid ?? "");
  for (const dependent of dependents) {
    const ownerReferences = (dependent.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
    ctx.api.updateMetadata({
      ...dependent,
      metadata: {
        ...dependent.metadata,
        ownerReferences: ownerReferences.length ? ownerReferences : undefined,
      },
    });
  }
  removeFinalizer(owner, "orphan", ctx);
  trace(ctx, owner, `deleted with propagationPolicy=Orphan; ${dependents.length} dependent(s)`, [
    ...dependents.map(
      (d) =>
        `removed ownerReference to ${owner.kind} ${owner.metadata.name} from ${d.kind} ${d.metadata.name}`,
    ),
    `removed finalizer orphan`,
  ]);
  return undefined;
}

function deleteForeground(owner: KubeObject, ctx: ControllerContext): ReconcileResult | undefined {
  const dependents = ctx.api.store.dependentsOf(owner.metadata.uid ?? "");
  const actions: string[] = [];
  for (const dependent of dependents) {
    if (dependent.metadata.deletionTimestamp) continue;
    ctx.api.delete(dependent.kind, dependent.metadata.namespace ?? "", dependent.metadata.name ?? "", {
      propagationPolicy: "Foreground",
    });
    actions.push(`deleted ${dependent.kind} ${dependent.metadata.name} (foreground)`);
  }
  const blocking = ctx.api.store
    .dependentsOf(owner.metadata.uid ?? "")
    .filter((d) =>
      d.metadata.ownerReferences?.some((r) => r.uid === owner.metadata.uid && r.blockOwnerDeletion),
    );
  if (blocking.length === 0) {
    removeFinalizer(owner, "foregroundDeletion", ctx);
    actions.push("no blocking dependents left: removed finalizer foregroundDeletion");
  }
  trace(ctx, owner, `foreground deletion: ${blocking.length} dependent(s) still block the owner`, actions);
  return undefined;
}

function collectIfOwnersGone(obj: KubeObject, ctx: ControllerContext): ReconcileResult | undefined {
  const owners = obj.metadata.ownerReferences ?? [];
  if (owners.length === 0) return undefined;
  const absent = owners.filter((ref) => !ownerExists(obj, ref, ctx));
  const foregroundOwner = owners.some((ref) => {
    const owner = ctx.api.store.getByUid(ref.uid);
    return owner?.metadata.finalizers?.includes("foregroundDeletion") && owner.metadata.deletionTimestamp;
  });
  if (absent.length === owners.length) {
    if (obj.metadata.deletionTimestamp) return undefined;
    ctx.api.delete(obj.kind, obj.metadata.namespace ?? "", obj.metadata.name ?? "", {
      propagationPolicy: "Background",
    });
    trace(ctx, obj, `owner ${describeRefs(absent)} no longer exists`, [
      `deleted ${obj.kind} ${obj.metadata.name}`,
    ]);
  } else if (absent.length > 0 && !foregroundOwner) {
    const kept = owners.filter((ref) => !absent.includes(ref));
    ctx.api.updateMetadata({ ...obj, metadata: { ...obj.metadata, ownerReferences: kept } });
    trace(ctx, obj, `owner ${describeRefs(absent)} no longer exists, other owners remain`, [
      `removed dangling ownerReference(s)`,
    ]);
  }
  return undefined;
}

/** An owner exists when an object with that uid exists in a scope the dependent may reference. */
function ownerExists(dependent: KubeObject, ref: OwnerReference, ctx: ControllerContext): boolean {
  const owner = ctx.api.store.getByUid(ref.uid);
  if (!owner || owner.kind !== ref.kind) return false;
  const ownerType = typeOfKind(owner.kind);
  return !ownerType?.namespaced || owner.metadata.namespace === dependent.metadata.namespace;
}

function removeFinalizer(obj: KubeObject, finalizer: string, ctx: ControllerContext): void {
  const current = ctx.api.store.get(obj.kind, obj.metadata.namespace ?? "", obj.metadata.name ?? "");
  if (!current) return;
  const finalizers = (current.metadata.finalizers ?? []).filter((f) => f !== finalizer);
  ctx.api.updateMetadata({ ...current, metadata: { ...current.metadata, finalizers } });
}

function describeRefs(refs: OwnerReference[]): string {
  return refs.map((r) => `${r.kind} ${r.name}`).join(", ");
}

function trace(ctx: ControllerContext, obj: KubeObject, observed: string, actions: string[]): void {
  ctx.trace.record({ component: COMPONENT, object: refOf(obj), observed, actions });
}
