/**
 * Strategic-merge metadata: for each field, its patch strategies and merge key, taken from
 * the `patchStrategy`/`patchMergeKey` struct tags of kubernetes/api (`core/v1`, `apps/v1`,
 * `batch/v1`) and apimachinery `meta/v1` as of Kubernetes 1.32. The metadata is a small
 * type graph, like the OpenAPI schema kubectl reads, so one `Container` entry serves
 * `Pod.spec.containers`, `Deployment.spec.template.spec.containers` and
 * `CronJob.spec.jobTemplate.spec.template.spec.containers` alike.
 */

/** Patch metadata of one field (Go `strategicpatch.PatchMeta`). */
export interface PatchMeta {
  /** e.g. ["merge"], ["retainKeys"], ["merge", "retainKeys"]; empty means replace/recurse. */
  readonly strategies: readonly string[];
  /** The key that identifies list elements, "" for none. */
  readonly mergeKey: string;
}

/** One field of a type: its metadata tag and, for objects and lists of objects, its element type. */
export interface FieldSpec {
  readonly strategy?: string;
  readonly mergeKey?: string;
  readonly type?: string;
}

/** Types by name; each lists only the fields that carry metadata or lead to such fields. */
export type PatchTypeRegistry = Readonly<Record<string, Readonly<Record<string, FieldSpec>>>>;

/** A position in the type graph (Go `LookupPatchMeta`). A null type knows no metadata. */
export class PatchSchema {
  constructor(
    private readonly types: PatchTypeRegistry,
    readonly typeName: string | null,
  ) {}

  /** The schema and metadata of field `key` of an object. Unknown fields have none. */
  lookup(key: string): { schema: PatchSchema; meta: PatchMeta } {
    const spec = this.typeName === null ? undefined : this.types[this.typeName]?.[key];
    return {
      schema: new PatchSchema(this.types, spec?.type ?? null),
      meta: { strategies: spec?.strategy ? spec.strategy.split(",") : [], mergeKey: spec?.mergeKey ?? "" },
    };
  }

  /** The name Kubernetes prints for a schema in errors (`reflect.Kind` of a struct). */
  name(): string {
    return "struct";
  }
}

const merge = (mergeKey: string, type?: string): FieldSpec => ({ strategy: "merge", mergeKey, type });
const conditions = { conditions: merge("type") };
/** A kind root: ObjectMeta plus the given spec and status types. */
const kindRoot = (spec?: string, status?: string): Record<string, FieldSpec> => ({
  metadata: { type: "ObjectMeta" },
  ...(spec ? { spec: { type: spec } } : {}),
  ...(status ? { status: { type: status } } : {}),
});

/** The Kubernetes types with strategic-merge metadata, plus the paths leading to them. */
export const kubernetesPatchTypes: PatchTypeRegistry = {
  ObjectMeta: { ownerReferences: merge("uid"), finalizers: { strategy: "merge" } },
  PodTemplateSpec: { metadata: { type: "ObjectMeta" }, spec: { type: "PodSpec" } },
  PodSpec: {
    volumes: { strategy: "merge,retainKeys", mergeKey: "name" },
    initContainers: merge("name", "Container"),
    containers: merge("name", "Container"),
    ephemeralContainers: merge("name", "Container"),
    imagePullSecrets: merge("name"),
    hostAliases: merge("ip"),
    topologySpreadConstraints: merge("topologyKey"),
    schedulingGates: merge("name"),
    resourceClaims: { strategy: "merge,retainKeys", mergeKey: "name" },
  },
  Container: {
    ports: merge("containerPort"),
    env: merge("name"),
    volumeMounts: merge("mountPath"),
    volumeDevices: merge("devicePath"),
  },
  PodStatus: {
    ...conditions,
    hostIPs: merge("ip"),
    podIPs: merge("ip"),
    resourceClaimStatuses: { strategy: "merge,retainKeys", mergeKey: "name" },
  },
  WorkloadSpec: { template: { type: "PodTemplateSpec" } },
  DeploymentSpec: { template: { type: "PodTemplateSpec" }, strategy: { strategy: "retainKeys" } },
  ConditionsStatus: conditions,
  JobTemplateSpec: { metadata: { type: "ObjectMeta" }, spec: { type: "WorkloadSpec" } },
  CronJobSpec: { jobTemplate: { type: "JobTemplateSpec" } },
  ServiceSpec: { ports: merge("port") },
  NodeSpec: { podCIDRs: { strategy: "merge" } },
  NodeStatus: { ...conditions, addresses: merge("type") },

  // Kind roots.
  Pod: kindRoot("PodSpec", "PodStatus"),
  Deployment: kindRoot("DeploymentSpec", "ConditionsStatus"),
  ReplicaSet: kindRoot("WorkloadSpec", "ConditionsStatus"),
  StatefulSet: kindRoot("WorkloadSpec", "ConditionsStatus"),
  DaemonSet: kindRoot("WorkloadSpec", "ConditionsStatus"),
  ReplicationController: kindRoot("WorkloadSpec", "ConditionsStatus"),
  Job: kindRoot("WorkloadSpec", "ConditionsStatus"),
  CronJob: kindRoot("CronJobSpec"),
  Service: kindRoot("ServiceSpec", "ConditionsStatus"),
  Node: kindRoot("NodeSpec", "NodeStatus"),
  Namespace: kindRoot(undefined, "ConditionsStatus"),
  PersistentVolumeClaim: kindRoot(undefined, "ConditionsStatus"),
  PodTemplate: { metadata: { type: "ObjectMeta" }, template: { type: "PodTemplateSpec" } },
  ServiceAccount: { metadata: { type: "ObjectMeta" }, secrets: merge("name") },
  MetadataOnly: kindRoot(),
};

