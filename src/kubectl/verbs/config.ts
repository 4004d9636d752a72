/**
 * `kubectl config`: the console's kubeconfig (src/kubectl/kubeconfig.ts). Contexts, the current
 * one and each one's default namespace are the learner's to change, as in real life
 * (`kubectl config set-context --current --namespace=dev`); the one cluster and user are fixed.
 * Texts are kubectl 1.32.5's, recorded with a kubeconfig like this one.
 */
import type { KubeObject } from "../../api/types";
import { bool, str } from "../flagAccess";
import { verbHelp } from "../help";
import { KUBECONFIG_CLUSTER, KUBECONFIG_USER, type KubeContext } from "../kubeconfig";
import { tabwrite } from "../output";
import { checkOutputFormat, printFlags } from "../print";
import { formatOutput } from "../structuredOutput";
import { KubectlError, type Verb } from "../verb";
import { OUTPUT_FLAG } from "./commonFlags";

const currentContextVerb: Verb = {
  name: "current-context",
  short: "Display the current-context",
  usage: "kubectl config current-context [flags] [options]",
  flags: [],
  run: (ctx) => {
    ctx.out(`${ctx.cluster.kubeconfig.currentContext}\n`);
    return 0;
  },
};

const viewVerb: Verb = {
  name: "view",
  short: "Display merged kubeconfig settings or a specified kubeconfig file",
  usage: "kubectl config view [flags] [options]",
  flags: [
    {
      name: "minify",
      type: "bool",
      usage: "Remove all information not used by current-context from the output",
    },
    { name: "raw", type: "bool", usage: "Display raw byte data and sensitive data" },
    { ...OUTPUT_FLAG, default: "yaml" },
  ],
  run: (ctx) => {
    const config = ctx.cluster.kubeconfig.view({
      minify: bool(ctx.flags, "minify"),
      raw: bool(ctx.flags, "raw"),
    });
    const { output: given, allowMissingKeys } = printFlags(ctx);
    const output = given || "yaml";
    checkOutputFormat(output);
    // A typed struct (clientcmd's v1.Config): JSON in its field order.
    ctx.out(
      formatOutput([config as unknown as KubeObject], output, {
        single: true,
        sortKeys: false,
        allowMissingKeys,
      }),
    );
    return 0;
  },
};

const getContextsVerb: Verb = {
  name: "get-contexts",
  short: "Describe one or many contexts",
  usage: "kubectl config get-contexts [(-o|--output=)name)] [options]",
  flags: [
    {
      name: "no-headers",
      type: "bool",
      usage:
        "When using the default or custom-column output format, don't print headers (default print headers).",
    },
    { name: "output", shorthand: "o", type: "string", usage: "Output format. One of: (name)." },
  ],
  run: (ctx) => {
    const { kubeconfig } = ctx.cluster;
    const names = [...kubeconfig.contexts.keys()].sort();
    const wanted = ctx.args.length > 0 ? ctx.args : names;
    const nameOnly = str(ctx.flags, "output") === "name";
    const lines =
      nameOnly || bool(ctx.flags, "no-headers") ? [] : ["CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE"];
    const missing: string[] = [];
    for (const name of wanted) {
      const context = kubeconfig.contexts.get(name);
      if (!context) missing.push(name);
      else if (nameOnly) lines.push(name);
      else lines.push(contextRow(name, context, name === kubeconfig.currentContext));
    }
    ctx.out(nameOnly ? lines.map((l) => `${l}\n`).join("") : tabwrite(lines.map((l) => `${l}\n`).join("")));
    if (missing.length === 0) return 0;
    throw new KubectlError(missing.map((name) => `error: context ${name} not found`).join("\n"));
  },
};

function contextRow(name: string, context: KubeContext, current: boolean): string {
  return [current ? "*" : "", name, context.cluster, context.user, context.namespace ?? ""].join("\t");
}

/** `config get-clusters` and `get-users`: a NAME column over the kubeconfig's one entry. */
function nameListVerb(name: string, short: string, entry: string): Verb {
  return {
    name,
    short,
    usage: `kubectl config ${name} [flags] [options]`,
    flags: [],
    run: (ctx) => {
      ctx.out(`NAME\n${entry}\n`);
      return 0;
    },
  };
}

const getClustersVerb = nameListVerb(
  "get-clusters",
  "Display clusters defined in the kubeconfig",
  KUBECONFIG_CLUSTER,
);
const getUsersVerb = nameListVerb("get-users", "Display users defined in the kubeconfig", KUBECONFIG_USER);

const setContextVerb: Verb = {
  name: "set-context",
  short: "Set a context entry in kubeconfig",
  usage:
    "kubectl config set-context [NAME | --current] [--cluster=cluster_nickname] [--user=user_nickname] [--namespace=namespace] [options]",
  flags: [
    { name: "cluster", type: "string", usage: "cluster for the context entry in kubeconfig" },
    { name: "current", type: "bool", usage: "Modify the current context" },
    { name: "namespace", type: "string", usage: "namespace for the context entry in kubeconfig" },
    { name: "user", type: "string", usage: "user for the context entry in kubeconfig" },
  ],
  run: (ctx) => {
    const { kubeconfig } = ctx.cluster;
    const name = bool(ctx.flags, "current") ? kubeconfig.currentContext : (ctx.args[0] ?? "");
    if (!name) throw new KubectlError("error: you must specify a non-empty context name or --current");
    const existing = kubeconfig.contexts.get(name);
    const context: KubeContext = existing ? { ...existing } : { cluster: "", user: "" };
    if (ctx.changed.has("cluster")) context.cluster = str(ctx.flags, "cluster");
    if (ctx.changed.has("user")) context.user = str(ctx.flags, "user");
    // The context's namespace ("" removes it).
    if (ctx.changed.has("namespace")) {
      const namespace = str(ctx.flags, "namespace");
      if (namespace) context.namespace = namespace;
      else delete context.namespace;
    }
    kubeconfig.contexts.set(name, context);
    ctx.out(`Context "${name}" ${existing ? "modified" : "created"}.\n`);
    return 0;
  },
};

const useContextVerb: Verb = {
  name: "use-context",
  aliases: ["use"],
  short: "Set the current-context in a kubeconfig file",
  usage: "kubectl config use-context CONTEXT_NAME [options]",
  flags: [],
  run: (ctx) => {
    const name = ctx.args[0];
    if (ctx.args.length !== 1) {
      ctx.out(verbHelp(useContextVerb, ["config", "use-context"]));
      throw new KubectlError(`error: Unexpected args: [${ctx.args.join(" ")}]`);
    }
    const { kubeconfig } = ctx.cluster;
    if (!kubeconfig.contexts.has(name))
      throw new KubectlError(`error: no context exists with the name: "${name}"`);
    kubeconfig.currentContext = name;
    ctx.out(`Switched to context "${name}".\n`);
    return 0;
  },
};

/** `kubectl config`: only a group of sub-commands (with none, its help and exit status 1, as kubectl). */
export const configVerb: Verb = {
  name: "config",
  short: "Modify kubeconfig files",
  usage: "kubectl config SUBCOMMAND [options]",
  flags: [],
  subcommands: [
    currentContextVerb,
    getClustersVerb,
    getContextsVerb,
    getUsersVerb,
    setContextVerb,
    useContextVerb,
    viewVerb,
  ],
  group: true,
  run: (ctx) => {
    ctx.out(verbHelp(configVerb, ["config"]));
    return 1;
  },
};
