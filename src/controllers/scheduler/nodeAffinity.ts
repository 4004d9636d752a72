import type {
  NodeSelectorRequirement,
  NodeSelectorTerm,
  PreferredSchedulingTerm,
} from "kubernetes-types/core/v1";

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

/** What a node selector term is matched against: the node's name and labels. */
export interface NodeIdentity {
  name: string;
  labels: Record<string, string>;
}

/** matchFields supports only metadata.name (In / NotIn), as the API validates. */
function fieldMatches(req: NodeSelectorRequirement, node: NodeIdentity): boolean {
  if (req.key !== "metadata.name") return false;
  return requirementMatches(req, { "metadata.name": node.name });
}

/** A term matches when all its expressions and fields do; an empty term matches nothing. */
export function termMatches(term: NodeSelectorTerm, node: NodeIdentity): boolean {
  const expressions = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (expressions.length === 0 && fields.length === 0) return false;
  return (
    expressions.every((r) => requirementMatches(r, node.labels)) && fields.every((r) => fieldMatches(r, node))
  );
}

/**
 * RequiredNodeAffinity.Match: the pod's nodeSelector labels all match, and some term of
 * requiredDuringSchedulingIgnoredDuringExecution matches (terms are ORed; undefined: no requirement).
 */
export function matchesRequiredAffinity(
  nodeSelector: readonly [string, string][],
  requiredTerms: readonly NodeSelectorTerm[] | undefined,
  node: NodeIdentity,
): boolean {
  const labels = node.labels;
  for (const [key, value] of nodeSelector) {
    if (labels[key] !== value) return false;
  }
  if (!requiredTerms) return true;
  return requiredTerms.some((term) => termMatches(term, node));
}

/** The sum of the weights of the preferred terms the node matches (NodeAffinity's raw score). */
export function preferredAffinityScore(
  preferred: readonly PreferredSchedulingTerm[],
  node: NodeIdentity,
): number {
  return preferred.reduce((sum, p) => sum + (p.weight && termMatches(p.preference, node) ? p.weight : 0), 0);
}
