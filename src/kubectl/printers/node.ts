// The Node row, ported from printNode, findNodeRoles and getNodeInternalIP/ExternalIP in
// kubernetes/pkg/printers/internalversion/printers.go.
import type { Node } from "kubernetes-types/core/v1";
import { ageOf, compareStrings } from "./format";
import { AGE_COLUMN, NAME_COLUMN, definePrinter } from "./types";

const NODE_ROLE_PREFIX = "node-role.kubernetes.io/";
const NODE_ROLE_LABEL = "kubernetes.io/role";

/** The STATUS cell: "Ready", "NotReady" or "Unknown", then ",SchedulingDisabled" when cordoned. */
export function nodeStatus(node: Node): string {
  // Only the Ready condition is shown; the last Ready condition listed wins, as in a Go map.
  const ready = (node.status?.conditions ?? []).filter((c) => c.type === "Ready").at(-1);
  const status = [ready ? (ready.status === "True" ? "Ready" : "NotReady") : "Unknown"];
  if (node.spec?.unschedulable) status.push("SchedulingDisabled");
  return status.join(",");
}

/** Roles from node-role.kubernetes.io/<role> labels and the kubernetes.io/role label, sorted. */
export function findNodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(node.metadata?.labels ?? {})) {
    if (key.startsWith(NODE_ROLE_PREFIX)) {
      const role = key.slice(NODE_ROLE_PREFIX.length);
      if (role) roles.add(role);
    } else if (key === NODE_ROLE_LABEL && value !== "") {
      roles.add(value);
    }
  }
  return [...roles].sort(compareStrings);
}

function nodeAddress(node: Node, type: string): string {
  return (node.status?.addresses ?? []).find((a) => a.type === type)?.address ?? "<none>";
}

export const nodePrinter = definePrinter<Node>({
  kind: "Node",
  group: "",
  namespaced: false,
  columns: [
    NAME_COLUMN,
    { name: "Status" },
    { name: "Roles" },
    AGE_COLUMN,
    { name: "Version" },
    { name: "Internal-IP", priority: 1 },
    { name: "External-IP", priority: 1 },
    { name: "OS-Image", priority: 1 },
    { name: "Kernel-Version", priority: 1 },
    { name: "Container-Runtime", priority: 1 },
  ],
  row(node, options) {
    const info = node.status?.nodeInfo;
    const cells = [
      node.metadata?.name ?? "",
      nodeStatus(node),
      findNodeRoles(node).join(",") || "<none>",
      ageOf(node, options.nowMs),
      info?.kubeletVersion ?? "",
    ];
    if (!options.wide) return cells;
    return [
      ...cells,
      nodeAddress(node, "InternalIP"),
      nodeAddress(node, "ExternalIP"),
      info?.osImage || "<unknown>",
      info?.kernelVersion || "<unknown>",
      info?.containerRuntimeVersion || "<unknown>",
    ];
  },
});
