import type { Taint } from "kubernetes-types/core/v1";
import { typeOfKind } from "../../api/registry";
import { clone, type KubeObject } from "../../api/types";
import { usageErrorMessage } from "../cli/commandErrors";
import { formatError } from "../errorText";
import { bool, str } from "../flagAccess";
import { listObjects, queryObjects } from "../query";
import { KubectlError, type Verb, type VerbContext } from "../verb";
import { DRY_RUN_FLAG, fieldManagerFlag, PRINT_FLAGS, VALIDATE_FLAG } from "./commonFlags";
import { existingTaintKeys, parseTaints, reorganizeTaints } from "./nodeTaintParse";
import { decodingOf, dryRunOf, fieldValidationOf, printOutcome } from "./writeOutcome";

const NODE_WORDS = new Set(["node", "nodes", "no"]);
const usage = (message: string) => new KubectlError(usageErrorMessage("kubectl taint", `error: ${message}`));

/** `kubectl taint nodes NAME KEY=VAL:EFFECT … KEY:EFFECT-`: add, replace or remove node taints. */
export const taintVerb: Verb = {
  name: "taint",
  short: "Update the taints on one or more nodes",
  usage: "kubectl taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N [options]",
  flags: [
    { name: "all", type: "bool", usage: "Select all nodes in the cluster" },
    DRY_RUN_FLAG,
    fieldManagerFlag("kubectl-taint"),
    ...PRINT_FLAGS,
    VALIDATE_FLAG,
    {
      name: "overwrite",
      type: "bool",
      usage:
        "If true, allow taints to be overwritten, otherwise reject taint updates that overwrite existing taints.",
    },
    {
      name: "selector",
      shorthand: "l",
      type: "string",
      usage:
        "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.",
    },
  ],
  run: runTaint,
};

/** Splits resource arguments from taint arguments, as TaintOptions.Complete does. */
function splitArgs(args: string[]): { resources: string[]; taintArgs: string[] } {
  const resources: string[] = [];
  const taintArgs: string[] = [];
  for (const arg of args) {
    const isTaint = arg.includes("=") || arg.includes(":") || arg.endsWith("-");
    if (isTaint) taintArgs.push(arg);
    else if (taintArgs.length > 0)
      throw new KubectlError(`error: all resources must be specified before taint changes: ${arg}`);
    else resources.push(arg);
  }
  if (resources.length < 1)
    throw new KubectlError("error: one or more resources must be specified as <resource> <name>");
  if (taintArgs.length < 1) throw new KubectlError("error: at least one taint update is required");
  return { resources, taintArgs };
}

function runTaint(ctx: VerbContext): number {
  const dryRun = dryRunOf(ctx);
  fieldValidationOf(ctx);
  const { resources, taintArgs } = splitArgs(ctx.args);
  let parsed: { add: Taint[]; remove: Taint[] };
  try {
    parsed = parseTaints(taintArgs);
  } catch (error) {
    throw usage((error as Error).message);
  }
  validate(ctx, resources, parsed.add, parsed.remove);
  const { objects, errors } = targets(ctx, resources);
  let failed = errors.length > 0;
  for (const node of objects) {
    const outcome = taintNode(ctx, node, parsed.add, parsed.remove, dryRun !== "none");
    if (outcome.error) {
      ctx.err(`error: ${outcome.error}\n`);
      failed = true;
      continue;
    }
    const written =
      dryRun === "client"
        ? outcome.node
        : ctx.cluster.api.update(outcome.node, { dryRun: dryRun === "server", ...decodingOf(ctx) });
    ctx.out(printOutcome(written, outcome.operation ?? "", dryRun, ctx));
  }
  for (const error of errors) ctx.err(formatError(error));
  return failed ? 1 : 0;
}

function validate(ctx: VerbContext, resources: string[], add: Taint[], remove: Taint[]): void {
  const first = resources[0].toLowerCase();
  if (!NODE_WORDS.has(first.split("/")[0]))
    throw usage(`invalid resource type ${resources[0]}, only node types are supported`);
  const conflicts = add.flatMap((a) =>
    remove
      .filter((r) => r.key === a.key && (!r.effect || r.effect === a.effect))
      .map((r) => `{"${r.key}":"${r.effect ?? ""}"}`),
  );
  if (conflicts.length > 0)
    throw usage(
      `can not both modify and remove the following taint(s) in the same command: ${conflicts.join(", ")}`,
    );
  const all = bool(ctx.flags, "all");
  const selector = str(ctx.flags, "selector");
  if (all && selector) throw usage("setting 'all' parameter with a non empty selector is prohibited.");
  if (!all && !selector && resources.length < 2 && !first.includes("/")) {
    throw usage("at least one resource name must be specified since 'all' parameter is not set");
  }
}

function targets(ctx: VerbContext, resources: string[]): { objects: KubeObject[]; errors: Error[] } {
  const type = typeOfKind("Node");
  if (!type) throw new Error("the Node type is not registered");
  const scope = { namespace: "", allNamespaces: false, labelSelector: str(ctx.flags, "selector") };
  if (bool(ctx.flags, "all") || scope.labelSelector)
    return { objects: listObjects(ctx.cluster, type, scope), errors: [] };
  const names = resources[0].includes("/") ? resources.map((r) => r.split("/")[1]) : resources.slice(1);
  return queryObjects(ctx.cluster, [{ type, names }], scope);
}

/** updateTaints: the node with its new taints and the operation word, or the refusal. */
function taintNode(
  ctx: VerbContext,
  node: KubeObject,
  add: Taint[],
  remove: Taint[],
  _dry: boolean,
): { node: KubeObject; operation?: string; error?: string } {
  const old: Taint[] = node.spec?.taints ?? [];
  const overwrite = bool(ctx.flags, "overwrite");
  const exists = existingTaintKeys(old, add);
  if (!overwrite && exists) {
    return {
      node,
      error: `node ${node.metadata.name} already has ${exists} taint(s) with same effect(s) and --overwrite is false`,
    };
  }
  const { operation, taints, errors } = reorganizeTaints(old, overwrite, add, remove);
  if (errors.length > 0) return { node, error: errors.length === 1 ? errors[0] : `[${errors.join(", ")}]` };
  const spec = { ...clone(node.spec), taints };
  if (taints.length === 0) delete spec.taints;
  return { node: { ...clone(node), spec }, operation };
}
