import { lastAppliedConfigAnnotation } from "../../apimachinery/patch";
import { typeForKind } from "../../api/registry";
import type { KubeObject } from "../../api/types";
import { noResourcesMessage } from "../cli/commandErrors";
import { strippedForComparison } from "../editFile";
import { bool, list } from "../flagAccess";
import { encodeGoJson } from "../output";
import { objectPrintFlags, printResult } from "../print";
import { KubectlError, type Verb, type VerbContext } from "../verb";
import { DRY_RUN_FLAG, FILENAME_FLAG, PRINT_FLAGS } from "./commonFlags";
import { readFileDocuments } from "./fileObjects";
import { dryRunOf, namespaceFor, outcomeLine, printsObject } from "./writeOutcome";

/**
 * `kubectl apply set-last-applied -f FILE`: makes each live object's last-applied-configuration
 * annotation the file's object (as JSON), so that the next `kubectl apply` merges against it.
 * Every object is checked before any is changed, as kubectl's Validate step does.
 */
export const applySetLastAppliedVerb: Verb = {
  name: "set-last-applied",
  short: "Set the last-applied-configuration annotation on a live object to match the contents of a file",
  usage: "kubectl apply set-last-applied -f FILENAME [options]",
  flags: [
    {
      name: "create-annotation",
      type: "bool",
      usage: "Will create 'last-applied-configuration' annotations if current objects doesn't have one",
    },
    DRY_RUN_FLAG,
    {
      ...FILENAME_FLAG,
      usage: "Filename, directory, or URL to files that contains the last-applied-configuration annotations",
    },
    ...PRINT_FLAGS,
  ],
  run: runSetLastApplied,
};

function runSetLastApplied(ctx: VerbContext): number {
  const dryRun = dryRunOf(ctx);
  const printing = objectPrintFlags(ctx);
  const filenames = list(ctx.flags, "filename");
  if (filenames.length === 0) throw new KubectlError(`error: ${noResourcesMessage}`);
  const changes: { live: KubeObject; config: string }[] = [];
  for (const doc of readFileDocuments(ctx, filenames)) {
    if (!doc.object) throw new KubectlError(doc.error ?? "error: invalid document");
    const obj = doc.object;
    const type = typeForKind(obj.apiVersion, obj.kind);
    if (!type)
      throw new KubectlError(`error: no matches for kind "${obj.kind}" in version "${obj.apiVersion}"`);
    if (type.namespaced) obj.metadata.namespace = namespaceFor(obj, type, ctx);
    // GetApplyPatch: the file's object as compact JSON, keys sorted (no trailing newline).
    const config = encodeGoJson(obj, { indent: "" });
    const live = ctx.cluster.api.get(obj.kind, obj.metadata.namespace ?? "", obj.metadata.name ?? "");
    const original = live.metadata.annotations?.[lastAppliedConfigAnnotation];
    if (original === undefined && !bool(ctx.flags, "create-annotation")) {
      throw new KubectlError(
        `error: no last-applied-configuration annotation found on resource: ${live.metadata.name}, to create the annotation, run the command with --create-annotation`,
      );
    }
    if (original !== undefined && strippedForComparison(original) === strippedForComparison(config))
      ctx.out(`set-last-applied ${live.metadata.name}: no changes required.\n`);
    else changes.push({ live, config });
  }
  for (const { live, config } of changes) {
    const annotated = {
      ...live,
      metadata: {
        ...live.metadata,
        annotations: { ...live.metadata.annotations, [lastAppliedConfigAnnotation]: config },
      },
    };
    const result =
      dryRun === "client" ? annotated : ctx.cluster.api.update(annotated, { dryRun: dryRun === "server" });
    const type = typeForKind(live.apiVersion, live.kind);
    if (printsObject(ctx)) ctx.out(printResult(ctx.cluster, [result], { ...printing, single: true }));
    else if (type) ctx.out(outcomeLine(type, live.metadata.name ?? "", "configured", dryRun, ctx));
  }
  return 0;
}
