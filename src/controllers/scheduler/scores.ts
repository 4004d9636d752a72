import { tolerationsTolerateTaint } from "../../nodes/taints";
import { preferredAffinityScore } from "./nodeAffinity";
import type { NodeFacts } from "./nodeFacts";
import type { PodFacts } from "./podFacts";
import type { NodeUsage } from "./resources";
import type { NodeEntry } from "./snapshot";

const MAX_NODE_SCORE = 100;

/**
 * NodeResourcesFit (LeastAllocated): the mean over cpu and memory (those the node has) of
 * the free share after placing the pod.
 */
function leastAllocated(pod: PodFacts, node: NodeFacts, usage: NodeUsage): number {
  let sum = 0;
  let weights = 0;
  if (node.cpu !== 0) {
    sum += freeShare(node.cpu, (usage.nonZeroRequested.cpu ?? 0) + pod.nonZeroCpu);
    weights++;
  }
  if (node.memory !== 0) {
    sum += freeShare(node.memory, (usage.nonZeroRequested.memory ?? 0) + pod.nonZeroMemory);
    weights++;
  }
  return weights === 0 ? 0 : Math.floor(sum / weights);
}

function freeShare(capacity: number, requested: number): number {
  return requested > capacity ? 0 : Math.floor(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

/**
 * NodeResourcesBalancedAllocation: 100 × (1 − the spread of the cpu and memory fractions
 * requested); a node with only one of the two has no spread.
 */
function balancedAllocation(pod: PodFacts, node: NodeFacts, usage: NodeUsage): number {
  if (node.cpu === 0 || node.memory === 0) return MAX_NODE_SCORE;
  const cpu = Math.min(1, ((usage.requested.cpu ?? 0) + pod.cpu) / node.cpu);
  const memory = Math.min(1, ((usage.requested.memory ?? 0) + pod.memory) / node.memory);
  const std = Math.abs((cpu - memory) / 2);
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

/** TaintToleration's raw score: PreferNoSchedule taints the pod does not tolerate (fewer is better). */
function intolerablePreferNoSchedule(pod: PodFacts, node: NodeFacts): number {
  let count = 0;
  for (const taint of node.preferNoScheduleTaints) {
    if (!tolerationsTolerateTaint(pod.preferNoScheduleTolerations, taint)) count++;
  }
  return count;
}

/** DefaultNormalizeScore in place: scale to 0..100 by the maximum, optionally reversed. */
function normalize(scores: number[], reverse: boolean): void {
  let max = 0;
  for (const s of scores) if (s > max) max = s;
  for (let i = 0; i < scores.length; i++) {
    if (max === 0) scores[i] = reverse ? MAX_NODE_SCORE : 0;
    else {
      const scaled = Math.floor((MAX_NODE_SCORE * scores[i]) / max);
      scores[i] = reverse ? MAX_NODE_SCORE - scaled : scaled;
    }
  }
}

/**
 * The weighted sum of the default profile's scores per feasible node: TaintToleration ×3,
 * NodeAffinity ×2, NodeResourcesFit ×1, NodeResourcesBalancedAllocation ×1. When no node
 * has a PreferNoSchedule taint (or the pod prefers no nodes) every raw score is 0 and
 * normalizes to 100 (to 0), so those plugins are not run node by node.
 */
export function scoreNodes(pod: PodFacts, nodes: readonly NodeEntry[]): number[] {
  let taints: number[] | undefined;
  if (nodes.some((n) => n.facts.preferNoScheduleTaints.length > 0)) {
    taints = nodes.map((n) => intolerablePreferNoSchedule(pod, n.facts));
    normalize(taints, true);
  }
  let affinity: number[] | undefined;
  if (pod.preferredTerms.length > 0) {
    affinity = nodes.map((n) => preferredAffinityScore(pod.preferredTerms, n.facts));
    normalize(affinity, false);
  }
  const scores = new Array<number>(nodes.length);
  for (let i = 0; i < nodes.length; i++) {
    const { facts, usage } = nodes[i];
    scores[i] =
      3 * (taints ? taints[i] : MAX_NODE_SCORE) +
      2 * (affinity ? affinity[i] : 0) +
      leastAllocated(pod, facts, usage) +
      balancedAllocation(pod, facts, usage);
  }
  return scores;
}
