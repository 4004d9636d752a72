import { StatusError } from "../../api/errors";
import { qualifiedPlural, qualifiedSingular, type ResourceType, typeForKind } from "../../api/registry";
import type { KubeObject } from "../../api/types";
import {
  createTwoWayMergePatch,
  type JsonObject,
  lastAppliedConfigAnnotation,
} from "../../apimachinery/patch";
import { deepEqual } from "../../apimachinery/patch/jsonValue";
import { withLastApplied } from "../applyPatch";
import { noResourcesMessage } from "../cli/commandErrors";
import {
  type EditMode,
  editHeader,
  type EditReason,
  hasLines,
  manualStrip,
  strippedForComparison,
} from "../editFile";
import { formatError } from "../errorText";
import { bool, list, str } from "../flagAccess";
import { ManifestError, parseManifest } from "../manifest";
import { encodeGoJson, toJson, toYaml } from "../output";
import { type EditorSave, KubectlError, type Verb, type VerbContext } from "../verb";
import { DIRECTORY_FLAGS, FILENAME_FLAG, VALIDATE_FLAG, fieldManagerFlag } from "./commonFlags";
import { checkPatchedFields, checkPatchedIdentity, patchObject } from "./patchApply";
import { resolveTargets } from "./resourceTargets";
import { decodingOf, fieldValidationOf } from "./writeOutcome";

/**
 * `kubectl edit`: the objects as a file in the learner's editor (the app's editor tab stands in
 * for KUBE_EDITOR), then each changed object patched with the strategic merge patch from what
 * was fetched to what was saved, as kubectl's editoptions.go does. A save the server refuses as
 * invalid reopens the file with the reasons on top; a save with no change cancels.
 */
export const editVerb: Verb = {
  name: "edit",
  short: "Edit a resource on the server",
  usage: "kubectl edit (RESOURCE/NAME | -f FILENAME) [options]",
  flags: [
    ...DIRECTORY_FLAGS,
    fieldManagerFlag("kubectl-edit"),
    { ...FILENAME_FLAG, usage: "Filename, directory, or URL to files to use to edit the resource" },
    { name: "output", shorthand: "o", type: "string", usage: "Output format. One of: (json, yaml)." },
    { name: "output-patch", type: "bool", usage: "Output the patch if the resource is edited." },
    {
      name: "save-config",
      type: "bool",
      usage:
        "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.",
    },
    {
      name: "show-managed-fields",
      type: "bool",
      usage: "If true, keep the managedFields when printing objects in JSON or YAML format.",
    },
    {
      name: "subresource",
      type: "string",
      usage:
        "If specified, edit will operate on the subresource of the requested object. This flag is beta and may change in the future.",
    },
    VALIDATE_FLAG,
    {
      name: "windows-line-endings",
      type: "bool",
      usage: "Defaults to the line ending native to your platform.",
    },
  ],
  run: (ctx) => runEdit(ctx),
};

/** The file's format: YAML with a commented header, or JSON (-o json) without one. */
type EditFormat = "yaml" | "json";

/** `kubectl edit`, or with mode "last-applied" `kubectl apply edit-last-applied`. */
export function runEdit(ctx: VerbContext, mode: EditMode = "objects"): number {
  const format = editFormat(str(ctx.flags, "output"));
  const subresource = str(ctx.flags, "subresource");
  if (subresource && subresource !== "status")
    throw new KubectlError(`error: invalid subresource value: "${subresource}". Must be one of [status]`);
  fieldValidationOf(ctx);
  return ctx.editorSave ? saveRound(ctx, ctx.editorSave, format, mode) : openFile(ctx, format, mode);
}

/** Only JSON and YAML can be edited; any other -o fails before the editor opens, as in kubectl. */
function editFormat(output: string): EditFormat {
  if (output === "json") return "json";
  if (output === "" || output === "yaml") return "yaml";
  throw new KubectlError(
    `error: unable to match a printer suitable for the output format "${output}", allowed formats are: json,yaml`,
  );
}

/** First round: fetch the objects and hand them to the editor. */
function openFile(ctx: VerbContext, format: EditFormat, mode: EditMode): number {
  if (ctx.args.length === 0 && list(ctx.flags, "filename").length === 0)
    throw new KubectlError(`error: ${noResourcesMessage}`);
  const { objects, errors } = resolveTargets(ctx, ctx.args, { typeSelectsAll: true });
  if (errors.length > 0) {
    for (const error of errors) ctx.err(formatError(error));
    return 1;
  }
  if (objects.length === 0) throw new KubectlError("error: edit cancelled, no objects found");
  const edited = mode === "objects" ? objects : lastAppliedObjects(objects);
  const text = fileText(edited, format, bool(ctx.flags, "windows-line-endings"), mode);
  ctx.openEditor({ text, extension: format === "json" ? ".json" : ".yaml", original: text });
  return 0;
}

