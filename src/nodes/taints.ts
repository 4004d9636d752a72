import type { Taint, Toleration } from "kubernetes-types/core/v1";

/** Well-known taint keys (k8s.io/api/core/v1 well_known_taints.go). */
export const TAINT_NODE_NOT_READY = "node.kubernetes.io/not-ready";
export const TAINT_NODE_UNREACHABLE = "node.kubernetes.io/unreachable";
export const TAINT_NODE_UNSCHEDULABLE = "node.kubernetes.io/unschedulable";

/** DefaultTolerationSeconds admission plugin's default: 300 s. */
export const DEFAULT_TOLERATION_SECONDS = 300;

/** Toleration.ToleratesTaint: effect and key match when set; Equal compares values, Exists does not. */
export function toleratesTaint(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.key && toleration.key !== taint.key) return false;
  const operator = toleration.operator ?? "Equal";
  if (operator === "Exists") return true;
  if (operator === "Equal") return (toleration.value ?? "") === (taint.value ?? "");
  return false;
}

/** True when some toleration tolerates the taint. */
export function tolerationsTolerateTaint(
  tolerations: readonly Toleration[] | undefined,
  taint: Taint,
): boolean {
  return (tolerations ?? []).some((t) => toleratesTaint(t, taint));
}

/**
 * FindMatchingUntoleratedTaint: the first taint passing `filter` that no toleration
 * tolerates, or undefined.
 */
export function findUntoleratedTaint(
  taints: readonly Taint[] | undefined,
  tolerations: readonly Toleration[] | undefined,
  filter: (taint: Taint) => boolean,
): Taint | undefined {
  return (taints ?? []).find((taint) => filter(taint) && !tolerationsTolerateTaint(tolerations, taint));
}

/**
 * GetMatchingTolerations: whether every taint is tolerated and, if so, the tolerations
 * used (the first tolerating one per taint).
 */
export function matchingTolerations(
  taints: readonly Taint[],
  tolerations: readonly Toleration[] | undefined,
): { allTolerated: boolean; used: Toleration[] } {
  const used: Toleration[] = [];
  for (const taint of taints) {
    const toleration = (tolerations ?? []).find((t) => toleratesTaint(t, taint));
    if (!toleration) return { allTolerated: false, used: [] };
    used.push(toleration);
  }
  return { allTolerated: true, used };
}

/** Taint.ToString: `key=value:effect`, `key:effect`, `key=value:` or `key`. */
export function taintToString(taint: Partial<Taint>): string {
  const value = taint.value ?? "";
  if (!taint.effect) return value ? `${taint.key}=${value}:` : `${taint.key}`;
  return value ? `${taint.key}=${value}:${taint.effect}` : `${taint.key}:${taint.effect}`;
}

/**
 * The DefaultTolerationSeconds admission plugin: unless the pod already tolerates them,
 * adds NoExecute tolerations of 300 s for node.kubernetes.io/not-ready and
 * node.kubernetes.io/unreachable, so that pods leave a failed node after five minutes.
 * Returns the pod's tolerations with those added (the same array when none is needed).
 */
export function defaultTolerations(tolerations: Toleration[] | undefined): Toleration[] | undefined {
  const existing: Toleration[] = tolerations ?? [];
  const tolerates = (key: string) =>
    existing.some((t) => (!t.key || t.key === key) && (!t.effect || t.effect === "NoExecute"));
  const added: Toleration[] = [];
  for (const key of [TAINT_NODE_NOT_READY, TAINT_NODE_UNREACHABLE]) {
    if (!tolerates(key))
      added.push({
        key,
        operator: "Exists",
        effect: "NoExecute",
        tolerationSeconds: DEFAULT_TOLERATION_SECONDS,
      });
  }
  return added.length === 0 ? tolerations : [...existing, ...added];
}
