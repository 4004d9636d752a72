/**
 * The simulated kubelets: one controller that plays the kubelet of every node, keyed by pod.
 * A pod bound to an existing node (spec.nodeName) gets a pod worker; a deletionTimestamp
 * stops it gracefully; a pod that is gone has its worker, IP and logs released.
 * Node-local state (image caches, IPAM, logs, back-offs) lives per cluster, found by API server.
 */
import type { Container, Pod } from "kubernetes-types/core/v1";
import type { ApiServer } from "../api/server";
import type { WatchEvent } from "../api/types";
import { type Controller, type ControllerContext, objectKey, splitKey } from "../controllers/controller";
import { isNodeRunning } from "../nodes/fleet";
import { Backoff } from "./backoff";
import type { KubeletHost } from "./host";
import { NodeImages } from "./imageManager";
import { NodeIpam } from "./ipam";
import { LogStore } from "./logStore";
import { PodWorker } from "./podWorker";
import { applySpecChanges } from "./specChange";
import type { ContainerKind, ContainerRuntime, PodRuntime } from "./types";

/** Everything the kubelets of one cluster keep in memory. */
export class KubeletState {
  readonly logs = new LogStore();
  readonly workers = new Map<string, PodWorker>();
  readonly containerBackoff = new Backoff();
  readonly imageBackoff = new Backoff();
  readonly pullErrors = new Map<string, string>();
  private images = new Map<string, NodeImages>();
  private ipams = new Map<string, NodeIpam>();

  constructor(readonly api: ApiServer) {}

  /** The worker of the pod with this namespace/name key, if the kubelet runs it. */
  worker(key: string): PodWorker | undefined {
    return this.workers.get(key);
  }

  host(ctx: ControllerContext): KubeletHost {
    return {
      ctx,
      logs: this.logs,
      containerBackoff: this.containerBackoff,
      imageBackoff: this.imageBackoff,
      pullErrors: this.pullErrors,
      images: (node) => getOrCreate(this.images, node, () => new NodeImages()),
      ipam: (node) => getOrCreate(this.ipams, node, () => this.newIpam(node)),
      nodeIP: (node) => {
        const addresses = this.api.store.get("Node", "", node)?.status?.addresses ?? [];
        return addresses.find((a: { type: string }) => a.type === "InternalIP")?.address;
      },
      connected: (node) => isNodeRunning(this.api, node),
      pod: (namespace, name, uid) => {
        const pod = this.api.store.get("Pod", namespace, name);
        return pod && pod.metadata.uid === uid ? (pod as Pod) : undefined;
      },
    };
  }

  private newIpam(node: string): NodeIpam {
    const cidr = this.api.store.get("Node", "", node)?.spec?.podCIDR;
    const index = /-(\d+)$/.exec(node)?.[1] ?? "0";
    return NodeIpam.fromCidr(cidr) ?? (NodeIpam.fromCidr(`10.244.${Number(index) % 256}.0/24`) as NodeIpam);
  }
}

const STATES = new WeakMap<ApiServer, KubeletState>();

/** The kubelets' state of the cluster served by `api` (created on first use). */
export function kubeletState(api: ApiServer): KubeletState {
  return getOrCreate(STATES, api, () => new KubeletState(api));
}

/** The kubelet controller: runs every pod bound to a node. */
export function kubelet(): Controller {
  return {
    name: "kubelet",
    watches: [
      { kind: "Pod", keys: podKeys },
      { kind: "Node", keys: podsToResync },
    ],
    reconcile: (key, ctx) => {
      reconcilePod(key, ctx);
      return undefined;
    },
  };
}

/**
 * A pod's key, unless the event is a status write (mostly the kubelet's own) of a pod whose
 * worker runs it, has applied its spec and holds nothing back: such a write changes nothing
 * the kubelet acts on, and it is most of the pod events a big rollout makes.
 */
