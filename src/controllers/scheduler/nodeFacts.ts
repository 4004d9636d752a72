import type { Taint } from "kubernetes-types/core/v1";
import type { KubeObject } from "../../api/types";
import { nodeAllocatable, type ResourceList } from "./resources";

/**
 * What the filters and scores read about one node, parsed once per stored Node object.
 * Every pod's scheduling cycle visits every node, so reading these instead of the raw
 * object (quantities as text, taints to sort by effect) keeps a cycle cheap. Stored
 * objects never change (a changed node is a new object), so identity is the key.
 */
export interface NodeFacts {
  node: KubeObject;
  name: string;
  labels: Record<string, string>;
  unschedulable: boolean;
  /** Cordoned or tainted NoSchedule/NoExecute: filters other than the resource fit may reject a pod here. */
  restricted: boolean;
  /** The NoSchedule and NoExecute taints in the node's order: the TaintToleration filter's. */
  filterTaints: Taint[];
  /** The PreferNoSchedule taints in the node's order: the TaintToleration score's. */
  preferNoScheduleTaints: Taint[];
  /** Allocatable in scheduler units (read-only). */
  allocatable: ResourceList;
  /** Allocatable cpu (millicores), memory (bytes) and pods, 0 when absent. */
  cpu: number;
  memory: number;
  pods: number;
}

const memo = new WeakMap<KubeObject, NodeFacts>();

/** The node's facts, parsed on first use per stored object. */
export function nodeFacts(node: KubeObject): NodeFacts {
  let facts = memo.get(node);
  if (!facts) {
    const taints: Taint[] = node.spec?.taints ?? [];
    const allocatable = nodeAllocatable(node);
    const unschedulable = Boolean(node.spec?.unschedulable);
    const filterTaints = taints.filter((t) => t.effect === "NoSchedule" || t.effect === "NoExecute");
    facts = {
      node,
      name: node.metadata.name ?? "",
      labels: node.metadata.labels ?? {},
      unschedulable,
      restricted: unschedulable || filterTaints.length > 0,
      filterTaints,
      preferNoScheduleTaints: taints.filter((t) => t.effect === "PreferNoSchedule"),
      allocatable,
      cpu: allocatable.cpu ?? 0,
      memory: allocatable.memory ?? 0,
      pods: allocatable.pods ?? 0,
    };
    memo.set(node, facts);
  }
  return facts;
}
