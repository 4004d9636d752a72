/**
 * `kubectl rollout status|history|undo|pause|resume|restart` for Deployments.
 * `rollout status` keeps running (a KubectlStream) until the rollout is done, as kubectl waits.
 */
import { typeOfKind } from "../../api/registry";
import type { KubeObject } from "../../api/types";
import { clone } from "../../api/types";
import { getCondition } from "../../controllers/deployment/conditions";
import { revisionOf } from "../../controllers/deployment/deploymentUtil";
import { formatTimestamp } from "../../util/clock";
import { formatError } from "../errorText";
import { num, str } from "../flagAccess";
import { objectPrintFlags, printResult } from "../print";
import type { FlagSpec } from "../cli/flags";
import { KubectlError, type Verb, type VerbContext } from "../verb";
import { DIRECTORY_FLAGS, DRY_RUN_FLAG, fieldManagerFlag, FILENAME_FLAG, PRINT_FLAGS } from "./commonFlags";
import { resolveTargets } from "./resourceTargets";
import { replicaSetsByRevision, rollbackDeployment, viewHistory } from "./rolloutHistory";
import { dryRunOf, printOutcome } from "./writeOutcome";

const RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";
const SELECTOR: FlagSpec = {
  name: "selector",
  shorthand: "l",
  type: "string",
  usage:
    "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.",
};
const FILENAME: FlagSpec = {
  ...FILENAME_FLAG,
  usage: "Filename, directory, or URL to files identifying the resource to get from a server.",
};

/** Runs `each` on every target with kubectl's error aggregation; `each` returns the outcome line. */
function forEachTarget(ctx: VerbContext, each: (obj: KubeObject) => string): number {
  if (ctx.args.length === 0 && (ctx.flags.filename as string[]).length === 0)
    throw new KubectlError("error: required resource not specified");
  const { objects, errors } = resolveTargets(ctx, ctx.args);
  for (const obj of objects) {
    try {
      ctx.out(each(obj));
    } catch (error) {
      errors.push(error as Error);
    }
  }
  for (const error of errors) ctx.err(formatError(error));
  return errors.length > 0 ? 1 : 0;
}

/** `deployments.apps "web"`, as kubectl names an object in patch errors. */
function resourceString(obj: KubeObject): string {
  const type = typeOfKind(obj.kind);
  return `${type?.plural ?? obj.kind}${type?.group ? `.${type.group}` : ""} "${obj.metadata.name}"`;
}

/** GroupKind.String(): `Deployment.apps`, `Pod`. */
function groupKind(obj: KubeObject): string {
  const group = typeOfKind(obj.kind)?.group;
  return group ? `${obj.kind}.${group}` : obj.kind;
}

/** DeploymentStatusViewer.Status: the one-line state of the latest rollout. */
export function deploymentStatus(d: KubeObject, revision: number): string {
  const name = d.metadata.name;
  if (revision > 0) {
    const current = revisionOf(d) ?? 0;
    if (revision !== current)
      throw new KubectlError(
        `error: desired revision (${revision}) is different from the running revision (${current})`,
      );
  }
  const status = d.status ?? {};
  if ((d.metadata.generation ?? 0) > (status.observedGeneration ?? 0))
    return "Waiting for deployment spec update to be observed...\n";
  if (getCondition(status, "Progressing")?.reason === "ProgressDeadlineExceeded") {
    throw new KubectlError(`error: deployment "${name}" exceeded its progress deadline`);
  }
  const replicas = d.spec?.replicas ?? 1;
  const updated = status.updatedReplicas ?? 0;
  const total = status.replicas ?? 0;
  const available = status.availableReplicas ?? 0;
  if (updated < replicas)
    return `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${replicas} new replicas have been updated...\n`;
  if (total > updated)
    return `Waiting for deployment "${name}" rollout to finish: ${total - updated} old replicas are pending termination...\n`;
  if (available < updated)
    return `Waiting for deployment "${name}" rollout to finish: ${available} of ${updated} updated replicas are available...\n`;
  return `deployment "${name}" successfully rolled out\n`;
}

const statusVerb: Verb = {
  name: "status",
  short: "Show the status of the rollout",
  usage: "kubectl rollout status (TYPE NAME | TYPE/NAME) [flags] [options]",
  flags: [
    ...DIRECTORY_FLAGS,
    FILENAME,
    {
      name: "revision",
      type: "int64",
      usage: "Pin to a specific revision for showing its status. Defaults to 0 (last revision).",
    },
    SELECTOR,
    {
      name: "timeout",
      type: "duration",
      usage:
        "The length of time to wait before ending watch, zero means never. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).",
    },
    {
      name: "watch",
      shorthand: "w",
      type: "bool",
      default: true,
      usage: "Watch the status of the rollout until it's done.",
    },
  ],
  run: runStatus,
};

