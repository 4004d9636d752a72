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
 * `kubectl drain NODE`: cordon, then, node by node, evict every pod the filters allow and wait
 * until they are gone (polled each second, as kubectl's waitForDelete does), printing
 * `pod/x evicted` for each and `node/x drained` at the end; --timeout gives up on a node.
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
  const drains = new NodeDrains(ctx, nodes, dryRun);
  if (drains.advance(ctx.out, ctx.err)) return drains.finish(ctx.err);
  ctx.follow((io) => ({
    poll: () => {
      if (drains.advance(io.out, io.err)) io.exit(drains.finish(io.err));
    },
  }));
  return 0;
}

/** The node being drained: the pods evicted from it that are not gone yet. */
interface NodeEvictions {
  node: string;
  /** Through the Eviction API (`pod/x evicted`), or deleted with --disable-eviction (`pod/x deleted`). */
  usingEviction: boolean;
  pending: KubeObject[];
  deadline: number;
  nextPoll: number;
}

/** kubectl's `evictPods` polls every second whether the evicted pods are gone. */
const POLL_MS = 1000;

/** RunDrain's loop over the nodes, one at a time; `advance` goes as far as the cluster allows. */
class NodeDrains {
  private index = 0;
  private current: NodeEvictions | undefined;
  private readonly fatal: string[] = [];
  private readonly remaining: string[] = [];
  private readonly options: DrainOptions;
  /** --timeout: 0 waits as long as it takes. */
  private readonly timeoutMs: number;

  constructor(
    private readonly ctx: VerbContext,
    private readonly nodes: KubeObject[],
    private readonly dryRun: DryRun,
  ) {
    this.options = {
      force: bool(ctx.flags, "force"),
      ignoreDaemonsets: bool(ctx.flags, "ignore-daemonsets"),
      deleteEmptyDirData: bool(ctx.flags, "delete-emptydir-data"),
    };
    this.timeoutMs = num(ctx.flags, "timeout") * 1000;
  }

  /** Drains what it can now; true once every node is drained or has failed. */
  advance(out: (text: string) => void, err: (text: string) => void): boolean {
    const now = this.ctx.cluster.now();
    while (this.index < this.nodes.length) {
      if (!this.current) {
        const node = this.nodes[this.index];
        const started = this.start(node, out, err);
        if (typeof started === "string") this.fail(node.metadata.name ?? "", started, err);
        if (!started || typeof started === "string") {
          this.index++;
          continue;
        }
        this.current = started;
      }
      const current = this.current;
      if (now < current.nextPoll) return false;
      current.nextPoll = now + POLL_MS;
      current.pending = current.pending.filter((pod) => {
        const gone = !this.stillThere(pod);
        if (gone) out(`pod/${pod.metadata.name} ${current.usingEviction ? "evicted" : "deleted"}\n`);
        return !gone;
      });
      if (current.pending.length > 0 && now < current.deadline) return false;
      if (current.pending.length === 0) out(`node/${current.node} drained\n`);
      else this.timedOut(current, err);
      this.current = undefined;
      this.index++;
    }
    return true;
  }

  /** The exit code, after kubectl's summary of the nodes it could not drain. */
  finish(err: (text: string) => void): number {
    if (this.remaining.length === 0) return 0;
    err(`There are pending nodes to be drained:\n${this.remaining.map((n) => ` ${n}\n`).join("")}`);
    // cmdutil.CheckErr prints an aggregate's errors one per line, without the "error: " prefix.
    err(this.fatal.map((f) => `${f}\n`).join(""));
    return 1;
  }

  /**
   * deleteOrEvictPodsSimple's start: the pods to evict (an error text when the filters refuse
   * some), evicted now; undefined when there is nothing to wait for (none, or a dry run).
   */
  private start(
    node: KubeObject,
    out: (text: string) => void,
    err: (text: string) => void,
  ): NodeEvictions | string | undefined {
    const name = node.metadata.name ?? "";
    const list = podsForDeletion(this.podsOn(name), this.options);
    if (list.errors.length > 0) return aggregate(list.errors);
    if (list.warnings) err(`Warning: ${list.warnings}\n`);
    const suffix =
      this.dryRun === "client" ? " (dry run)" : this.dryRun === "server" ? " (server dry run)" : "";
    const usingEviction = !bool(this.ctx.flags, "disable-eviction");
    // Deleting instead (--disable-eviction) prints nothing until the pods are gone.
    if (usingEviction || this.dryRun === "client")
      for (const pod of list.pods)
        out(`evicting pod ${pod.metadata.namespace}/${pod.metadata.name}${suffix}\n`);
    if (this.dryRun !== "none" || list.pods.length === 0) {
      // A dry run waits for nothing: no pod is evicted, and none is reported evicted.
      out(`node/${name} drained${suffix}\n`);
      return undefined;
    }
    for (const pod of list.pods) evict(this.ctx, pod);
    const now = this.ctx.cluster.now();
    return {
      node: name,
      usingEviction,
      pending: list.pods,
      deadline: this.timeoutMs > 0 ? now + this.timeoutMs : Number.POSITIVE_INFINITY,
      nextPoll: now,
    };
  }

  /**
   * --timeout ran out: evictPods' error for each pod still there (deletePods' is the bare
   * context error), and deleteOrEvictPodsSimple's list of the pods still pending on the node.
   */
  private timedOut(current: NodeEvictions, err: (text: string) => void): void {
    const deadline = "context deadline exceeded";
    const failure = current.usingEviction
      ? aggregate(
          current.pending.map(
            (pod) =>
              `error when waiting for pod "${pod.metadata.name}" in namespace "${pod.metadata.namespace}" to terminate: ${deadline}`,
          ),
        )
      : deadline;
    const still = podsForDeletion(this.podsOn(current.node), this.options).pods;
    err(`There are pending pods in node "${current.node}" when an error occurred: ${failure}\n`);
    for (const pod of still) err(`pod/${pod.metadata.name}\n`);
    this.fail(current.node, failure, err);
  }

  private podsOn(node: string): KubeObject[] {
    return this.ctx.cluster.store.list("Pod").filter((p) => p.spec?.nodeName === node);
  }

  private fail(node: string, failure: string, err: (text: string) => void): void {
    err(`error: unable to drain node "${node}" due to error: ${failure}, continuing command...\n`);
    this.fatal.push(failure);
    this.remaining.push(node);
  }

  private stillThere(pod: KubeObject): boolean {
    const current = this.ctx.cluster.store.get("Pod", pod.metadata.namespace ?? "", pod.metadata.name ?? "");
    return current !== undefined && current.metadata.uid === pod.metadata.uid;
  }
}

/** utilerrors.NewAggregate's text: one error as itself, several in brackets. */
function aggregate(errors: string[]): string {
  return errors.length === 1 ? errors[0] : `[${errors.join(", ")}]`;
}

/** The Eviction API: DisruptionTarget (EvictionByEvictionAPI), then a delete with the requested grace period. */
function evict(ctx: VerbContext, pod: KubeObject): void {
  const api = ctx.cluster.api;
  const grace = num(ctx.flags, "grace-period");
  const gracePeriodSeconds = grace >= 0 ? grace : undefined;
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
