import type { ApiServer } from "./api/server";
import type { KubeObject } from "./api/types";
import { registerNodes } from "./nodes/fleet";

/** The namespaces every cluster starts with. */
export const SYSTEM_NAMESPACES = ["default", "kube-node-lease", "kube-public", "kube-system"];

/** The address of the `kubernetes` Service: the first IP of the service CIDR 10.96.0.0/12. */
export const KUBERNETES_SERVICE_IP = "10.96.0.1";

/**
 * The kube-apiserver's advertise address (host 1 of the nodes' 172.18.0.0/16 network, which
 * no node takes): what the `kubernetes` Endpoints list and `cluster-info` prints.
 */
export const CONTROL_PLANE_ADDRESS = "172.18.0.1";

/** The kube-apiserver's secure port. */
export const API_SERVER_PORT = 6443;

/** What the bootstrap creates besides the fixed system objects. */
export interface BootstrapOptions {
  /** Worker nodes to create (node-1 … node-N). */
  nodes: number;
}

/** Creates what a fresh cluster holds before the learner does anything. */
export function bootstrapCluster(api: ApiServer, options: BootstrapOptions): void {
  for (const name of SYSTEM_NAMESPACES) {
    api.create(namespaceObject(name));
  }
  api.create({
    apiVersion: "v1",
    kind: "Service",
    metadata: {
      name: "kubernetes",
      namespace: "default",
      labels: { component: "apiserver", provider: "kubernetes" },
    },
    spec: {
      clusterIP: KUBERNETES_SERVICE_IP,
      ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: API_SERVER_PORT }],
      type: "ClusterIP",
    },
  });
  api.create(kubernetesEndpoints());
  registerNodes(api, options.nodes);
}

/**
 * The Endpoints the API server's endpoint reconciler keeps for the `kubernetes` Service: its
 * own address, labelled so the EndpointSlice mirroring controller skips it.
 */
function kubernetesEndpoints(): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Endpoints",
    metadata: {
      name: "kubernetes",
      namespace: "default",
      labels: { "endpointslice.kubernetes.io/skip-mirror": "true" },
    },
    subsets: [
      {
        addresses: [{ ip: CONTROL_PLANE_ADDRESS }],
        ports: [{ name: "https", port: API_SERVER_PORT, protocol: "TCP" }],
      },
    ],
  };
}

/** A Namespace object as the API server stores it after creation. */
export function namespaceObject(name: string): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: { name, labels: { "kubernetes.io/metadata.name": name } },
    spec: { finalizers: ["kubernetes"] },
    status: { phase: "Active" },
  };
}
