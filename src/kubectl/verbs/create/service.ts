import type { KubeObject } from "../../../api/types";
import { isValidPortName, isValidPortNum } from "../../../api/validation/stringValidators";
import { list, str } from "../../flagAccess";
import { verbHelp } from "../../help";
import { KubectlError, type Verb, type VerbContext } from "../../verb";
import { createGenerated, GENERATOR_FLAGS, generatedMeta, nameFromArgs } from "./generatorRun";

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
    { name: "tcp", type: "stringSlice", usage: "Port pairs can be specified as '<port>:<targetPort>'." },
  ],
  run: (ctx) => {
    const name = nameFromArgs(ctx, "create service clusterip");
    const clusterIP = str(ctx.flags, "clusterip");
    if (clusterIP !== "None" && list(ctx.flags, "tcp").length === 0) {
      throw new KubectlError("error: at least one tcp port specifier must be provided");
    }
    return createGenerated(
      ctx,
      serviceFor(ctx, name, "ClusterIP", clusterIP),
      (m) => `failed to create ClusterIP service: ${m}`,
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
  subcommands: [createServiceClusterIPVerb],
  run: (ctx) => {
    ctx.err(verbHelp(createServiceVerb, ["create", "service"]));
    return 1;
  },
};

function serviceFor(ctx: VerbContext, name: string, type: string, clusterIP: string): KubeObject {
  const ports = list(ctx.flags, "tcp").map((spec) => {
    const { port, targetPort } = parsePorts(spec);
    return { name: spec.replaceAll(":", "-"), port, protocol: "TCP", targetPort };
  });
  const spec: Record<string, unknown> = { selector: { app: name }, type };
  if (ports.length > 0) spec.ports = ports;
  if (clusterIP) spec.clusterIP = clusterIP;
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
