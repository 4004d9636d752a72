import type { KubeObject, WatchEvent } from "../../api/types";
import { refOf } from "../../api/types";
import { labelSelectorAsSelector, type Selector, selectorFromSet } from "../../apimachinery/labels";
import { parseTimestamp } from "../../util/clock";
import {
  type Controller,
  type ControllerContext,
  objectKey,
  type ReconcileResult,
  splitKey,
} from "../controller";
import { claimObjects } from "./claim";
import { createMissingPods, manageReplicas, REPLICASET_CONTROLLER } from "./manageReplicas";
import { OwnedPodIndex } from "./ownedPods";
import { controllerOf, isPodActive, isPodReady, readyCondition, specReplicas } from "./podUtil";
import { calculateStatus, statusFromCounts, writeStatus } from "./replicaSetStatus";

/**
 * The ReplicaSet controller (pkg/controller/replicaset): claims the pods its selector matches
 * (adopting orphans, releasing pods whose labels changed), creates or deletes pods to reach
 * spec.replicas, and reports status (replicas, fullyLabeled, ready, available, observedGeneration).
 */
export function replicaSetController(): Controller {
  const index = new OwnedPodIndex();
  return {
    name: REPLICASET_CONTROLLER,
    watches: [
      { kind: "ReplicaSet", keys: (event) => replicaSetKeys(event, index) },
      {
        kind: "Pod",
        keys: (event, ctx) => {
          index.observe(event);
          return podKeys(event, ctx);
        },
      },
    ],
    reconcile: (key, ctx) => syncReplicaSet(key, ctx, index),
  };
}

function replicaSetKeys(event: WatchEvent, index: OwnedPodIndex): string[] {
  if (event.type === "DELETED") index.forget(event.object);
  return [objectKey(event.object)];
}

/** A pod wakes its controlling ReplicaSet, or, as an orphan, every ReplicaSet that selects it. */
function podKeys(event: WatchEvent, ctx: ControllerContext): string[] {
  const pod = event.object;
  const ref = controllerOf(pod);
  if (ref) return ref.kind === "ReplicaSet" ? [`${pod.metadata.namespace ?? ""}/${ref.name}`] : [];
  if (event.type === "DELETED") return [];
  return ctx.api.store
    .list("ReplicaSet", pod.metadata.namespace ?? "")
    .filter((rs) => parsedSelectors(rs)?.selector.matches(pod.metadata.labels ?? {}))
    .map(objectKey);
}

/** A ReplicaSet's parsed selector and template-labels selector, and a signature of both. */
interface ParsedSelectors {
  selector: Selector;
  template: Selector;
  signature: string;
}

/** Parsed once per stored ReplicaSet object (stored objects never change). */
const parsedMemo = new WeakMap<KubeObject, ParsedSelectors | null>();

/** The ReplicaSet's selector (undefined when it is empty or invalid: it then selects nothing). */
function parsedSelectors(rs: KubeObject): ParsedSelectors | undefined {
  let parsed = parsedMemo.get(rs);
  if (parsed === undefined) {
    parsed = parseSelectors(rs);
    parsedMemo.set(rs, parsed);
  }
  return parsed ?? undefined;
}

function parseSelectors(rs: KubeObject): ParsedSelectors | null {
  try {
    const selector = labelSelectorAsSelector(rs.spec?.selector);
    if (selector.empty()) return null;
    const labels = rs.spec?.template?.metadata?.labels ?? {};
    const signature = JSON.stringify([rs.spec?.selector, labels]);
    return { selector, template: selectorFromSet(labels), signature };
  } catch {
    return null;
  }
}

function syncReplicaSet(
  key: string,
  ctx: ControllerContext,
  index: OwnedPodIndex,
): ReconcileResult | undefined {
  const { namespace, name } = splitKey(key);
  const rs = ctx.api.store.get("ReplicaSet", namespace, name);
  if (!rs) return undefined;
  const parsed = parsedSelectors(rs);
  if (!parsed) return undefined;
  const fast = syncFromCounts(rs, parsed, ctx, index);
  return fast ? fast.result : syncByClaim(rs, parsed.selector, ctx);
}

/**
 * The common sync, from the index's counts: nothing to adopt or release, and pods to create
 * or none to change. Returns undefined (having done nothing) when the full claim is needed.
 */
