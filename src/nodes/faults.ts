import type { ApiServer } from "../api/server";
import { nodeFleetOf } from "./fleet";

/**
 * Stops a simulated node's kubelet: its Lease and status stop being renewed, so the node
 * lifecycle controller marks it Unknown after the grace period, taints it unreachable, and
 * the taint eviction controller deletes its pods after their tolerationSeconds.
 */
export function stopNode(api: ApiServer, name: string): void {
  requireFleet(api, name).stop(name);
}

/** Restarts a stopped node's kubelet: Lease renewed and Ready=True posted at once. */
export function startNode(api: ApiServer, name: string): void {
  requireFleet(api, name).start(name);
}

function requireFleet(api: ApiServer, name: string) {
  const fleet = nodeFleetOf(api);
  if (!fleet) throw new Error(`no simulated node named "${name}"`);
  return fleet;
}
