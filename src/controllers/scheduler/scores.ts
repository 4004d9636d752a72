import type { KubeObject } from "../../api/types";
import { tolerationsTolerateTaint } from "../../nodes/taints";
import type { NodeInfo } from "./filters";
import { preferredAffinityScore } from "./nodeAffinity";
import { nodeAllocatable, type ResourceList } from "./resources";

const MAX_NODE_SCORE = 100;
const SCORED_RESOURCES = ["cpu", "memory"];

/** NodeResourcesFit (LeastAllocated): the mean over cpu and memory of the free share after placing the pod. */
function leastAllocated(podNonZero: ResourceList, { node, usage }: NodeInfo): number {
  const allocatable = nodeAllocatable(node);
  let sum = 0;
  let weights = 0;
  for (const name of SCORED_RESOURCES) {
    const capacity = allocatable[name] ?? 0;
    if (capacity === 0) continue;
    const requested = (usage.nonZeroRequested[name] ?? 0) + (podNonZero[name] ?? 0);
    sum += requested > capacity ? 0 : Math.floor(((capacity - requested) * MAX_NODE_SCORE) / capacity);
    weights++;
  }
  return weights === 0 ? 0 : Math.floor(sum / weights);
}

/** NodeResourcesBalancedAllocation: 100 × (1 − the spread of the cpu and memory fractions requested). */
function balancedAllocation(podRequest: ResourceList, { node, usage }: NodeInfo): number {
  const allocatable = nodeAllocatable(node);
  const fractions: number[] = [];
  for (const name of SCORED_RESOURCES) {
    const capacity = allocatable[name] ?? 0;
    if (capacity === 0) continue;
    fractions.push(Math.min(1, ((usage.requested[name] ?? 0) + (podRequest[name] ?? 0)) / capacity));
  }
  const std = fractions.length === 2 ? Math.abs((fractions[0] - fractions[1]) / 2) : 0;
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

/** TaintToleration's raw score: PreferNoSchedule taints the pod does not tolerate (fewer is better). */
function intolerablePreferNoSchedule(pod: KubeObject, { node }: NodeInfo): number {
  const tolerations = (pod.spec?.tolerations ?? []).filter(
    (t: { effect?: string }) => !t.effect || t.effect === "PreferNoSchedule",
  );
  return (node.spec?.taints ?? []).filter(
    (t: { effect: string }) =>
      t.effect === "PreferNoSchedule" && !tolerationsTolerateTaint(tolerations, t as never),
  ).length;
}

/** DefaultNormalizeScore: scale to 0..100 by the maximum, optionally reversed. */
function normalize(scores: number[], reverse: boolean): number[] {
  const max = Math.max(0, ...scores);
  if (max === 0) return scores.map(() => (reverse ? MAX_NODE_SCORE : 0));
  return scores.map((s) => {
    const scaled = Math.floor((MAX_NODE_SCORE * s) / max);
    return reverse ? MAX_NODE_SCORE - scaled : scaled;
  });
}

/**
 * The weighted sum of the default profile's scores per feasible node: TaintToleration ×3,
 * NodeAffinity ×2, NodeResourcesFit ×1, NodeResourcesBalancedAllocation ×1.
 */
export function scoreNodes(
  pod: KubeObject,
  podRequest: ResourceList,
  podNonZero: ResourceList,
  nodes: readonly NodeInfo[],
): number[] {
  const taints = normalize(
    nodes.map((n) => intolerablePreferNoSchedule(pod, n)),
    true,
  );
  const affinity = normalize(
    nodes.map((n) => preferredAffinityScore(pod, n.node)),
    false,
  );
  return nodes.map(
    (n, i) =>
      3 * taints[i] + 2 * affinity[i] + leastAllocated(podNonZero, n) + balancedAllocation(podRequest, n),
  );
}
