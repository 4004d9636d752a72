import type { FilterFailure } from "./filters";

/** ErrNoNodesAvailable: the cluster has no nodes at all. */
export const NO_NODES_AVAILABLE = "no nodes available to schedule pods";

const PREEMPTION_NOT_HELPFUL = "Preemption is not helpful for scheduling";
const NO_VICTIMS = "No preemption victims found for incoming pod";

/** Go's sort.Strings order (byte order; the reasons are ASCII). */
function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `0/N nodes are available: <count reason, …>.` with the histogram sorted as strings. */
function histogram(numNodes: number, reasons: string[]): string {
  const counts = new Map<string, number>();
  for (const reason of reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  const parts = [...counts].map(([reason, n]) => `${n} ${reason}`).sort(byteOrder);
  return `0/${numNodes} nodes are available: ${parts.join(", ")}.`;
}

/**
 * FitError.Error() followed by DefaultPreemption's PostFilter message, e.g.
 * `0/3 nodes are available: 1 node(s) had untolerated taint {k: v}, 2 Insufficient cpu.
 * preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No
 * preemption victims found for incoming pod.` All pods share priority 0 here, so preemption
 * never finds victims; nodes rejected as unresolvable are not worth trying.
 */
export function fitErrorMessage(
  numNodes: number,
  failures: readonly FilterFailure[],
  preemptionPolicy?: string,
): string {
  const filterMsg = histogram(
    numNodes,
    failures.flatMap((f) => f.reasons),
  );
  if (preemptionPolicy === "Never")
    return `${filterMsg} preemption: not eligible due to preemptionPolicy=Never.`;
  const preemption = failures.map((f) => (f.unresolvable ? PREEMPTION_NOT_HELPFUL : NO_VICTIMS));
  return `${filterMsg} preemption: ${histogram(numNodes, preemption)}`;
}
