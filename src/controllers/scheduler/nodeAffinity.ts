import type {
  NodeSelectorRequirement,
  NodeSelectorTerm,
  PreferredSchedulingTerm,
} from "kubernetes-types/core/v1";
import type { KubeObject } from "../../api/types";

const INT64 = /^[+-]?\d+$/;

/** One matchExpressions requirement against a node's labels (In, NotIn, Exists, DoesNotExist, Gt, Lt). */
export function requirementMatches(req: NodeSelectorRequirement, labels: Record<string, string>): boolean {
  const has = Object.hasOwn(labels, req.key);
  const value = labels[req.key];
  const values = req.values ?? [];
  switch (req.operator) {
    case "In":
      return has && values.includes(value);
    case "NotIn":
      return !has || !values.includes(value);
    case "Exists":
      return has;
    case "DoesNotExist":
      return !has;
    case "Gt":
    case "Lt": {
      if (!has || values.length !== 1 || !INT64.test(value) || !INT64.test(values[0])) return false;
      const [label, bound] = [BigInt(value), BigInt(values[0])];
      return req.operator === "Gt" ? label > bound : label < bound;
    }
    default:
      return false;
  }
}

/** matchFields supports only metadata.name (In / NotIn), as the API validates. */
function fieldMatches(req: NodeSelectorRequirement, node: KubeObject): boolean {
  if (req.key !== "metadata.name") return false;
  return requirementMatches(req, { "metadata.name": node.metadata.name ?? "" });
}

/** A term matches when all its expressions and fields do; an empty term matches nothing. */
export function termMatches(term: NodeSelectorTerm, node: KubeObject): boolean {
  const expressions = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (expressions.length === 0 && fields.length === 0) return false;
  const labels = node.metadata.labels ?? {};
  return (
    expressions.every((r) => requirementMatches(r, labels)) && fields.every((r) => fieldMatches(r, node))
  );
}

/**
 * RequiredNodeAffinity.Match: the pod's nodeSelector labels all match, and some term of
 * requiredDuringSchedulingIgnoredDuringExecution matches (terms are ORed).
 */
export function podMatchesNodeAffinity(pod: KubeObject, node: KubeObject): boolean {
  const labels = node.metadata.labels ?? {};
  for (const [key, value] of Object.entries((pod.spec?.nodeSelector ?? {}) as Record<string, string>)) {
    if (labels[key] !== value) return false;
  }
  const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (!required) return true;
  return ((required.nodeSelectorTerms ?? []) as NodeSelectorTerm[]).some((term) => termMatches(term, node));
}

/** The sum of the weights of the preferred terms the node matches (NodeAffinity's raw score). */
export function preferredAffinityScore(pod: KubeObject, node: KubeObject): number {
  const preferred: PreferredSchedulingTerm[] =
    pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
  return preferred.reduce((sum, p) => sum + (p.weight && termMatches(p.preference, node) ? p.weight : 0), 0);
}
