import { load } from "js-yaml";
import { qualifiedSingular, typeOfKind } from "../../api/registry";
import type { KubeObject } from "../../api/types";
import type { JsonValue } from "../../apimachinery/patch";
import { noResourcesMessage } from "../cli/commandErrors";
import { formatError } from "../errorText";
import { bool, list, str } from "../flagAccess";
import { objectPrintFlags, printResult } from "../print";
import { KubectlError, type Verb, type VerbContext } from "../verb";
import { DIRECTORY_FLAGS, DRY_RUN_FLAG, FILENAME_FLAG, PRINT_FLAGS, fieldManagerFlag } from "./commonFlags";
import { readFileDocuments } from "./fileObjects";
import {
  checkPatchedFields,
  checkPatchedIdentity,
  PATCH_TYPES,
  type PatchType,
  patchObject,
} from "./patchApply";
import { resolveTargets } from "./resourceTargets";
import { type DryRun, dryRunOf, dryRunSuffix } from "./writeOutcome";

/** `kubectl patch`: a strategic merge, JSON merge or JSON patch, on the server or --local. */
export const patchVerb: Verb = {
  name: "patch",
  short: "Update fields of a resource",
  usage: "kubectl patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE] [options]",
  flags: [
    ...DIRECTORY_FLAGS,
    DRY_RUN_FLAG,
    fieldManagerFlag("kubectl-patch"),
    { ...FILENAME_FLAG, usage: "Filename, directory, or URL to files identifying the resource to update" },
    {
      name: "local",
      type: "bool",
      usage: "If true, patch will operate on the content of the file, not the server-side resource.",
    },
    ...PRINT_FLAGS,
    {
      name: "patch",
      shorthand: "p",
      type: "string",
      usage: "The patch to be applied to the resource JSON file.",
    },
    { name: "patch-file", type: "string", usage: "A file containing a patch to be applied to the resource." },
    {
      name: "subresource",
      type: "string",
      usage:
        "If specified, patch will operate on the subresource of the requested object. Must be one of [status scale]. This flag is beta and may change in the future.",
    },
    {
      name: "type",
      type: "string",
      default: "strategic",
      usage: "The type of patch being provided; one of [json merge strategic]",
    },
  ],
  run: runPatch,
};

function runPatch(ctx: VerbContext): number {
  const dryRun = dryRunOf(ctx);
  const type = validate(ctx, dryRun);
  const patch = readPatch(ctx);
  const local = bool(ctx.flags, "local");
  const { objects, errors } = local ? localObjects(ctx) : targets(ctx);
  let count = 0;
  for (const obj of objects) {
    count++;
    try {
      patchOne(ctx, obj, patch, type, local || dryRun === "client" ? "local" : dryRun);
    } catch (error) {
      errors.push(error as Error);
    }
  }
  for (const error of errors) ctx.err(formatError(error));
  if (errors.length === 0 && count === 0) throw new KubectlError("error: no objects passed to patch");
  return errors.length > 0 ? 1 : 0;
}

function validate(ctx: VerbContext, dryRun: DryRun): PatchType {
  const patch = str(ctx.flags, "patch");
  const patchFile = str(ctx.flags, "patch-file");
  if (patch && patchFile) throw new KubectlError("error: cannot specify --patch and --patch-file together");
  if (!patch && !patchFile)
    throw new KubectlError(
      "error: must specify --patch or --patch-file containing the contents of the patch",
    );
  const local = bool(ctx.flags, "local");
  if (local && ctx.args.length > 0)
    throw new KubectlError("error: cannot specify --local and server resources");
  if (local && dryRun === "server")
    throw new KubectlError(
      "error: cannot specify --local and --dry-run=server - did you mean --dry-run=client?",
    );
  const typed = str(ctx.flags, "type");
  const type = typed.toLowerCase() as PatchType;
  if (typed && !PATCH_TYPES.includes(type)) {
    throw new KubectlError(`error: --type must be one of [json merge strategic], not "${typed}"`);
  }
  const subresource = str(ctx.flags, "subresource");
  if (subresource && subresource !== "status" && subresource !== "scale") {
    throw new KubectlError(
      `error: invalid subresource value: "${subresource}". Must be one of [status scale]`,
    );
  }
  return typed ? type : "strategic";
}

