/**
 * The pod log subresource (GET /api/v1/namespaces/NS/pods/NAME/log): the API server finds
 * the node, and the kubelet picks the container instance from the pod's status
 * (validateContainerLogStatus) and reads its log. Errors are the kubelet's, as 400s.
 */
import type { ContainerStatus, Pod } from "kubernetes-types/core/v1";
import { StatusError } from "../api/errors";
import type { ApiServer } from "../api/server";
import { kubeletState } from "./kubelet";
import type { LogLine } from "./logStore";

export type { LogLine } from "./logStore";

/** What a log request asks for (PodLogOptions, the part kubeplay supports). */
export interface PodLogOptions {
  /** Required when the pod has more than one container (kubectl defaults it). */
  container?: string;
  previous?: boolean;
}

/** The lines of a container's log; throws StatusError (NotFound, BadRequest) as the API server would. */
export function podLogs(
  api: ApiServer,
  namespace: string,
  podName: string,
  options: PodLogOptions = {},
): LogLine[] {
  const pod = api.get("Pod", namespace, podName) as Pod;
  const container = options.container || defaultContainer(pod);
  const all = [
    ...(pod.spec?.containers ?? []),
    ...(pod.spec?.initContainers ?? []),
    ...(pod.spec?.ephemeralContainers ?? []),
  ];
  if (!all.some((c) => c.name === container)) {
    throw new StatusError("BadRequest", `container ${container} is not valid for pod ${podName}`);
  }
  if (!pod.spec?.nodeName) return [];
  const containerID = instanceFor(pod, container, options.previous ?? false);
  return kubeletState(api).logs.read(pod.metadata?.uid ?? "", container, containerID) ?? [];
}

function defaultContainer(pod: Pod): string {
  const containers = pod.spec?.containers ?? [];
  if (containers.length === 1) return containers[0].name;
  const names = containers.map((c) => c.name).join(" ");
  throw new StatusError(
    "BadRequest",
    `a container name must be specified for pod ${pod.metadata?.name}, choose one of: [${names}]`,
  );
}

/** validateContainerLogStatus: which instance's log to read, or the kubelet's refusal. */
function instanceFor(pod: Pod, container: string, previous: boolean): string {
  const podName = pod.metadata?.name ?? "";
  const statuses: ContainerStatus[] = [
    ...(pod.status?.containerStatuses ?? []),
    ...(pod.status?.initContainerStatuses ?? []),
  ];
  const status = statuses.find((s) => s.name === container);
  const fail = (text: string) => new StatusError("BadRequest", text);
  if (!status) throw fail(`container "${container}" in pod "${podName}" is not available`);
  const last = status.lastState?.terminated;
  const { waiting, running, terminated } = status.state ?? {};
  if (previous) {
    if (!last?.containerID)
      throw fail(`previous terminated container "${container}" in pod "${podName}" not found`);
    return last.containerID;
  }
  if (running) return status.containerID ?? "";
  if (terminated) {
    if (terminated.containerID) return terminated.containerID;
    if (last?.containerID) return last.containerID;
    throw fail(`container "${container}" in pod "${podName}" is terminated`);
  }
  if (last) {
    if (!last.containerID) throw fail(`container "${container}" in pod "${podName}" is terminated`);
    return last.containerID;
  }
  if (waiting) {
    const why: Record<string, string> = {
      ErrImagePull: "image can't be pulled",
      ImagePullBackOff: "trying and failing to pull image",
    };
    throw fail(
      `container "${container}" in pod "${podName}" is waiting to start: ${why[waiting.reason ?? ""] ?? waiting.reason}`,
    );
  }
  throw fail(`container "${container}" in pod "${podName}" is waiting to start - no logs yet`);
}
