import type { KubeObject } from "../../api/types";
import { formatLabels } from "../printers/format";
import { PrefixWriter } from "./prefixWriter";
import { type DescribeContext, describeEvents, printAnnotations, printLabels } from "./sections";

/** formatEndpointSlices for one port: up to three `ip:port` addresses, then `+ N more...`. */
function endpointsText(endpoints: KubeObject | undefined, portName: string): string {
  const all: string[] = [];
  for (const subset of endpoints?.subsets ?? []) {
    const ports = (subset.ports ?? []).filter((p: { name?: string }) => (p.name ?? "") === portName);
    for (const address of subset.addresses ?? []) {
      if (ports.length === 0 && (subset.ports ?? []).length === 0) all.push(address.ip);
      for (const p of ports) all.push(`${address.ip}:${p.port}`);
    }
  }
  if (all.length === 0) return "<none>";
  return all.length > 3 ? `${all.slice(0, 3).join(",")} + ${all.length - 3} more...` : all.join(",");
}

/** describeService: selector, type, IPs, each port with its target and endpoints, session affinity, events. */
export function describeService(svc: KubeObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  const spec = svc.spec ?? {};
  w.write(0, `Name:\t${svc.metadata.name}\n`);
  w.write(0, `Namespace:\t${svc.metadata.namespace}\n`);
  printLabels(w, "Labels", svc.metadata.labels);
  printAnnotations(w, "Annotations", svc.metadata.annotations);
  w.write(0, `Selector:\t${formatLabels(spec.selector)}\n`);
  w.write(0, `Type:\t${spec.type ?? ""}\n`);
  if (spec.ipFamilyPolicy) w.write(0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
  w.write(0, `IP Families:\t${spec.ipFamilies?.length ? spec.ipFamilies.join(",") : "<none>"}\n`);
  w.write(0, `IP:\t${spec.clusterIP ?? ""}\n`);
  w.write(0, `IPs:\t${spec.clusterIPs?.length ? spec.clusterIPs.join(",") : "<none>"}\n`);
  if (spec.externalIPs?.length) w.write(0, `External IPs:\t${spec.externalIPs.join(",")}\n`);
  if (spec.externalName) w.write(0, `External Name:\t${spec.externalName}\n`);
  const ingress: { ip?: string; hostname?: string }[] = svc.status?.loadBalancer?.ingress ?? [];
  if (ingress.length > 0)
    w.write(0, `LoadBalancer Ingress:\t${ingress.map((i) => i.ip || i.hostname).join(", ")}\n`);
  const endpoints = ctx
    .list("Endpoints", svc.metadata.namespace)
    .find((e) => e.metadata.name === svc.metadata.name);
  for (const port of spec.ports ?? []) {
    const name = port.name || "<unset>";
    const protocol = port.protocol ?? "TCP";
    w.write(0, `Port:\t${name}\t${port.port}/${protocol}\n`);
    w.write(0, `TargetPort:\t${port.targetPort ?? port.port}/${protocol}\n`);
    if (port.nodePort) w.write(0, `NodePort:\t${name}\t${port.nodePort}/${protocol}\n`);
    w.write(0, `Endpoints:\t${endpointsText(endpoints, port.name ?? "")}\n`);
  }
  w.write(0, `Session Affinity:\t${spec.sessionAffinity ?? ""}\n`);
  if (spec.externalTrafficPolicy) w.write(0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
  if (spec.internalTrafficPolicy) w.write(0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
  if (spec.healthCheckNodePort) w.write(0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
  describeEvents(w, svc, ctx);
  return w.toString();
}

/** describeEndpoints: each subset's ready and not-ready addresses and its ports. */
export function describeEndpoints(ep: KubeObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${ep.metadata.name}\n`);
  w.write(0, `Namespace:\t${ep.metadata.namespace}\n`);
  printLabels(w, "Labels", ep.metadata.labels);
  printAnnotations(w, "Annotations", ep.metadata.annotations);
  w.write(0, "Subsets:\n");
  for (const subset of ep.subsets ?? []) {
    const ips = (list: { ip: string }[] | undefined) => (list ?? []).map((a) => a.ip).join(",") || "<none>";
    w.write(1, `Addresses:\t${ips(subset.addresses)}\n`);
    w.write(1, `NotReadyAddresses:\t${ips(subset.notReadyAddresses)}\n`);
    if (subset.ports?.length) {
      w.write(1, "Ports:\n");
      w.write(2, "Name\tPort\tProtocol\n");
      w.write(2, "----\t----\t--------\n");
      for (const p of subset.ports) w.write(2, `${p.name || "<unset>"}\t${p.port}\t${p.protocol ?? "TCP"}\n`);
    }
    w.write(0, "\n");
  }
  describeEvents(w, ep, ctx);
  return w.toString();
}
