import type { SeededRandom } from "../util/random";
import { cidrContains, cidrSize, formatIpv4, parseCidr, parseIpv4 } from "./ipv4";
import { allocateIndex, rangeOffset } from "./rangeAllocator";

/** The service CIDR (kube-apiserver --service-cluster-ip-range; kubeadm's default). */
export const SERVICE_CIDR = "10.96.0.0/12";
/** The first address of the range: the `kubernetes` Service's ClusterIP. */
export const KUBERNETES_CLUSTER_IP = "10.96.0.1";
/** The tenth address: kubeadm gives it to the kube-dns Service, so it is never free. */
export const KUBE_DNS_CLUSTER_IP = "10.96.0.10";

const CIDR = parseCidr(SERVICE_CIDR);
/** The first allocatable address: the network's ".0" is never handed out. */
const BASE = CIDR.network + 1;
/** Allocatable addresses: the network and broadcast addresses are excluded. */
const RANGE_SIZE = cidrSize(CIDR) - 2;
/** min(max(16, size/16), 256): 256 for a /12, so dynamic IPs start at 10.96.1.1. */
const OFFSET = rangeOffset(cidrSize(CIDR), 16, 256, 16);

/** Why a requested ClusterIP cannot be had (the ipallocator's errors, worded as in Kubernetes 1.32). */
export function clusterIPRefusal(ip: string, allocated: ReadonlySet<string>): string | undefined {
  const value = parseIpv4(ip);
  if (value === undefined || !cidrContains(CIDR, value) || value < BASE || value >= BASE + RANGE_SIZE) {
    return `the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}`;
  }
  if (allocated.has(formatIpv4(value)) || isReserved(value)) return "provided IP is already allocated";
  return undefined;
}

/** A random free ClusterIP, preferring the upper band of the range; undefined when the range is full. */
export function allocateClusterIP(allocated: ReadonlySet<string>, random: SeededRandom): string | undefined {
  const index = allocateIndex(
    RANGE_SIZE,
    OFFSET,
    (i) => isReserved(BASE + i) || allocated.has(formatIpv4(BASE + i)),
    random,
  );
  return index === undefined ? undefined : formatIpv4(BASE + index);
}

function isReserved(value: number): boolean {
  return formatIpv4(value) === KUBE_DNS_CLUSTER_IP;
}