/** The patch text (-p or --patch-file) as JSON; YAML is accepted, as yaml.ToJSON does. */
function readPatch(ctx: VerbContext): JsonValue {
  const file = str(ctx.flags, "patch-file");
  const text = file ? ctx.files[file] : str(ctx.flags, "patch");
  if (text === undefined)
    throw new KubectlError(`error: unable to read patch file: open ${file}: no such file or directory`);
  try {
    return (load(text) ?? null) as JsonValue;
  } catch (error) {
    const reason = (error as { reason?: string }).reason ?? (error as Error).message;
    throw new KubectlError(
      `error: unable to parse "${str(ctx.flags, "patch")}": error converting YAML to JSON: yaml: ${reason}`,
    );
  }
}

function targets(ctx: VerbContext): { objects: KubeObject[]; errors: Error[] } {
  if (ctx.args.length === 0 && list(ctx.flags, "filename").length === 0)
    throw new KubectlError(`error: ${noResourcesMessage}`);
  const { objects, errors } = resolveTargets(ctx, ctx.args);
  return { objects, errors };
}

function localObjects(ctx: VerbContext): { objects: KubeObject[]; errors: Error[] } {
  const docs = readFileDocuments(ctx, list(ctx.flags, "filename"));
  return {
    objects: docs.flatMap((d) => (d.object ? [d.object] : [])),
    errors: docs.flatMap((d) => (d.object ? [] : [new KubectlError(d.error ?? "error: invalid document")])),
  };
}

function patchOne(
  ctx: VerbContext,
  live: KubeObject,
  patch: JsonValue,
  type: PatchType,
  mode: "local" | DryRun,
): void {
  const subresource = str(ctx.flags, "subresource");
  if (subresource === "scale")
    throw new KubectlError("error: kubeplay does not serve the scale subresource yet: use kubectl scale");
  let result: KubeObject;
  if (mode === "local") {
    result = patchObject(live, patch, type, "local");
  } else {
    const patched = patchObject(live, patch, type, "server");
    checkPatchedIdentity(live, patched);
    // kubectl patch sends no fieldValidation: the server's default, Warn.
    for (const warning of checkPatchedFields(patched, patch, "Warn")) ctx.err(`Warning: ${warning}\n`);
    const options = { dryRun: mode === "server", fieldValidation: "Warn" as const };
    result =
      subresource === "status"
        ? ctx.cluster.api.updateStatus(patched, options)
        : ctx.cluster.api.update(patched, options);
  }
  const changed = JSON.stringify(result) !== JSON.stringify(live);
  printPatched(
    ctx,
    result,
    changed ? "patched" : "patched (no change)",
    mode === "local" ? (str(ctx.flags, "dry-run") === "client" ? "client" : "none") : mode,
  );
}

/** Prints what was patched; kubectl builds this printer only now, so a bad -o fails after the patch. */
function printPatched(ctx: VerbContext, obj: KubeObject, operation: string, dryRun: DryRun): void {
  const { output, allowMissingKeys } = objectPrintFlags(ctx);
  const type = typeOfKind(obj.kind);
  const ref = `${type ? qualifiedSingular(type) : obj.kind.toLowerCase()}/${obj.metadata.name}`;
  if (output === "name") ctx.out(`${ref}\n`);
  else if (output) ctx.out(printResult(ctx.cluster, [obj], { output, allowMissingKeys, single: true }));
  else ctx.out(`${ref} ${operation}${dryRunSuffix(dryRun)}\n`);
}
