/**
 * `kubectl wait --for=condition=Ready|delete|jsonpath='{...}'=value`: waits, object by object
 * in order, until each meets the condition, printing `pod/web condition met` (or `deleted`);
 * gives up after --timeout (30 s by default; 0 checks once, negative waits a week).
 */
import { typeOfKind } from "../../api/registry";
import type { KubeObject } from "../../api/types";
import { num, str } from "../flagAccess";
import { objectPrintFlags } from "../print";
import { findJsonPathResults, jsonPathValueText, parseKubectlJsonPath } from "../output/jsonpath";
import { KubectlError, type Verb, type VerbContext } from "../verb";
import {
  ALL_NAMESPACES_FLAG,
  FIELD_SELECTOR_FLAG,
  FILENAME_FLAG,
  PRINT_FLAGS,
  RECURSIVE_FLAG,
  SELECTOR_FLAG,
} from "./commonFlags";
import { resolveTargets } from "./resourceTargets";
import { printOutcome } from "./writeOutcome";

/** kubectl's stand-in for waiting forever. */
export const WEEK_SECONDS = 7 * 24 * 3600;

type Condition =
  | { kind: "delete" }
  | { kind: "condition"; name: string; value: string }
  | { kind: "jsonpath"; path: string; value?: string };

export const waitVerb: Verb = {
  name: "wait",
  short: "Experimental: Wait for a specific condition on one or many resources",
  usage:
    "kubectl wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|--for=delete|--for condition=available|--for=jsonpath='{}'[=value]] [options]",
  flags: [
    {
      name: "all",
      type: "bool",
      usage: "Select all resources in the namespace of the specified resource types",
    },
    ALL_NAMESPACES_FLAG,
    FIELD_SELECTOR_FLAG,
    { ...FILENAME_FLAG, usage: "identifying the resource." },
    // wait's -R is on by default, and it has no -k.
    { ...RECURSIVE_FLAG, default: true },
    {
      name: "for",
      type: "string",
      usage:
        "The condition to wait on: [create|delete|condition=condition-name[=condition-value]|jsonpath='{JSONPath expression}'=[JSONPath value]]. The default condition-value is true. Condition values are compared after Unicode simple case folding, which is a more general form of case-insensitivity.",
    },
    ...PRINT_FLAGS,
    SELECTOR_FLAG,
    {
      name: "timeout",
      type: "duration",
      default: 30,
      usage:
        "The length of time to wait before giving up. Zero means check once and don't wait, negative means wait for a week.",
    },
  ],
  run: runWait,
};

function runWait(ctx: VerbContext): number {
  const condition = parseFor(str(ctx.flags, "for"));
  objectPrintFlags(ctx);
  const { objects, errors } = resolveTargets(ctx, ctx.args);
  if (errors.length > 0 && condition.kind !== "delete") throw errors[0];
  if (objects.length === 0 && errors.length === 0)
    throw new KubectlError("error: no matching resources found");
  const timeout = num(ctx.flags, "timeout");
  const words = condition.kind === "delete" ? "deleted" : "condition met";
  return waitForEach(ctx, objects, {
    met: (current) => (condition.kind === "delete" ? !current : !!current && meets(current, condition)),
    // The object as last seen, in the -o format (the name printer's `pod/web condition met` without -o).
    written: (last) => printOutcome(last, words, "none", ctx),
    // WaitOptions: a negative timeout waits for a week.
    timeoutSeconds: timeout < 0 ? WEEK_SECONDS : timeout,
  });
}

/** What waitForEach waits for, and says, about each object. */
export interface WaitFor {
  /** Whether the object meets the condition; `current` is undefined once it is gone (or replaced). */
  met: (current: KubeObject | undefined) => boolean;
  /** What to print when an object meets it, given it as last seen (none for `delete --wait`, whose printer discards). */
  written?: (last: KubeObject) => string;
  /** 0 checks once; negative has already run out; else seconds of simulated time. */
  timeoutSeconds: number;
}

/**
 * kubectl's WaitOptions.RunWait, shared by `kubectl wait` and `kubectl delete --wait`: the
 * objects one after another, in order, each until it meets the condition, with its errors:
 * `condition not met for pods/web` when checking once, `timed out waiting for the condition on
 * pods/web` when the time is up. Returns the exit code, or keeps running as a stream.
 */
export function waitForEach(ctx: VerbContext, objects: readonly KubeObject[], wait: WaitFor): number {
  const cluster = ctx.cluster;
  const deadline = cluster.now() + wait.timeoutSeconds * 1000;
  const pending = [...objects];
  /** Prints what is met, in order; true when every object is. */
  const advance = (write: (text: string) => void): boolean => {
    while (pending.length > 0) {
      const target = pending[0];
      const current = cluster.store.get(
        target.kind,
        target.metadata.namespace ?? "",
        target.metadata.name ?? "",
      );
      const same = current && current.metadata.uid === target.metadata.uid ? current : undefined;
      if (!wait.met(same)) return false;
      if (wait.written) write(wait.written(same ?? target));
      pending.shift();
    }
    return true;
  };
  /** ResourceInfo.ObjectName: the resource's plural and the name. */
  const objectName = () => {
    const target = pending[0];
    return `${typeOfKind(target.kind)?.plural ?? target.kind}/${target.metadata.name}`;
  };
  const timedOut = () => `error: timed out waiting for the condition on ${objectName()}\n`;
  if (advance(ctx.out)) return 0;
  if (wait.timeoutSeconds <= 0) {
    ctx.err(wait.timeoutSeconds === 0 ? `error: condition not met for ${objectName()}\n` : timedOut());
    return 1;
  }
  ctx.follow((io) => {
    const check = () => {
      if (advance(io.out)) return io.exit(0);
      if (cluster.now() >= deadline) {
        io.err(timedOut());
        io.exit(1);
      }
    };
    // Only a write of the kind waited on can meet the condition; `poll` sees the deadline.
    const stop = cluster.watch(cluster.resourceVersion(), (event) => {
      if (pending.length > 0 && event.object.kind === pending[0].kind) check();
    });
    return { poll: check, release: stop };
  });
  return 0;
}

/** The --for flag, as kubectl's conditionFuncFor reads it. */
function parseFor(text: string): Condition {
  const lower = text.toLowerCase();
  if (lower === "delete") return { kind: "delete" };
  if (lower.startsWith("condition=")) {
    const [name, value = "true"] = text.slice("condition=".length).split("=");
    return { kind: "condition", name, value };
  }
  if (lower.startsWith("jsonpath=")) {
    const spec = text.slice("jsonpath=".length);
    const close = spec.lastIndexOf("}");
    const path = spec.slice(0, close + 1);
    const rest = spec.slice(close + 1);
    return { kind: "jsonpath", path, value: rest.startsWith("=") ? rest.slice(1) : undefined };
  }
  if (text === "") throw new KubectlError("error: --for must be set");
  throw new KubectlError(`error: unrecognized condition: "${text}"`);
}

function meets(obj: KubeObject, condition: Condition): boolean {
  if (condition.kind === "condition") {
    const fold = (s: unknown) => String(s ?? "").toLowerCase();
    return (obj.status?.conditions ?? []).some(
      (c: { type?: string; status?: string }) =>
        fold(c.type) === fold(condition.name) && fold(c.status) === fold(condition.value),
    );
  }
  if (condition.kind === "jsonpath") {
    const results = findJsonPathResults(parseKubectlJsonPath(condition.path), obj, true).flat();
    if (results.length === 0) return false;
    if (condition.value === undefined) return true;
    return results.some((v) => jsonPathValueText(v) === condition.value);
  }
  return false;
}