/**
 * RolloutStatusOptions.Run: prints the status line now and, while the rollout is not done and
 * --watch holds, again on every change of the Deployment until it is done, fails, is deleted
 * or --timeout passes.
 */
function runStatus(ctx: VerbContext): number {
  if (ctx.args.length === 0 && (ctx.flags.filename as string[]).length === 0)
    throw new KubectlError("error: required resource not specified");
  const revision = num(ctx.flags, "revision");
  if (revision < 0) throw new KubectlError(`error: revision must be a positive integer: ${revision}`);
  const { objects, errors } = resolveTargets(ctx, ctx.args);
  if (errors.length > 0) throw errors[0];
  if (objects.length !== 1)
    throw new KubectlError(
      `error: rollout status is only supported on individual resources and resource collections - ${objects.length} resources were found`,
    );
  const target = objects[0];
  if (target.kind !== "Deployment")
    throw new KubectlError(`error: no status viewer has been implemented for ${groupKind(target)}`);
  const status = deploymentStatus(target, revision);
  ctx.out(status);
  if (isDone(status) || ctx.flags.watch === false) return 0;
  const timeoutMs = num(ctx.flags, "timeout") * 1000;
  const cluster = ctx.cluster;
  const deadline = timeoutMs > 0 ? cluster.now() + timeoutMs : Number.POSITIVE_INFINITY;
  const namespace = target.metadata.namespace ?? "";
  const name = target.metadata.name;
  ctx.follow((io) => {
    const unsubscribe = cluster.watch(cluster.resourceVersion(), (event) => {
      const d = event.object;
      if (d.kind !== "Deployment" || d.metadata.name !== name || d.metadata.namespace !== namespace) return;
      if (event.type === "DELETED") {
        io.err("error: object has been deleted\n");
        return io.exit(1);
      }
      try {
        const line = deploymentStatus(d, revision);
        io.out(line);
        if (isDone(line)) io.exit(0);
      } catch (error) {
        io.err(formatError(error));
        io.exit(1);
      }
    });
    return {
      poll: () => {
        if (cluster.now() < deadline) return;
        io.err("error: timed out waiting for the condition\n");
        io.exit(1);
      },
      release: unsubscribe,
    };
  });
  return 0;
}

function isDone(status: string): boolean {
  return status.endsWith("successfully rolled out\n");
}

