import { typeOfKind } from "../../api/registry";
import type { KubeObject } from "../../api/types";
import { formatError } from "../errorText";
import { str } from "../flagAccess";
import { KubectlError, type Verb, type VerbContext } from "../verb";
import { DIRECTORY_FLAGS, FILENAME_FLAG } from "./commonFlags";
import { createGenerated, GENERATOR_FLAGS, generatedMeta } from "./create/generatorRun";
import { OVERRIDE_FLAGS, withOverrides } from "./overrides";
import { exposeSelector, portsOf } from "./exposeIntrospect";
import { resolveTargets } from "./resourceTargets";
import { parseLabels, parsePortNumber } from "./runPod";

const EXPOSABLE = new Set(["Pod", "Service", "ReplicationController", "Deployment", "ReplicaSet"]);

/**
 * `kubectl expose TYPE NAME [--port] [--target-port] [--type] [--name] [--selector] [--protocol]`:
 * a Service whose selector, ports and labels are read from the exposed object unless given.
 */
export const exposeVerb: Verb = {
  name: "expose",
  short:
    "Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service",
  usage:
    "kubectl expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type] [options]",
  flags: [
    ...DIRECTORY_FLAGS,
    {
      name: "cluster-ip",
      type: "string",
      usage:
        "ClusterIP to be assigned to the service. Leave empty to auto-allocate, or set to 'None' to create a headless service.",
    },
    {
      name: "external-ip",
      type: "string",
      usage:
        "Additional external IP address (not managed by Kubernetes) to accept for the service. If this IP is routed to a node, the service can be accessed by this IP in addition to its generated service IP.",
    },
    // kubectl expose and run have no --validate.
    ...GENERATOR_FLAGS.filter((f) => f.name !== "validate").map((f) =>
      f.name === "field-manager" ? { ...f, default: "kubectl-expose" } : f,
    ),
    ...OVERRIDE_FLAGS,
    {
      name: "load-balancer-ip",
      type: "string",
      usage:
        "IP to assign to the LoadBalancer. If empty, an ephemeral IP will be created and used (cloud-provider specific).",
    },
    {
      ...FILENAME_FLAG,
      usage: "Filename, directory, or URL to files identifying the resource to expose a service",
    },
    {
      name: "labels",
      shorthand: "l",
      type: "string",
      usage: "Labels to apply to the service created by this call.",
    },
    { name: "name", type: "string", usage: "The name for the newly created object." },
    {
      name: "port",
      type: "string",
      usage:
        "The port that the service should serve on. Copied from the resource being exposed, if unspecified",
    },
    {
      name: "protocol",
      type: "string",
      usage: "The network protocol for the service to be created. Default is 'TCP'.",
    },
    {
      name: "selector",
      type: "string",
      usage:
        "A label selector to use for this service. Only equality-based selector requirements are supported. If empty (the default) infer the selector from the replication controller or replica set.)",
    },
    {
      name: "session-affinity",
      type: "string",
      usage:
        "If non-empty, set the session affinity for the service to this; legal values: 'None', 'ClientIP'",
    },
    {
      name: "target-port",
      type: "string",
      usage:
        "Name or number for the port on the container that the service should direct traffic to. Optional.",
    },
    {
      name: "type",
      type: "string",
      usage:
        "Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName. Default is 'ClusterIP'.",
    },
  ],
  run: runExpose,
};

function runExpose(ctx: VerbContext): number {
  // --selector is the new Service's selector, not a filter on the exposed objects.
  const lookup = { ...ctx, flags: { ...ctx.flags, selector: "" } };
  const { objects, errors } = resolveTargets(lookup, ctx.args);
  for (const error of errors) ctx.err(formatError(error));
  let failed = errors.length > 0;
  for (const obj of objects) {
    try {
      createGenerated(ctx, withOverrides(ctx, serviceFor(ctx, obj)), undefined, "exposed");
    } catch (error) {
      ctx.err(formatError(error));
      failed = true;
    }
  }
  return failed ? 1 : 0;
}

/** The Service kubectl's expose builds for one object. */
export function serviceFor(ctx: VerbContext, obj: KubeObject): KubeObject {
  if (!EXPOSABLE.has(obj.kind)) {
    const group = typeOfKind(obj.kind)?.group;
    throw new KubectlError(`error: cannot expose a ${obj.kind}${group ? `.${group}` : ""}`);
  }
  const selector = exposeSelector(obj, str(ctx.flags, "selector"));
  const ports = servicePorts(ctx, obj);
  const labelText = str(ctx.flags, "labels");
  const labels = labelText ? parseLabels(labelText) : obj.metadata.labels;
  const name = str(ctx.flags, "name") || (obj.metadata.name ?? "");
  const spec: Record<string, unknown> = { ports, selector };
  const clusterIP = str(ctx.flags, "cluster-ip");
  if (clusterIP) spec.clusterIP = clusterIP;
  const externalIP = str(ctx.flags, "external-ip");
  if (externalIP) spec.externalIPs = [externalIP];
  const affinity = str(ctx.flags, "session-affinity");
  if (affinity) spec.sessionAffinity = affinity;
  const type = str(ctx.flags, "type");
  if (type) spec.type = type;
  // Only a LoadBalancer Service carries it, as ExposeServiceOptions sets it.
  const loadBalancerIP = str(ctx.flags, "load-balancer-ip");
  if (type === "LoadBalancer" && loadBalancerIP) spec.loadBalancerIP = loadBalancerIP;
  const meta = generatedMeta(ctx, name, labels ? { labels: { ...labels } } : {});
  delete meta.namespace;
  return { apiVersion: "v1", kind: "Service", metadata: meta, spec, status: { loadBalancer: {} } };
}

/** --port (comma separated) or the object's own ports; `port-N` names when there are several. */
function servicePorts(ctx: VerbContext, obj: KubeObject): Record<string, unknown>[] {
  const given = str(ctx.flags, "port");
  const found = given
    ? given.split(",").map((p) => ({ port: parsePortNumber(p), protocol: "" }))
    : portsOf(obj);
  if (found.length === 0)
    throw new KubectlError("error: couldn't find port via --port flag or introspection");
  const protocolFlag = str(ctx.flags, "protocol");
  const target = str(ctx.flags, "target-port");
  return found.map(({ port, protocol }, i) => ({
    ...(found.length > 1 ? { name: `port-${i + 1}` } : {}),
    port,
    protocol: protocolFlag || protocol || "TCP",
    targetPort: target ? (/^\d+$/.test(target) ? Number(target) : target) : port,
  }));
}
