/**
 * `kubectl logs`: a pod's container log, or the first pod of a workload (`deploy/web`,
 * `job/pi`) chosen as kubectl's GetFirstPod does. Container defaulting, --previous, --tail
 * and --timestamps follow kubectl 1.32; -f prints what there is and returns (no streaming).
 */
import type { Pod } from "kubernetes-types/core/v1";
import { labelSelectorAsSelector } from "../../apimachinery/labels";
import { usageErrorMessage } from "../cli/commandErrors";
import { bool, num, str } from "../flagAccess";
import { resolveResourceArgs } from "../resources";
import { KubectlError, type Verb, type VerbContext } from "../verb";
import { firstPod } from "./logsPodPick";

/** `kubectl logs`. */
export const logsVerb: Verb = {
  name: "logs",
  short: "Print the logs for a container in a pod",
  usage: "kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]",
  flags: [
    { name: "all-containers", type: "bool", usage: "Get all containers' logs in the pod(s)." },
    { name: "container", shorthand: "c", type: "string", usage: "Print the logs of this container" },
    { name: "follow", shorthand: "f", type: "bool", usage: "Specify if the logs should be streamed." },
    {
      name: "prefix",
      type: "bool",
      usage: "Prefix each log line with the log source (pod name and container name)",
    },
    {
      name: "previous",
      shorthand: "p",
      type: "bool",
      usage: "If true, print the logs for the previous instance of the container in a pod if it exists.",
    },
    {
      name: "tail",
      type: "int",
      default: -1,
      usage:
        "Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided.",
    },
    { name: "timestamps", type: "bool", usage: "Include timestamps on each line in the log output" },
  ],
  run: runLogs,
};

function runLogs(ctx: VerbContext): number {
  if (ctx.args.length === 0 || ctx.args.length > 2) {
    const message =
      "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command";
    throw new KubectlError(`error: ${usageErrorMessage("kubectl logs", message)}`);
  }
  const pod = targetPod(ctx, ctx.args[0]);
  const containers = bool(ctx.flags, "all-containers")
    ? [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].map((c) => c.name)
    : [containerName(ctx, pod)];
  for (const container of containers)
    printContainer(ctx, pod, container, containers.length > 1 || bool(ctx.flags, "prefix"));
  return 0;
}

/** The pod named by `arg` (a pod name, pod/NAME, or a workload whose first pod is used). */
function targetPod(ctx: VerbContext, arg: string): Pod {
  if (!arg.includes("/")) return ctx.cluster.api.get("Pod", ctx.namespace, arg) as Pod;
  const [request] = resolveResourceArgs([arg]);
  const name = request.names?.[0] ?? "";
  const obj = ctx.cluster.api.get(request.type.kind, ctx.namespace, name);
  if (obj.kind === "Pod") return obj as Pod;
  const selector = labelSelectorAsSelector(obj.spec?.selector);
  const pods = ctx.cluster.store
    .list("Pod", ctx.namespace)
    .filter((p) => selector.matches(p.metadata.labels ?? {}));
  const picked = firstPod(pods as Pod[]);
  if (!picked) throw new KubectlError("error: timed out waiting for the condition");
  if (pods.length > 1) ctx.err(`Found ${pods.length} pods, using pod/${picked.metadata?.name}\n`);
  return picked;
}

/** -c, the positional container, the default-container annotation or the first container. */
function containerName(ctx: VerbContext, pod: Pod): string {
  const given = str(ctx.flags, "container") || ctx.args[1];
  const name = pod.metadata?.name ?? "";
  if (given) return given;
  const annotated = pod.metadata?.annotations?.["kubectl.kubernetes.io/default-container"];
  if (annotated) {
    if (allContainers(pod).some((c) => c.name === annotated)) return annotated;
    ctx.err(`Default container name "${annotated}" not found in pod ${name}\n`);
  }
  const first = pod.spec?.containers?.[0]?.name ?? "";
  if (
    (pod.spec?.containers?.length ?? 0) > 1 ||
    (pod.spec?.initContainers?.length ?? 0) > 0 ||
    (pod.spec?.ephemeralContainers?.length ?? 0) > 0
  ) {
    ctx.err(`Defaulted container "${first}" out of: ${allContainerNames(pod)}\n`);
  }
  return first;
}

function allContainers(pod: Pod): { name: string }[] {
  return [
    ...(pod.spec?.containers ?? []),
    ...(pod.spec?.initContainers ?? []),
    ...(pod.spec?.ephemeralContainers ?? []),
  ];
}

/** podcmd.AllContainerNames: "a, b, init (init), debug (ephem)". */
function allContainerNames(pod: Pod): string {
  return [
    ...(pod.spec?.containers ?? []).map((c) => c.name),
    ...(pod.spec?.initContainers ?? []).map((c) => `${c.name} (init)`),
    ...(pod.spec?.ephemeralContainers ?? []).map((c) => `${c.name} (ephem)`),
  ].join(", ");
}

function printContainer(ctx: VerbContext, pod: Pod, container: string, prefix: boolean): void {
  if (!allContainers(pod).some((c) => c.name === container)) {
    throw new KubectlError(`error: container ${container} is not valid for pod ${pod.metadata?.name}`);
  }
  let lines = ctx.cluster.logs(pod.metadata?.namespace ?? ctx.namespace, pod.metadata?.name ?? "", {
    container,
    previous: bool(ctx.flags, "previous"),
  });
  const tail = num(ctx.flags, "tail");
  if (tail >= 0) lines = tail === 0 ? [] : lines.slice(-tail);
  const stamp = bool(ctx.flags, "timestamps");
  const source = `[pod/${pod.metadata?.name}/${container}] `;
  for (const line of lines) {
    const text = `${prefix ? source : ""}${stamp ? `${rfc3339Nano(line.time)} ` : ""}${line.text}${line.partial ? "" : "\n"}`;
    ctx.out(text);
  }
}

/** Go's RFC3339Nano: fractional seconds with trailing zeros trimmed. */
function rfc3339Nano(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/\.(\d{3})Z$/, (_, f: string) => (f === "000" ? "Z" : `.${f.replace(/0+$/, "")}Z`));
}