function podKeys(event: WatchEvent, ctx: ControllerContext): string[] {
  const pod = event.object;
  const key = objectKey(pod);
  if (event.type !== "MODIFIED" || pod.metadata.deletionTimestamp) return [key];
  const worker = kubeletState(ctx.api).workers.get(key);
  const unchanged =
    worker !== undefined &&
    !worker.stale &&
    worker.rt.uid === pod.metadata.uid &&
    worker.appliedSpec === pod.spec;
  return unchanged ? [] : [key];
}

function reconcilePod(key: string, ctx: ControllerContext): void {
  const state = kubeletState(ctx.api);
  const { namespace, name } = splitKey(key);
  const pod = ctx.api.store.get("Pod", namespace, name) as Pod | undefined;
  let worker = state.workers.get(key);
  if (worker && (!pod || pod.metadata?.uid !== worker.rt.uid)) {
    worker.stop();
    state.logs.drop(worker.rt.uid);
    state.containerBackoff.forgetPrefix(`${worker.rt.uid}/`);
    state.imageBackoff.forgetPrefix(`${worker.rt.uid}_`);
    state.workers.delete(key);
    worker = undefined;
  }
  const nodeName = pod?.spec?.nodeName;
  if (!pod || !nodeName || !ctx.api.store.get("Node", "", nodeName)) return;
  if (!worker) {
    const phase = pod.status?.phase;
    if (phase === "Succeeded" || phase === "Failed") return;
    worker = new PodWorker(state.host(ctx), newRuntime(pod, nodeName, ctx.clock.now()));
    state.workers.set(key, worker);
    worker.start();
  }
  if (!isNodeRunning(ctx.api, nodeName)) {
    worker.stale = true;
    return;
  }
  if (pod.metadata?.deletionTimestamp) worker.terminate(pod.metadata.deletionGracePeriodSeconds ?? 30);
  else {
    applySpecChanges(worker, pod);
    worker.appliedSpec = pod.spec;
  }
  worker.resync();
}

/**
 * When a stopped node's kubelet comes back it reports what happened meanwhile: the pods whose
 * writes it had to hold back are reconciled again.
 */
function podsToResync(event: WatchEvent, ctx: ControllerContext): string[] {
  const node = event.object.metadata.name ?? "";
  if (event.type === "DELETED" || !isNodeRunning(ctx.api, node)) return [];
  const state = kubeletState(ctx.api);
  const keys: string[] = [];
  for (const [key, worker] of state.workers) if (worker.rt.nodeName === node && worker.stale) keys.push(key);
  return keys;
}

function newRuntime(pod: Pod, nodeName: string, now: number): PodRuntime {
  const init = (pod.spec?.initContainers ?? []).map((c) =>
    newContainer(c, c.restartPolicy === "Always" ? "sidecar" : "init"),
  );
  const regular = (pod.spec?.containers ?? []).map((c) => newContainer(c, "regular"));
  return {
    uid: pod.metadata?.uid ?? "",
    namespace: pod.metadata?.namespace ?? "default",
    name: pod.metadata?.name ?? "",
    nodeName,
    startTime: now,
    sandboxReady: false,
    sandboxGone: undefined,
    podIP: undefined,
    hostIP: undefined,
    containers: [...init, ...regular],
    terminating: false,
    emptyDirs: new Map(),
    statusWrite: undefined,
    timers: [],
  };
}

/**
 * Every field is present from the start, optional ones undefined: one object shape for all
 * containers keeps the kubelet's hot reads (status on every write) monomorphic in V8.
 */
function newContainer(spec: Container, kind: ContainerKind): ContainerRuntime {
  return {
    spec,
    kind,
    phase: "idle",
    waiting: undefined,
    running: undefined,
    terminated: undefined,
    last: undefined,
    restartCount: 0,
    created: false,
    containerID: undefined,
    imageName: undefined,
    imageID: undefined,
    started: false,
    ready: false,
    steps: undefined,
    env: undefined,
    process: undefined,
    listens: null,
    probes: [],
    timers: [],
    stopping: undefined,
    fs: undefined,
    specChanged: undefined,
  };
}

function getOrCreate<K extends object | string, V>(
  map: { get(k: K): V | undefined; set(k: K, v: V): unknown },
  key: K,
  make: () => V,
): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}
