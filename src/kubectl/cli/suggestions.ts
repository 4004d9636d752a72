/**
 * cobra's "Did you mean this?" suggestions for a mistyped command, and the
 * list of kubectl 1.32's top-level commands in the order cobra holds them
 * (the order kubectl adds them, which is the order suggestions are printed).
 */
import { utf8Bytes } from "./goStrconv";

/** A command as cobra's SuggestionsFor sees it. */
export interface SuggestibleCommand {
  name: string;
  /** cobra's SuggestFor: typed words that suggest this command whatever their distance. */
  suggestFor?: readonly string[];
}

/**
 * kubectl 1.32's available top-level commands, in cobra's order. Hidden or
 * unavailable ones are left out because cobra never suggests them: `alpha`
 * (no alpha subcommands in a release build) and `help`.
 */
export const kubectlRootCommands: readonly SuggestibleCommand[] = [
  ...["create", "expose", "run", "set", "explain"].map((name) => ({ name })),
  { name: "get", suggestFor: ["list", "ps"] },
  { name: "edit" },
  { name: "delete", suggestFor: ["rm"] },
  ...["rollout", "scale", "autoscale"].map((name) => ({ name })),
  ...["certificate", "cluster-info", "top", "cordon", "uncordon", "drain", "taint"].map((name) => ({ name })),
  ...["describe", "logs", "attach", "exec", "port-forward", "proxy", "cp", "auth", "debug", "events"].map(
    (name) => ({ name }),
  ),
  ...["diff", "apply", "patch", "replace"].map((name) => ({ name })),
  { name: "wait", suggestFor: ["list", "ps"] },
  { name: "kustomize" },
  ...["label", "annotate", "completion"].map((name) => ({ name })),
  ...["config", "plugin", "version", "api-versions", "api-resources", "options"].map((name) => ({ name })),
];

/**
 * kubectl 1.32's sub-commands of its command groups (`kubectl create --help` and the others
 * list them), so that one kubeplay does not simulate is named as such rather than being taken
 * for an argument and failing on its flags.
 */
export const kubectlSubcommands: Readonly<Record<string, readonly string[]>> = {
  create: [
    "clusterrole",
    "clusterrolebinding",
    "configmap",
    "cronjob",
    "deployment",
    "ingress",
    "job",
    "namespace",
    "poddisruptionbudget",
    "priorityclass",
    "quota",
    "role",
    "rolebinding",
    "secret",
    "service",
    "serviceaccount",
    "token",
  ],
  "create secret": ["docker-registry", "generic", "tls"],
  "create service": ["clusterip", "externalname", "loadbalancer", "nodeport"],
  set: ["env", "image", "resources", "selector", "serviceaccount", "subject"],
  rollout: ["history", "pause", "restart", "resume", "status", "undo"],
  config: [
    "current-context",
    "delete-cluster",
    "delete-context",
    "delete-user",
    "get-clusters",
    "get-contexts",
    "get-users",
    "rename-context",
    "set",
    "set-cluster",
    "set-context",
    "set-credentials",
    "unset",
    "use-context",
    "view",
  ],
};

/**
 * Levenshtein distance over UTF-8 bytes, as cobra's ld() computes it;
 * with `ignoreCase` both sides are lower-cased first.
 */
export function levenshteinDistance(s: string, t: string, ignoreCase: boolean): number {
  const a = utf8Bytes(ignoreCase ? s.toLowerCase() : s);
  const b = utf8Bytes(ignoreCase ? t.toLowerCase() : t);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      row.push(Math.min(previous[j] + 1, row[j - 1] + 1, substitution));
    }
    previous = row;
  }
  return previous[b.length];
}

/**
 * cobra's SuggestionsFor: in command order, each command within
 * `minimumDistance` edits (ignoring case) or starting with the typed word
 * (ignoring case), then once more for each of its SuggestFor words that
 * equals the typed word (ignoring case). Duplicates are kept, as cobra keeps them.
 */
export function suggestionsFor(
  typed: string,
  commands: readonly SuggestibleCommand[] = kubectlRootCommands,
  minimumDistance = 2,
): string[] {
  const suggestions: string[] = [];
  for (const command of commands) {
    const near = levenshteinDistance(typed, command.name, true) <= minimumDistance;
    const prefix = command.name.toLowerCase().startsWith(typed.toLowerCase());
    if (near || prefix) suggestions.push(command.name);
    for (const word of command.suggestFor ?? []) {
      if (word.toLowerCase() === typed.toLowerCase()) suggestions.push(command.name);
    }
  }
  return suggestions;
}
