import type { Pod, ServiceAccount } from "kubernetes-types/core/v1";
import { qosClass } from "./qos";
import type { SimClock } from "../util/clock";
import { formatTimestamp } from "../util/clock";
import { generateNameSuffix, type SeededRandom } from "../util/random";
import { allocateServiceAddresses, prepareServiceUpdate } from "../services/ipAllocator";
import { admitCreate, admitStatusUpdate, admitUpdate, type Decoding } from "./admission";
import {
  alreadyExists,
  conflict,
  namespaceNotFound,
  namespaceTerminating,
  notFound,
  StatusError,
} from "./errors";
import { qualifiedPlural, type ResourceType, typeOfKind } from "./registry";
import type { ObjectStore } from "./store";
import { jsonEqual } from "./jsonData";
import { clone, type KubeObject } from "./types";

/** Options of a create or update request. */
export interface WriteOptions extends Decoding {
  /** Server-side dry run: admitted and returned, never stored. */
  dryRun?: boolean;
  /**
   * The caller built the object (or, for a status write, the status) for this one request,
   * keeps no reference to it, and it holds only JSON values (no undefined members): the server
   * stores it without its defensive copy. For the control plane's hottest writes (Events and
   * the kubelet's pod statuses), where the copy was a tenth of the work.
   */
  fresh?: boolean;
}

/** Options of a delete request (metav1.DeleteOptions). */
export interface DeleteOptions {
  propagationPolicy?: "Background" | "Foreground" | "Orphan";
  gracePeriodSeconds?: number;
  dryRun?: boolean;
}

/** Limits that keep a runaway input from freezing the learner's tab. */
export interface ClusterLimits {
  maxPods: number;
  maxObjects: number;
}

export const DEFAULT_LIMITS: ClusterLimits = { maxPods: 10_000, maxObjects: 100_000 };

/** Kinds whose status is a subresource: spec writes keep status, status writes keep spec. */
const STATUS_SUBRESOURCE = new Set([
  "Pod",
  "ReplicaSet",
  "Deployment",
  "Job",
  "CronJob",
  "Service",
  "Node",
  "Namespace",
]);
/**
 * The status a new object is returned with: where Go's zero-value struct serialises to more
 * than nothing (a Service's empty `loadBalancer: {}`, a CronJob's `status: {}`), and what the
 * registry's strategy sets (a Pod's phase and QoS class).
 */
const INITIAL_STATUS: Record<string, (obj: KubeObject) => Record<string, unknown>> = {
  Service: () => ({ loadBalancer: {} }),
  CronJob: () => ({}),
  // The pod strategy's PrepareForCreate: Pending, with the QoS class the spec implies.
  Pod: (pod) => ({ phase: "Pending", qosClass: qosClass(pod as Pod) }),
};
/** Namespaces the API server refuses to delete. */
const PROTECTED_NAMESPACES = new Set(["default", "kube-system", "kube-public"]);
/** Kinds whose metadata.generation tracks spec changes. */
const GENERATION_TRACKED = new Set(["ReplicaSet", "Deployment", "Job", "CronJob"]);

/**
 * The simulated kube-apiserver: the single write path. Every write is admitted (decoded,
 * defaulted, validated), stamped (uid, resourceVersion, generation, timestamps) and stored,
 * which emits the watch event. Failures throw StatusError and leave the store untouched.
 */
export class ApiServer {
  constructor(
    readonly store: ObjectStore,
    readonly clock: SimClock,
    private readonly random: SeededRandom,
    readonly limits: ClusterLimits = DEFAULT_LIMITS,
  ) {}

  /** Reads one object or throws NotFound. */
  get(kind: string, namespace: string, name: string): KubeObject {
    const type = requireType(kind);
    const obj = this.store.get(kind, type.namespaced ? namespace : "", name);
    if (!obj) throw notFound(type, name);
    return obj;
  }

