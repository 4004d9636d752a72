import type { KubeObject } from "../../api/types";
import { missingResourceTypeMessage } from "../cli/commandErrors";
import { describeObject, type DescribeContext } from "../describe";
import { PrefixWriter } from "../describe/prefixWriter";
import { describeEvents, printAnnotations, printLabels } from "../describe/sections";
import { formatError } from "../errorText";
import { bool, list } from "../flagAccess";
import { listObjects } from "../query";
import { resolveResourceArgs } from "../resources";
import { KubectlError, type Verb, type VerbContext } from "../verb";
import {
  ALL_NAMESPACES_FLAG,
  CHUNK_SIZE_FLAG,
  DIRECTORY_FLAGS,
  FILENAME_FLAG,
  SELECTOR_FLAG,
} from "./commonFlags";
import { resolveTargets } from "./resourceTargets";

/** `kubectl describe`: a detailed, human-readable description of objects and their events. */
export const describeVerb: Verb = {
  name: "describe",
  short: "Show details of a specific resource or group of resources",
  usage: "kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]",
  flags: [
    ...DIRECTORY_FLAGS,
    ALL_NAMESPACES_FLAG,
    CHUNK_SIZE_FLAG,
    { ...FILENAME_FLAG, usage: "Filename, directory, or URL to files containing the resource to describe" },
    SELECTOR_FLAG,
    {
      name: "show-events",
      type: "bool",
      default: true,
      usage: "If true, display events related to the described object.",
    },
  ],
  run: runDescribe,
};

function runDescribe(ctx: VerbContext): number {
  if (ctx.args.length === 0 && list(ctx.flags, "filename").length === 0) {
    throw new KubectlError(`error: ${missingResourceTypeMessage("describe").trimEnd()}`);
  }
  const dctx: DescribeContext = {
    nowMs: ctx.cluster.now(),
    list: (kind, namespace) => ctx.cluster.store.list(kind, namespace),
    showEvents: bool(ctx.flags, "show-events"),
  };
  const { objects, errors } = resolveTargets(ctx, ctx.args, { typeSelectsAll: true });
  if (errors.length > 0 && objects.length === 0 && ctx.args.length === 2 && !ctx.args[1].includes("/")) {
    return describeMatching(ctx, dctx, errors[0]);
  }
  objects.forEach((obj, i) => ctx.out(i === 0 ? describeOne(obj, dctx) : `\n\n${describeOne(obj, dctx)}`));
  if (objects.length === 0 && errors.length === 0) {
    ctx.err(
      bool(ctx.flags, "all-namespaces")
        ? "No resources found\n"
        : `No resources found in ${ctx.namespace} namespace.\n`,
    );
  }
  for (const error of errors) ctx.err(formatError(error));
  return errors.length > 0 ? 1 : 0;
}

/** DescribeMatchingResources: `describe pods web` describes every pod whose name starts with "web". */
function describeMatching(ctx: VerbContext, dctx: DescribeContext, original: Error): number {
  const [request] = resolveResourceArgs([ctx.args[0]]);
  const prefix = ctx.args[1];
  const matches = listObjects(ctx.cluster, request.type, {
    namespace: ctx.namespace,
    allNamespaces: false,
  }).filter((o) => (o.metadata.name ?? "").startsWith(prefix));
  if (matches.length === 0) throw original;
  for (const obj of matches) ctx.out(`${describeOne(obj, dctx)}\n`);
  return 0;
}

function describeOne(obj: KubeObject, ctx: DescribeContext): string {
  return describeObject(obj, ctx) ?? describeGeneric(obj, ctx);
}

/** The generic describer's head for kinds without their own: identity, labels, annotations, events. */
function describeGeneric(obj: KubeObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${obj.metadata.name}\n`);
  w.write(0, `Namespace:\t${obj.metadata.namespace ?? ""}\n`);
  printLabels(w, "Labels", obj.metadata.labels);
  printAnnotations(w, "Annotations", obj.metadata.annotations);
  w.write(0, `API Version:\t${obj.apiVersion}\n`);
  w.write(0, `Kind:\t${obj.kind}\n`);
  describeEvents(w, obj, ctx);
  return w.toString();
}