/** The objects' last-applied configurations (those that have one), as objects to edit. */
function lastAppliedObjects(objects: KubeObject[]): KubeObject[] {
  const configs = objects.flatMap((obj) => {
    const config = obj.metadata.annotations?.[lastAppliedConfigAnnotation];
    return config === undefined ? [] : [JSON.parse(config) as KubeObject];
  });
  if (configs.length === 0) {
    throw new KubectlError(
      "error: no last-applied-configuration annotation found on resources, to create the annotation, use command `kubectl apply set-last-applied --create-annotation`",
    );
  }
  return configs;
}

/** One object bare, several as a List (kubectl edits them in one file). */
function fileText(objects: KubeObject[], format: EditFormat, windows: boolean, mode: EditMode): string {
  const data =
    objects.length === 1 ? objects[0] : { apiVersion: "v1", items: objects, kind: "List", metadata: {} };
  const body = format === "json" ? toJson(data) : editHeader([], mode) + toYaml(data);
  return withLineEndings(body, windows);
}

/** --windows-line-endings: CRLF, as kubectl's crlf writer makes them. */
function withLineEndings(text: string, windows: boolean): string {
  return windows ? text.replace(/\r?\n/g, "\r\n") : text;
}

/** What a round of patches came to (editResults). */
interface RoundResults {
  reasons: EditReason[];
  invalid: number;
  retryable: number;
  notFound: number;
}

/** A later round: read what the editor saved and patch each object that changed. */
function saveRound(ctx: VerbContext, save: EditorSave, format: EditFormat, mode: EditMode): number {
  const { file, original, edited, previous } = save;
  if (previous !== undefined && strippedForComparison(previous) === strippedForComparison(edited)) {
    ctx.err(copyStored(file));
    throw new KubectlError("error: Edit cancelled, no valid changes were saved.");
  }
  if (strippedForComparison(original) === strippedForComparison(edited)) {
    ctx.err("Edit cancelled, no changes made.\n");
    return 0;
  }
  if (!hasLines(edited)) {
    ctx.err("Edit cancelled, saved file was empty.\n");
    return 0;
  }
  const reopen = (reasons: EditReason[]) => {
    const header = format === "json" ? "" : editHeader(reasons, mode);
    ctx.openEditor({
      text: withLineEndings(header + manualStrip(edited), bool(ctx.flags, "windows-line-endings")),
      extension: format === "json" ? ".json" : ".yaml",
      original,
      previous: edited,
    });
    return 0;
  };
  const parsed = readObjects(edited);
  if ("error" in parsed) return reopen([{ head: `The edited file had a syntax error: ${parsed.error}` }]);
  const originals = readObjects(original);
  const results: RoundResults = { reasons: [], invalid: 0, retryable: 0, notFound: 0 };
  try {
    for (const obj of parsed.objects) {
      requireNamespace(ctx, obj.object, obj.type);
      const before = "objects" in originals ? originals.objects : [];
      if (mode === "last-applied") setEditedLastApplied(ctx, before, obj.object, obj.type);
      else {
        const sent = bool(ctx.flags, "save-config") ? withLastApplied(obj.object) : obj.object;
        patchEdited(ctx, before, sent, obj.type, results);
      }
    }
  } catch (error) {
    ctx.err(copyStored(file));
    throw error;
  }
  if (results.retryable > 0) {
    ctx.err(`You can run \`kubectl replace -f ${file}\` to try this update again.\n`);
    return 1;
  }
  if (results.notFound > 0) {
    ctx.err(`The edits you made on deleted resources have been saved to "${file}"\n`);
    return 1;
  }
  return results.invalid > 0 ? reopen(results.reasons) : 0;
}

/** kubectl's preservedFile note, printed before the error that ends the edit. */
function copyStored(file: string): string {
  return `A copy of your changes has been stored to "${file}"\n`;
}

type ReadObjects = { objects: { object: KubeObject; type: ResourceType }[] } | { error: string };

/** The objects of a saved file, as the resource builder reads a stream named `edited-file`. */
function readObjects(text: string): ReadObjects {
  try {
    const objects: { object: KubeObject; type: ResourceType }[] = [];
    for (const doc of parseManifest(text, "edited-file")) {
      if ("error" in doc) return { error: doc.error.replace(/^error: /, "") };
      const type = typeForKind(doc.object.apiVersion, doc.object.kind);
      if (!type) {
        return {
          error: `resource mapping not found for name: "${doc.object.metadata.name ?? ""}" namespace: "${doc.object.metadata.namespace ?? ""}" from "edited-file": no matches for kind "${doc.object.kind}" in version "${doc.object.apiVersion}"`,
        };
      }
      objects.push({ object: doc.object, type });
    }
    return { objects };
  } catch (error) {
    if (error instanceof ManifestError) return { error: error.message.replace(/^error: /, "") };
    throw error;
  }
}

/** resource.RequireNamespace: an object may not move to another namespace while being edited. */
function requireNamespace(ctx: VerbContext, obj: KubeObject, type: ResourceType): void {
  if (!type.namespaced) return;
  const own = obj.metadata.namespace;
  if (!own) obj.metadata.namespace = ctx.namespace;
  else if (own !== ctx.namespace) {
    throw new KubectlError(
      `error: the namespace from the provided object "${own}" does not match the namespace "${ctx.namespace}". You must pass '--namespace=${own}' to perform this operation.`,
    );
  }
}

