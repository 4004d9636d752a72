/**
 * RepackSubsets (pkg/api/v1/endpoints/util.go): addresses that offer the same set of ports
 * share a subset; an address not ready on any port is not ready on all of them; addresses
 * are sorted by IP then pod UID.
 *
 * Deviation: Kubernetes orders ports, and subsets, by the MD5 of their Go dump; kubeplay
 * orders ports by name, port and protocol, and subsets by their first address. With one
 * port and one port set per Service (the usual case) the layout is identical.
 */
import type { EndpointAddress, EndpointPort, EndpointSubset } from "kubernetes-types/core/v1";
import type { AddressEntry } from "./subsets";

/** Packs per-address entries into the canonical subsets. */
export function repackSubsets(entries: readonly AddressEntry[]): EndpointSubset[] {
  // address key -> port key -> ready (not ready wins)
  const addresses = new Map<string, EndpointAddress>();
  const portsByKey = new Map<string, EndpointPort>();
  const readyByPort = new Map<string, Map<string, boolean>>();
  for (const entry of entries) {
    const addrKey = addressKey(entry.address);
    if (!addresses.has(addrKey)) addresses.set(addrKey, entry.address);
    for (const port of entry.ports.length > 0 ? entry.ports : [undefined]) {
      const pk = port ? portKey(port) : "";
      if (port) portsByKey.set(pk, port);
      const set = readyByPort.get(pk) ?? new Map<string, boolean>();
      readyByPort.set(pk, set);
      if (set.get(addrKey) !== false) set.set(addrKey, entry.ready);
    }
  }
  // Group the ports by the identical set of (address, ready) they are offered on.
  const groups = new Map<string, { members: Map<string, boolean>; ports: EndpointPort[] }>();
  for (const [pk, members] of readyByPort) {
    const key = [...members]
      .map(([a, r]) => `${a}=${r}`)
      .sort()
      .join(",");
    const group = groups.get(key) ?? { members, ports: [] };
    if (pk) group.ports.push(portsByKey.get(pk) as EndpointPort);
    groups.set(key, group);
  }
  const subsets = [...groups.values()].map(({ members, ports }) => toSubset(members, ports, addresses));
  return subsets.sort((a, b) => compare(firstIP(a), firstIP(b)));
}

function toSubset(
  members: Map<string, boolean>,
  ports: EndpointPort[],
  addresses: Map<string, EndpointAddress>,
): EndpointSubset {
  const ready: EndpointAddress[] = [];
  const notReady: EndpointAddress[] = [];
  for (const [key, isReady] of members)
    (isReady ? ready : notReady).push(addresses.get(key) as EndpointAddress);
  const subset: EndpointSubset = {};
  if (ready.length > 0) subset.addresses = ready.sort(lessAddress);
  if (notReady.length > 0) subset.notReadyAddresses = notReady.sort(lessAddress);
  if (ports.length > 0) subset.ports = ports.sort((a, b) => compare(portKey(a), portKey(b)));
  return subset;
}

/** LessEndpointAddress: by IP bytes, then by target UID. */
function lessAddress(a: EndpointAddress, b: EndpointAddress): number {
  return compare(a.ip, b.ip) || compare(a.targetRef?.uid ?? "", b.targetRef?.uid ?? "");
}

function addressKey(address: EndpointAddress): string {
  return `${address.ip}/${address.targetRef?.uid ?? ""}`;
}

function portKey(port: EndpointPort): string {
  return `${port.name ?? ""}/${String(port.port).padStart(5, "0")}/${port.protocol ?? ""}/${port.appProtocol ?? ""}`;
}

function firstIP(subset: EndpointSubset): string {
  return (subset.addresses ?? subset.notReadyAddresses ?? [])[0]?.ip ?? "";
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
