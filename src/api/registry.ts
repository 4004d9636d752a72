/**
 * The resource types this API server serves, as `kubectl api-resources` lists them.
 * One row per kind: how it is addressed (plural, short names), its group/version and scope.
 */
export interface ResourceType {
  kind: string;
  /** "" for the core group. */
  group: string;
  version: string;
  plural: string;
  singular: string;
  shortNames: string[];
  namespaced: boolean;
  /** Categories such as "all" (what `kubectl get all` expands to). */
  categories: string[];
  verbs: string[];
}

const ALL_VERBS = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

/** In `kubectl api-resources` order (core group first, then alphabetical groups). */
export const RESOURCE_TYPES: readonly ResourceType[] = [
  core("ConfigMap", "configmaps", ["cm"], true),
  core("Endpoints", "endpoints", ["ep"], true),
  core("Event", "events", ["ev"], true),
  core(
    "Namespace",
    "namespaces",
    ["ns"],
    false,
    [],
    ["create", "delete", "get", "list", "patch", "update", "watch"],
  ),
  core("Node", "nodes", ["no"], false),
  core("Pod", "pods", ["po"], true, ["all"]),
  core("Secret", "secrets", [], true),
  core("ServiceAccount", "serviceaccounts", ["sa"], true),
  core(
    "Service",
    "services",
    ["svc"],
    true,
    ["all"],
    ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"],
  ),
  typed("apps", "v1", "Deployment", "deployments", ["deploy"], ["all"]),
  typed("apps", "v1", "ReplicaSet", "replicasets", ["rs"], ["all"]),
  typed("batch", "v1", "CronJob", "cronjobs", ["cj"], ["all"]),
  typed("batch", "v1", "Job", "jobs", [], ["all"]),
  {
    kind: "Lease",
    group: "coordination.k8s.io",
    version: "v1",
    plural: "leases",
    singular: "lease",
    shortNames: [],
    namespaced: true,
    categories: [],
    verbs: ALL_VERBS,
  },
];

function core(
  kind: string,
  plural: string,
  shortNames: string[],
  namespaced: boolean,
  categories: string[] = [],
  verbs: string[] = ALL_VERBS,
): ResourceType {
  return {
    kind,
    group: "",
    version: "v1",
    plural,
    singular: kind.toLowerCase(),
    shortNames,
    namespaced,
    categories,
    verbs,
  };
}

function typed(
  group: string,
  version: string,
  kind: string,
  plural: string,
  shortNames: string[],
  categories: string[],
): ResourceType {
  return {
    kind,
    group,
    version,
    plural,
    singular: kind.toLowerCase(),
    shortNames,
    namespaced: true,
    categories,
    verbs: ALL_VERBS,
  };
}

const byKind = new Map(RESOURCE_TYPES.map((t) => [t.kind, t]));

/** `apps/v1` or `v1`: the apiVersion string objects of this type carry. */
export function apiVersionOf(type: ResourceType): string {
  return type.group ? `${type.group}/${type.version}` : type.version;
}

/** The resource type for an object's apiVersion and kind, or undefined if it is not served. */
export function typeForKind(apiVersion: string, kind: string): ResourceType | undefined {
  const type = byKind.get(kind);
  return type && apiVersionOf(type) === apiVersion ? type : undefined;
}

/** The resource type of a kind regardless of version (kinds are unique here). */
export function typeOfKind(kind: string): ResourceType | undefined {
  return byKind.get(kind);
}

/** `deployment.apps` / `pod`: how kubectl names a type in `type/name` output. */
export function qualifiedSingular(type: ResourceType): string {
  return type.group ? `${type.singular}.${type.group}` : type.singular;
}

/** `deployments.apps` / `pods`: the name used in API server error messages. */
export function qualifiedPlural(type: ResourceType): string {
  return type.group ? `${type.plural}.${type.group}` : type.plural;
}

/**
 * Resolves what a user typed (`po`, `pods`, `pod`, `Deployment`, `deployments.apps`,
 * `deploy.v1.apps`) to a resource type, as kubectl's RESTMapper does, case-insensitively.
 */
export function resolveResource(typed: string): ResourceType | undefined {
  const lower = typed.toLowerCase();
  const [name, ...rest] = lower.split(".");
  const groupHint =
    rest.length === 0
      ? undefined
      : rest.length >= 2 && /^v\d/.test(rest[0])
        ? rest.slice(1).join(".")
        : rest.join(".");
  return RESOURCE_TYPES.find((t) => {
    const names = [t.plural, t.singular, t.kind.toLowerCase(), ...t.shortNames];
    if (!names.includes(name)) return false;
    return groupHint === undefined || groupHint === t.group || (groupHint === "" && t.group === "");
  });
}
