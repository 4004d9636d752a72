import { tolerationsTolerateTaint } from "../../nodes/taints";
import type { NodeFacts } from "./nodeFacts";
import { matchesRequiredAffinity } from "./nodeAffinity";
import type { PodFacts } from "./podFacts";
import type { NodeUsage } from "./resources";

/** Why a node was rejected: the plugin's reason strings, and whether preemption could help. */
export interface FilterFailure {
  plugin: string;
  reasons: string[];
  /** UnschedulableAndUnresolvable: evicting pods would not make the node fit. */
  unresolvable: boolean;
}

type Filter = (pod: PodFacts, node: NodeFacts, usage: NodeUsage) => FilterFailure | undefined;

const unresolvable = (plugin: string, reason: string): FilterFailure => ({
  plugin,
  reasons: [reason],
  unresolvable: true,
});

/** NodeUnschedulable: a cordoned node, unless the pod tolerates the unschedulable taint. */
const nodeUnschedulable: Filter = (pod, node) => {
  if (!node.unschedulable || pod.toleratesUnschedulable) return undefined;
  return unresolvable("NodeUnschedulable", "node(s) were unschedulable");
};

/** NodeName: a pod that names a node fits only there. */
const nodeNameFilter: Filter = (pod, node) => {
  const wanted = pod.nodeName;
  if (!wanted || wanted === node.node.metadata.name) return undefined;
  return unresolvable("NodeName", "node(s) didn't match the requested node name");
};

/** TaintToleration: the first NoSchedule/NoExecute taint the pod does not tolerate. */
const taintToleration: Filter = (pod, node) => {
  for (const taint of node.filterTaints) {
    if (tolerationsTolerateTaint(pod.tolerations, taint)) continue;
    return unresolvable(
      "TaintToleration",
      `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ""}}`,
    );
  }
  return undefined;
};

/** NodeAffinity: nodeSelector and required node affinity. */
const nodeAffinity: Filter = (pod, node) => {
  if (pod.nodeSelector.length === 0 && !pod.requiredTerms) return undefined;
  return matchesRequiredAffinity(pod.nodeSelector, pod.requiredTerms, node)
    ? undefined
    : unresolvable("NodeAffinity", "node(s) didn't match Pod's node affinity/selector");
};

/**
 * NodeResourcesFit: the pod count, then cpu, memory, ephemeral-storage and any other
 * requested resource against allocatable minus what bound pods request. Every shortfall
 * is a reason. Preemption might help (Unschedulable, not Unresolvable), as in 1.32.
 */
const nodeResourcesFit: Filter = (pod, node, usage) => {
  let reasons: string[] | undefined;
  if (usage.pods + 1 > node.pods) reasons = ["Too many pods"];
  const names = pod.checkedResources;
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    if ((node.allocatable[name] ?? 0) < pod.checkedAmounts[i] + (usage.requested[name] ?? 0))
      (reasons ??= []).push(`Insufficient ${name}`);
  }
  return reasons ? { plugin: "NodeResourcesFit", reasons, unresolvable: false } : undefined;
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
export function runFilters(pod: PodFacts, node: NodeFacts, usage: NodeUsage): FilterFailure | undefined {
  // The usual case, a pod that selects no nodes on an untainted node: only resources can fail.
  if (!pod.restricted && !node.restricted) return nodeResourcesFit(pod, node, usage);
  for (const filter of FILTERS) {
    const failure = filter(pod, node, usage);
    if (failure) return failure;
  }
  return undefined;
}
