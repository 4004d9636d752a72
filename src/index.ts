/**
 * kubeplay's engine: a deterministic, headless simulated Kubernetes cluster with kubectl.
 *
 *   const cluster = createCluster({ seed: 42, nodes: 3, start: "2026-01-05T10:00:00Z" });
 *   cluster.kubectl("apply -f -", yamlText);   // { code, stdout, stderr }
 *   cluster.advance(30);                       // 30 simulated seconds
 */
export { StatusError } from "./api/errors";
export { RESOURCE_TYPES, type ResourceType, resolveResource } from "./api/registry";
export type { KubeObject, ObjectRef, WatchEvent } from "./api/types";
export {
  Cluster,
  type ClusterOptions,
  createCluster,
  DEFAULT_NODES,
  DEFAULT_SEED,
  DEFAULT_START,
} from "./cluster";
export type { KubectlResult, WrittenText } from "./kubectl/run";
export type { EditorOpen, EditorSave } from "./kubectl/verb";
export type { TraceRecord } from "./trace";
