import type { Cluster } from "../cluster";
import { formatTimestamp } from "../util/clock";
import { formatDuration, parseDuration } from "./duration";
import { simulateRequests } from "../services/simulateRequests";

/** What a command writes to; it returns its exit code. */
export interface KubeplayContext {
  cluster: Cluster;
  args: string[];
  out: (text: string) => void;
  err: (text: string) => void;
}

/** One `kubeplay` subcommand: the simulator's own controls, never a kubectl verb. */
export interface KubeplayCommand {
  name: string;
  usage: string;
  summary: string;
  run: (ctx: KubeplayContext) => number;
}

/** The longest single `kubeplay advance`, so one command cannot freeze the tab for minutes. */
export const MAX_ADVANCE_MS = 7 * 24 * 3_600_000;

function usageError(ctx: KubeplayContext, command: KubeplayCommand, why: string): number {
  ctx.err(`kubeplay ${command.name}: ${why}\nUsage: ${command.usage}\n`);
  return 1;
}

const node: KubeplayCommand = {
  name: "node",
  usage: "kubeplay node stop|start NAME",
  summary: "Stop a node (its kubelet goes silent, as if unplugged) or start it again",
  run(ctx) {
    const [action, name, ...rest] = ctx.args;
    if ((action !== "stop" && action !== "start") || !name || rest.length > 0) {
      return usageError(ctx, node, "expected stop or start and one node name");
    }
    if (!ctx.cluster.store.get("Node", "", name)) {
      ctx.err(`kubeplay node: node "${name}" not found\n`);
      return 1;
    }
    if (action === "stop") ctx.cluster.stopNode(name);
    else ctx.cluster.startNode(name);
    ctx.out(`node ${name} ${action === "stop" ? "stopped" : "started"}\n`);
    return 0;
  },
};

const advance: KubeplayCommand = {
  name: "advance",
  usage: "kubeplay advance DURATION   (e.g. 30s, 5m, 1h30m)",
  summary: "Move simulated time forward, running everything that falls due",
  run(ctx) {
    const [text, ...rest] = ctx.args;
    const ms = text === undefined ? undefined : parseDuration(text);
    if (ms === undefined || rest.length > 0) return usageError(ctx, advance, "expected one duration");
    if (ms > MAX_ADVANCE_MS)
      return usageError(ctx, advance, `at most ${formatDuration(MAX_ADVANCE_MS)} at a time`);
    ctx.cluster.advance(ms / 1000);
    ctx.out(`advanced ${formatDuration(ms)}: the time is now ${formatTimestamp(ctx.cluster.now())}\n`);
    return 0;
  },
};

function parseCurlArgs(args: string[]): { target?: string; namespace: string; count: number } | string {
  let target: string | undefined;
  let namespace = "default";
  let count = 1;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = (): string | undefined => (arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : args[++i]);
    if (arg === "--count" || arg.startsWith("--count=")) {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1 || n > 1000) return "--count must be a whole number from 1 to 1000";
      count = n;
    } else if (arg === "-n" || arg === "--namespace" || arg.startsWith("--namespace=")) {
      const ns = value();
      if (!ns) return "--namespace needs a value";
      namespace = ns;
    } else if (arg.startsWith("-")) return `unknown flag ${arg}`;
    else if (target) return "expected one target";
    else target = arg;
  }
  return { target, namespace, count };
}

const curl: KubeplayCommand = {
  name: "curl",
  usage: "kubeplay curl svc/NAME [--count N] [-n NAMESPACE]",
  summary: "Send simulated requests to a Service and show which pods answer",
  run(ctx) {
    const parsed = parseCurlArgs(ctx.args);
    if (typeof parsed === "string") return usageError(ctx, curl, parsed);
    const match = /^(?:svc|service|services)\/([^/]+)$/.exec(parsed.target ?? "");
    if (!match) return usageError(ctx, curl, "expected a target of the form svc/NAME");
    const result = simulateRequests(ctx.cluster, match[1], parsed.namespace, parsed.count);
    (result.ok ? ctx.out : ctx.err)(result.text);
    return result.ok ? 0 : 1;
  },
};

const seed: KubeplayCommand = {
  name: "seed",
  usage: "kubeplay seed",
  summary: "Show the seed and options of this cluster (same seed, same inputs: same cluster)",
  run(ctx) {
    if (ctx.args.length > 0) return usageError(ctx, seed, "takes no arguments");
    const { seed: value, nodes, start } = ctx.cluster.options;
    ctx.out(`seed ${value}, ${nodes} nodes, started ${start}\n`);
    return 0;
  },
};

const help: KubeplayCommand = {
  name: "help",
  usage: "kubeplay help",
  summary: "List the simulator's own commands",
  run(ctx) {
    ctx.out(helpText());
    return 0;
  },
};

/** Every kubeplay subcommand, in the order help lists them. */
export const KUBEPLAY_COMMANDS: readonly KubeplayCommand[] = [help, node, advance, curl, seed];

/** The text of `kubeplay help`. */
export function helpText(): string {
  const width = Math.max(...KUBEPLAY_COMMANDS.map((c) => c.usage.length));
  const rows = KUBEPLAY_COMMANDS.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}\n`);
  return (
    "kubeplay controls the simulator itself; it is not part of Kubernetes.\n" +
    "Use kubectl to talk to the cluster.\n\nCommands:\n" +
    rows.join("")
  );
}
