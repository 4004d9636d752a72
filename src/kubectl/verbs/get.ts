import type { KubeObject } from "../../api/types";
import { bool, list, str } from "../flagAccess";
import { checkOutputFormat, printFlags, printResult } from "../print";
import { queryObjects } from "../query";
import { resolveResourceArgs } from "../resources";
import { sortObjects } from "../sortBy";
import { KubectlError, type Verb, type VerbContext } from "../verb";
import {
  ALL_NAMESPACES_FLAG,
  CHUNK_SIZE_FLAG,
  DIRECTORY_FLAGS,
  FIELD_SELECTOR_FLAG,
  FILENAME_FLAG,
  OUTPUT_FLAG,
  SELECTOR_FLAG,
  SHOW_LABELS_FLAG,
  TEMPLATE_FLAGS,
} from "./commonFlags";
import { objectsFromFiles } from "./fileObjects";
import { getWithoutResourceFailure } from "../cli/commandErrors";
import { formatError } from "../errorText";
import { runGetRaw } from "./getRaw";
import { runGetWatch } from "./getWatch";

/** `kubectl get`: lists or fetches objects and prints them as a table or in the -o format. */
export const getVerb: Verb = {
  name: "get",
  short: "Display one or many resources",
  usage:
    "kubectl get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]",
  flags: [
    CHUNK_SIZE_FLAG,
    ...DIRECTORY_FLAGS,
    ALL_NAMESPACES_FLAG,
    FIELD_SELECTOR_FLAG,
    FILENAME_FLAG,
    {
      name: "ignore-not-found",
      type: "bool",
      usage: "If the requested object does not exist the command will return exit code 0.",
    },
    {
      name: "label-columns",
      shorthand: "L",
      type: "stringSlice",
      usage:
        "Accepts a comma separated list of labels that are going to be presented as columns. Names are case-sensitive. You can also use multiple flag options like -L label1 -L label2...",
    },
    {
      name: "no-headers",
      type: "bool",
      usage:
        "When using the default or custom-column output format, don't print headers (default print headers).",
    },
    OUTPUT_FLAG,
    SELECTOR_FLAG,
    {
      name: "show-kind",
      type: "bool",
      usage: "If present, list the resource type for the requested object(s).",
    },
    SHOW_LABELS_FLAG,
    {
      name: "sort-by",
      type: "string",
      usage:
        "If non-empty, sort list types using this field specification.  The field specification is expressed as a JSONPath expression (e.g. '{.metadata.name}'). The field in the API resource specified by this JSONPath expression must be an integer or a string.",
    },
    {
      name: "output-watch-events",
      type: "bool",
      usage:
        "Output watch event objects when --watch or --watch-only is used. Existing objects are output as initial ADDED events.",
    },
    {
      name: "raw",
      type: "string",
      usage: "Raw URI to request from the server.  Uses the transport specified by the kubeconfig file.",
    },
    ...TEMPLATE_FLAGS,
    {
      name: "watch",
      shorthand: "w",
      type: "bool",
      usage: "After listing/getting the requested object, watch for changes.",
    },
    {
      name: "watch-only",
      type: "bool",
      usage: "Watch for changes to the requested object(s), without listing/getting first.",
    },
  ],
  run: runGet,
};

function runGet(ctx: VerbContext): number {
  const raw = str(ctx.flags, "raw");
  if (raw) return runGetRaw(ctx, raw);
  const { output, allowMissingKeys } = printFlags(ctx);
  checkOutputFormat(output);
  const watching = bool(ctx.flags, "watch") || bool(ctx.flags, "watch-only");
  if (bool(ctx.flags, "output-watch-events") && !watching)
    throw new KubectlError(
      "error: --output-watch-events option can only be used with --watch or --watch-only",
    );
  const allNamespaces = bool(ctx.flags, "all-namespaces");
  const scope = {
    namespace: ctx.namespace,
    allNamespaces,
    labelSelector: str(ctx.flags, "selector"),
    fieldSelector: str(ctx.flags, "field-selector"),
  };
  if (watching) {
    if (ctx.args.length === 0 && list(ctx.flags, "filename").length === 0)
      throw new KubectlError(getWithoutResourceFailure().stderr.trimEnd());
    return runGetWatch(ctx, scope);
  }
  const files = list(ctx.flags, "filename");
  let objects: KubeObject[];
  let errors: Error[];
  let single: boolean;
  if (files.length > 0) {
    ({ objects, errors } = objectsFromFiles(ctx, files));
    single = objects.length === 1 && errors.length === 0;
  } else {
    if (ctx.args.length === 0) throw new KubectlError(getWithoutResourceFailure().stderr.trimEnd());
    const requests = resolveResourceArgs(ctx.args);
    ({ objects, errors } = queryObjects(ctx.cluster, requests, scope));
    single = requests.length === 1 && requests[0].names?.length === 1;
  }
  if (bool(ctx.flags, "ignore-not-found"))
    errors = errors.filter((e) => !("reason" in e && e.reason === "NotFound"));
  const sortBy = str(ctx.flags, "sort-by");
  if (sortBy) objects = sortObjects(objects, sortBy);
  const printsEmptyList = [
    "json",
    "yaml",
    "jsonpath",
    "jsonpath-as-json",
    "go-template",
    "template",
  ].includes(output.split("=")[0]);
  if (objects.length > 0 || (printsEmptyList && errors.length === 0)) {
    const text = printResult(ctx.cluster, objects, {
      output,
      showLabels: bool(ctx.flags, "show-labels"),
      labelColumns: list(ctx.flags, "label-columns"),
      allNamespaces,
      noHeaders: bool(ctx.flags, "no-headers"),
      showKind: bool(ctx.flags, "show-kind"),
      single,
      allowMissingKeys,
    });
    ctx.out(text);
  } else if (errors.length === 0) {
    ctx.err(noResourcesMessage(ctx, allNamespaces));
  }
  for (const error of errors) ctx.err(formatError(error));
  return errors.length > 0 ? 1 : 0;
}

/** kubectl's stderr line when a list comes back empty. */
function noResourcesMessage(ctx: VerbContext, allNamespaces: boolean): string {
  const requests = ctx.args.length > 0 ? resolveResourceArgs(ctx.args) : [];
  const namespaced = requests.some((r) => r.type.namespaced);
  return allNamespaces || !namespaced
    ? "No resources found\n"
    : `No resources found in ${ctx.namespace} namespace.\n`;
}
