import { clone, type KubeObject } from "../../api/types";
import { formatError } from "../errorText";
import type { Verb, VerbContext } from "../verb";
import { DRY_RUN_FLAG } from "./commonFlags";
import { nodeTargets, NODE_SELECTOR_FLAG } from "./nodeTargets";
import { type DryRun, dryRunOf, dryRunSuffix } from "./writeOutcome";

/**
 * RunCordonOrUncordon: sets spec.unschedulable on each node and prints
 * `node/NAME cordoned` (or `already cordoned` when nothing changes). Returns the nodes it
 * could handle; errors for the others are printed.
 */
export function cordonNodes(ctx: VerbContext, nodes: KubeObject[], desired: boolean, dryRun: DryRun): void {
  const word = desired ? "cordon" : "uncordon";
  for (const node of nodes) {
    const name = node.metadata.name ?? "";
    if (Boolean(node.spec?.unschedulable) === desired) {
      ctx.out(`node/${name} already ${word}ed${dryRunSuffix(dryRun)}\n`);
      continue;
    }
    try {
      if (dryRun !== "client") writeUnschedulable(ctx, node, desired, dryRun === "server");
      ctx.out(`node/${name} ${word}ed${dryRunSuffix(dryRun)}\n`);
    } catch (error) {
      ctx.err(
        `error: unable to ${word} node "${name}": ${formatError(error)
          .replace(/^error: /, "")
          .replace(/\n$/, "")}\n`,
      );
    }
  }
}

function writeUnschedulable(ctx: VerbContext, node: KubeObject, desired: boolean, dryRun: boolean): void {
  const spec = { ...clone(node.spec) };
  if (desired) spec.unschedulable = true;
  else delete spec.unschedulable;
  ctx.cluster.api.update({ ...clone(node), spec }, { dryRun });
}

function cordonVerb(desired: boolean): Verb {
  const name = desired ? "cordon" : "uncordon";
  return {
    name,
    short: desired ? "Mark node as unschedulable" : "Mark node as schedulable",
    usage: `kubectl ${name} NODE [options]`,
    flags: [DRY_RUN_FLAG, NODE_SELECTOR_FLAG],
    run(ctx) {
      const dryRun = dryRunOf(ctx);
      const { nodes, errors } = nodeTargets(ctx, name);
      for (const error of errors) ctx.err(formatError(error));
      if (errors.length > 0) return 1;
      cordonNodes(ctx, nodes, desired, dryRun);
      return 0;
    },
  };
}

/** `kubectl cordon NODE`: mark a node unschedulable. */
export const cordonNodeVerb = cordonVerb(true);
/** `kubectl uncordon NODE`: mark a node schedulable again. */
export const uncordonNodeVerb = cordonVerb(false);
