import type { KubeObject, WatchEvent } from "../../api/types";
import { refOf } from "../../api/types";
import { type Controller, type ControllerContext, objectKey, splitKey } from "../controller";
import { bindPod, markUnschedulable } from "./binding";
import { type FilterFailure, type NodeInfo, runFilters } from "./filters";
import { fitErrorMessage, NO_NODES_AVAILABLE } from "./fitError";
import { NodeUsageCache, podRequests } from "./resources";
import { scoreNodes } from "./scores";

export const DEFAULT_SCHEDULER = "default-scheduler";
/** podMaxInUnschedulablePodsDuration: an unschedulable pod is retried at least this often. */
const UNSCHEDULABLE_RETRY_MS = 5 * 60_000;
const SOURCE = { component: DEFAULT_SCHEDULER };

/** A pod this scheduler must place: unbound, ours, not gated, not finished or being deleted. */
export function needsScheduling(pod: KubeObject): boolean {
  const spec = pod.spec ?? {};
  if (spec.nodeName || pod.metadata.deletionTimestamp || spec.schedulingGates?.length) return false;
  if ((spec.schedulerName ?? DEFAULT_SCHEDULER) !== DEFAULT_SCHEDULER) return false;
  const phase = pod.status?.phase;
  return phase !== "Succeeded" && phase !== "Failed";
}

/** What can change whether a pod fits: spec and labels (not status, which we write ourselves). */
const podSignature = (pod: KubeObject) => JSON.stringify([pod.metadata.uid, pod.spec, pod.metadata.labels]);

/** The node properties the filters read; heartbeats alone do not wake pending pods. */
function nodeSignature(node: KubeObject): string {
  const ready = (node.status?.conditions ?? []).find((c: { type: string }) => c.type === "Ready")?.status;
  return JSON.stringify([
    node.metadata.labels,
    node.spec?.taints,
    node.spec?.unschedulable,
    node.status?.allocatable,
    ready,
  ]);
}

/**
 * kube-scheduler with the default profile: places each pending pod on the feasible node
 * with the best score (ties broken at random, seeded), or reports why none fits. Pending
 * pods are retried when a node changes, a bound pod goes away or finishes, and every 5 min.
 */
export function scheduler(): Controller {
  const pending = new Set<string>();
  const attempted = new Map<string, string>();
  const active = new Set<string>();
  const nodes = new Map<string, string>();
  const cache = new NodeUsageCache();

  function podKeys(event: WatchEvent): string[] {
    const pod = event.object;
    cache.observe(event.type, pod);
    const key = objectKey(pod);
    const freed = active.delete(key) && (event.type === "DELETED" || isTerminal(pod));
    if (event.type !== "DELETED" && pod.spec?.nodeName && !isTerminal(pod)) active.add(key);
    if (event.type !== "DELETED" && needsScheduling(pod)) {
      pending.add(key);
      return attempted.get(key) === podSignature(pod) ? [] : [key];
    }
    pending.delete(key);
    attempted.delete(key);
    return freed ? [...pending] : [];
  }

  function nodeKeys(event: WatchEvent): string[] {
    const name = event.object.metadata.name ?? "";
    if (event.type === "DELETED") {
      nodes.delete(name);
      return [];
    }
    const signature = nodeSignature(event.object);
    if (nodes.get(name) === signature) return [];
    nodes.set(name, signature);
    return [...pending];
  }

  return {
    name: DEFAULT_SCHEDULER,
    watches: [
      { kind: "Pod", keys: podKeys },
      { kind: "Node", keys: nodeKeys },
    ],
    reconcile(key, ctx) {
      const { namespace, name } = splitKey(key);
      const pod = ctx.api.store.get("Pod", namespace, name);
      if (!pod || !needsScheduling(pod)) return undefined;
      attempted.set(key, podSignature(pod));
      return scheduleOne(pod, ctx, cache);
    },
  };
}

function isTerminal(pod: KubeObject): boolean {
  return pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed";
}

/** One scheduling cycle: filter, score, select, bind, or record the failure. */
function scheduleOne(
  pod: KubeObject,
  ctx: ControllerContext,
  cache: NodeUsageCache,
): { requeueAfterMs: number } | undefined {
  const all = ctx.api.store.list("Node");
  if (all.length === 0) return fail(pod, ctx, NO_NODES_AVAILABLE, "no nodes in the cluster");
  const request = podRequests(pod);
  const feasible: NodeInfo[] = [];
  const failures: FilterFailure[] = [];
  for (const node of all) {
    const info = { node, usage: cache.usageOf(node.metadata.name ?? "") };
    const failure = runFilters(pod, request, info);
    if (failure) failures.push(failure);
    else feasible.push(info);
  }
  if (feasible.length === 0) {
    const message = fitErrorMessage(all.length, failures, pod.spec?.preemptionPolicy);
    return fail(pod, ctx, message, `0 of ${all.length} nodes fit`);
  }
  const scores = scoreNodes(pod, request, podRequests(pod, true), feasible);
  const chosen = selectHost(feasible, scores, ctx);
  bind(pod, chosen, ctx, describeScores(feasible, scores, all.length));
  return undefined;
}

/** selectHost: the best score wins; equal best scores are chosen among at random (reservoir sampling). */
function selectHost(nodes: NodeInfo[], scores: number[], ctx: ControllerContext): KubeObject {
  let best = 0;
  let ties = 1;
  for (let i = 1; i < nodes.length; i++) {
    if (scores[i] > scores[best]) {
      best = i;
      ties = 1;
    } else if (scores[i] === scores[best]) {
      ties++;
      if (ctx.random.int(ties) === 0) best = i;
    }
  }
  return nodes[best].node;
}

function describeScores(nodes: NodeInfo[], scores: number[], total: number): string {
  const list = nodes.map((n, i) => `${n.node.metadata.name} ${scores[i]}`).join(", ");
  return `${nodes.length} of ${total} nodes fit; scores: ${list}`;
}

function bind(pod: KubeObject, node: KubeObject, ctx: ControllerContext, observed: string): void {
  const nodeName = node.metadata.name ?? "";
  bindPod(ctx.api, pod, nodeName);
  const podName = `${pod.metadata.namespace}/${pod.metadata.name}`;
  ctx.events.normal(SOURCE, pod, "Scheduled", `Successfully assigned ${podName} to ${nodeName}`);
  ctx.trace.record({
    component: DEFAULT_SCHEDULER,
    object: refOf(pod),
    observed,
    actions: [`bound pod ${podName} to ${nodeName}`],
    touched: [refOf(node)],
  });
}

function fail(
  pod: KubeObject,
  ctx: ControllerContext,
  message: string,
  observed: string,
): { requeueAfterMs: number } {
  ctx.events.warning(SOURCE, pod, "FailedScheduling", message);
  markUnschedulable(ctx.api, pod, message);
  ctx.trace.record({
    component: DEFAULT_SCHEDULER,
    object: refOf(pod),
    observed,
    actions: [`pod stays Pending: ${message}`],
  });
  return { requeueAfterMs: UNSCHEDULABLE_RETRY_MS };
}
