import { RESOURCE_TYPES, type ResourceType, resolveResource } from "../api/registry";
import { KubectlError } from "./verb";

/** What a resource argument list asks for: per type, either all objects or named ones. */
export interface ResourceRequest {
  type: ResourceType;
  /** Undefined: every object of the type (in scope). */
  names?: string[];
}

/** Kinds `kubectl get all` lists, in kubectl's order. */
const ALL_ORDER = ["Pod", "Service", "Deployment", "ReplicaSet", "Job", "CronJob"];

/**
 * Resolves `TYPE[,TYPE…] [NAME…]` or `TYPE/NAME…` arguments as kubectl's resource builder
 * does, including the `all` category, with kubectl's error texts.
 */
export function resolveResourceArgs(args: string[]): ResourceRequest[] {
  if (args.length === 0) return [];
  const slashed = args.filter((a) => a.includes("/"));
  if (slashed.length > 0) {
    if (slashed.length !== args.length) {
      throw new KubectlError(
        "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
      );
    }
    return args.map((arg) => {
      const [typed, ...rest] = arg.split("/");
      const name = rest.join("/");
      if (!name)
        throw new KubectlError(`error: arguments in resource/name form must have a single resource and name`);
      return { type: resolveType(typed), names: [name] };
    });
  }
  const [typeList, ...names] = args;
  const types = typeList
    .split(",")
    .flatMap((typed) => (typed.toLowerCase() === "all" ? allCategory() : [resolveType(typed)]));
  return types.map((type) => ({ type, names: names.length > 0 ? names : undefined }));
}

/** One resource type from what the user typed, or kubectl's "doesn't have a resource type" error. */
export function resolveType(typed: string): ResourceType {
  const type = typed ? resolveResource(typed) : undefined;
  if (!type) throw new KubectlError(`error: the server doesn't have a resource type "${typed}"`);
  return type;
}

function allCategory(): ResourceType[] {
  return ALL_ORDER.map((kind) => RESOURCE_TYPES.find((t) => t.kind === kind) as ResourceType);
}
