import type { KubeObject } from "../../../api/types";
import { isConfigMapKey } from "../../../api/validation/stringValidators";
import { bool, list } from "../../flagAccess";
import { nameWithContentHash } from "./contentHash";
import { KubectlError, type Verb, type VerbContext } from "../../verb";
import { createGenerated, GENERATOR_FLAGS, generatedMeta, nameFromArgs } from "./generatorRun";
import { type DataEntry, parseEnvFile, parseFileSource, parseLiteralSource } from "./dataSources";

/** The --from-* flags configmap and secret generic share (their help texts differ slightly). */
export function dataSourceFlags(what: "configmap" | "secret"): Verb["flags"] {
  return [
    {
      name: "from-env-file",
      type: "stringSlice",
      usage: `Specify the path to a file to read lines of key=val pairs to create a ${what}.`,
    },
    {
      name: "from-file",
      type: "stringSlice",
      usage:
        what === "configmap"
          ? "Key file can be specified using its file path, in which case file basename will be used as configmap key, or optionally with a key and file path, in which case the given key will be used.  Specifying a directory will iterate each named file in the directory whose basename is a valid configmap key."
          : "Key files can be specified using their file path, in which case a default name will be given to them, or optionally with a name and file path, in which case the given name will be used.  Specifying a directory will iterate each named file in the directory that is a valid secret key.",
    },
    {
      name: "from-literal",
      type: "stringArray",
      usage: `Specify a key and literal value to insert in ${what} (i.e. mykey=somevalue)`,
    },
  ];
}

/** The entries of --from-file, --from-literal and --from-env-file, with kubectl's combination rule. */
export function dataEntries(ctx: VerbContext): DataEntry[] {
  const envFiles = list(ctx.flags, "from-env-file");
  const files = list(ctx.flags, "from-file");
  const literals = list(ctx.flags, "from-literal");
  if (envFiles.length > 0 && (files.length > 0 || literals.length > 0)) {
    throw new KubectlError("error: from-env-file cannot be combined with from-file or from-literal");
  }
  return [
    ...files.map((f) => parseFileSource(ctx, f)),
    ...literals.map(parseLiteralSource),
    ...envFiles.flatMap((f) => parseEnvFile(ctx, f)),
  ];
}

/** `kubectl create configmap NAME [--from-file] [--from-literal] [--from-env-file]`. */
export const createConfigMapVerb: Verb = {
  name: "configmap",
  aliases: ["cm"],
  short: "Create a config map from a local file, directory or literal value",
  usage:
    "kubectl create configmap NAME [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [options]",
  flags: [
    { name: "append-hash", type: "bool", usage: "Append a hash of the configmap to its name." },
    ...GENERATOR_FLAGS,
    ...dataSourceFlags("configmap"),
  ],
  run: (ctx) => {
    const name = nameFromArgs(ctx, "create configmap");
    return createGenerated(
      ctx,
      configMapFor(ctx, name, dataEntries(ctx)),
      (m) => `failed to create configmap: ${m}`,
    );
  },
};

function configMapFor(ctx: VerbContext, name: string, entries: DataEntry[]): KubeObject {
  const data: Record<string, string> = {};
  for (const { key, value } of entries) {
    const errors = isConfigMapKey(key);
    if (errors.length > 0)
      throw new KubectlError(`error: "${key}" is not a valid key name for a ConfigMap: ${errors.join(",")}`);
    if (key in data) {
      throw new KubectlError(
        `error: cannot add key "${key}", another key by that name already exists in Data for ConfigMap "${name}"`,
      );
    }
    data[key] = value;
  }
  const obj: KubeObject = { apiVersion: "v1", kind: "ConfigMap", metadata: generatedMeta(ctx, name) };
  if (entries.length > 0) obj.data = data;
  if (bool(ctx.flags, "append-hash")) obj.metadata.name = nameWithContentHash(obj);
  return obj;
}
