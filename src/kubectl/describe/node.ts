import type { KubeObject } from "../../api/types";
import { translateTimestampSince } from "../../apimachinery/duration";
import { parseQuantity, Quantity } from "../../apimachinery/quantity";
import { PrefixWriter } from "./prefixWriter";
import {
  type DescribeContext,
  describeEvents,
  printAnnotations,
  printLabels,
  rfc1123z,
  sortedKeys,
} from "./sections";

/** findNodeRoles: `node-role.kubernetes.io/<role>` labels and the legacy `kubernetes.io/role`. */
function nodeRoles(node: KubeObject): string[] {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(node.metadata.labels ?? {})) {
    if (key.startsWith("node-role.kubernetes.io/")) roles.add(key.slice("node-role.kubernetes.io/".length));
    else if (key === "kubernetes.io/role" && value) roles.add(value);
  }
  return [...roles].sort();
}

/** describeNode: identity, taints, lease, conditions, capacity, system info, pods and their requests. */
export function describeNode(node: KubeObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  const spec = node.spec ?? {};
  const status = node.status ?? {};
  w.write(0, `Name:\t${node.metadata.name}\n`);
  const roles = nodeRoles(node);
  w.write(0, `Roles:\t${roles.length > 0 ? roles.join(",") : "<none>"}\n`);
  printLabels(w, "Labels", node.metadata.labels);
  printAnnotations(w, "Annotations", node.metadata.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}\n`);
  printTaints(w, spec.taints ?? []);
  w.write(0, `Unschedulable:\t${Boolean(spec.unschedulable)}\n`);
  describeLease(w, node, ctx);
  describeConditions(w, status.conditions ?? []);
  w.write(0, "Addresses:\n");
  for (const a of status.addresses ?? []) w.write(1, `${a.type}:\t${a.address}\n`);
  for (const [title, list] of [
    ["Capacity", status.capacity],
    ["Allocatable", status.allocatable],
  ] as const) {
    if (!list || Object.keys(list).length === 0) continue;
    w.write(0, `${title}:\n`);
    for (const name of sortedKeys(list)) w.write(0, `  ${name}:\t${list[name]}\n`);
  }
  const info = status.nodeInfo ?? {};
  w.write(0, "System Info:\n");
  const fields: [string, string][] = [
    ["Machine ID", "machineID"],
    ["System UUID", "systemUUID"],
    ["Boot ID", "bootID"],
    ["Kernel Version", "kernelVersion"],
    ["OS Image", "osImage"],
    ["Operating System", "operatingSystem"],
    ["Architecture", "architecture"],
    ["Container Runtime Version", "containerRuntimeVersion"],
    ["Kubelet Version", "kubeletVersion"],
    ["Kube-Proxy Version", "kubeProxyVersion"],
  ];
  for (const [title, key] of fields) w.write(0, `  ${title}:\t${info[key] ?? ""}\n`);
  if (spec.podCIDR) w.write(0, `PodCIDR:\t${spec.podCIDR}\n`);
  if (spec.podCIDRs?.length) w.write(0, `PodCIDRs:\t${spec.podCIDRs.join(",")}\n`);
  if (spec.providerID) w.write(0, `ProviderID:\t${spec.providerID}\n`);
  describeNodeResources(w, node, ctx);
  describeEvents(w, node, ctx);
  return w.toString();
}

function printTaints(w: PrefixWriter, taints: { key: string; value?: string; effect: string }[]): void {
  w.write(0, "Taints:\t");
  if (taints.length === 0) return w.writeLine("<none>");
  const sorted = [...taints].sort((a, b) => (`${a.effect},${a.key}` < `${b.effect},${b.key}` ? -1 : 1));
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(0, "\t");
    w.write(0, `${t.key}${t.value ? `=${t.value}` : ""}:${t.effect}\n`);
  });
}

function describeLease(w: PrefixWriter, node: KubeObject, ctx: DescribeContext): void {
  const lease = ctx.list("Lease", "kube-node-lease").find((l) => l.metadata.name === node.metadata.name);
  if (!lease) {
    w.write(0, `Lease:\tFailed to get lease: leases.coordination.k8s.io "${node.metadata.name}" not found\n`);
    return;
  }
  w.write(0, "Lease:\n");
  w.write(1, `HolderIdentity:\t${lease.spec?.holderIdentity ?? "<unset>"}\n`);
  w.write(1, `AcquireTime:\t${lease.spec?.acquireTime ? rfc1123z(lease.spec.acquireTime) : "<unset>"}\n`);
  w.write(1, `RenewTime:\t${lease.spec?.renewTime ? rfc1123z(lease.spec.renewTime) : "<unset>"}\n`);
}

function describeConditions(w: PrefixWriter, conditions: Record<string, string>[]): void {
  if (conditions.length === 0) return;
  w.write(0, "Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n");
  w.write(1, "----\t------\t-----------------\t------------------\t------\t-------\n");
  for (const c of conditions) {
    w.write(
      1,
      `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ""} \t${c.message ?? ""}\n`,
    );
  }
}

type Totals = Record<"cpu" | "memory" | "ephemeral-storage", Quantity>;

function podTotals(pod: KubeObject, field: "requests" | "limits"): Totals {
  const totals: Totals = {
    cpu: Quantity.fromInt(0),
    memory: Quantity.fromInt(0, "BinarySI"),
    "ephemeral-storage": Quantity.fromInt(0, "BinarySI"),
  };
  for (const c of pod.spec?.containers ?? []) {
    for (const key of Object.keys(totals) as (keyof Totals)[]) {
      const value = c.resources?.[field]?.[key];
      if (value !== undefined) totals[key] = totals[key].add(parseQuantity(String(value)));
    }
  }
  return totals;
}

function percent(part: Quantity, whole: string | undefined, milli: boolean): number {
  if (!whole) return 0;
  const total = milli ? parseQuantity(whole).milliValue() : parseQuantity(whole).value();
  if (total === 0) return 0;
  return Math.trunc(((milli ? part.milliValue() : part.value()) / total) * 100);
}

/** describeNodeResource: the node's non-terminated pods and what they request of its allocatable resources. */
function describeNodeResources(w: PrefixWriter, node: KubeObject, ctx: DescribeContext): void {
  const pods = ctx
    .list("Pod")
    .filter(
      (p) =>
        p.spec?.nodeName === node.metadata.name &&
        p.status?.phase !== "Succeeded" &&
        p.status?.phase !== "Failed",
    );
  const allocatable =
    Object.keys(node.status?.allocatable ?? {}).length > 0
      ? node.status.allocatable
      : (node.status?.capacity ?? {});
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n");
  w.write(1, "---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n");
  const none: KubeObject = { apiVersion: "v1", kind: "Pod", metadata: {}, spec: {} };
  const sum = { req: podTotals(none, "requests"), lim: podTotals(none, "limits") };
  for (const pod of pods) {
    const req = podTotals(pod, "requests");
    const lim = podTotals(pod, "limits");
    for (const key of Object.keys(req) as (keyof Totals)[]) {
      sum.req[key] = sum.req[key].add(req[key]);
      sum.lim[key] = sum.lim[key].add(lim[key]);
    }
    const cell = (q: Quantity, key: keyof Totals) => `${q} (${percent(q, allocatable[key], key === "cpu")}%)`;
    w.write(
      1,
      `${pod.metadata.namespace}\t${pod.metadata.name}\t\t${cell(req.cpu, "cpu")}\t${cell(lim.cpu, "cpu")}\t${cell(req.memory, "memory")}\t${cell(lim.memory, "memory")}\t${translateTimestampSince(pod.metadata.creationTimestamp, ctx.nowMs)}\n`,
    );
  }
  w.write(0, "Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n");
  w.write(1, "Resource\tRequests\tLimits\n");
  w.write(1, "--------\t--------\t------\n");
  for (const key of ["cpu", "memory", "ephemeral-storage"] as const) {
    const milli = key === "cpu";
    w.write(
      1,
      `${key}\t${sum.req[key]} (${percent(sum.req[key], allocatable[key], milli)}%)\t${sum.lim[key]} (${percent(sum.lim[key], allocatable[key], milli)}%)\n`,
    );
  }
}
