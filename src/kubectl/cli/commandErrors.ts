/**
 * kubectl's top-level error texts, byte for byte as kubectl 1.32 prints them
 * (see goldens/ for the captured originals). Messages are built without the
 * "error: " prefix; kubectlFailure adds it the way kubectl's CheckErr does.
 */
import type { FlagSpec } from "./flagSpec";
import { goQuote } from "./goStrconv";
import type { SuggestibleCommand } from "./suggestions";
import { kubectlRootCommands, suggestionsFor } from "./suggestions";

/** What a failed kubectl invocation leaves behind: its stderr and exit status. */
export interface KubectlFailure {
  stderr: string;
  exitCode: number;
}

/**
 * kubectl's CheckErr: prefixes "error: " unless the message already starts
 * with it, ends it with a newline, and exits with status 1 (or `exitCode`).
 */
export function kubectlFailure(message: string, exitCode = 1): KubectlFailure {
  let stderr = message.startsWith("error: ") ? message : `error: ${message}`;
  if (!stderr.endsWith("\n")) stderr += "\n";
  return { stderr, exitCode };
}

/**
 * cobra's error for an unknown top-level command, with its suggestions:
 * `unknown command "gett" for "kubectl"\n\nDid you mean this?\n\tset\n\tget\n`.
 */
export function unknownCommandMessage(
  typed: string,
  commands: readonly SuggestibleCommand[] = kubectlRootCommands,
  rootPath = "kubectl",
): string {
  const message = `unknown command ${goQuote(typed)} for ${goQuote(rootPath)}`;
  const suggestions = suggestionsFor(typed, commands);
  if (suggestions.length === 0) return message;
  return `${message}\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join("")}`;
}

/**
 * kubectl's wrapper around a flag parse error (templater.FlagErrorFunc):
 * `unknown flag: --bar\nSee 'kubectl get --help' for usage.`
 */
export function flagErrorMessage(parseError: string, commandPath: string): string {
  return `${parseError}\nSee '${commandPath} --help' for usage.`;
}

/**
 * kubectl's UsageErrorf: the message and a pointer to the command's help,
 * `...\nSee 'kubectl logs -h' for help and examples`.
 */
export function usageErrorMessage(commandPath: string, message: string): string {
  return `${message}\nSee '${commandPath} -h' for help and examples`;
}

/**
 * What a command group (rollout, set, config, ...) says when given an
 * unknown subcommand: `unknown command "statuss x"` and its usage hint.
 */
export function unknownSubcommandMessage(commandPath: string, args: readonly string[]): string {
  return usageErrorMessage(commandPath, `unknown command ${goQuote(args.join(" "))}`);
}

/**
 * cobra's required-flag check: `required flag(s) "max", "min" not set` for
 * the required flags not given, in name order; null when all were given.
 */
export function requiredFlagsMessage(
  specs: readonly FlagSpec[],
  changed: ReadonlySet<string>,
): string | null {
  const missing = specs
    .filter((spec) => spec.required && !changed.has(spec.name))
    .map((spec) => spec.name)
    .sort();
  if (missing.length === 0) return null;
  return `required flag(s) "${missing.join('", "')}" not set`;
}

/**
 * kubectl's plugin lookup, which runs before cobra when the command is not
 * found and the line starts with a flag (`kubectl -n default gett pods`).
 * Printed with cobra's capitalised "Error: " and no suggestions.
 */
export function flagsBeforePluginNameFailure(firstArg: string): KubectlFailure {
  return { stderr: `Error: flags cannot be placed before plugin name: ${firstArg}\n`, exitCode: 1 };
}

/** cmdutil.SuggestAPIResources. */
export function suggestAPIResources(rootPath = "kubectl"): string {
  return `Use "${rootPath} api-resources" for a complete list of supported resources.`;
}

/** `kubectl describe` / `kubectl explain` without a resource type; `verb` is "describe" or "explain". */
export function missingResourceTypeMessage(verb: string): string {
  return `You must specify the type of resource to ${verb}. ${suggestAPIResources()}\n`;
}

/** `kubectl get` without a resource type: a notice, a blank line, then the usage error. */
export function getWithoutResourceFailure(): KubectlFailure {
  const notice = `You must specify the type of resource to get. ${suggestAPIResources()}\n\n`;
  const usage = usageErrorMessage(
    "kubectl get",
    'Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).',
  );
  const failure = kubectlFailure(usage);
  return { stderr: notice + failure.stderr, exitCode: failure.exitCode };
}

/**
 * The resource builder's error when no resource was named (`kubectl delete`,
 * `edit`, `expose`, `set image` with no arguments).
 */
export const noResourcesMessage =
  "You must provide one or more resources by argument or filename.\n" +
  "Example resource specifications include:\n" +
  "   '-f rsrc.yaml'\n" +
  "   '--filename=rsrc.json'\n" +
  "   '<resource> <name>'\n" +
  "   '<resource>'";
