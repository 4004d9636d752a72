import type { KubeObject } from "../../../api/types";
import { isConfigMapKey } from "../../../api/validation/stringValidators";
import { goJsonEncode } from "../../../apimachinery/patch/goJson";
import { bool, list, str } from "../../flagAccess";
import { nameWithContentHash } from "./contentHash";
import { verbHelp } from "../../help";
import { KubectlError, type Verb, type VerbContext } from "../../verb";
import { dataEntries, dataSourceFlags } from "./configmap";
import { type DataEntry, parseFileSource } from "./dataSources";
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

const DOCKER_CONFIG_JSON_KEY = ".dockerconfigjson";

/**
 * `kubectl create secret docker-registry NAME --docker-username --docker-password
 * [--docker-email] [--docker-server]` (or `--from-file` of a config.json): a
 * kubernetes.io/dockerconfigjson Secret, for a pod's imagePullSecrets.
 */
export const createSecretDockerRegistryVerb: Verb = {
  name: "docker-registry",
  short: "Create a secret for use with a Docker registry",
  usage:
    "kubectl create secret docker-registry NAME --docker-username=user --docker-password=password --docker-email=email [--docker-server=string] [--from-file=[key=]source] [--dry-run=server|client|none] [options]",
  flags: [
    { name: "append-hash", type: "bool", usage: "Append a hash of the secret to its name." },
    { name: "docker-email", type: "string", usage: "Email for Docker registry" },
    { name: "docker-password", type: "string", usage: "Password for Docker registry authentication" },
    {
      name: "docker-server",
      type: "string",
      default: "https://index.docker.io/v1/",
      usage: "Server location for Docker registry",
    },
    { name: "docker-username", type: "string", usage: "Username for Docker registry authentication" },
    ...GENERATOR_FLAGS,
    {
      name: "from-file",
      type: "stringSlice",
      usage:
        "Key files can be specified using their file path, in which case a default name of .dockerconfigjson will be given to them, or optionally with a name and file path, in which case the given name will be used. Specifying a directory will iterate each named file in the directory that is a valid secret key. For this command, the key should always be .dockerconfigjson.",
    },
  ],
  run: (ctx) => {
    const name = nameFromArgs(ctx, "create secret docker-registry");
    const files = list(ctx.flags, "from-file").map((f) =>
      f.includes("=") ? f : `${DOCKER_CONFIG_JSON_KEY}=${f}`,
    );
    const [username, password, email, server] = ["username", "password", "email", "server"].map((f) =>
      str(ctx.flags, `docker-${f}`),
    );
    if (files.length === 0 && (!username || !password || !server))
      throw new KubectlError(
        "error: either --from-file or the combination of --docker-username, --docker-password and --docker-server is required",
      );
    const entries =
      files.length > 0
        ? files.map((f) => parseFileSource(ctx, f))
        : [{ key: DOCKER_CONFIG_JSON_KEY, value: dockerConfigJson(username, password, email, server) }];
    return createGenerated(
      ctx,
      secretFor(ctx, name, entries, "kubernetes.io/dockerconfigjson"),
      (m) => `failed to create secret ${m}`,
    );
  },
};

/** The config.json `docker login` writes, as kubectl marshals it (empty fields left out). */
function dockerConfigJson(username: string, password: string, email: string, server: string): string {
  const entry: Record<string, string> = {};
  if (username) entry.username = username;
  if (password) entry.password = password;
  if (email) entry.email = email;
  entry.auth = base64(`${username}:${password}`);
  return goJsonEncode({ auths: { [server]: entry } }, false);
}

/** `kubectl create secret`: only a group of generators. */
export const createSecretVerb: Verb = {
  name: "secret",
  short: "Create a secret using a specified subcommand",
  usage: "kubectl create secret (docker-registry | generic | tls) [options]",
  flags: [],
  subcommands: [createSecretDockerRegistryVerb, createSecretGenericVerb],
  run: (ctx) => {
    // cobra's DefaultSubCommandRun: the group's help on stderr, exit 1.
    ctx.err(verbHelp(createSecretVerb, ["create", "secret"]));
    return 1;
  },
};

function secretFor(ctx: VerbContext, name: string, entries: DataEntry[], fixedType?: string): KubeObject {
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
  const type = fixedType ?? str(ctx.flags, "type");
  if (type) obj.type = type;
  if (bool(ctx.flags, "append-hash")) obj.metadata.name = nameWithContentHash(obj);
  return obj;
}

/** Standard base64 of the UTF-8 bytes, as Go's []byte fields marshal. */
export function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}
