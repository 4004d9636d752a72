import type { KubeObject } from "../../../api/types";
import { generateNameSuffix } from "../../../util/random";
import { list, num } from "../../flagAccess";
import { KubectlError, type Verb, type VerbContext } from "../../verb";
import {
  createGenerated,
  GENERATOR_FLAGS,
  generatedMeta,
  nameAndCommand,
  requireFlags,
} from "./generatorRun";

const IMAGE_FLAG = {
  name: "image",
  type: "stringSlice" as const,
  usage: "Image names to run. A deployment can have multiple images set for multi-container pod.",
  required: true,
};

/** `kubectl create deployment NAME --image=IMAGE [--replicas] [--port] [-- COMMAND]`. */
export const createDeploymentVerb: Verb = {
  name: "deployment",
  aliases: ["deploy"],
  short: "Create a deployment with the specified name",
  usage: "kubectl create deployment NAME --image=image -- [COMMAND] [args...] [options]",
  flags: [
    ...GENERATOR_FLAGS,
    IMAGE_FLAG,
    { name: "port", type: "int32", default: -1, usage: "The containerPort that this deployment exposes." },
    {
      name: "replicas",
      shorthand: "r",
      type: "int32",
      default: 1,
      usage: "Number of replicas to create. Default is 1.",
    },
  ],
  run: (ctx) => {
    requireFlags(ctx, [IMAGE_FLAG]);
    const { name, command } = nameAndCommand(ctx, "create deployment");
    const images = list(ctx.flags, "image");
    if (images.length > 1 && command.length > 0)
      throw new KubectlError("error: cannot specify multiple --image options and command");
    return createGenerated(
      ctx,
      deploymentFor(ctx, name, images, command),
      (m) => `failed to create deployment: ${m}`,
    );
  },
};

function deploymentFor(ctx: VerbContext, name: string, images: string[], command: string[]): KubeObject {
  const labels = { app: name };
  const containers: Record<string, unknown>[] = images.map((image) => ({
    ...(command.length > 0 ? { command } : {}),
    image,
    name: containerNameFor(ctx, image),
    resources: {},
  }));
  const port = num(ctx.flags, "port");
  if (port >= 0 && containers.length > 0) containers[0].ports = [{ containerPort: port }];
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: generatedMeta(ctx, name, { labels }),
    spec: {
      replicas: num(ctx.flags, "replicas"),
      selector: { matchLabels: { ...labels } },
      strategy: {},
      template: { metadata: { creationTimestamp: null, labels: { ...labels } }, spec: { containers } },
    },
    status: {},
  };
}

/**
 * The container name kubectl derives from an image: the last path segment without tag or
 * digest; `_` and `.` become `-` plus a random suffix (sanitizeAndUniquify).
 */
export function containerNameFor(ctx: VerbContext, image: string): string {
  let name = image.split("/").pop() ?? image;
  name = name.split(":")[0].split("@")[0];
  if (/[_.]/.test(name)) name = `${name.replace(/[_.]/g, "-")}-${generateNameSuffix(ctx.cluster.random)}`;
  return name;
}