/** Built-in kinds whose fields carry no list metadata beyond `metadata`. */
const metadataOnlyKinds = [
  "ConfigMap",
  "Secret",
  "Endpoints",
  "Event",
  "LimitRange",
  "ResourceQuota",
  "PersistentVolume",
  "Ingress",
  "IngressClass",
  "NetworkPolicy",
  "Role",
  "RoleBinding",
  "ClusterRole",
  "ClusterRoleBinding",
  "StorageClass",
  "PriorityClass",
  "HorizontalPodAutoscaler",
  "PodDisruptionBudget",
];

const kindRoots: Record<string, string> = Object.fromEntries([
  ...[
    "Pod",
    "Deployment",
    "ReplicaSet",
    "StatefulSet",
    "DaemonSet",
    "ReplicationController",
    "Job",
    "CronJob",
    "Service",
    "Node",
    "Namespace",
    "PersistentVolumeClaim",
    "PodTemplate",
    "ServiceAccount",
  ].map((k) => [k, k]),
  ...metadataOnlyKinds.map((k) => [k, "MetadataOnly"]),
]);

/**
 * The strategic-merge schema of a built-in kind, or null for kinds the apiserver cannot
 * strategic-merge (custom resources: "strategic merge patch format is not supported").
 */
export function patchSchemaForKind(kind: string): PatchSchema | null {
  const root = Object.prototype.hasOwnProperty.call(kindRoots, kind) ? kindRoots[kind] : undefined;
  return root === undefined ? null : new PatchSchema(kubernetesPatchTypes, root);
}

/**
 * The metadata of the field at a dotted path from the kind's root, list elements being
 * transparent: `patchMetaAt("CronJob", "spec.jobTemplate.spec.template.spec.containers")`
 * is `{strategies: ["merge"], mergeKey: "name"}`. Null for an unknown kind.
 */
export function patchMetaAt(kind: string, path: string): PatchMeta | null {
  let schema = patchSchemaForKind(kind);
  if (!schema) return null;
  let meta: PatchMeta = { strategies: [], mergeKey: "" };
  for (const key of path.split(".")) ({ schema, meta } = schema.lookup(key));
  return meta;
}

/** Every path under a kind that carries metadata, with that metadata (for display and tests). */
export function patchMetaTable(kind: string): Record<string, PatchMeta> {
  const root = patchSchemaForKind(kind);
  const table: Record<string, PatchMeta> = {};
  const walk = (typeName: string | null, prefix: string): void => {
    const fields = typeName === null ? {} : (kubernetesPatchTypes[typeName] ?? {});
    for (const [key, spec] of Object.entries(fields)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (spec.strategy)
        table[path] = { strategies: spec.strategy.split(","), mergeKey: spec.mergeKey ?? "" };
      if (spec.type) walk(spec.type, path);
    }
  };
  if (root) walk(root.typeName, "");
  return table;
}
