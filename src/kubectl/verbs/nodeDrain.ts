import type { KubeObject } from "../../api/types";
import { withPodCondition } from "../../controllers/scheduler/binding";
import { bool, num } from "../flagAccess";
import { formatError } from "../errorText";
import type { Verb, VerbContext } from "../verb";
import { DRY_RUN_FLAG } from "./commonFlags";
import { cordonNodes } from "./nodeCordon";
import { type DrainOptions, podsForDeletion } from "./nodeDrainFilters";
import { nodeTargets, NODE_SELECTOR_FLAG } from "./nodeTargets";
import { type DryRun, dryRunOf } from "./writeOutcome";

/**
 * `kubectl drain NODE`: cordon, then evict every pod the filters allow. The simulated
 * console does not block, so drain returns once the evictions are issued (the pods are
 * still terminating) and prints what real kubectl prints when they are gone.
 */
export const drainVerb: Verb = {
  name: "drain",
  short: "Drain node in preparation for maintenance",
  usage: "kubectl drain NODE [options]",
  flags: [
    {
      name: "chunk-size",
      type: "int64",
      default: 500,
      usage:
        "Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.",
    },
    {
      name: "delete-emptydir-data",
      type: "bool",
      usage:
        "Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained).",
    },
    {
      name: "disable-eviction",
      type: "bool",
      usage:
        "Force drain to use delete, even if eviction is supported. This will bypass checking PodDisruptionBudgets, use with caution.",
    },
    DRY_RUN_FLAG,
    {
      name: "force",
      type: "bool",
      usage: "Continue even if there are pods that do not declare a controller.",
    },
    {
      name: "grace-period",
      type: "int",
      default: -1,
      usage:
        "Period of time in seconds given to each pod to terminate gracefully. If negative, the default value specified in the pod will be used.",
    },
    { name: "ignore-daemonsets", type: "bool", usage: "Ignore DaemonSet-managed pods." },
    { name: "pod-selector", type: "string", usage: "Label selector to filter pods on the node" },
    NODE_SELECTOR_FLAG,
    {
      name: "skip-wait-for-delete-timeout",
      type: "int",
      usage:
        "If pod DeletionTimestamp older than N seconds, skip waiting for the pod.  Seconds must be greater than 0 to skip.",
    },
    {
      name: "timeout",
      type: "duration",
      usage: "The length of time to wait before giving up, zero means infinite",
    },
  ],
  run: runDrain,
};

function runDrain(ctx: VerbContext): number {
  const dryRun = dryRunOf(ctx);
  const { nodes, errors } = nodeTargets(ctx, "drain");
  for (const error of errors) ctx.err(formatError(error));
  if (errors.length > 0) return 1;
  cordonNodes(ctx, nodes, true, dryRun);
  const options: DrainOptions = {
    force: bool(ctx.flags, "force"),
    ignoreDaemonsets: bool(ctx.flags, "ignore-daemonsets"),
    deleteEmptyDirData: bool(ctx.flags, "delete-emptydir-data"),
  };
  const fatal: string[] = [];
  const remaining: string[] = [];
  for (const node of nodes) {
    const failure = drainNode(ctx, node, options, dryRun);
    if (failure === undefined) continue;
    ctx.err(
      `error: unable to drain node "${node.metadata.name}" due to error: ${failure}, continuing command...\n`,
    );
    fatal.push(failure);
    remaining.push(node.metadata.name ?? "");
  }
  if (remaining.length === 0) return 0;
  ctx.err(`There are pending nodes to be drained:\n${remaining.map((n) => ` ${n}\n`).join("")}`);
  // cmdutil.CheckErr prints an aggregate's errors one per line, without the "error: " prefix.
  ctx.err(fatal.map((f) => `${f}\n`).join(""));
  return 1;
}

/** deleteOrEvictPodsSimple; returns the error text (an aggregate's) when the node cannot be drained. */
function drainNode(
  ctx: VerbContext,
  node: KubeObject,
  options: DrainOptions,
  dryRun: DryRun,
): string | undefined {
  const name = node.metadata.name ?? "";
  const onNode = ctx.cluster.store.list("Pod").filter((p) => p.spec?.nodeName === name);
  const list = podsForDeletion(onNode, options);
  if (list.errors.length > 0)
    return list.errors.length === 1 ? list.errors[0] : `[${list.errors.join(", ")}]`;
  if (list.warnings) ctx.err(`Warning: ${list.warnings}\n`);
  if (dryRun === "client") {
    for (const pod of list.pods)
      ctx.out(`evicting pod ${pod.metadata.namespace}/${pod.metadata.name} (dry run)\n`);
  } else {
    for (const pod of list.pods)
      ctx.out(
        `evicting pod ${pod.metadata.namespace}/${pod.metadata.name}${dryRun === "server" ? " (server dry run)" : ""}\n`,
      );
    for (const pod of list.pods) evict(ctx, pod, dryRun === "server");
    for (const pod of list.pods) ctx.out(`pod/${pod.metadata.name} evicted\n`);
  }
  ctx.out(
    `node/${name} drained${dryRun === "client" ? " (dry run)" : dryRun === "server" ? " (server dry run)" : ""}\n`,
  );
  return undefined;
}

/** The Eviction API: DisruptionTarget (EvictionByEvictionAPI), then a delete with the requested grace period. */
function evict(ctx: VerbContext, pod: KubeObject, dryRun: boolean): void {
  const api = ctx.cluster.api;
  const grace = num(ctx.flags, "grace-period");
  const gracePeriodSeconds = grace >= 0 ? grace : undefined;
  if (dryRun) return;
  if (!bool(ctx.flags, "disable-eviction") && !pod.metadata.deletionTimestamp) {
    const condition = {
      type: "DisruptionTarget",
      status: "True",
      reason: "EvictionByEvictionAPI",
      message: "Eviction API: evicting",
    };
    const status = withPodCondition(pod.status, condition, api.clock.now());
    if (status) api.updateStatus({ ...pod, status });
  }
  api.delete("Pod", pod.metadata.namespace ?? "", pod.metadata.name ?? "", { gracePeriodSeconds });
}