function syncFromCounts(
  rs: KubeObject,
  parsed: ParsedSelectors,
  ctx: ControllerContext,
  index: OwnedPodIndex,
): { result: ReconcileResult | undefined } | undefined {
  if ((rs.spec?.minReadySeconds ?? 0) > 0) return undefined;
  const deleting = Boolean(rs.metadata.deletionTimestamp);
  // Read the counts before acting: the status reports the pods as they were at the start.
  const { matching, stray, fullyLabeled, ready } = index.counts(
    rs,
    parsed.signature,
    parsed.selector,
    parsed.template,
  );
  if (!deleting && (stray > 0 || matching > specReplicas(rs) || hasOrphanToAdopt(rs, parsed.selector, ctx)))
    return undefined;
  const actions: string[] = [];
  const manageError = deleting ? undefined : createMissingPods(rs, matching, ctx, actions);
  const counts = { replicas: matching, fullyLabeled, ready, available: ready };
  writeStatus(rs, statusFromCounts(rs, counts, manageError, ctx.clock.now()), ctx);
  recordSync(rs, parsed.selector, matching, actions, ctx);
  return { result: manageError ? { requeueAfterMs: 1000 } : undefined };
}

/** Whether an active orphan in the namespace matches the selector (the claim would adopt it). */
function hasOrphanToAdopt(rs: KubeObject, selector: Selector, ctx: ControllerContext): boolean {
  return ctx.api.store
    .uncontrolledOf("Pod", rs.metadata.namespace ?? "")
    .some((pod) => isPodActive(pod) && selector.matches(pod.metadata.labels ?? {}));
}

/** The full sync: claim (adopt, release), manage replicas, status over the claimed pods. */
function syncByClaim(
  rs: KubeObject,
  selector: Selector,
  ctx: ControllerContext,
): ReconcileResult | undefined {
  const active = claimCandidates(rs, ctx).filter(isPodActive);
  const claim = claimObjects(rs, selector, active, ctx);
  const pods = claim.claimed;
  const actions = [
    ...claim.adopted.map((p) => `adopted orphan pod ${p}`),
    ...claim.released.map((p) => `released pod ${p} (labels no longer match)`),
  ];
  const manageError = rs.metadata.deletionTimestamp ? undefined : manageReplicas(rs, pods, ctx, actions);
  const now = ctx.clock.now();
  const stored = writeStatus(rs, calculateStatus(rs, pods, manageError, now), ctx);
  recordSync(rs, selector, pods.length, actions, ctx);
  if (manageError) return { requeueAfterMs: 1000 };
  return availabilityRequeue(stored, pods, now);
}

function recordSync(
  rs: KubeObject,
  selector: Selector,
  count: number,
  actions: string[],
  ctx: ControllerContext,
): void {
  ctx.trace.record({
    component: REPLICASET_CONTROLLER,
    object: refOf(rs),
    observed: `${count} pod${count === 1 ? "" : "s"} match ${selector.toString()}, want ${specReplicas(rs)}`,
    actions,
  });
}

/**
 * The pods a claim can touch, in name order as listing the namespace would give them: those
 * that name this ReplicaSet as an owner and the orphans. Pods controlled by another owner are
 * left out, as the claim skips them anyway; this keeps a sync proportional to its own pods.
 */
function claimCandidates(rs: KubeObject, ctx: ControllerContext): KubeObject[] {
  const namespace = rs.metadata.namespace ?? "";
  const owned = ctx.api.store
    .dependentsOf(rs.metadata.uid ?? "")
    .filter((o) => o.kind === "Pod" && (o.metadata.namespace ?? "") === namespace);
  const orphans = ctx.api.store.uncontrolledOf("Pod", namespace);
  return mergeByName(owned, orphans);
}

/** Merges two name-sorted lists of one namespace, keeping an object found in both once. */
function mergeByName(a: KubeObject[], b: KubeObject[]): KubeObject[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out: KubeObject[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i]?.metadata.name ?? "";
    const y = b[j]?.metadata.name ?? "";
    if (j >= b.length || (i < a.length && x < y)) out.push(a[i++]);
    else if (i >= a.length || y < x) out.push(b[j++]);
    else {
      out.push(a[i++]);
      j++;
    }
  }
  return out;
}

/**
 * Ready pods become available only minReadySeconds after turning ready, with no event to say
 * so: look again when the next one crosses that line.
 */
function availabilityRequeue(rs: KubeObject, pods: KubeObject[], now: number): ReconcileResult | undefined {
  const minReady = rs.spec?.minReadySeconds ?? 0;
  if (minReady <= 0) return undefined;
  let next = Number.POSITIVE_INFINITY;
  for (const pod of pods) {
    if (!isPodReady(pod)) continue;
    const at = (parseTimestamp(readyCondition(pod)?.lastTransitionTime) ?? now) + minReady * 1000;
    if (at > now) next = Math.min(next, at);
  }
  return Number.isFinite(next) ? { requeueAfterMs: next - now } : undefined;
}
