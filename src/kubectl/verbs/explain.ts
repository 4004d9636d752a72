import { explain } from "../../api/schema";
import { missingResourceTypeMessage } from "../cli/commandErrors";
import { bool, str } from "../flagAccess";
import { KubectlError, type Verb, type VerbContext } from "../verb";

/** `kubectl explain RESOURCE[.FIELD…]`: the schema documentation of a kind or field. */
export const explainVerb: Verb = {
  name: "explain",
  short: "Get documentation for a resource",
  usage:
    "kubectl explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2] [options]",
  flags: [
    { name: "api-version", type: "string", usage: "Use given api-version (group/version) of the resource." },
    {
      name: "output",
      shorthand: "o",
      type: "string",
      default: "plaintext",
      usage: "Format in which to render the schema. Valid values are: (plaintext, plaintext-openapiv2).",
    },
    {
      name: "recursive",
      type: "bool",
      usage:
        "When true, print the name of all the fields recursively. Otherwise, print the available fields with their description.",
    },
  ],
  run: runExplain,
};

function runExplain(ctx: VerbContext): number {
  if (ctx.args.length === 0)
    throw new KubectlError(`error: ${missingResourceTypeMessage("explain").trimEnd()}`);
  if (ctx.args.length > 1) throw new KubectlError("error: We accept only this format: explain RESOURCE");
  const output = str(ctx.flags, "output");
  if (output !== "plaintext" && output !== "plaintext-openapiv2") {
    throw new KubectlError(
      `error: unknown output format "${output}". Valid values are: (plaintext, plaintext-openapiv2)`,
    );
  }
  const result = explain(ctx.args[0].split("."), { recursive: bool(ctx.flags, "recursive") });
  ctx.out(result.output);
  if (result.error === undefined) return 0;
  ctx.err(`${result.error.startsWith("error: ") ? result.error : `error: ${result.error}`}\n`);
  return 1;
}
