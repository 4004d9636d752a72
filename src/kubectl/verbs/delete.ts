import { qualifiedSingular, typeOfKind } from "../../api/registry";
import type { DeleteOptions } from "../../api/server";
import type { KubeObject } from "../../api/types";
import { formatError } from "../errorText";
import { bool, list, num, str } from "../flagAccess";
import { listObjects, queryObjects } from "../query";
import { resolveResourceArgs } from "../resources";
import { KubectlError, type Verb, type VerbContext } from "../verb";
import {
  ALL_FLAG,
  ALL_NAMESPACES_FLAG,
  DIRECTORY_FLAGS,
  DRY_RUN_FLAG,
  FIELD_SELECTOR_FLAG,
  FILENAME_FLAG,
  OUTPUT_FLAG,
  SELECTOR_FLAG,
} from "./commonFlags";
import { objectsFromFiles } from "./fileObjects";
import { WEEK_SECONDS, waitForEach } from "./wait";
import { dryRunOf, dryRunSuffix } from "./writeOutcome";

/** `kubectl delete`: by name, -f, -l or --all, with --cascade and --grace-period; waits until the objects are gone (--wait). */
export const deleteVerb: Verb = {
  name: "delete",
  short: "Delete resources by file names, stdin, resources and names, or by resources and label selector",
  usage: "kubectl delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)]) [options]",
  flags: [
    ...DIRECTORY_FLAGS,
    ALL_FLAG,
    ALL_NAMESPACES_FLAG,
    {
      name: "cascade",
      type: "string",
      default: "background",
      noOptDefVal: "background",
      usage:
        'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.',
    },
    DRY_RUN_FLAG,
    FIELD_SELECTOR_FLAG,
    { ...FILENAME_FLAG, usage: "containing the resource to delete." },
    {
      name: "force",
      type: "bool",
      usage:
        "If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.",
    },
    {
      name: "grace-period",
      type: "int",
      default: -1,
      usage:
        "Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).",
    },
    {
      name: "ignore-not-found",
      type: "bool",
      usage: 'Treat "resource not found" as a successful delete. Defaults to "true" when --all is specified.',
    },
    {
      name: "now",
      type: "bool",
      usage: "If true, resources are signaled for immediate shutdown (same as --grace-period=1).",
    },
    OUTPUT_FLAG,
    SELECTOR_FLAG,
    {
      name: "timeout",
      type: "duration",
      default: 0,
      usage:
        "The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object",
    },
    {
      name: "wait",
      type: "bool",
      default: true,
      usage: "If true, wait for resources to be gone before returning. This waits for finalizers.",
    },
  ],
  run: runDelete,
};

function runDelete(ctx: VerbContext): number {
  const options = deleteOptions(ctx);
  // DeleteOptions.PrintObj: a zero grace period is a force deletion.
  const operation = options.gracePeriodSeconds === 0 ? "force deleted" : "deleted";
  const dryRun = dryRunOf(ctx);
  const { objects, errors } = targets(ctx);
  if (objects.length === 0 && errors.length === 0) {
    ctx.out(
      ctx.args.some((a) => resolveResourceArgs([a]).some((r) => r.type.namespaced))
        ? `No resources found\n`
        : "No resources found\n",
    );
    return 0;
  }
  const deleted: KubeObject[] = [];
  for (const obj of objects) {
    const type = typeOfKind(obj.kind);
    if (!type) continue;
    try {
      ctx.cluster.api.delete(obj.kind, obj.metadata.namespace ?? "", obj.metadata.name ?? "", {
        ...options,
        dryRun: dryRun !== "none",
      });
      deleted.push(obj);
      const ref = `${qualifiedSingular(type)}/${obj.metadata.name}`;
      ctx.out(
        str(ctx.flags, "output") === "name"
          ? `${ref}\n`
          : `${qualifiedSingular(type)} "${obj.metadata.name}" ${operation}${dryRunSuffix(dryRun)}\n`,
      );
    } catch (error) {
      errors.push(error as Error);
    }
  }
  const shown = bool(ctx.flags, "ignore-not-found")
    ? errors.filter((e) => !("reason" in e && e.reason === "NotFound"))
    : errors;
  for (const error of shown) ctx.err(formatError(error));
  if (shown.length > 0) return 1;
  if (!bool(ctx.flags, "wait") || dryRun !== "none" || deleted.length === 0) return 0;
  // DeleteResult: wait until every deleted object is gone (its finalizers and grace period
  // done), printing nothing more; a zero timeout waits for a week.
  const timeout = num(ctx.flags, "timeout");
  return waitForEach(ctx, deleted, {
    met: (current) => !current,
    timeoutSeconds: timeout === 0 ? WEEK_SECONDS : timeout,
  });
}

function targets(ctx: VerbContext): { objects: KubeObject[]; errors: Error[] } {
  const files = list(ctx.flags, "filename");
  if (files.length > 0) return objectsFromFiles(ctx, files);
  if (ctx.args.length === 0) {
    throw new KubectlError(
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
    );
  }
  const requests = resolveResourceArgs(ctx.args);
  const selector = str(ctx.flags, "selector");
  const fieldSelector = str(ctx.flags, "field-selector");
  const all = bool(ctx.flags, "all");
  const named = requests.some((r) => r.names);
  if (named && (selector || all))
    throw new KubectlError("error: name cannot be provided when a selector is specified");
  if (!named && !selector && !fieldSelector && !all)
    throw new KubectlError("error: resource(s) were provided, but no name was specified");
  const scope = {
    namespace: ctx.namespace,
    allNamespaces: bool(ctx.flags, "all-namespaces"),
    labelSelector: selector,
    fieldSelector,
  };
  if (named) return queryObjects(ctx.cluster, requests, scope);
  return { objects: requests.flatMap((r) => listObjects(ctx.cluster, r.type, scope)), errors: [] };
}

function deleteOptions(ctx: VerbContext): DeleteOptions {
  const cascade = str(ctx.flags, "cascade");
  const policies: Record<string, DeleteOptions["propagationPolicy"]> = {
    background: "Background",
    true: "Background",
    foreground: "Foreground",
    orphan: "Orphan",
    false: "Orphan",
  };
  const propagationPolicy = policies[cascade];
  if (!propagationPolicy) {
    throw new KubectlError(
      `error: invalid cascade value (${cascade}). Must be "background", "foreground", or "orphan"`,
    );
  }
  return { propagationPolicy, gracePeriodSeconds: gracePeriodOf(ctx) };
}

/**
 * The grace period kubectl sends (DeleteOptions.Complete and Validate): --now is 1 s; a bare
 * --grace-period=0 becomes 1 (kubectl's guard against accidental data loss); --force without a
 * grace period is 0, an immediate deletion, with kubectl's warning. Undefined: the object's own.
 */
function gracePeriodOf(ctx: VerbContext): number | undefined {
  const force = bool(ctx.flags, "force");
  let grace = num(ctx.flags, "grace-period");
  if (bool(ctx.flags, "now")) {
    if (grace !== -1) throw new KubectlError("error: --now and --grace-period cannot be specified together");
    grace = 1;
  }
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;
  if (force && grace > 0)
    throw new KubectlError("error: --force and --grace-period greater than 0 cannot be specified together");
  if (force && grace === 0) {
    ctx.err(
      "Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n",
    );
  }
  return grace >= 0 ? grace : undefined;
}
