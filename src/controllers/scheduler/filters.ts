import type { Taint } from "kubernetes-types/core/v1";
import type { KubeObject } from "../../api/types";
import { findUntoleratedTaint, TAINT_NODE_UNSCHEDULABLE, tolerationsTolerateTaint } from "../../nodes/taints";
import { podMatchesNodeAffinity } from "./nodeAffinity";
import { nodeAllocatable, type NodeUsage, type ResourceList } from "./resources";

/** Why a node was rejected: the plugin's reason strings, and whether preemption could help. */
export interface FilterFailure {
  plugin: string;
  reasons: string[];
  /** UnschedulableAndUnresolvable: evicting pods would not make the node fit. */
  unresolvable: boolean;
}

/** What the filters need to know about one node. */
export interface NodeInfo {
  node: KubeObject;
  usage: NodeUsage;
}

type Filter = (pod: KubeObject, podRequest: ResourceList, info: NodeInfo) => FilterFailure | undefined;

const unresolvable = (plugin: string, reason: string): FilterFailure => ({
  plugin,
  reasons: [reason],
  unresolvable: true,
});

/** NodeUnschedulable: a cordoned node, unless the pod tolerates the unschedulable taint. */
const nodeUnschedulable: Filter = (pod, _req, { node }) => {
  if (!node.spec?.unschedulable) return undefined;
  const taint: Taint = { key: TAINT_NODE_UNSCHEDULABLE, effect: "NoSchedule" };
  if (tolerationsTolerateTaint(pod.spec?.tolerations, taint)) return undefined;
  return unresolvable("NodeUnschedulable", "node(s) were unschedulable");
};

/** NodeName: a pod that names a node fits only there. */
const nodeNameFilter: Filter = (pod, _req, { node }) => {
  const wanted = pod.spec?.nodeName;
  if (!wanted || wanted === node.metadata.name) return undefined;
  return unresolvable("NodeName", "node(s) didn't match the requested node name");
};

/** TaintToleration: the first NoSchedule/NoExecute taint the pod does not tolerate. */
const taintToleration: Filter = (pod, _req, { node }) => {
  const taint = findUntoleratedTaint(
    node.spec?.taints,
    pod.spec?.tolerations,
    (t) => t.effect === "NoSchedule" || t.effect === "NoExecute",
  );
  if (!taint) return undefined;
  return unresolvable(
    "TaintToleration",
    `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ""}}`,
  );
};

/** NodeAffinity: nodeSelector and required node affinity. */
const nodeAffinity: Filter = (pod, _req, { node }) =>
  podMatchesNodeAffinity(pod, node)
    ? undefined
    : unresolvable("NodeAffinity", "node(s) didn't match Pod's node affinity/selector");

const FIXED_ORDER = ["cpu", "memory", "ephemeral-storage"];

/**
 * NodeResourcesFit: the pod count, then cpu, memory, ephemeral-storage and any other
 * requested resource against allocatable minus what bound pods request. Every shortfall
 * is a reason. Preemption might help (Unschedulable, not Unresolvable), as in 1.32.
 */
const nodeResourcesFit: Filter = (_pod, request, { node, usage }) => {
  const allocatable = nodeAllocatable(node);
  const reasons: string[] = [];
  if (usage.pods + 1 > (allocatable.pods ?? 0)) reasons.push("Too many pods");
  const names = [
    ...FIXED_ORDER,
    ...Object.keys(request)
      .filter((n) => !FIXED_ORDER.includes(n))
      .sort(),
  ];
  for (const name of names) {
    const wanted = request[name] ?? 0;
    if (wanted === 0) continue;
    if ((allocatable[name] ?? 0) < wanted + (usage.requested[name] ?? 0))
      reasons.push(`Insufficient ${name}`);
  }
  return reasons.length > 0 ? { plugin: "NodeResourcesFit", reasons, unresolvable: false } : undefined;
};

/** The default profile's filter plugins in their configured order; the first failure decides. */
const FILTERS: Filter[] = [
  nodeUnschedulable,
  nodeNameFilter,
  taintToleration,
  nodeAffinity,
  nodeResourcesFit,
];

/** Runs the filters for one node: undefined when the pod fits. */
export function runFilters(
  pod: KubeObject,
  podRequest: ResourceList,
  info: NodeInfo,
): FilterFailure | undefined {
  for (const filter of FILTERS) {
    const failure = filter(pod, podRequest, info);
    if (failure) return failure;
  }
  return undefined;
}
