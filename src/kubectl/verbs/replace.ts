import { qualifiedSingular, typeForKind } from "../../api/registry";
import type { KubeObject } from "../../api/types";
import { withLastApplied } from "../applyPatch";
import { formatError } from "../errorText";
import { bool, list, num, str } from "../flagAccess";
import { objectPrintFlags, printResult } from "../print";
import { KubectlError, type Verb, type VerbContext } from "../verb";
import {
  DIRECTORY_FLAGS,
  DRY_RUN_FLAG,
  FILENAME_FLAG,
  PRINT_FLAGS,
  VALIDATE_FLAG,
  fieldManagerFlag,
} from "./commonFlags";
import { addSourceToError } from "./create";
import { type FileDocument, readFileDocuments } from "./fileObjects";
import { type DryRun, dryRunOf, decodingOf, namespaceFor, outcomeLine, printsObject } from "./writeOutcome";

/** `kubectl replace -f FILE`: PUT the whole object (or, with --force, delete and re-create it). */
export const replaceVerb: Verb = {
  name: "replace",
  short: "Replace a resource by file name or stdin",
  usage: "kubectl replace -f FILENAME [options]",
  flags: [
    ...DIRECTORY_FLAGS,
    {
      name: "cascade",
      type: "string",
      default: "background",
      noOptDefVal: "background",
      usage:
        'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.',
    },
    DRY_RUN_FLAG,
    fieldManagerFlag("kubectl-replace"),
    { ...FILENAME_FLAG, usage: "The files that contain the configurations to replace." },
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
    ...PRINT_FLAGS,
    {
      name: "save-config",
      type: "bool",
      usage:
        "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.",
    },
    {
      name: "subresource",
      type: "string",
      usage:
        "If specified, replace will operate on the subresource of the requested object. Must be one of [status scale]. This flag is beta and may change in the future.",
    },
    VALIDATE_FLAG,
  ],
  run: runReplace,
};

function runReplace(ctx: VerbContext): number {
  const { output, allowMissingKeys } = objectPrintFlags(ctx);
  const dryRun = dryRunOf(ctx);
  const force = bool(ctx.flags, "force");
  if (num(ctx.flags, "grace-period") >= 0 && !force)
    throw new KubectlError("error: --grace-period must have --force specified");
  if (force && dryRun !== "none")
    throw new KubectlError("error: --dry-run can not be used when --force is set");
  const filenames = list(ctx.flags, "filename");
  if (filenames.length === 0) throw new KubectlError("error: must specify --filename to replace");
  const docs = readFileDocuments(ctx, filenames);
  if (docs.length === 0) throw new KubectlError("error: no objects passed to replace");
  let failed = false;
  for (const doc of docs) {
    try {
      const result = force ? forceReplace(ctx, doc) : replaceDocument(ctx, doc, dryRun);
      if (printsObject(ctx))
        ctx.out(printResult(ctx.cluster, [result.object], { output, allowMissingKeys, single: true }));
      else ctx.out(result.line);
    } catch (error) {
      failed = true;
      ctx.err(formatError(error));
    }
  }
  return failed ? 1 : 0;
}

function objectOf(
  ctx: VerbContext,
  doc: FileDocument,
): { obj: KubeObject; type: NonNullable<ReturnType<typeof typeForKind>> } {
  if (!doc.object) throw new KubectlError(doc.error ?? "error: invalid document");
  let obj = doc.object;
  const type = typeForKind(obj.apiVersion, obj.kind);
  if (!type) {
    throw new KubectlError(
      `error: resource mapping not found for name: "${obj.metadata.name ?? ""}" namespace: "${obj.metadata.namespace ?? ""}" from "${doc.source}": no matches for kind "${obj.kind}" in version "${obj.apiVersion}"\nensure CRDs are installed first`,
    );
  }
  if (type.namespaced) obj.metadata.namespace = namespaceFor(obj, type, ctx);
  if (bool(ctx.flags, "save-config")) obj = withLastApplied(obj);
  return { obj, type };
}

function replaceDocument(
  ctx: VerbContext,
  doc: FileDocument,
  dryRun: DryRun,
): { object: KubeObject; line: string } {
  const { obj, type } = objectOf(ctx, doc);
  const name = obj.metadata.name ?? "";
  if (dryRun === "client") return { object: obj, line: outcomeLine(type, name, "replaced", dryRun, ctx) };
  try {
    // helper.Replace with overwrite: a manifest without resourceVersion replaces whatever is live.
    if (!obj.metadata.resourceVersion) {
      obj.metadata.resourceVersion = ctx.cluster.api.get(
        obj.kind,
        obj.metadata.namespace ?? "",
        name,
      ).metadata.resourceVersion;
    }
    const options = { dryRun: dryRun === "server", ...decodingOf(ctx) };
    const replaced =
      str(ctx.flags, "subresource") === "status"
        ? ctx.cluster.api.updateStatus(obj, options)
        : ctx.cluster.api.update(obj, options);
    return { object: replaced, line: outcomeLine(type, name, "replaced", dryRun, ctx) };
  } catch (error) {
    throw addSourceToError(error, "replacing", doc.source);
  }
}

/**
 * --force: delete, then create from the file. kubectl polls until the object is gone; the
 * simulated delete skips the grace period so that the object is gone at once.
 */
function forceReplace(ctx: VerbContext, doc: FileDocument): { object: KubeObject; line: string } {
  const { obj, type } = objectOf(ctx, doc);
  const name = obj.metadata.name ?? "";
  const namespace = obj.metadata.namespace ?? "";
  if (ctx.cluster.store.get(obj.kind, namespace, name)) {
    ctx.cluster.api.delete(obj.kind, namespace, name, {
      propagationPolicy: "Background",
      gracePeriodSeconds: 0,
    });
    ctx.out(`${qualifiedSingular(type)} "${name}" deleted\n`);
  }
  delete obj.metadata.resourceVersion;
  const created = ctx.cluster.api.create(obj, decodingOf(ctx));
  return { object: created, line: outcomeLine(type, name, "replaced", "none", ctx) };
}
