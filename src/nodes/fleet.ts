import { StatusError } from "../api/errors";
import type { ApiServer } from "../api/server";
import { clone } from "../api/types";
import { formatMicroTime } from "../util/clock";
import { healthyNodeStatus, leaseObject, NODE_LEASE_NAMESPACE, nodeName, nodeObject } from "./nodeObject";

/** kubelet renews its Lease every 0.25 × 40 s. */
export const LEASE_RENEW_MS = 10_000;
/** In bigger clusters Lease objects are written less often (see `leaseWriteInterval`). */
const LARGE_CLUSTER_LEASE_WRITE_MS = 30_000;
const LARGE_CLUSTER_NODES = 10;
/** kubelet's nodeStatusReportFrequency: an unchanged status is re-posted every 5 minutes. */
export const NODE_STATUS_REPORT_MS = 5 * 60_000;

interface Kubelet {
  index: number;
  running: boolean;
  /** When the kubelet (re)started: renewals fall on a 10 s grid from here. */
  startedAt: number;
  lastStatusAt: number;
}

const fleets = new WeakMap<ApiServer, NodeFleet>();

/**
 * The simulated kubelets' node-side duties: registering node-1…node-N, renewing each node's
 * Lease and re-posting node status, and stopping or restarting on demand (fault injection).
 *
 * Efficiency: one clock task serves every node. Leases are written every 10 s as a real
 * kubelet does in clusters of up to 10 nodes; above that every 30 s, so that a large cluster's
 * watch stream is not flooded. When a kubelet stops, its Lease is brought to the last 10 s
 * renewal it would have made, so the node lifecycle controller's grace period counts from
 * the real moment of failure either way.
 */
export class NodeFleet {
  private kubelets = new Map<string, Kubelet>();
  private readonly writeMs: number;

  constructor(
    private readonly api: ApiServer,
    count: number,
  ) {
    this.writeMs = count > LARGE_CLUSTER_NODES ? LARGE_CLUSTER_LEASE_WRITE_MS : LEASE_RENEW_MS;
    fleets.set(api, this);
    for (let index = 1; index <= count; index++) this.register(index);
    if (count > 0) this.api.clock.after(this.writeMs, "kubelet heartbeat", () => this.heartbeat());
  }

  /** True while the node's kubelet runs (false when stopped or not a simulated kubelet). */
  isRunning(name: string): boolean {
    return this.kubelets.get(name)?.running ?? false;
  }

  /** Node names this fleet runs kubelets for. */
  names(): string[] {
    return [...this.kubelets.keys()];
  }

  /** Stops a node's kubelet: no more Lease renewals or status posts. Throws for an unknown node. */
  stop(name: string): void {
    const kubelet = this.require(name);
    if (!kubelet.running) return;
    const now = this.api.clock.now();
    this.renewLease(name, now - ((now - kubelet.startedAt) % LEASE_RENEW_MS));
    kubelet.running = false;
  }

  /** Restarts a stopped kubelet: it renews its Lease and posts a healthy status at once. */
  start(name: string): void {
    const kubelet = this.require(name);
    if (kubelet.running) return;
    const now = this.api.clock.now();
    Object.assign(kubelet, { running: true, startedAt: now, lastStatusAt: now });
    this.renewLease(name, now);
    this.postStatus(name, kubelet.index, now);
  }

  private require(name: string): Kubelet {
    const kubelet = this.kubelets.get(name);
    if (!kubelet) throw new Error(`no simulated node named "${name}"`);
    return kubelet;
  }

  private register(index: number): void {
    const now = this.api.clock.now();
    const node = this.api.create(nodeObject(index));
    const name = nodeName(index);
    this.api.updateStatus({ ...node, status: healthyNodeStatus(index, now) });
    this.api.create(leaseObject(node, now));
    this.kubelets.set(name, { index, running: true, startedAt: now, lastStatusAt: now });
  }

  private heartbeat(): void {
    const now = this.api.clock.now();
    for (const [name, kubelet] of this.kubelets) {
      if (!kubelet.running) continue;
      this.renewLease(name, now);
      if (now - kubelet.lastStatusAt >= NODE_STATUS_REPORT_MS) {
        kubelet.lastStatusAt = now;
        this.postStatus(name, kubelet.index, now);
      }
    }
    this.api.clock.after(this.writeMs, "kubelet heartbeat", () => this.heartbeat());
  }

  private renewLease(name: string, atMs: number): void {
    const node = this.api.store.get("Node", "", name);
    if (!node) return; // a deleted Node: its kubelet would re-register; kubeplay's stays quiet
    const lease = this.api.store.get("Lease", NODE_LEASE_NAMESPACE, name);
    ignoreApiErrors(() => {
      if (!lease) this.api.create(leaseObject(node, atMs));
      else this.api.update({ ...clone(lease), spec: { ...lease.spec, renewTime: formatMicroTime(atMs) } });
    });
  }

  private postStatus(name: string, index: number, now: number): void {
    const node = this.api.store.get("Node", "", name);
    if (!node) return;
    ignoreApiErrors(() =>
      this.api.updateStatus({
        ...node,
        status: { ...node.status, ...healthyNodeStatus(index, now, node.status) },
      }),
    );
  }
}

function ignoreApiErrors(write: () => void): void {
  try {
    write();
  } catch (error) {
    if (!(error instanceof StatusError)) throw error;
  }
}

/** The fleet of simulated kubelets of the cluster this API server belongs to. */
export function nodeFleetOf(api: ApiServer): NodeFleet | undefined {
  return fleets.get(api);
}

/**
 * Whether the kubelet of `nodeName` is running. The simulated kubelet's pod loop should do
 * nothing for pods on a node where this is false (a stopped machine neither starts nor
 * stops containers).
 */
export function isNodeRunning(api: ApiServer, name: string): boolean {
  return fleets.get(api)?.isRunning(name) ?? false;
}

/** Creates the N worker nodes and starts their kubelets' heartbeats. */
export function registerNodes(api: ApiServer, count: number): NodeFleet {
  return new NodeFleet(api, count);
}
