/**
 * `kubectl logs`: a pod's container log, or the first pod of a workload (`deploy/web`,
 * `job/pi`) chosen as kubectl's GetFirstPod does. Container defaulting, --previous, --tail
 * and --timestamps follow kubectl 1.32; -f keeps streaming new lines until the container exits.
 */
import type { Pod } from "kubernetes-types/core/v1";
import { parseSelector } from "../../apimachinery/labels";
import { usageErrorMessage } from "../cli/commandErrors";
import { bool, num, str } from "../flagAccess";
import { KubectlError, type Verb, type VerbContext } from "../verb";
import { POD_RUNNING_TIMEOUT_FLAG, SELECTOR_FLAG } from "./commonFlags";
import { allContainers, firstContainer, targetPod } from "./podPick";
import type { LogLine } from "../../kubelet/logs";
import { parseRfc3339 } from "../cli/rfc3339";

/** `kubectl logs`. */
export const logsVerb: Verb = {
  name: "logs",
  short: "Print the logs for a container in a pod",
  usage: "kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]",
  flags: [
    { name: "all-containers", type: "bool", usage: "Get all containers' logs in the pod(s)." },
    { name: "all-pods", type: "bool", usage: "Get logs from all pod(s). Sets prefix to true." },
    { name: "container", shorthand: "c", type: "string", usage: "Print the logs of this container" },
    // Accepted as kubectl does; the simulated kubelet streams no errors and serves no TLS to skip.
    {
      name: "ignore-errors",
      type: "bool",
      usage: "If watching / following pod logs, allow for any errors that occur to be non-fatal",
    },
    {
      name: "insecure-skip-tls-verify-backend",
      type: "bool",
      usage:
        "Skip verifying the identity of the kubelet that logs are requested from.  In theory, an attacker could provide invalid log content back. You might want to use this if your kubelet serving certificates have expired.",
    },
    { name: "follow", shorthand: "f", type: "bool", usage: "Specify if the logs should be streamed." },
    { name: "limit-bytes", type: "int64", usage: "Maximum bytes of logs to return. Defaults to no limit." },
    {
      name: "max-log-requests",
      type: "int",
      default: 5,
      usage: "Specify maximum number of concurrent logs to follow when using by a selector. Defaults to 5.",
    },
    { ...POD_RUNNING_TIMEOUT_FLAG, default: 20 },
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
    {
      ...SELECTOR_FLAG,
      usage:
        "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.",
    },
    {
      name: "since",
      type: "duration",
      usage:
        "Only return logs newer than a relative duration like 5s, 2m, or 3h. Defaults to all logs. Only one of since-time / since may be used.",
    },
    {
      name: "since-time",
      type: "string",
      usage:
        "Only return logs after a specific date (RFC3339). Defaults to all logs. Only one of since-time / since may be used.",
    },
    { name: "timestamps", type: "bool", usage: "Include timestamps on each line in the log output" },
  ],
  run: runLogs,
};

const USAGE =
  "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command";

function runLogs(ctx: VerbContext): number {
  const window = logWindow(ctx);
  const selector = str(ctx.flags, "selector");
  if (ctx.args.length > 2 || (ctx.args.length === 0 && !selector))
    throw new KubectlError(`error: ${usageErrorMessage("kubectl logs", USAGE)}`);
  if (ctx.args.length === 1 && selector)
    throw new KubectlError(
      `error: ${usageErrorMessage("kubectl logs", "only a selector (-l) or a POD name is allowed")}`,
    );
  const pods = selector ? selectedPods(ctx, selector) : [targetPod(ctx, ctx.args[0], "logs")];
  const requests = pods.flatMap((pod) => logRequests(ctx, pod));
  const max = num(ctx.flags, "max-log-requests");
  if (bool(ctx.flags, "follow") && requests.length > 1 && requests.length > max)
    throw new KubectlError(
      `error: you are attempting to follow ${requests.length} log streams, but maximum allowed concurrency is ${max}, use --max-log-requests to increase the limit`,
    );
  const prefix = bool(ctx.flags, "prefix") || bool(ctx.flags, "all-pods");
  // --tail defaults to 10 lines per container when a selector picks the pods.
  const tail = selector && !ctx.changed.has("tail") ? 10 : num(ctx.flags, "tail");
  const printed = requests.map(({ pod, container }) => ({
    pod,
    container,
    seen: printContainer(ctx, pod, container, prefix, tail, window),
  }));
  if (bool(ctx.flags, "follow") && !bool(ctx.flags, "previous")) followLogs(ctx, printed, prefix);
  return 0;
}

/**
 * `-f`: keeps printing each container's new lines until every followed container instance
 * has exited (or its pod is gone), as the kubelet closes the log stream when the container ends.
 */