  /** Creates an object; returns the stored (or, for dry run, would-be stored) object. */
  create(input: KubeObject, options: WriteOptions = {}): KubeObject {
    const type = requireType(input.kind);
    const obj = options.fresh ? input : clone(input);
    normalizeNamespace(obj, type);
    if (!obj.metadata.name && obj.metadata.generateName) {
      obj.metadata.name = this.uniqueGeneratedName(type, obj);
    }
    const uid = this.random.uuid();
    admitCreate(
      obj,
      type,
      options,
      uid,
      // Without the namespace, NamespaceLifecycle (which runs first) rejects the pod instead.
      (ns, name) =>
        this.store.get("Namespace", "", ns)
          ? (this.store.get("ServiceAccount", ns, name) as ServiceAccount | undefined)
          : {},
    );
    const name = obj.metadata.name as string;
    const namespace = obj.metadata.namespace ?? "";
    if (this.store.get(obj.kind, namespace, name)) throw alreadyExists(type, name);
    // The Service registry allocates ClusterIPs and node ports (also for dry runs, as the real one does).
    if (obj.kind === "Service") allocateServiceAddresses(this.store, obj, this.random);
    if (type.namespaced) this.checkNamespaceAccepts(type, name, namespace);
    this.checkLimits(type, name);
    this.stampNew(obj, type, uid);
    if (options.dryRun) return obj;
    return this.persist(obj);
  }

  /**
   * Replaces an object's spec and metadata (PUT). A stale resourceVersion gets 409 Conflict;
   * status is kept from the stored object; an update that changes nothing is a no-op.
   */
  update(input: KubeObject, options: WriteOptions = {}): KubeObject {
    const type = requireType(input.kind);
    const obj = clone(input);
    normalizeNamespace(obj, type);
    const old = this.get(obj.kind, obj.metadata.namespace ?? "", obj.metadata.name ?? "");
    this.checkResourceVersion(type, obj, old);
    if (STATUS_SUBRESOURCE.has(type.kind)) {
      if (old.status === undefined) delete obj.status;
      else obj.status = clone(old.status);
    }
    keepSystemMetadata(obj, old);
    if (type.kind === "Service") prepareServiceUpdate(obj, old);
    admitUpdate(obj, old, type, options);
    if (type.kind === "Service") allocateServiceAddresses(this.store, obj, this.random, old);
    if (GENERATION_TRACKED.has(type.kind)) {
      obj.metadata.generation = (old.metadata.generation ?? 1) + (specChanged(obj, old) ? 1 : 0);
    }
    return this.commit(obj, old, options);
  }

  /** Writes only the status (the /status subresource); spec and metadata are kept. */
  updateStatus(input: KubeObject, options: WriteOptions = {}): KubeObject {
    const type = requireType(input.kind);
    const old = this.get(input.kind, input.metadata.namespace ?? "", input.metadata.name ?? "");
    this.checkResourceVersion(type, input, old);
    // Stored objects are never mutated, so the new version shares the old one's spec.
    const obj = withOwnMetadata(old);
    obj.status = options.fresh ? input.status : clone(input.status);
    admitStatusUpdate(obj, old, type);
    // Only the status can differ from the stored object: compare just that.
    if (jsonEqual(obj.status, old.status)) return old;
    if (options.dryRun) return obj;
    return this.persist(obj);
  }

  /**
   * Deletes an object as the API server does: immediately when nothing holds it; otherwise
   * it gets a deletionTimestamp and waits for its finalizers (GC's foregroundDeletion/orphan)
   * or, for a pod on a node, for the kubelet to stop it within the grace period.
   * Returns the object as it is after the request and whether it is gone.
   */
  delete(
    kind: string,
    namespace: string,
    name: string,
    options: DeleteOptions = {},
  ): { object: KubeObject; gone: boolean } {
    const old = this.get(kind, namespace, name);
    // Only metadata changes (and a namespace's status, replaced whole): share the rest.
    const obj = withOwnMetadata(old);
    const now = formatTimestamp(this.clock.now());
    const finalizers = new Set(obj.metadata.finalizers ?? []);
    if (options.propagationPolicy === "Foreground") finalizers.add("foregroundDeletion");
    if (options.propagationPolicy === "Orphan") finalizers.add("orphan");
    if (options.propagationPolicy === "Background") {
      finalizers.delete("foregroundDeletion");
      finalizers.delete("orphan");
    }
    const grace = gracePeriodFor(obj, options);
    if (obj.kind === "Namespace") return this.deleteNamespace(obj, old, options);
    if (finalizers.size === 0 && grace === 0) {
      if (!options.dryRun) this.store.remove(old);
      return { object: obj, gone: true };
    }
    obj.metadata.finalizers = finalizers.size > 0 ? [...finalizers] : undefined;
    if (!obj.metadata.deletionTimestamp) {
      obj.metadata.deletionTimestamp = grace > 0 ? formatTimestamp(this.clock.now() + grace * 1000) : now;
      obj.metadata.deletionGracePeriodSeconds = grace;
    }
    if (!obj.metadata.finalizers) delete obj.metadata.finalizers;
    const after = options.dryRun ? obj : this.commit(obj, old, {});
    return { object: after, gone: false };
  }

