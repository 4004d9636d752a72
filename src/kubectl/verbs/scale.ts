import { typeOfKind } from "../../api/registry";
import type { KubeObject } from "../../api/types";
import { clone } from "../../api/types";
import { formatError } from "../errorText";
import { num, str } from "../flagAccess";
import { KubectlError, type Verb, type VerbContext } from "../verb";
import {
  ALL_FLAG,
  DIRECTORY_FLAGS,
  DRY_RUN_FLAG,
  FILENAME_FLAG,
  PRINT_FLAGS,
  SELECTOR_FLAG,
} from "./commonFlags";
import { resolveTargets } from "./resourceTargets";
import { objectPrintFlags } from "../print";
import { dryRunOf, printOutcome } from "./writeOutcome";

const SCALABLE = new Set(["Deployment", "ReplicaSet"]);

/** `kubectl scale --replicas=N TYPE NAME`: sets spec.replicas (the /scale subresource), with preconditions. */
export const scaleVerb: Verb = {
  name: "scale",
  short: "Set a new size for a deployment, replica set, or replication controller",
  usage:
    "kubectl scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME) [options]",
  flags: [
    ...DIRECTORY_FLAGS,
    { ...ALL_FLAG, usage: "Select all resources in the namespace of the specified resource types" },
    {
      name: "current-replicas",
      type: "int",
      default: -1,
      usage:
        "Precondition for current size. Requires that the current size of the resource match this value in order to scale. -1 (default) for no condition.",
    },
    DRY_RUN_FLAG,
    {
      ...FILENAME_FLAG,
      usage: "Filename, directory, or URL to files identifying the resource to set a new size",
    },
    ...PRINT_FLAGS,
    { name: "replicas", type: "int", usage: "The new desired number of replicas. Required.", required: true },
    {
      name: "resource-version",
      type: "string",
      usage:
        "Precondition for resource version. Requires that the current resource version match this value in order to scale.",
    },
    SELECTOR_FLAG,
  ],
  run: runScale,
};

function runScale(ctx: VerbContext): number {
  if (!ctx.changed.has("replicas")) throw new KubectlError(`error: required flag(s) "replicas" not set`);
  const replicas = num(ctx.flags, "replicas");
  if (replicas < 0)
    throw new KubectlError(
      "error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0",
    );
  const dryRun = dryRunOf(ctx);
  objectPrintFlags(ctx);
  const { objects, errors } = resolveTargets(ctx, ctx.args);
  if (objects.length === 0 && errors.length === 0)
    throw new KubectlError("error: no objects passed to scale");
  for (const obj of objects) {
    try {
      scaleOne(ctx, obj, replicas, dryRun !== "none");
      // kubectl prints the object as it read it, before the scale (ScaleOptions.RunScale).
      ctx.out(printOutcome(obj, "scaled", dryRun, ctx));
    } catch (error) {
      errors.push(error as Error);
    }
  }
  for (const error of errors) ctx.err(formatError(error));
  return errors.length > 0 ? 1 : 0;
}

function scaleOne(ctx: VerbContext, obj: KubeObject, replicas: number, dryRun: boolean): void {
  if (!SCALABLE.has(obj.kind)) {
    const type = typeOfKind(obj.kind);
    throw new KubectlError(
      `error: cannot scale ${type?.plural ?? obj.kind}${type?.group ? `.${type.group}` : ""} "${obj.metadata.name}": the server could not find the requested resource`,
    );
  }
  const current = obj.spec?.replicas ?? 1;
  const expected = num(ctx.flags, "current-replicas");
  if (expected >= 0 && expected !== current)
    throw new KubectlError(`error: Expected replicas to be ${expected}, was ${current}`);
  const version = str(ctx.flags, "resource-version");
  if (version && version !== obj.metadata.resourceVersion) {
    throw new KubectlError(
      `error: Expected resource version to be ${version}, was ${obj.metadata.resourceVersion}`,
    );
  }
  const updated = clone(obj);
  updated.spec = { ...updated.spec, replicas };
  ctx.cluster.api.update(updated, { dryRun });
}
