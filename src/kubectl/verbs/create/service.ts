import type { KubeObject } from "../../../api/types";
import { isValidPortName, isValidPortNum } from "../../../api/validation/stringValidators";
import { isDNS1123Subdomain } from "../../../apimachinery/labels/labelValidation";
import type { FlagSpec } from "../../cli/flags";
import { list, num, str } from "../../flagAccess";
import { verbHelp } from "../../help";
import { KubectlError, type Verb, type VerbContext } from "../../verb";
import { createGenerated, GENERATOR_FLAGS, generatedMeta, nameFromArgs, requireFlags } from "./generatorRun";

const TCP_FLAG: FlagSpec = {
  name: "tcp",
  type: "stringSlice",
  usage: "Port pairs can be specified as '<port>:<targetPort>'.",
};

/** `kubectl create service clusterip NAME [--tcp=<port>:<targetPort>] [--clusterip]`. */
export const createServiceClusterIPVerb: Verb = {
  name: "clusterip",
  short: "Create a ClusterIP service",
  usage:
    "kubectl create service clusterip NAME [--tcp=<port>:<targetPort>] [--dry-run=server|client|none] [options]",
  flags: [
    {
      name: "clusterip",
      type: "string",
      usage: "Assign your own ClusterIP or set to 'None' for a 'headless' service (no loadbalancing).",
    },
    ...GENERATOR_FLAGS,
    TCP_FLAG,
  ],
  run: (ctx) => {
    const name = nameFromArgs(ctx, "create service clusterip");
    const clusterIP = str(ctx.flags, "clusterip");
    if (clusterIP !== "None") requireTcp(ctx);
    return createGenerated(
      ctx,
      serviceFor(ctx, name, "ClusterIP", { clusterIP }),
      (m) => `failed to create ClusterIP service: ${m}`,
    );
  },
};

/** `kubectl create service nodeport NAME [--tcp=port:targetPort] [--node-port]`. */
export const createServiceNodePortVerb: Verb = {
  name: "nodeport",
  short: "Create a NodePort service",
  usage:
    "kubectl create service nodeport NAME [--tcp=port:targetPort] [--dry-run=server|client|none] [options]",
  flags: [
    ...GENERATOR_FLAGS,
    { name: "node-port", type: "int", usage: "Port used to expose the service on each node in a cluster." },
    TCP_FLAG,
  ],
  run: (ctx) => {
    const name = nameFromArgs(ctx, "create service nodeport");
    requireTcp(ctx);
    const nodePort = num(ctx.flags, "node-port");
    return createGenerated(
      ctx,
      serviceFor(ctx, name, "NodePort", { nodePort }),
      (m) => `failed to create NodePort service: ${m}`,
    );
  },
};

/** `kubectl create service loadbalancer NAME [--tcp=port:targetPort]`. */
export const createServiceLoadBalancerVerb: Verb = {
  name: "loadbalancer",
  short: "Create a LoadBalancer service",
  usage:
    "kubectl create service loadbalancer NAME [--tcp=port:targetPort] [--dry-run=server|client|none] [options]",
  flags: [...GENERATOR_FLAGS, TCP_FLAG],
  run: (ctx) => {
    const name = nameFromArgs(ctx, "create service loadbalancer");
    requireTcp(ctx);
    return createGenerated(
      ctx,
      serviceFor(ctx, name, "LoadBalancer", {}),
      (m) => `failed to create LoadBalancer service: ${m}`,
    );
  },
};

const EXTERNAL_NAME_FLAG: FlagSpec = {
  name: "external-name",
  type: "string",
  usage: "External name of service",
  required: true,
};

/** `kubectl create service externalname NAME --external-name external.name`. */
export const createServiceExternalNameVerb: Verb = {
  name: "externalname",
  short: "Create an ExternalName service",
  usage:
    "kubectl create service externalname NAME --external-name external.name [--dry-run=server|client|none] [options]",
  flags: [...GENERATOR_FLAGS, EXTERNAL_NAME_FLAG, TCP_FLAG],
  run: (ctx) => {
    const name = nameFromArgs(ctx, "create service externalname");
    requireFlags(ctx, [EXTERNAL_NAME_FLAG]);
    const externalName = str(ctx.flags, "external-name");
    if (isDNS1123Subdomain(externalName).length > 0)
      throw new KubectlError(`error: invalid service external name ${externalName}`);
    return createGenerated(
      ctx,
      serviceFor(ctx, name, "ExternalName", { externalName }),
      (m) => `failed to create ExternalName service: ${m}`,
    );
  },
};

/** `kubectl create service`: a group of generators; alone it prints its help. */
export const createServiceVerb: Verb = {
  name: "service",
  aliases: ["svc"],
  short: "Create a service using a specified subcommand",
  usage: "kubectl create service [flags] [options]",
  flags: [],
  subcommands: [
    createServiceClusterIPVerb,
    createServiceExternalNameVerb,
    createServiceLoadBalancerVerb,
    createServiceNodePortVerb,
  ],
  run: (ctx) => {
    ctx.err(verbHelp(createServiceVerb, ["create", "service"]));
    return 1;
  },
};

function requireTcp(ctx: VerbContext): void {
  if (list(ctx.flags, "tcp").length === 0)
    throw new KubectlError("error: at least one tcp port specifier must be provided");
}

interface ServiceExtras {
  clusterIP?: string;
  nodePort?: number;
  externalName?: string;
}

/** The ServiceOptions generator's Service: selector and label `app: NAME`, one port per --tcp. */
function serviceFor(ctx: VerbContext, name: string, type: string, extras: ServiceExtras): KubeObject {
  const ports = list(ctx.flags, "tcp").map((spec) => {
    const { port, targetPort } = parsePorts(spec);
    const nodePort = extras.nodePort ? { nodePort: extras.nodePort } : {};
    return { name: spec.replaceAll(":", "-"), ...nodePort, port, protocol: "TCP", targetPort };
  });
  const spec: Record<string, unknown> = { selector: { app: name }, type };
  if (ports.length > 0) spec.ports = ports;
  if (extras.clusterIP) spec.clusterIP = extras.clusterIP;
  if (extras.externalName) spec.externalName = extras.externalName;
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: generatedMeta(ctx, name, { labels: { app: name } }),
    spec,
    status: { loadBalancer: {} },
  };
}

/** `port[:targetPort]`: the target is a number or a named port; kubectl's validation texts. */
export function parsePorts(spec: string): { port: number; targetPort: number | string } {
  const [portText, target] = spec.split(":");
  const port = parsePort(portText);
  if (target === undefined) return { port, targetPort: port };
  if (/^[+-]?\d+$/.test(target)) {
    const n = Number(target);
    const errs = isValidPortNum(n);
    if (errs.length > 0) throw new KubectlError(`error: ${errs.join(",")}`);
    return { port, targetPort: n };
  }
  const errs = isValidPortName(target);
  if (errs.length > 0) throw new KubectlError(`error: ${errs.join(",")}`);
  return { port, targetPort: target };
}

/** utilsnet.ParsePort with allowZero. */
function parsePort(text: string): number {
  const n = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (Number.isNaN(n)) throw new KubectlError(`error: strconv.Atoi: parsing "${text}": invalid syntax`);
  if (n < 0 || n > 65535) throw new KubectlError(`error: port "${text}" out of range`);
  return n;
}
