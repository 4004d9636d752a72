import { typeOfKind } from "../../api/registry";
import type { KubeObject } from "../../api/types";
import { usageErrorMessage } from "../cli/commandErrors";
import type { FlagSpec } from "../cli/flags";
import { str } from "../flagAccess";
import { listObjects, queryObjects } from "../query";
import { KubectlError, type VerbContext } from "../verb";

/** The -l/--selector flag of cordon, uncordon and drain. */
export const NODE_SELECTOR_FLAG: FlagSpec = {
  name: "selector",
  shorthand: "l",
  type: "string",
  usage:
    "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.",
};

/**
 * The nodes a cordon/uncordon/drain names, as DrainCmdOptions.Complete resolves them:
 * names or a selector, not both, and a usage error when there are neither. Unknown names
 * are returned as errors (printed as the API's NotFound).
 */
export function nodeTargets(ctx: VerbContext, verb: string): { nodes: KubeObject[]; errors: Error[] } {
  const selector = str(ctx.flags, "selector");
  const path = `kubectl ${verb}`;
  if (ctx.args.length === 0 && !ctx.changed.has("selector")) {
    throw new KubectlError(usageErrorMessage(path, `error: USAGE: ${verb} NODE [flags]`));
  }
  if (ctx.args.length > 0 && selector) {
    throw new KubectlError(
      usageErrorMessage(path, "error: cannot specify both a node name and a --selector option"),
    );
  }
  const type = typeOfKind("Node");
  if (!type) throw new Error("the Node type is not registered");
  if (ctx.args.length === 0) {
    return {
      nodes: listObjects(ctx.cluster, type, { namespace: "", allNamespaces: false, labelSelector: selector }),
      errors: [],
    };
  }
  const { objects, errors } = queryObjects(ctx.cluster, [{ type, names: ctx.args }], {
    namespace: "",
    allNamespaces: false,
  });
  return { nodes: objects, errors };
}