const historyVerb: Verb = {
  name: "history",
  short: "View rollout history",
  usage: "kubectl rollout history (TYPE NAME | TYPE/NAME) [flags] [options]",
  flags: [
    ...DIRECTORY_FLAGS,
    FILENAME,
    ...PRINT_FLAGS,
    {
      name: "revision",
      type: "int64",
      usage: "See the details, including podTemplate of the revision specified",
    },
    SELECTOR,
  ],
  run: (ctx) => {
    const revision = num(ctx.flags, "revision");
    if (revision < 0) throw new KubectlError(`error: revision must be a positive integer: ${revision}`);
    if (str(ctx.flags, "output")) return printRevisions(ctx, revision);
    return forEachTarget(ctx, (obj) => {
      if (obj.kind !== "Deployment")
        throw new KubectlError(`error: no history viewer has been implemented for "${groupKind(obj)}"`);
      const info = viewHistory(ctx.cluster, obj, revision);
      // The table is the outcome text of the Deployment's printer (so --template alone prints the Deployment).
      return printOutcome(obj, `${revision > 0 ? `with revision #${revision}` : ""}\n${info}`, "none", ctx);
    });
  },
};

/**
 * `rollout history -o …`: each revision's ReplicaSet (or the one --revision names), oldest
 * first, through one printer, so YAML documents are separated by `---` (RolloutHistoryOptions.Run).
 */
function printRevisions(ctx: VerbContext, revision: number): number {
  let printed = 0;
  return forEachTarget(ctx, (obj) => {
    const { output, allowMissingKeys } = objectPrintFlags(ctx);
    if (obj.kind !== "Deployment")
      throw new KubectlError(`error: no history viewer has been implemented for "${groupKind(obj)}"`);
    const byRevision = replicaSetsByRevision(ctx.cluster, obj);
    const revisions = revision > 0 ? [revision] : [...byRevision.keys()].sort((a, b) => a - b);
    let text = "";
    for (const r of revisions) {
      const rs = byRevision.get(r);
      if (!rs) throw new KubectlError("error: unable to find the specified revision");
      if (printed++ > 0 && output === "yaml") text += "---\n";
      text += printResult(ctx.cluster, [rs], { output, allowMissingKeys, single: true });
    }
    return text;
  });
}

const undoVerb: Verb = {
  name: "undo",
  short: "Undo a previous rollout",
  usage: "kubectl rollout undo (TYPE NAME | TYPE/NAME) [flags] [options]",
  flags: [
    ...DIRECTORY_FLAGS,
    DRY_RUN_FLAG,
    FILENAME,
    ...PRINT_FLAGS,
    SELECTOR,
    {
      name: "to-revision",
      type: "int64",
      usage: "The revision to rollback to. Default to 0 (last revision).",
    },
  ],
  run: (ctx) => {
    const dryRun = dryRunOf(ctx);
    return forEachTarget(ctx, (obj) => {
      if (obj.kind !== "Deployment")
        throw new KubectlError(`error: no rollbacker has been implemented for "${groupKind(obj)}"`);
      const words = rollbackDeployment(ctx.cluster, obj, num(ctx.flags, "to-revision"), dryRun === "client");
      // kubectl prints the object as it read it, before the rollback (UndoOptions.RunUndo).
      return printOutcome(obj, words, "none", ctx);
    });
  },
};

/** pause/resume/restart: a patch of one Deployment field. */
function patchVerb(
  name: string,
  short: string,
  usage: string,
  patch: (d: KubeObject, ctx: VerbContext) => string,
): Verb {
  return {
    name,
    short,
    usage,
    flags: [...DIRECTORY_FLAGS, fieldManagerFlag("kubectl-rollout"), FILENAME, ...PRINT_FLAGS, SELECTOR],
    run: (ctx) =>
      forEachTarget(ctx, (obj) => {
        if (obj.kind !== "Deployment")
          throw new KubectlError(
            `error: ${resourceString(obj)} ${name === "pause" ? "pausing" : name === "resume" ? "resuming" : "restarting"} is not supported`,
          );
        const words = patch(obj, ctx);
        // kubectl prints the object as the patch left it.
        const now = ctx.cluster.store.get(obj.kind, obj.metadata.namespace ?? "", obj.metadata.name ?? "");
        return printOutcome(now ?? obj, words, "none", ctx);
      }),
  };
}

function setPaused(d: KubeObject, paused: boolean, ctx: VerbContext): string {
  if (Boolean(d.spec?.paused) === paused)
    throw new KubectlError(`error: ${resourceString(d)} ${paused ? "is already paused" : "is not paused"}`);
  const updated = clone(d);
  updated.spec.paused = paused;
  if (!paused) delete updated.spec.paused;
  ctx.cluster.api.update(updated);
  return paused ? "paused" : "resumed";
}

function restart(d: KubeObject, ctx: VerbContext): string {
  if (d.spec?.paused)
    throw new KubectlError(
      `error: ${resourceString(d)} can't restart paused deployment (run rollout resume first)`,
    );
  const updated = clone(d);
  const template = (updated.spec.template ??= {});
  template.metadata = {
    ...template.metadata,
    annotations: { ...template.metadata?.annotations, [RESTARTED_AT]: formatTimestamp(ctx.cluster.now()) },
  };
  ctx.cluster.api.update(updated);
  return "restarted";
}

const SUBCOMMANDS: Verb[] = [
  historyVerb,
  patchVerb(
    "pause",
    "Mark the provided resource as paused",
    "kubectl rollout pause RESOURCE [options]",
    (d, ctx) => setPaused(d, true, ctx),
  ),
  patchVerb("restart", "Restart a resource", "kubectl rollout restart RESOURCE [options]", restart),
  patchVerb("resume", "Resume a paused resource", "kubectl rollout resume RESOURCE [options]", (d, ctx) =>
    setPaused(d, false, ctx),
  ),
  statusVerb,
  undoVerb,
];

/** `kubectl rollout`: the parent; alone it prints its help. */
export const rolloutVerb: Verb = {
  name: "rollout",
  short: "Manage the rollout of a resource",
  usage: "kubectl rollout SUBCOMMAND [options]",
  flags: [],
  subcommands: SUBCOMMANDS,
  group: true,
  run: (ctx) => {
    const commands = SUBCOMMANDS.map((v) => `  ${v.name.padEnd(13)} ${v.short}\n`).join("");
    ctx.out(
      `Manage the rollout of one or many resources.\n\nAvailable Commands:\n${commands}\nUsage:\n  kubectl rollout SUBCOMMAND [options]\n`,
    );
    return 0;
  },
};
