import type { KubeObject } from "../api/types";
import { formatMicroTime, formatTimestamp } from "../util/clock";

/**
 * What every simulated worker reports, as a kind node (kindest/node v1.32) does on a 4-CPU,
 * 8 GiB machine. Allocatable memory is capacity minus the kubelet's default hard-eviction
 * threshold `memory.available<100Mi` (no kube/system reservations, as in kind), so 8286208Ki.
 */
export const NODE_CAPACITY = {
  cpu: "4",
  "ephemeral-storage": "102626232Ki",
  "hugepages-1Gi": "0",
  "hugepages-2Mi": "0",
  memory: "8388608Ki",
  pods: "110",
} as const;

export const NODE_ALLOCATABLE = { ...NODE_CAPACITY, memory: "8286208Ki" } as const;

export const KUBELET_VERSION = "v1.32.0";
export const NODE_LEASE_NAMESPACE = "kube-node-lease";
/** kubelet's nodeLeaseDurationSeconds default. */
export const LEASE_DURATION_SECONDS = 40;

/** The kubelet's healthy node conditions, in the order the kubelet lists them. */
const HEALTHY_CONDITIONS: [type: string, status: string, reason: string, message: string][] = [
  ["MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"],
  ["DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"],
  ["PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"],
  ["Ready", "True", "KubeletReady", "kubelet is posting ready status"],
];

/** The name of worker number `index` (1-based). */
export function nodeName(index: number): string {
  return `node-${index}`;
}

/** The Node object as a kubelet registers it: labels, annotations and the podCIDR the IPAM controller gives it. */
export function nodeObject(index: number): KubeObject {
  const name = nodeName(index);
  const cidr = `10.244.${index}.0/24`;
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name,
      labels: {
        "beta.kubernetes.io/arch": "amd64",
        "beta.kubernetes.io/os": "linux",
        "kubernetes.io/arch": "amd64",
        "kubernetes.io/hostname": name,
        "kubernetes.io/os": "linux",
      },
      annotations: {
        "kubeadm.alpha.kubernetes.io/cri-socket": "unix:///run/containerd/containerd.sock",
        "node.alpha.kubernetes.io/ttl": "0",
        "volumes.kubernetes.io/controller-managed-attach-detach": "true",
      },
    },
    spec: { podCIDR: cidr, podCIDRs: [cidr], providerID: `kind://docker/kind/${name}` },
  };
}

/**
 * The status a running kubelet posts: healthy conditions (transitions kept from `previous`
 * when the status did not change), capacity, addresses (InternalIP 172.18.0.<index+1>) and nodeInfo.
 */
export function healthyNodeStatus(
  index: number,
  nowMs: number,
  previous?: KubeObject["status"],
): KubeObject["status"] {
  const now = formatTimestamp(nowMs);
  const old = (type: string) => (previous?.conditions ?? []).find((c: { type: string }) => c.type === type);
  const conditions = HEALTHY_CONDITIONS.map(([type, status, reason, message]) => {
    const before = old(type);
    const lastTransitionTime = before && before.status === status ? before.lastTransitionTime : now;
    return { type, status, lastHeartbeatTime: now, lastTransitionTime, reason, message };
  });
  return {
    addresses: [
      { type: "InternalIP", address: `172.18.0.${index + 1}` },
      { type: "Hostname", address: nodeName(index) },
    ],
    allocatable: { ...NODE_ALLOCATABLE },
    capacity: { ...NODE_CAPACITY },
    conditions,
    daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
    nodeInfo: nodeInfo(index),
  };
}

function nodeInfo(index: number): Record<string, string> {
  const id = index.toString(16).padStart(2, "0");
  return {
    architecture: "amd64",
    bootID: `6f1a2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c${id}`,
    containerRuntimeVersion: "containerd://1.7.24",
    kernelVersion: "6.1.0-28-amd64",
    kubeProxyVersion: "",
    kubeletVersion: KUBELET_VERSION,
    machineID: `4c1d5e2f3a6b7c8d9e0f1a2b3c4d5e${id}`,
    operatingSystem: "linux",
    osImage: "Debian GNU/Linux 12 (bookworm)",
    systemUUID: `0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c${id}`,
  };
}

/** The node's Lease in kube-node-lease, owned by the Node, renewed at `nowMs`. */
export function leaseObject(node: KubeObject, nowMs: number): KubeObject {
  const name = node.metadata.name ?? "";
  return {
    apiVersion: "coordination.k8s.io/v1",
    kind: "Lease",
    metadata: {
      name,
      namespace: NODE_LEASE_NAMESPACE,
      ownerReferences: [{ apiVersion: "v1", kind: "Node", name, uid: node.metadata.uid ?? "" }],
    },
    spec: {
      holderIdentity: name,
      leaseDurationSeconds: LEASE_DURATION_SECONDS,
      renewTime: formatMicroTime(nowMs),
    },
  };
}
