import type { KubeObject } from "../../api/types";
import { formatError } from "../errorText";
import { KubectlError, type Verb, type VerbContext } from "../verb";
import {
  ALL_FLAG,
  DIRECTORY_FLAGS,
  DRY_RUN_FLAG,
  fieldManagerFlag,
  FILENAME_FLAG,
  PRINT_FLAGS,
} from "./commonFlags";
import { resolveTargets, splitResourcesAndPairs } from "./resourceTargets";
import { editableContainers } from "./podTemplate";
import { setEnvVerb } from "./setEnv";
import { setResourcesVerb } from "./setResources";
import { objectPrintFlags } from "../print";
import { dryRunOf, printOutcome } from "./writeOutcome";

/** `kubectl set image TYPE NAME CONTAINER=IMAGE…`: updates container images; `*` means every container. */
export const setImageVerb: Verb = {
  name: "image",
  short: "Update the image of a pod template",
  usage:
    "kubectl set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N [options]",
  flags: [
    fieldManagerFlag("kubectl-set"),
    ...DIRECTORY_FLAGS,
    { ...ALL_FLAG, usage: "Select all resources, in the namespace of the specified resource types" },
    DRY_RUN_FLAG,
    {
      ...FILENAME_FLAG,
      usage: "Filename, directory, or URL to files identifying the resource to get from a server.",
    },
    {
      name: "selector",
      shorthand: "l",
      type: "string",
      usage:
        "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.",
    },
    ...PRINT_FLAGS,
  ],
  run: runSetImage,
};

/** `kubectl set`: the parent of `set image`. */
export const setVerb: Verb = {
  name: "set",
  short: "Set specific features on objects",
  usage: "kubectl set SUBCOMMAND [options]",
  flags: [],
  subcommands: [setEnvVerb, setImageVerb, setResourcesVerb],
  group: true,
  run: (ctx) => {
    ctx.out(
      "Configure application resources.\n\n These commands help you make changes to existing application resources.\n\nAvailable Commands:\n",
    );
    for (const sub of setVerb.subcommands ?? []) ctx.out(`  ${sub.name.padEnd(15)} ${sub.short}\n`);
    ctx.out("\nUsage:\n  kubectl set SUBCOMMAND [options]\n");
    return 0;
  },
};

function runSetImage(ctx: VerbContext): number {
  const { resources, pairs } = splitResourcesAndPairs(ctx.args, "image");
  if (pairs.length === 0) throw new KubectlError("error: at least one image update is required");
  const images = pairs.map(parsePair);
  const dryRun = dryRunOf(ctx);
  objectPrintFlags(ctx);
  const { objects, errors } = resolveTargets(ctx, resources);
  for (const obj of objects) {
    try {
      const updated = withImages(obj, images);
      if (!updated) continue;
      const written = ctx.cluster.api.update(updated, { dryRun: dryRun !== "none" });
      ctx.out(printOutcome(written, "image updated", dryRun, ctx));
    } catch (error) {
      errors.push(error as Error);
    }
  }
  for (const error of errors) ctx.err(formatError(error));
  return errors.length > 0 ? 1 : 0;
}

function parsePair(pair: string): [string, string] {
  const at = pair.indexOf("=");
  const image = pair.slice(at + 1);
  if (at < 0 || !image) throw new KubectlError(`error: invalid image ${pair}`);
  return [pair.slice(0, at), image];
}

/** The object with images replaced, or undefined when nothing changes. */
function withImages(obj: KubeObject, images: [string, string][]): KubeObject | undefined {
  const { copy, containers } = editableContainers(obj);
  let changed = false;
  for (const [name, image] of images) {
    const targets = name === "*" ? containers : containers.filter((c) => c.name === name);
    if (targets.length === 0) throw new KubectlError(`error: unable to find container named "${name}"`);
    for (const container of targets) {
      if (container.image !== image) changed = true;
      container.image = image;
    }
  }
  return changed ? copy : undefined;
}