  /**
   * Removes finalizers (or other metadata) from an object being deleted; when the last
   * finalizer goes and the grace period is over, the object is removed.
   */
  updateMetadata(input: KubeObject): KubeObject | undefined {
    const type = requireType(input.kind);
    const old = this.get(input.kind, input.metadata.namespace ?? "", input.metadata.name ?? "");
    this.checkResourceVersion(type, input, old);
    const obj = { ...old };
    obj.metadata = {
      ...clone(input.metadata),
      uid: old.metadata.uid,
      creationTimestamp: old.metadata.creationTimestamp,
    };
    delete obj.metadata.deletionTimestamp;
    delete obj.metadata.deletionGracePeriodSeconds;
    if (old.metadata.deletionTimestamp !== undefined)
      obj.metadata.deletionTimestamp = old.metadata.deletionTimestamp;
    if (old.metadata.deletionGracePeriodSeconds !== undefined)
      obj.metadata.deletionGracePeriodSeconds = old.metadata.deletionGracePeriodSeconds;
    if (obj.metadata.finalizers?.length === 0) delete obj.metadata.finalizers;
    if (obj.metadata.deletionTimestamp && !obj.metadata.finalizers && !isGracefulPodPending(obj)) {
      this.store.remove(old);
      return undefined;
    }
    return this.commit(obj, old, {});
  }

  /**
   * The pods/binding subresource: sets `spec.nodeName` (which pod updates may not change)
   * and, through `withStatus`, the PodScheduled condition, in one write.
   */
  bind(
    namespace: string,
    name: string,
    nodeName: string,
    withStatus: (status: KubeObject["status"]) => KubeObject["status"],
  ): KubeObject {
    const stored = this.get("Pod", namespace, name);
    const prefix = `Operation cannot be fulfilled on pods/binding "${name}"`;
    if (stored.metadata.deletionTimestamp) {
      throw new StatusError(
        "Conflict",
        `${prefix}: pod ${name} is being deleted, cannot be assigned to a host`,
      );
    }
    if (stored.spec?.nodeName) {
      throw new StatusError(
        "Conflict",
        `${prefix}: pod ${name} is already assigned to node "${stored.spec.nodeName}"`,
      );
    }
    const bound = withOwnMetadata(stored);
    bound.spec = { ...bound.spec, nodeName };
    bound.status = withStatus(bound.status);
    // A binding always sets nodeName, which was empty: never a no-op, so no comparison.
    return this.persist(bound);
  }

  /**
   * Namespaces are held by `spec.finalizers: [kubernetes]` until the namespace controller
   * has emptied them; meanwhile they are Terminating. The system namespaces cannot go.
   */
  private deleteNamespace(
    obj: KubeObject,
    old: KubeObject,
    options: DeleteOptions,
  ): { object: KubeObject; gone: boolean } {
    const name = obj.metadata.name ?? "";
    if (PROTECTED_NAMESPACES.has(name)) {
      throw new StatusError(
        "Forbidden",
        `namespaces "${name}" is forbidden: this namespace may not be deleted`,
      );
    }
    if (!obj.metadata.deletionTimestamp) obj.metadata.deletionTimestamp = formatTimestamp(this.clock.now());
    obj.status = { ...obj.status, phase: "Terminating" };
    const after = options.dryRun ? obj : this.commit(obj, old, {});
    return { object: after, gone: false };
  }

  /** The namespace controller's last step: drop `spec.finalizers`, and the namespace with it. */
  finalizeNamespace(name: string): void {
    const ns = this.store.get("Namespace", "", name);
    if (!ns?.metadata.deletionTimestamp) return;
    if (!ns.metadata.finalizers?.length) this.store.remove(ns);
    else this.commit({ ...clone(ns), spec: { ...ns.spec, finalizers: [] } }, ns, {});
  }

  private commit(obj: KubeObject, old: KubeObject, options: WriteOptions): KubeObject {
    obj.metadata.resourceVersion = old.metadata.resourceVersion;
    if (jsonEqual(obj, old)) return old;
    if (options.dryRun) return obj;
    return this.persist(obj);
  }

  /** Stamps the next resourceVersion and stores the object (which emits its watch event). */
  private persist(obj: KubeObject): KubeObject {
    obj.metadata.resourceVersion = String(this.store.nextResourceVersion());
    this.store.put(obj);
    return obj;
  }

