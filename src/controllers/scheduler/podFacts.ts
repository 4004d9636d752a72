import type { NodeSelectorTerm, PreferredSchedulingTerm, Toleration } from "kubernetes-types/core/v1";
import type { KubeObject } from "../../api/types";
import { TAINT_NODE_UNSCHEDULABLE, tolerationsTolerateTaint } from "../../nodes/taints";
import { podResourceRequests, type ResourceList } from "./resources";

/** NodeResourcesFit checks these first, in this order, then any other requested resource by name. */
const FIXED_ORDER = ["cpu", "memory", "ephemeral-storage"];

/**
 * What the filters and scores read about the pod being scheduled, parsed once per
 * scheduling cycle (the real scheduler's PreFilter/PreScore state) rather than once per node.
 */
export interface PodFacts {
  pod: KubeObject;
  /** computePodResourceRequest (read-only). */
  requested: ResourceList;
  /** The same with the 100m / 200Mi stand-ins, for scoring (read-only). */
  nonZeroRequested: ResourceList;
  /** The scored resources from those lists, 0 when not requested. */
  cpu: number;
  memory: number;
  nonZeroCpu: number;
  nonZeroMemory: number;
  /** The resources NodeResourcesFit checks, in its reason order, with the amounts wanted (never 0). */
  checkedResources: string[];
  checkedAmounts: number[];
  tolerations: Toleration[] | undefined;
  /** Whether the tolerations admit a cordoned node (NodeUnschedulable). */
  toleratesUnschedulable: boolean;
  /** The tolerations the TaintToleration score considers (effect PreferNoSchedule or none). */
  preferNoScheduleTolerations: Toleration[];
  /** Names a node, or selects nodes by label or affinity: filters other than the resource fit may reject a node. */
  restricted: boolean;
  nodeName: string | undefined;
  nodeSelector: [string, string][];
  /** requiredDuringSchedulingIgnoredDuringExecution's terms; undefined when there is no requirement. */
  requiredTerms: NodeSelectorTerm[] | undefined;
  preferredTerms: PreferredSchedulingTerm[];
}

/** Parses the pod once for a scheduling cycle. */
export function podFacts(pod: KubeObject): PodFacts {
  const spec = pod.spec ?? {};
  const { requested, nonZeroRequested } = podResourceRequests(pod);
  const names = [
    ...FIXED_ORDER,
    ...Object.keys(requested)
      .filter((n) => !FIXED_ORDER.includes(n))
      .sort(),
  ];
  const checkedResources: string[] = [];
  const checkedAmounts: number[] = [];
  for (const name of names) {
    const wanted = requested[name] ?? 0;
    if (wanted === 0) continue;
    checkedResources.push(name);
    checkedAmounts.push(wanted);
  }
  const tolerations: Toleration[] | undefined = spec.tolerations;
  const nodeAffinity = spec.affinity?.nodeAffinity;
  const required = nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  const nodeSelector = Object.entries((spec.nodeSelector ?? {}) as Record<string, string>);
  return {
    pod,
    requested,
    nonZeroRequested,
    cpu: requested.cpu ?? 0,
    memory: requested.memory ?? 0,
    nonZeroCpu: nonZeroRequested.cpu ?? 0,
    nonZeroMemory: nonZeroRequested.memory ?? 0,
    checkedResources,
    checkedAmounts,
    tolerations,
    toleratesUnschedulable: tolerationsTolerateTaint(tolerations, {
      key: TAINT_NODE_UNSCHEDULABLE,
      effect: "NoSchedule",
    }),
    preferNoScheduleTolerations: (tolerations ?? []).filter(
      (t) => !t.effect || t.effect === "PreferNoSchedule",
    ),
    restricted: Boolean(spec.nodeName) || nodeSelector.length > 0 || Boolean(required),
    nodeName: spec.nodeName,
    nodeSelector,
    requiredTerms: required ? (required.nodeSelectorTerms ?? []) : undefined,
    preferredTerms: nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [],
  };
}
