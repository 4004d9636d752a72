import { StatusError } from "../../api/errors";
import { typeForKind } from "../../api/registry";
import type { KubeObject } from "../../api/types";
import { parseSelector } from "../../apimachinery/labels";
import { withLastApplied } from "../applyPatch";
import { usageErrorMessage } from "../cli/commandErrors";
import { formatError } from "../errorText";
import { bool, list, str } from "../flagAccess";
import { objectPrintFlags, printResult } from "../print";
import { KubectlError, type Verb, type VerbContext } from "../verb";
import { DIRECTORY_FLAGS, DRY_RUN_FLAG, FILENAME_FLAG, PRINT_FLAGS, SELECTOR_FLAG } from "./commonFlags";
import { createConfigMapVerb } from "./create/configmap";
import { createCronJobVerb } from "./create/cronjob";
import { createDeploymentVerb } from "./create/deployment";
import { GENERATOR_FLAGS } from "./create/generatorRun";
import { createJobVerb } from "./create/job";
import { createNamespaceVerb } from "./create/namespace";
import { createSecretVerb } from "./create/secret";
import { createServiceVerb } from "./create/service";
import { type FileDocument, readFileDocuments } from "./fileObjects";
import { type DryRun, dryRunOf, decodingOf, namespaceFor, outcomeLine, printsObject } from "./writeOutcome";

/** `kubectl create -f FILE` and the generators `kubectl create deployment|job|…`. */
export const createVerb: Verb = {
  name: "create",
  short: "Create a resource from a file or from stdin",
  usage: "kubectl create -f FILENAME [options]",
  flags: [
    ...DIRECTORY_FLAGS,
    DRY_RUN_FLAG,
    { name: "edit", type: "bool", usage: "Edit the API resource before creating" },
    GENERATOR_FLAGS.find((f) => f.name === "field-manager")!,
    { ...FILENAME_FLAG, usage: "Filename, directory, or URL to files to use to create the resource" },
    ...PRINT_FLAGS,
    GENERATOR_FLAGS.find((f) => f.name === "save-config")!,
    SELECTOR_FLAG,
    GENERATOR_FLAGS.find((f) => f.name === "validate")!,
  ],
  subcommands: [
    createConfigMapVerb,
    createCronJobVerb,
    createDeploymentVerb,
    createJobVerb,
    createNamespaceVerb,
    createSecretVerb,
    createServiceVerb,
  ],
  run: runCreate,
};

function runCreate(ctx: VerbContext): number {
  const filenames = list(ctx.flags, "filename");
  if (ctx.args.length > 0) {
    throw new KubectlError(
      `error: ${usageErrorMessage("kubectl create", `Unexpected args: [${ctx.args.join(" ")}]`)}`,
    );
  }
  if (filenames.length === 0) throw new KubectlError("error: must specify one of -f and -k");
  if (bool(ctx.flags, "edit"))
    throw new KubectlError(
      "error: kubeplay has no editor for --edit: edit the manifest in the editor, then create it",
    );
  const { output, allowMissingKeys } = objectPrintFlags(ctx);
  const dryRun = dryRunOf(ctx);
  const docs = readFileDocuments(ctx, filenames);
  let failed = false;
  let count = 0;
  for (const doc of docs) {
    try {
      const created = createDocument(ctx, doc, dryRun);
      if (!created) continue;
      if (printsObject(ctx)) {
        const text = printResult(ctx.cluster, [created.object], { output, allowMissingKeys, single: true });
        ctx.out(count > 0 && output === "yaml" ? `---\n${text}` : text);
      } else ctx.out(created.line);
      count++;
    } catch (error) {
      failed = true;
      ctx.err(formatError(error));
    }
  }
  if (!failed && count === 0) throw new KubectlError("error: no objects passed to create");
  return failed ? 1 : 0;
}

function createDocument(
  ctx: VerbContext,
  doc: FileDocument,
  dryRun: DryRun,
): { object: KubeObject; line: string } | undefined {
  if (!doc.object) throw new KubectlError(doc.error ?? "error: invalid document");
  let obj = doc.object;
  const selector = str(ctx.flags, "selector");
  if (selector && !matchesSelector(obj, selector)) return undefined;
  const type = typeForKind(obj.apiVersion, obj.kind);
  if (!type) {
    const namespace = obj.metadata.namespace ?? (ctx.namespaceExplicit ? ctx.namespace : "");
    throw new KubectlError(
      `error: resource mapping not found for name: "${obj.metadata.name ?? ""}" namespace: "${namespace}" from "${doc.source}": no matches for kind "${obj.kind}" in version "${obj.apiVersion}"\nensure CRDs are installed first`,
    );
  }
  const namespace = namespaceFor(obj, type, ctx);
  if (bool(ctx.flags, "save-config")) obj = withLastApplied(obj);
  let created = obj;
  if (dryRun !== "client") {
    if (type.namespaced) obj.metadata.namespace = namespace;
    try {
      created = ctx.cluster.api.create(obj, {
        dryRun: dryRun === "server",
        ...decodingOf(ctx),
      });
    } catch (error) {
      throw addSourceToError(error, "creating", doc.source);
    }
  }
  return { object: created, line: outcomeLine(type, created.metadata.name ?? "", "created", dryRun, ctx) };
}

/**
 * cmdutil.AddSourceToErr: server errors get `error when creating "web.yaml": ` in their message.
 * Invalid keeps its details, which kubectl prints instead of the message.
 */
export function addSourceToError(error: unknown, verb: string, source: string): unknown {
  if (!(error instanceof StatusError)) return error;
  return new StatusError(
    error.reason,
    `error when ${verb} "${source}": ${error.message}`,
    error.kubectlMessage,
  );
}

function matchesSelector(obj: KubeObject, selector: string): boolean {
  return parseSelector(selector).matches(obj.metadata.labels ?? {});
}