/** visitToPatch for one object: skipped when unchanged, else the two-way strategic merge patch. */
function patchEdited(
  ctx: VerbContext,
  originals: { object: KubeObject }[],
  edited: KubeObject,
  type: ResourceType,
  results: RoundResults,
): void {
  const ref = `${qualifiedSingular(type)}/${edited.metadata.name ?? ""}`;
  const original = originals.find((o) => o.object.metadata.uid === edited.metadata.uid)?.object;
  if (!original) {
    throw new KubectlError(
      `error: no original object found for ${edited.kind} "${edited.metadata.name ?? ""}" (its metadata.uid was changed or removed)`,
    );
  }
  const before = original as unknown as JsonObject;
  const after = edited as unknown as JsonObject;
  if (deepEqual(before, after)) {
    printEdited(ctx, edited, ref, "skipped");
    return;
  }
  const patch = createTwoWayMergePatch(before, after, edited.kind);
  const renamed =
    patch.apiVersion !== undefined || patch.kind !== undefined || patch.managedFields !== undefined;
  const metadata = patch.metadata as JsonObject | null | undefined;
  if (renamed || (metadata && "name" in metadata))
    throw new KubectlError("error: At least one of apiVersion, kind and name was changed");
  if (bool(ctx.flags, "output-patch")) ctx.out(`Patch: ${encodeGoJson(patch, { indent: "" })}\n`);
  const name = original.metadata.name ?? "";
  try {
    const live = ctx.cluster.api.get(original.kind, original.metadata.namespace ?? "", name);
    const patched = patchObject(live, patch, "strategic", "server");
    checkPatchedIdentity(live, patched);
    const fieldValidation = fieldValidationOf(ctx);
    for (const warning of checkPatchedFields(patched, patch, fieldValidation))
      ctx.err(`Warning: ${warning}\n`);
    const options = { fieldValidation: fieldValidation === "Strict" ? ("Warn" as const) : fieldValidation };
    const result =
      str(ctx.flags, "subresource") === "status"
        ? ctx.cluster.api.updateStatus(patched, options)
        : ctx.cluster.api.update(patched, options);
    printEdited(ctx, result, ref, "edited");
  } catch (error) {
    ctx.err(addError(error, type, name, results));
  }
}

/**
 * visitToApplyEditPatch: an edited configuration becomes the object's last-applied annotation
 * (its JSON, keys sorted); an unchanged one is `skipped`. Failures end the edit.
 */
function setEditedLastApplied(
  ctx: VerbContext,
  originals: { object: KubeObject }[],
  edited: KubeObject,
  type: ResourceType,
): void {
  const ref = `${qualifiedSingular(type)}/${edited.metadata.name ?? ""}`;
  // Matched by uid, as kubectl does: a configuration usually has none, so the first one matches.
  const original = originals.find((o) => o.object.metadata.uid === edited.metadata.uid)?.object;
  if (!original)
    throw new KubectlError(
      `error: no original object found for ${edited.kind} "${edited.metadata.name ?? ""}"`,
    );
  if (deepEqual(original as unknown as JsonObject, edited as unknown as JsonObject)) {
    printEdited(ctx, edited, ref, "skipped");
    return;
  }
  const live = ctx.cluster.api.get(edited.kind, ctx.namespace, edited.metadata.name ?? "");
  const config = encodeGoJson(edited, { indent: "" });
  const annotations = { ...live.metadata.annotations, [lastAppliedConfigAnnotation]: config };
  ctx.cluster.api.update({ ...live, metadata: { ...live.metadata, annotations } }, decodingOf(ctx));
  printEdited(ctx, edited, ref, "edited");
}

/** editResults.addError: what the learner is told, and how the round ends. */
function addError(error: unknown, type: ResourceType, name: string, results: RoundResults): string {
  const resource = qualifiedPlural(type);
  if (error instanceof StatusError && error.reason === "Invalid") {
    results.invalid++;
    results.reasons.push({ head: `${resource} "${name}" was not valid`, causes: [...error.causes] });
    return `error: ${resource} "${name}" is invalid\n`;
  }
  if (error instanceof StatusError && error.reason === "NotFound") {
    results.notFound++;
    return `error: ${resource} "${name}" could not be found on the server\n`;
  }
  results.retryable++;
  const message =
    error instanceof StatusError
      ? error.message
      : formatError(error)
          .trim()
          .replace(/^error: /, "");
  return `error: ${resource} "${name}" could not be patched: ${message}\n`;
}

/** The printer of the result: `deployment.apps/web edited`, or the object with -o json|yaml. */
function printEdited(ctx: VerbContext, obj: KubeObject, ref: string, operation: string): void {
  const output = str(ctx.flags, "output");
  if (output === "json") ctx.out(toJson(obj));
  else if (output === "yaml") ctx.out(toYaml(obj));
  else ctx.out(`${ref} ${operation}\n`);
}
