import { typeForKind, type ResourceType } from "../../api/registry";
import { clone, type KubeObject } from "../../api/types";
import { formatTimestamp } from "../../util/clock";
import { applyThreeWay, withLastApplied } from "../applyPatch";
import { formatError } from "../errorText";
import { list } from "../flagAccess";
import { toYaml } from "../output/yaml";
import { KubectlError, type Verb, type VerbContext } from "../verb";
import { DIRECTORY_FLAGS, FILENAME_FLAG, fieldManagerFlag } from "./commonFlags";
import { addSourceToError } from "./create";
import { type FileDocument, readFileDocuments } from "./fileObjects";
import { unifiedDiff } from "./unifiedDiff";
import { namespaceFor } from "./writeOutcome";

/** `kubectl diff -f`: what `kubectl apply` would change, as `diff -u -N` of live and merged objects. */
export const diffVerb: Verb = {
  name: "diff",
  short: "Diff the live version against a would-be applied version",
  usage: "kubectl diff -f FILENAME [options]",
  flags: [
    ...DIRECTORY_FLAGS,
    fieldManagerFlag("kubectl-client-side-apply"),
    { ...FILENAME_FLAG, usage: "Filename, directory, or URL to files contains the configuration to diff" },
    { name: "show-managed-fields", type: "bool", usage: "If true, include managed fields in the diff." },
  ],
  run: (ctx) => {
    try {
      return runDiff(ctx);
    } catch (error) {
      // CheckDiffErr: failures exit one above diff's own "differences found" status.
      ctx.err(formatError(error));
      return 2;
    }
  },
};

function runDiff(ctx: VerbContext): number {
  const filenames = list(ctx.flags, "filename");
  if (filenames.length === 0) throw new KubectlError("error: must specify one of -f and -k");
  const { live: liveDir, merged: mergedDir } = tempDirs(ctx);
  let differs = false;
  for (const doc of readFileDocuments(ctx, filenames)) {
    const { type, live, merged } = liveAndMerged(ctx, doc);
    const [before, after] = maskSecret(live, merged);
    const hunks = unifiedDiff(before ? toYaml(before) : "", toYaml(after));
    if (!hunks) continue;
    differs = true;
    const file = fileName(type, after);
    const stamp = `${formatTimestamp(ctx.cluster.now()).replace("T", " ").replace("Z", "")}.000000000 +0000`;
    ctx.out(`diff -u -N ${liveDir}/${file} ${mergedDir}/${file}\n`);
    ctx.out(`--- ${liveDir}/${file}\t${stamp}\n+++ ${mergedDir}/${file}\t${stamp}\n${hunks}`);
  }
  return differs ? 1 : 0;
}

/** Deterministic stand-ins for os.MkdirTemp's random suffixes. */
function tempDirs(ctx: VerbContext): { live: string; merged: string } {
  const seed = ctx.cluster.resourceVersion() * 2654435761 + ctx.cluster.now();
  const live = seed % 4294967291;
  return { live: `/tmp/LIVE-${live}`, merged: `/tmp/MERGED-${(live * 48271) % 4294967291}` };
}

/** InfoObject.Name: `apps.v1.Deployment.default.web`, `v1.Namespace..dev`. */
function fileName(type: ResourceType, obj: KubeObject): string {
  return `${type.group ? `${type.group}.` : ""}${type.version}.${type.kind}.${obj.metadata.namespace ?? ""}.${obj.metadata.name}`;
}

/** The live object and what a server-side dry run of `kubectl apply` would store. */
function liveAndMerged(
  ctx: VerbContext,
  doc: FileDocument,
): { type: ResourceType; live?: KubeObject; merged: KubeObject } {
  if (!doc.object) throw new KubectlError(doc.error ?? "error: invalid document");
  const obj = doc.object;
  const type = typeForKind(obj.apiVersion, obj.kind);
  if (!type)
    throw new KubectlError(
      `error: resource mapping not found for name: "${obj.metadata.name ?? ""}" namespace: "" from "${doc.source}": no matches for kind "${obj.kind}" in version "${obj.apiVersion}"\nensure CRDs are installed first`,
    );
  if (type.namespaced) obj.metadata.namespace = namespaceFor(obj, type, ctx);
  const live = ctx.cluster.store.get(type.kind, obj.metadata.namespace ?? "", obj.metadata.name ?? "");
  try {
    if (!live)
      return {
        type,
        merged: ctx.cluster.api.create(withLastApplied(obj), { dryRun: true, fieldValidation: "Strict" }),
      };
    const next = applyThreeWay(live, withLastApplied(obj));
    return {
      type,
      live,
      merged: next ? ctx.cluster.api.update(next, { dryRun: true, fieldValidation: "Strict" }) : live,
    };
  } catch (error) {
    throw addSourceToError(error, live ? "patching" : "creating", doc.source);
  }
}

/** kubectl diff's Masker: Secret values print as `***`, or `*** (before)` / `*** (after)` when they differ. */
function maskSecret(live: KubeObject | undefined, merged: KubeObject): [KubeObject | undefined, KubeObject] {
  if (merged.kind !== "Secret") return [live, merged];
  const before = live ? clone(live) : undefined;
  const after = clone(merged);
  const keys = new Set([...Object.keys(before?.data ?? {}), ...Object.keys(after.data ?? {})]);
  for (const key of keys) {
    const changed =
      before?.data?.[key] !== undefined &&
      after.data?.[key] !== undefined &&
      before.data[key] !== after.data[key];
    if (before?.data?.[key] !== undefined) before.data[key] = changed ? "*** (before)" : "***";
    if (after.data?.[key] !== undefined) after.data[key] = changed ? "*** (after)" : "***";
  }
  return [before, after];
}
