import { qualifiedSingular, typeOfKind } from "../../api/registry";
import { clone, type KubeObject } from "../../api/types";
import type { FlagSpec } from "../cli/flags";
import { formatError } from "../errorText";
import { bool, list, str } from "../flagAccess";
import { objectPrintFlags, printResult } from "../print";
import { KubectlError, type VerbContext } from "../verb";
import {
  ALL_NAMESPACES_FLAG,
  DIRECTORY_FLAGS,
  DRY_RUN_FLAG,
  FIELD_SELECTOR_FLAG,
  FILENAME_FLAG,
  PRINT_FLAGS,
  SELECTOR_FLAG,
  fieldManagerFlag,
} from "./commonFlags";
import { readFileDocuments } from "./fileObjects";
import { resolveTargets, splitResourcesAndPairs } from "./resourceTargets";
import { type DryRun, dryRunOf, dryRunSuffix } from "./writeOutcome";

/** The parsed `key=value` and `key-` arguments of label/annotate. */
export interface PairUpdate {
  add: Map<string, string>;
  remove: string[];
}

/** What distinguishes `kubectl label` from `kubectl annotate`; the rest of the command is shared. */
export interface MetadataVerbSpec {
  /** "label" or "annotation": used in kubectl's messages. */
  pairType: string;
  field: "labels" | "annotations";
  /** The -f/--local hints name a sample file: `pod.yaml` (label) or `rsrc.yaml` (annotate). */
  sampleFile: string;
  parsePairs: (pairs: string[]) => PairUpdate;
  /** Rejects changes to existing keys when --overwrite is false. */
  checkOverwrites: (current: Record<string, string>, add: Map<string, string>) => void;
  /** The word after `pod/x`: labeled / not labeled / unlabeled, or annotated. */
  outcome: (before: string, after: string, overwrite: boolean) => string;
  /** Whether a removal of a missing key prints `label "k" not found.` (label does, annotate does not). */
  reportsMissingRemovals: boolean;
  /** Whether -o is checked before any update (annotate builds its printer first, label per object after updating it). */
  checksOutputFirst: boolean;
}

/** Flags label and annotate share. */
export function metadataFlags(
  pairType: string,
  overwriteUsage: string,
  listUsage: string,
  localUsage: string,
): FlagSpec[] {
  return [
    ...DIRECTORY_FLAGS,
    {
      name: "all",
      type: "bool",
      usage: "Select all resources, in the namespace of the specified resource types",
    },
    { ...ALL_NAMESPACES_FLAG, usage: "If true, check the specified action in all namespaces." },
    DRY_RUN_FLAG,
    fieldManagerFlag(`kubectl-${pairType === "label" ? "label" : "annotate"}`),
    FIELD_SELECTOR_FLAG,
    {
      ...FILENAME_FLAG,
      usage: `Filename, directory, or URL to files identifying the resource to update the ${pairType === "label" ? "labels" : "annotation"}`,
    },
    { name: "list", type: "bool", usage: listUsage },
    { name: "local", type: "bool", usage: localUsage },
    ...PRINT_FLAGS,
    { name: "overwrite", type: "bool", usage: overwriteUsage },
    {
      name: "resource-version",
      type: "string",
      usage: `If non-empty, the ${pairType === "label" ? "labels" : "annotation"} update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.`,
    },
    SELECTOR_FLAG,
  ];
}

/** Runs `kubectl label` or `kubectl annotate`: validation, the per-object update, and the output. */
export function runMetadataUpdate(ctx: VerbContext, spec: MetadataVerbSpec): number {
  const { resources, pairs } = splitResourcesAndPairs(ctx.args, spec.pairType);
  const update = spec.parsePairs(pairs);
  const listing = bool(ctx.flags, "list");
  if (listing && str(ctx.flags, "output"))
    throw new KubectlError("error: --list and --output may not be specified together");
  if (spec.checksOutputFirst) objectPrintFlags(ctx);
  const dryRun = dryRunOf(ctx);
  validate(ctx, spec, resources, update, dryRun);
  const local = bool(ctx.flags, "local");
  const { objects, errors, single } = local ? localTargets(ctx) : resolveTargets(ctx, resources);
  if (!single && str(ctx.flags, "resource-version")) {
    throw new KubectlError("error: --resource-version may only be used with a single resource");
  }
  for (const obj of objects) {
    try {
      updateOne(ctx, spec, obj, update, { dryRun, local, listing, single });
    } catch (error) {
      errors.push(error as Error);
    }
  }
  for (const error of errors) ctx.err(formatError(error));
  return errors.length > 0 ? 1 : 0;
}

