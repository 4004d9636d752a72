import { StatusError } from "../../api/errors";
import { typeForKind, type ResourceType } from "../../api/registry";
import type { KubeObject } from "../../api/types";
import { applyThreeWay, withLastApplied } from "../applyPatch";
import { formatError } from "../errorText";
import { list } from "../flagAccess";
import { objectPrintFlags, printResult } from "../print";
import { KubectlError, type Verb, type VerbContext } from "../verb";
import { applyEditLastAppliedVerb } from "./applyEditLastApplied";
import { applySetLastAppliedVerb } from "./applySetLastApplied";
import { applyViewLastAppliedVerb } from "./applyViewLastApplied";
import {
  DIRECTORY_FLAGS,
  DRY_RUN_FLAG,
  fieldManagerFlag,
  FILENAME_FLAG,
  PRINT_FLAGS,
  VALIDATE_FLAG,
} from "./commonFlags";
import { type FileDocument, readFileDocuments } from "./fileObjects";
import { type DryRun, dryRunOf, decodingOf, namespaceFor, outcomeLine, printsObject } from "./writeOutcome";

/** `kubectl apply -f`: client-side apply with the last-applied-configuration three-way merge. */
export const applyVerb: Verb = {
  name: "apply",
  short: "Apply a configuration to a resource by file name or stdin",
  usage: "kubectl apply (-f FILENAME | -k DIRECTORY) [options]",
  flags: [
    fieldManagerFlag("kubectl-client-side-apply"),
    ...DIRECTORY_FLAGS,
    DRY_RUN_FLAG,
    { ...FILENAME_FLAG, usage: "The files that contain the configurations to apply." },
    ...PRINT_FLAGS,
    VALIDATE_FLAG,
  ],
  subcommands: [applyEditLastAppliedVerb, applySetLastAppliedVerb, applyViewLastAppliedVerb],
  run: runApply,
};

function runApply(ctx: VerbContext): number {
  const filenames = list(ctx.flags, "filename");
  if (filenames.length === 0) {
    throw new KubectlError(
      "error: must specify one of -f and -k\n\nSee 'kubectl apply -h' for help and examples",
    );
  }
  const dryRun = dryRunOf(ctx);
  const docs = readFileDocuments(ctx, filenames);
  if (docs.length === 0) throw new KubectlError("error: no objects passed to apply");
  let failed = false;
  const printed: KubeObject[] = [];
  let printing = { output: "", allowMissingKeys: true };
  for (const doc of docs) {
    try {
      const result = applyDocument(ctx, doc, dryRun);
      // kubectl builds the printer once the object is applied, so a bad -o fails after each write.
      printing = objectPrintFlags(ctx);
      if (printsObject(ctx, printing)) printed.push(result.object);
      else ctx.out(result.line);
    } catch (error) {
      failed = true;
      ctx.err(formatError(error));
    }
  }
  if (printed.length > 0) {
    ctx.out(printResult(ctx.cluster, printed, { ...printing, single: printed.length === 1 }));
  }
  return failed ? 1 : 0;
}

function applyDocument(
  ctx: VerbContext,
  doc: FileDocument,
  dryRun: DryRun,
): { object: KubeObject; line: string } {
  if (!doc.object) throw new KubectlError(doc.error ?? "error: invalid document");
  const obj = doc.object;
  const type = typeForKind(obj.apiVersion, obj.kind);
  const name = obj.metadata.name ?? "";
  if (!type) throw noMatchForKind(obj, doc.source, ctx);
  const namespace = namespaceFor(obj, type, ctx);
  if (type.namespaced) obj.metadata.namespace = namespace;
  const live = ctx.cluster.store.get(type.kind, namespace, name);
  try {
    if (!live) return create(ctx, type, obj, dryRun);
    return patch(ctx, type, obj, live, dryRun);
  } catch (error) {
    throw wrapServerError(error, live ? "patching" : "creating", doc.source);
  }
}

function create(ctx: VerbContext, type: ResourceType, obj: KubeObject, dryRun: DryRun) {
  const annotated = withLastApplied(obj);
  const created =
    dryRun === "client"
      ? annotated
      : ctx.cluster.api.create(annotated, {
          dryRun: dryRun === "server",
          ...decodingOf(ctx),
        });
  return { object: created, line: outcomeLine(type, created.metadata.name ?? "", "created", dryRun, ctx) };
}

function patch(ctx: VerbContext, type: ResourceType, obj: KubeObject, live: KubeObject, dryRun: DryRun) {
  if (live.metadata.annotations?.[LAST_APPLIED] === undefined) ctx.err(missingAnnotationWarning(type, live));
  const next = applyThreeWay(live, withLastApplied(obj));
  const name = live.metadata.name ?? "";
  if (!next) return { object: live, line: outcomeLine(type, name, "unchanged", dryRun, ctx) };
  const updated =
    dryRun === "client"
      ? next
      : ctx.cluster.api.update(next, {
          dryRun: dryRun === "server",
          ...decodingOf(ctx),
        });
  const unchanged = updated === live;
  return {
    object: updated,
    line: outcomeLine(type, name, unchanged ? "unchanged" : "configured", dryRun, ctx),
  };
}

/** kubectl wraps server errors of apply with the operation and the source. */
function wrapServerError(error: unknown, operation: string, source: string): unknown {
  if (!(error instanceof StatusError)) return error;
  const what = operation === "creating" ? "creating" : "patching";
  const detail = error.reason === "Invalid" || error.reason === "BadRequest" ? error.message : error.message;
  return new StatusError(error.reason, `error when ${what} "${source}": ${detail}`);
}

/** The RESTMapper's failure for a kind the server does not serve. */
function noMatchForKind(obj: KubeObject, source: string, ctx: VerbContext): KubectlError {
  const namespace = obj.metadata.namespace ?? (ctx.namespaceExplicit ? ctx.namespace : "");
  return new KubectlError(
    `error: resource mapping not found for name: "${obj.metadata.name ?? ""}" namespace: "${namespace}" from "${source}": no matches for kind "${obj.kind}" in version "${obj.apiVersion}"\nensure CRDs are installed first`,
  );
}

const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

/** kubectl apply's warning for an object made imperatively (create without --save-config). */
function missingAnnotationWarning(type: ResourceType, live: KubeObject): string {
  return `Warning: resource ${type.plural}/${live.metadata.name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`;
}
