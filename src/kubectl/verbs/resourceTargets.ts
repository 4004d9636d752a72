import type { KubeObject } from "../../api/types";
import { bool, list, str } from "../flagAccess";
import { listObjects, queryObjects } from "../query";
import { resolveResourceArgs } from "../resources";
import { KubectlError, type VerbContext } from "../verb";
import { objectsFromFiles } from "./fileObjects";

/** What a resource builder visit yields: the objects, the per-object errors, and whether one item was implied. */
export interface Targets {
  objects: KubeObject[];
  errors: Error[];
  /** IntoSingleItemImplied: exactly one object was named (TYPE NAME, TYPE/NAME or one in -f). */
  single: boolean;
}

/**
 * Resolves the objects a verb acts on as kubectl's resource builder does with
 * ResourceTypeOrNameArgs: names, `-l`/`--field-selector`, `--all`, `-A`, or `-f` files
 * (read back from the cluster), with the builder's error texts.
 */
export function resolveTargets(
  ctx: VerbContext,
  resources: string[],
  options: { typeSelectsAll?: boolean } = {},
): Targets {
  const files = list(ctx.flags, "filename");
  if (files.length > 0) {
    if (resources.length > 0) {
      throw new KubectlError(
        "error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well",
      );
    }
    const { objects, errors } = objectsFromFiles(ctx, files);
    return { objects, errors, single: objects.length + errors.length === 1 };
  }
  const requests = resolveResourceArgs(resources);
  const selector = str(ctx.flags, "selector");
  const fieldSelector = str(ctx.flags, "field-selector");
  // ResourceTypeOrNameArgs(true, …): describe lists every object of a bare type.
  const all = bool(ctx.flags, "all") || Boolean(options.typeSelectsAll);
  const named = requests.some((r) => r.names);
  if (named && (selector || fieldSelector))
    throw new KubectlError("error: name cannot be provided when a selector is specified");
  if (!named && !selector && !fieldSelector && !all)
    throw new KubectlError("error: resource(s) were provided, but no name was specified");
  const scope = {
    namespace: ctx.namespace,
    allNamespaces: bool(ctx.flags, "all-namespaces"),
    labelSelector: selector,
    fieldSelector,
  };
  if (named) {
    const { objects, errors } = queryObjects(ctx.cluster, requests, scope);
    const count = requests.reduce((n, r) => n + (r.names?.length ?? 0), 0);
    return { objects, errors, single: count === 1 };
  }
  return {
    objects: requests.flatMap((r) => listObjects(ctx.cluster, r.type, scope)),
    errors: [],
    single: false,
  };
}

/**
 * GetResourcesAndPairs: splits `TYPE NAME key=value key-` into resources and pairs; every
 * resource must come before the first pair.
 */
export function splitResourcesAndPairs(
  args: string[],
  pairType: string,
): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const arg of args) {
    const isPair = (arg.includes("=") && !arg.startsWith("=")) || (arg.endsWith("-") && arg !== "-");
    if (isPair) pairs.push(arg);
    else if (pairs.length > 0)
      throw new KubectlError(`error: all resources must be specified before ${pairType} changes: ${arg}`);
    else resources.push(arg);
  }
  return { resources, pairs };
}