  private checkResourceVersion(type: ResourceType, obj: KubeObject, old: KubeObject): void {
    const rv = obj.metadata.resourceVersion;
    if (rv && rv !== old.metadata.resourceVersion) throw conflict(type, old.metadata.name ?? "");
  }

  private stampNew(obj: KubeObject, type: ResourceType, uid: string): void {
    const meta = obj.metadata;
    meta.uid = uid;
    meta.creationTimestamp = formatTimestamp(this.clock.now());
    if (GENERATION_TRACKED.has(type.kind)) meta.generation = 1;
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
    if (!STATUS_SUBRESOURCE.has(type.kind) || obj.kind === "Namespace") return;
    // A create carries no status except what the registry's strategy initialises.
    delete obj.status;
    const initial = INITIAL_STATUS[type.kind];
    if (initial) obj.status = initial(obj);
  }

  private uniqueGeneratedName(type: ResourceType, obj: KubeObject): string {
    const namespace = obj.metadata.namespace ?? "";
    for (;;) {
      const name = `${obj.metadata.generateName}${generateNameSuffix(this.random)}`;
      if (!this.store.get(type.kind, namespace, name)) return name;
    }
  }

  private checkNamespaceAccepts(type: ResourceType, name: string, namespace: string): void {
    const ns = this.store.get("Namespace", "", namespace);
    if (!ns) throw namespaceNotFound(namespace);
    if (ns.metadata.deletionTimestamp) throw namespaceTerminating(type, name, namespace);
  }

  private checkLimits(type: ResourceType, name: string): void {
    const { maxPods, maxObjects } = this.limits;
    const full =
      type.kind === "Pod" && this.store.count("Pod") >= maxPods
        ? `${maxPods} pods`
        : this.store.size() >= maxObjects
          ? `${maxObjects} objects`
          : undefined;
    if (full) {
      throw new StatusError(
        "Forbidden",
        `${qualifiedPlural(type)} "${name}" is forbidden: kubeplay's simulated cluster holds at most ${full}`,
      );
    }
  }
}

/** The resource type of a kind this server serves, or a 404 as for an unknown resource. */
export function requireType(kind: string): ResourceType {
  const type = typeOfKind(kind);
  if (!type)
    throw new StatusError("NotFound", `the server could not find the requested resource (kind ${kind})`);
  return type;
}

/** A shallow copy of a stored object with its own metadata object, for a write that sets resourceVersion. */
function withOwnMetadata(stored: KubeObject): KubeObject {
  return { ...stored, metadata: { ...stored.metadata } };
}

function normalizeNamespace(obj: KubeObject, type: ResourceType): void {
  obj.metadata = obj.metadata ?? {};
  if (!type.namespaced) delete obj.metadata.namespace;
  else if (!obj.metadata.namespace) obj.metadata.namespace = "default";
}

/** Fields clients cannot change on update: identity and deletion state. */
function keepSystemMetadata(obj: KubeObject, old: KubeObject): void {
  const meta = obj.metadata;
  meta.uid = old.metadata.uid;
  meta.creationTimestamp = old.metadata.creationTimestamp;
  meta.generation = old.metadata.generation;
  if (meta.generation === undefined) delete meta.generation;
  meta.deletionTimestamp = old.metadata.deletionTimestamp;
  meta.deletionGracePeriodSeconds = old.metadata.deletionGracePeriodSeconds;
  for (const key of ["deletionTimestamp", "deletionGracePeriodSeconds"] as const) {
    if (meta[key] === undefined) delete meta[key];
  }
  if (old.metadata.name === undefined) delete meta.name;
}

function specChanged(obj: KubeObject, old: KubeObject): boolean {
  return !jsonEqual(obj.spec, old.spec);
}

/** Pods bound to a node and not finished terminate gracefully; everything else goes at once. */
function gracePeriodFor(obj: KubeObject, options: DeleteOptions): number {
  if (obj.kind !== "Pod") return 0;
  const phase = obj.status?.phase;
  if (!obj.spec?.nodeName || phase === "Succeeded" || phase === "Failed") return 0;
  if (options.gracePeriodSeconds !== undefined && options.gracePeriodSeconds >= 0)
    return options.gracePeriodSeconds;
  if (obj.metadata.deletionGracePeriodSeconds !== undefined) return obj.metadata.deletionGracePeriodSeconds;
  return obj.spec?.terminationGracePeriodSeconds ?? 30;
}

function isGracefulPodPending(obj: KubeObject): boolean {
  return obj.kind === "Pod" && (obj.metadata.deletionGracePeriodSeconds ?? 0) > 0;
}
