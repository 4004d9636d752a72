import type { EnvVar } from "kubernetes-types/core/v1";
import { bool, list, str } from "../flagAccess";
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
    SELECTOR_FLAG,
  ],
  run: runSetEnv,
};

function runSetEnv(ctx: VerbContext): number {
  const { resources, pairs } = splitResourcesAndPairs(ctx.args, "env");
  const pattern = str(ctx.flags, "containers") || "*";
  if (bool(ctx.flags, "list")) return listEnv(ctx, resources, pattern);
  const changes = [...pairs, ...list(ctx.flags, "env")];
  if (changes.length === 0)
    throw new KubectlError("error: at least one environment variable must be provided");
  const sets = changes.filter((c) => !c.endsWith("-")).map(parseEnvPair);
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
            : `# ${e.name} from: ${JSON.stringify(e.valueFrom)}\n`,
        );
    }
  }
  return 0;
}
