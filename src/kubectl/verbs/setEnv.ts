import type { EnvVar, EnvVarSource } from "kubernetes-types/core/v1";
import { bool, list, str } from "../flagAccess";
import { queryObjects } from "../query";
import { resolveResourceArgs } from "../resources";
import { KubectlError, type Verb, type VerbContext } from "../verb";
import {
  ALL_FLAG,
  DIRECTORY_FLAGS,
  DRY_RUN_FLAG,
  fieldManagerFlag,
  FILENAME_FLAG,
  PRINT_FLAGS,
  SELECTOR_FLAG,
} from "./commonFlags";
import { editableContainers, selectContainers, updateTemplates } from "./podTemplate";
import { resolveTargets, splitResourcesAndPairs } from "./resourceTargets";

/** `kubectl set env`: add, change (`KEY=value`) or remove (`KEY-`) environment variables, or `--list` them. */
export const setEnvVerb: Verb = {
  name: "env",
  short: "Update environment variables on a pod template",
  usage: "kubectl set env RESOURCE/NAME KEY_1=VAL_1 ... KEY_N=VAL_N [options]",
  flags: [
    fieldManagerFlag("kubectl-set"),
    ...DIRECTORY_FLAGS,
    ALL_FLAG,
    {
      name: "containers",
      shorthand: "c",
      type: "string",
      default: "*",
      usage: "The names of containers in the selected pod templates to change - may use wildcards",
    },
    DRY_RUN_FLAG,
    {
      name: "env",
      shorthand: "e",
      type: "stringArray",
      usage: "Specify a key-value pair for an environment variable to set into each container.",
    },
    FILENAME_FLAG,
    {
      name: "from",
      type: "string",
      usage: "The name of a resource from which to inject environment variables",
    },
    {
      name: "keys",
      type: "stringSlice",
      usage: "Comma-separated list of keys to import from specified resource",
    },
    {
      name: "list",
      type: "bool",
      usage:
        "If true, display the environment and any changes in the standard format. this flag will removed when we have kubectl view env.",
    },
    ...PRINT_FLAGS,
    {
      name: "overwrite",
      type: "bool",
      default: true,
      usage:
        "If true, allow environment to be overwritten, otherwise reject updates that overwrite existing environment.",
    },
    {
      name: "prefix",
      type: "string",
      usage: "Prefix to append to variable names",
    },
    SELECTOR_FLAG,
  ],
  run: runSetEnv,
};

function runSetEnv(ctx: VerbContext): number {
  const { resources, pairs } = splitResourcesAndPairs(ctx.args, "env");
  const pattern = str(ctx.flags, "containers") || "*";
  const from = str(ctx.flags, "from");
  if (list(ctx.flags, "keys").length > 0 && !from)
    throw new KubectlError(
      "error: when specifying --keys, a configmap or secret must be provided with --from",
    );
  if (bool(ctx.flags, "list")) return listEnv(ctx, resources, pattern);
  const changes = [...pairs, ...list(ctx.flags, "env")];
  const imported = from ? importedEnv(ctx, from) : [];
  if (changes.length === 0 && imported.length === 0)
    throw new KubectlError("error: at least one environment variable must be provided");
  const prefix = str(ctx.flags, "prefix");
  const sets = [...changes.filter((c) => !c.endsWith("-")).map(parseEnvPair), ...imported].map((e) => ({
    ...e,
    name: prefix + e.name,
  }));
  const removals = changes.filter((c) => c.endsWith("-")).map((c) => c.slice(0, -1));
  return updateTemplates(
    ctx,
    resources,
    (obj) => {
      const { copy, regular } = editableContainers(obj);
      for (const c of selectContainers(regular, pattern))
        c.env = editEnv(c.env ?? [], sets, removals, bool(ctx.flags, "overwrite"));
      return copy;
    },
    "env updated",
  );
}

/**
 * --from=configmap/NAME or secret/NAME [--keys=…]: a variable per key (or per key listed),
 * each a reference to it, named as keyToEnvName names it (upper case, `_` for anything else,
 * with a warning when that changed the key). Go ranges over the data in random order; sorted
 * keeps the playground deterministic.
 */
function importedEnv(ctx: VerbContext, from: string): EnvVar[] {
  const scope = { namespace: ctx.namespace, allNamespaces: false };
  const { objects, errors } = queryObjects(ctx.cluster, resolveResourceArgs([from]), scope);
  if (errors.length > 0) throw errors[0];
  const keys = list(ctx.flags, "keys");
  const env: EnvVar[] = [];
  for (const source of objects) {
    if (source.kind !== "ConfigMap" && source.kind !== "Secret")
      throw new KubectlError("error: unsupported resource specified in --from");
    const ref = { name: source.metadata.name ?? "" };
    for (const key of Object.keys(source.data ?? {}).sort()) {
      if (keys.length > 0 && !keys.includes(key)) continue;
      const name = key.replace(/[^a-zA-Z0-9_]/g, "_").toUpperCase();
      if (name !== key) ctx.err(`Warning: key ${key} transferred to ${name}\n`);
      const valueFrom =
        source.kind === "Secret" ? { secretKeyRef: { ...ref, key } } : { configMapKeyRef: { ...ref, key } };
      env.push({ name, valueFrom });
    }
  }
  return env;
}

function parseEnvPair(pair: string): EnvVar {
  const at = pair.indexOf("=");
  if (at <= 0) throw new KubectlError(`error: environment variables must be of the form key=value: ${pair}`);
  return { name: pair.slice(0, at), value: pair.slice(at + 1) };
}

function editEnv(
  env: EnvVar[],
  sets: EnvVar[],
  removals: string[],
  overwrite: boolean,
): EnvVar[] | undefined {
  let next = env.filter((e) => !removals.includes(e.name));
  for (const set of sets) {
    const existing = next.find((e) => e.name === set.name);
    if (existing && !overwrite)
      throw new KubectlError(
        `error: '${set.name}' already has a value (${existing.value}), and --overwrite is false`,
      );
    next = existing ? next.map((e) => (e.name === set.name ? set : e)) : [...next, set];
  }
  return next.length > 0 ? next : undefined;
}

/** `--list`: the environment of each container, as `# Deployment web, container nginx` then `KEY=value` lines. */
function listEnv(ctx: VerbContext, resources: string[], pattern: string): number {
  const { objects } = resolveTargets(ctx, resources);
  for (const obj of objects) {
    const { regular } = editableContainers(obj);
    for (const c of selectContainers(regular, pattern)) {
      ctx.out(`# ${obj.kind} ${obj.metadata.name}, container ${c.name}\n`);
      for (const e of c.env ?? [])
        ctx.out(
          e.value !== undefined
            ? `${e.name}=${e.value}\n`
            : `# ${e.name} from ${envVarRefString(e.valueFrom ?? {})}\n`,
        );
    }
  }
  return 0;
}

/** GetEnvVarRefString: where a variable's value comes from, in `set env --list`. */
function envVarRefString(from: EnvVarSource): string {
  if (from.configMapKeyRef) return `configmap ${from.configMapKeyRef.name}, key ${from.configMapKeyRef.key}`;
  if (from.secretKeyRef) return `secret ${from.secretKeyRef.name}, key ${from.secretKeyRef.key}`;
  if (from.fieldRef) return `field path ${from.fieldRef.fieldPath}`;
  if (from.resourceFieldRef) {
    const container = from.resourceFieldRef.containerName ? `${from.resourceFieldRef.containerName}/` : "";
    return `resource field ${container}${from.resourceFieldRef.resource}`;
  }
  return "invalid valueFrom";
}