function validate(
  ctx: VerbContext,
  spec: MetadataVerbSpec,
  resources: string[],
  update: PairUpdate,
  dryRun: DryRun,
): void {
  const all = bool(ctx.flags, "all");
  if (all && str(ctx.flags, "selector"))
    throw new KubectlError("error: cannot set --all and --selector at the same time");
  if (all && str(ctx.flags, "field-selector"))
    throw new KubectlError("error: cannot set --all and --field-selector at the same time");
  const files = list(ctx.flags, "filename");
  const sample = spec.sampleFile;
  if (bool(ctx.flags, "local")) {
    if (dryRun === "server")
      throw new KubectlError(
        "error: cannot specify --local and --dry-run=server - did you mean --dry-run=client?",
      );
    if (resources.length > 0) {
      throw new KubectlError(
        `error: can only use local files by -f ${sample}.yaml or --filename=${sample}.json when --local=true is set`,
      );
    }
    if (files.length === 0)
      throw new KubectlError(
        `error: one or more files must be specified as -f ${sample}.yaml or --filename=${sample}.json`,
      );
  } else if (resources.length === 0 && files.length === 0) {
    throw new KubectlError(
      "error: one or more resources must be specified as <resource> <name> or <resource>/<name>",
    );
  }
  if (update.add.size === 0 && update.remove.length === 0 && !bool(ctx.flags, "list")) {
    throw new KubectlError(`error: at least one ${spec.pairType} update is required`);
  }
}

/** --local: the objects as the files hold them, never read from or sent to the server. */
function localTargets(ctx: VerbContext): { objects: KubeObject[]; errors: Error[]; single: boolean } {
  const docs = readFileDocuments(ctx, list(ctx.flags, "filename"));
  const objects = docs.flatMap((d) => (d.object ? [d.object] : []));
  const errors = docs.flatMap((d) =>
    d.object ? [] : [new KubectlError(d.error ?? "error: invalid document")],
  );
  return { objects, errors, single: docs.length === 1 };
}

interface UpdateMode {
  dryRun: DryRun;
  local: boolean;
  listing: boolean;
  single: boolean;
}

function updateOne(
  ctx: VerbContext,
  spec: MetadataVerbSpec,
  live: KubeObject,
  update: PairUpdate,
  mode: UpdateMode,
): void {
  const obj = clone(live);
  const resourceVersion = str(ctx.flags, "resource-version");
  if (resourceVersion) delete obj.metadata.resourceVersion;
  const before = JSON.stringify(obj);
  const writes = mode.dryRun !== "client" && !mode.local && !mode.listing;
  const current = obj.metadata[spec.field] ?? {};
  if (writes && spec.reportsMissingRemovals) {
    for (const key of update.remove) if (!(key in current)) ctx.out(`${spec.pairType} "${key}" not found.\n`);
  }
  const overwrite = bool(ctx.flags, "overwrite");
  if (!overwrite) spec.checkOverwrites(current, update.add);
  const next: Record<string, string> = { ...current };
  for (const [key, value] of update.add) next[key] = value;
  for (const key of update.remove) delete next[key];
  obj.metadata[spec.field] = next;
  if (resourceVersion) obj.metadata.resourceVersion = resourceVersion;
  const outcome = spec.outcome(before, JSON.stringify(obj), overwrite);
  let result = obj;
  if (writes) {
    // A merge patch carries no precondition: it applies to whatever version is live.
    if (!resourceVersion) obj.metadata.resourceVersion = live.metadata.resourceVersion;
    result = ctx.cluster.api.update(obj, { dryRun: mode.dryRun === "server" });
  }
  if (mode.listing) return printListing(ctx, spec, result, mode.single);
  printOutcome(ctx, result, outcome, mode.dryRun);
}

function printListing(ctx: VerbContext, spec: MetadataVerbSpec, obj: KubeObject, single: boolean): void {
  const indent = single ? "" : " ";
  if (!single) {
    const type = typeOfKind(obj.kind);
    ctx.out(`Listing ${spec.field} for ${obj.kind}.${type?.group ?? ""}/${obj.metadata.name}:\n`);
  }
  // Go ranges over the map in random order; sorted keeps the playground deterministic.
  const entries = Object.entries(obj.metadata[spec.field] ?? {}).sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  for (const [key, value] of entries) ctx.out(`${indent}${key}=${value}\n`);
}

function printOutcome(ctx: VerbContext, obj: KubeObject, outcome: string, dryRun: DryRun): void {
  const { output, allowMissingKeys } = objectPrintFlags(ctx);
  const type = typeOfKind(obj.kind);
  const ref = `${type ? qualifiedSingular(type) : obj.kind.toLowerCase()}/${obj.metadata.name}`;
  if (output === "name") ctx.out(`${ref}\n`);
  else if (output) ctx.out(printResult(ctx.cluster, [obj], { output, allowMissingKeys, single: true }));
  else ctx.out(`${ref} ${outcome}${dryRunSuffix(dryRun)}\n`);
}
