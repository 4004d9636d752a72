import type { KubeObject } from "../../api/types";
import { API_SERVER_PORT, CONTROL_PLANE_ADDRESS } from "../../bootstrap";
import { parseSelector } from "../../apimachinery/labels";
import { usageErrorMessage } from "../cli/commandErrors";
import { KubectlError, type Verb, type VerbContext } from "../verb";

/** The API server address the console's kubeconfig points at: the control plane's advertise address. */
export const API_SERVER_URL = `https://${CONTROL_PLANE_ADDRESS}:${API_SERVER_PORT}`;

/** `kubectl cluster-info`: the control plane address and the cluster services labelled cluster-service=true. */
export const clusterInfoVerb: Verb = {
  name: "cluster-info",
  aliases: ["clusterinfo"],
  short: "Display cluster information",
  usage: "kubectl cluster-info [flags] [options]",
  flags: [],
  run: runClusterInfo,
};

function runClusterInfo(ctx: VerbContext): number {
  if (ctx.args.length > 0) {
    if (ctx.args[0] === "dump")
      throw new KubectlError(
        "error: kubeplay does not implement cluster-info dump: use kubectl get and describe",
      );
    throw new KubectlError(
      `error: ${usageErrorMessage("kubectl cluster-info", `unknown command "${ctx.args.join(" ")}"`)}`,
    );
  }
  // cluster-info looks in kube-system unless -n says otherwise.
  const namespace = ctx.namespaceExplicit ? ctx.namespace : "kube-system";
  const selector = parseSelector("kubernetes.io/cluster-service=true");
  const services = ctx.cluster.store
    .list("Service", namespace)
    .filter((s) => selector.matches(s.metadata.labels ?? {}));
  ctx.out(`Kubernetes control plane is running at ${API_SERVER_URL}\n`);
  for (const service of services)
    ctx.out(
      `${service.metadata.labels?.["kubernetes.io/name"] || service.metadata.name} is running at ${serviceLink(service)}\n`,
    );
  ctx.out("\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n");
  return 0;
}

/** The apiserver proxy URL of a service (or its load balancer's addresses). */
function serviceLink(service: KubeObject): string {
  const ports: { name?: string; port: number }[] = service.spec?.ports ?? [];
  const ingress = service.status?.loadBalancer?.ingress?.[0];
  if (ingress) return ports.map((p) => `http://${ingress.ip || ingress.hostname}:${p.port} `).join("");
  let name = service.metadata.name ?? "";
  if (ports.length > 0) {
    const port = ports[0];
    const scheme = port.name === "https" || port.port === 443 ? "https" : "";
    // utilnet.JoinSchemeNamePort: scheme:name:port, dropping empty trailing parts.
    name = scheme
      ? `${scheme}:${name}${port.name ? `:${port.name}` : ""}`
      : port.name
        ? `${name}:${port.name}`
        : name;
  }
  return `${API_SERVER_URL}/api/v1/namespaces/${service.metadata.namespace}/services/${name}/proxy`;
}