function followLogs(
  ctx: VerbContext,
  streams: { pod: Pod; container: string; seen: number }[],
  prefix: boolean,
): void {
  const cluster = ctx.cluster;
  const open = streams.map((s) => ({ ...s, containerID: containerIDOf(s.pod, s.container), done: false }));
  ctx.follow((io) => ({
    poll: () => {
      for (const s of open) {
        if (s.done) continue;
        const namespace = s.pod.metadata?.namespace ?? ctx.namespace;
        const name = s.pod.metadata?.name ?? "";
        const now = cluster.store.get("Pod", namespace, name) as Pod | undefined;
        const sameInstance =
          now?.metadata?.uid === s.pod.metadata?.uid && containerIDOf(now, s.container) === s.containerID;
        if (sameInstance) {
          const lines = cluster.logs(namespace, name, { container: s.container });
          for (const line of lines.slice(s.seen)) io.out(formatLine(ctx, name, s.container, prefix, line));
          s.seen = lines.length;
        }
        if (!sameInstance || !isRunning(now, s.container)) s.done = true;
      }
      if (open.every((s) => s.done)) io.exit(0);
    },
  }));
}

function containerStatusOf(pod: Pod | undefined, container: string) {
  const all = [...(pod?.status?.containerStatuses ?? []), ...(pod?.status?.initContainerStatuses ?? [])];
  return all.find((c) => c.name === container);
}

function containerIDOf(pod: Pod | undefined, container: string): string | undefined {
  return containerStatusOf(pod, container)?.containerID;
}

function isRunning(pod: Pod | undefined, container: string): boolean {
  return Boolean(containerStatusOf(pod, container)?.state?.running);
}

/** The pods -l selects, in name order; none prints kubectl's notice on stderr. */
function selectedPods(ctx: VerbContext, selector: string): Pod[] {
  const parsed = parseSelector(selector);
  const pods = ctx.cluster.store
    .list("Pod", ctx.namespace)
    .filter((p) => parsed.matches(p.metadata.labels ?? {})) as Pod[];
  if (pods.length === 0) ctx.err(`No resources found in ${ctx.namespace} namespace.\n`);
  return pods;
}

/** LogsForObject for one pod: every container with --all-containers, else the defaulted one. */
function logRequests(ctx: VerbContext, pod: Pod): { pod: Pod; container: string }[] {
  const names = bool(ctx.flags, "all-containers")
    ? [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].map((c) => c.name)
    : [containerName(ctx, pod)];
  return names.map((container) => ({ pod, container }));
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
  const first = firstContainer(pod);
  if (first.notice) ctx.err(first.notice);
  return first.name;
}

/** Which part of a log to print: lines from `sinceMs` on, at most `limitBytes` of them (0: all). */
interface LogWindow {
  sinceMs: number;
  limitBytes: number;
}

/** --since / --since-time and --limit-bytes, validated as LogsOptions.Complete and Validate do. */
function logWindow(ctx: VerbContext): LogWindow {
  const sinceSeconds = num(ctx.flags, "since");
  const sinceTime = str(ctx.flags, "since-time");
  const limitBytes = num(ctx.flags, "limit-bytes");
  let sinceMs = Number.NEGATIVE_INFINITY;
  if (sinceTime) {
    const parsed = parseRfc3339(sinceTime);
    if ("error" in parsed) throw new KubectlError(`error: ${parsed.error}`);
    sinceMs = parsed.ms;
  }
  if (sinceTime && sinceSeconds !== 0)
    throw new KubectlError("error: at most one of `sinceTime` or `sinceSeconds` may be specified");
  if (sinceSeconds < 0) throw new KubectlError("error: --since must be greater than 0");
  if (limitBytes < 0) throw new KubectlError("error: --limit-bytes must be greater than 0");
  if (sinceSeconds > 0) sinceMs = ctx.cluster.now() - Math.ceil(sinceSeconds) * 1000;
  return { sinceMs, limitBytes };
}

/** What a window keeps of the printed text: the kubelet cuts the stream at limitBytes. */
function clip(text: string, window: LogWindow): string {
  if (window.limitBytes <= 0) return text;
  return new TextDecoder().decode(new TextEncoder().encode(text).slice(0, window.limitBytes));
}

/** Prints the container's log (the last `tail` lines); returns how many lines its instance has written. */
function printContainer(
  ctx: VerbContext,
  pod: Pod,
  container: string,
  prefix: boolean,
  tail: number,
  window: LogWindow,
): number {
  if (!allContainers(pod).some((c) => c.name === container)) {
    throw new KubectlError(`error: container ${container} is not valid for pod ${pod.metadata?.name}`);
  }
  const lines = ctx.cluster.logs(pod.metadata?.namespace ?? ctx.namespace, pod.metadata?.name ?? "", {
    container,
    previous: bool(ctx.flags, "previous"),
  });
  const recent = lines.filter((l) => l.time >= window.sinceMs);
  const shown = tail < 0 ? recent : tail === 0 ? [] : recent.slice(-tail);
  const text = shown
    .map((line) => formatLine(ctx, pod.metadata?.name ?? "", container, prefix, line))
    .join("");
  ctx.out(clip(text, window));
  return lines.length;
}

function formatLine(
  ctx: VerbContext,
  pod: string,
  container: string,
  prefix: boolean,
  line: LogLine,
): string {
  const source = prefix ? `[pod/${pod}/${container}] ` : "";
  const stamp = bool(ctx.flags, "timestamps") ? `${rfc3339Nano(line.time)} ` : "";
  return `${source}${stamp}${line.text}${line.partial ? "" : "\n"}`;
}

/** Go's RFC3339Nano: fractional seconds with trailing zeros trimmed. */
function rfc3339Nano(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/\.(\d{3})Z$/, (_, f: string) => (f === "000" ? "Z" : `.${f.replace(/0+$/, "")}Z`));
}
