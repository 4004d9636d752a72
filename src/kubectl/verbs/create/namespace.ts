import type { Verb } from "../../verb";
import { createGenerated, GENERATOR_FLAGS, generatedMeta, nameFromArgs } from "./generatorRun";

/** `kubectl create namespace NAME`; server errors print unwrapped, as kubectl's do. */
export const createNamespaceVerb: Verb = {
  name: "namespace",
  aliases: ["ns"],
  short: "Create a namespace with the specified name",
  usage: "kubectl create namespace NAME [--dry-run=server|client|none] [options]",
  flags: GENERATOR_FLAGS,
  run: (ctx) => {
    const name = nameFromArgs(ctx, "create namespace");
    const meta = generatedMeta({ ...ctx, namespaceExplicit: false }, name);
    return createGenerated(ctx, {
      apiVersion: "v1",
      kind: "Namespace",
      metadata: meta,
      spec: {},
      status: {},
    });
  },
};
