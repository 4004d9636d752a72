import type { KubeObject } from "../../../api/types";
import { isConfigMapKey } from "../../../api/validation/stringValidators";
import { str } from "../../flagAccess";
import { verbHelp } from "../../help";
import { KubectlError, type Verb, type VerbContext } from "../../verb";
import { dataEntries, dataSourceFlags } from "./configmap";
import type { DataEntry } from "./dataSources";
import { createGenerated, GENERATOR_FLAGS, generatedMeta, nameFromArgs } from "./generatorRun";

/** `kubectl create secret generic NAME [--type] [--from-file] [--from-literal] [--from-env-file]`. */
export const createSecretGenericVerb: Verb = {
  name: "generic",
  short: "Create a secret from a local file, directory, or literal value",
  usage:
    "kubectl create secret generic NAME [--type=string] [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [options]",
  flags: [
    { name: "append-hash", type: "bool", usage: "Append a hash of the secret to its name." },
    ...GENERATOR_FLAGS,
    ...dataSourceFlags("secret"),
    { name: "type", type: "string", usage: "The type of secret to create" },
  ],
  run: (ctx) => {
    const name = nameFromArgs(ctx, "create secret generic");
    return createGenerated(
      ctx,
      secretFor(ctx, name, dataEntries(ctx)),
      (m) => `failed to create secret ${m}`,
    );
  },
};

/** `kubectl create secret`: only a group of generators. */
export const createSecretVerb: Verb = {
  name: "secret",
  short: "Create a secret using a specified subcommand",
  usage: "kubectl create secret (docker-registry | generic | tls) [options]",
  flags: [],
  subcommands: [createSecretGenericVerb],
  run: (ctx) => {
    // cobra's DefaultSubCommandRun: the group's help on stderr, exit 1.
    ctx.err(verbHelp(createSecretVerb, ["create", "secret"]));
    return 1;
  },
};

function secretFor(ctx: VerbContext, name: string, entries: DataEntry[]): KubeObject {
  const data: Record<string, string> = {};
  for (const { key, value } of entries) {
    const errors = isConfigMapKey(key);
    if (errors.length > 0)
      throw new KubectlError(`error: "${key}" is not valid key name for a Secret ${errors.join(";")}`);
    if (key in data)
      throw new KubectlError(`error: cannot add key ${key}, another key by that name already exists`);
    data[key] = base64(value);
  }
  const obj: KubeObject = { apiVersion: "v1", kind: "Secret", metadata: generatedMeta(ctx, name) };
  if (entries.length > 0) obj.data = data;
  const type = str(ctx.flags, "type");
  if (type) obj.type = type;
  return obj;
}

/** Standard base64 of the UTF-8 bytes, as Go's []byte fields marshal. */
export function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}
