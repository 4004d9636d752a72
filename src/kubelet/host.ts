/** What a pod worker is given by its kubelet: the control-plane context and node-local services. */
import type { Pod } from "kubernetes-types/core/v1";
import type { ControllerContext } from "../controllers/controller";
import type { Backoff } from "./backoff";
import type { NodeImages } from "./imageManager";
import type { NodeIpam } from "./ipam";
import type { LogStore } from "./logStore";

export interface KubeletHost {
  ctx: ControllerContext;
  logs: LogStore;
  images(node: string): NodeImages;
  ipam(node: string): NodeIpam;
  /** The node's InternalIP, if the Node object has one. */
  nodeIP(node: string): string | undefined;
  /** CrashLoopBackOff delays, by pod uid + container name. */
  containerBackoff: Backoff;
  /** ImagePullBackOff delays, by pod uid + image. */
  imageBackoff: Backoff;
  /** The last pull error per image back-off key ("ErrImagePull: …"). */
  pullErrors: Map<string, string>;
  /** False while the node is stopped (fault injection): its kubelet cannot reach the API server. */
  connected(node: string): boolean;
  /** The stored pod, if it is still this uid. */
  pod(namespace: string, name: string, uid: string): Pod | undefined;
}
