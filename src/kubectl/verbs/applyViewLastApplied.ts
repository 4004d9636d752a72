import { lastAppliedConfigAnnotation } from "../../apimachinery/patch";
import { usageErrorMessage } from "../cli/commandErrors";
import { formatError } from "../errorText";
import { str } from "../flagAccess";
import { toYaml } from "../output";
import { KubectlError, type Verb, type VerbContext } from "../verb";
import { ALL_FLAG, DIRECTORY_FLAGS, FILENAME_FLAG, SELECTOR_FLAG } from "./commonFlags";
import { resolveTargets } from "./resourceTargets";

/**
 * `kubectl apply view-last-applied`: the last-applied-configuration annotation of each object
 * (what the next `kubectl apply` merges against), as YAML or indented JSON, one after another.
 */
export const applyViewLastAppliedVerb: Verb = {
  name: "view-last-applied",
  short: "View the latest last-applied-configuration annotations of a resource/object",
  usage: "kubectl apply view-last-applied (TYPE [NAME | -l label] | TYPE/NAME | -f FILENAME) [options]",
  flags: [
    ...DIRECTORY_FLAGS,
    ALL_FLAG,
    {
      ...FILENAME_FLAG,
      usage: "Filename, directory, or URL to files that contains the last-applied-configuration annotations",
    },
    {
      name: "output",
      shorthand: "o",
      type: "string",
      default: "yaml",
      usage: "Output format. Must be one of (yaml, json)",
    },
    SELECTOR_FLAG,
  ],
  run: runViewLastApplied,
};

function runViewLastApplied(ctx: VerbContext): number {
  const { objects, errors } = resolveTargets(ctx, ctx.args);
  // The builder stops at the first error, before anything is printed.
  if (errors.length > 0) {
    ctx.err(formatError(errors[0]));
    return 1;
  }
  const configs: string[] = [];
  for (const obj of objects) {
    const config = obj.metadata.annotations?.[lastAppliedConfigAnnotation];
    if (config === undefined)
      throw new KubectlError(
        `error: no last-applied-configuration annotation found on resource: ${obj.metadata.name}`,
      );
    configs.push(config);
  }
  const output = str(ctx.flags, "output");
  for (const config of configs) {
    if (output === "json") ctx.out(indentJson(config));
    else if (output === "yaml") ctx.out(toYaml(JSON.parse(config)));
    else {
      const message = `Unexpected -o output mode: ${output}, the flag 'output' must be one of yaml|json`;
      throw new KubectlError(`error: ${usageErrorMessage("kubectl apply view-last-applied", message)}`);
    }
  }
  return 0;
}

/**
 * Go's json.Indent(text, "", "  "): the annotation's own tokens (key order, escapes, numbers)
 * re-laid with a two-space indent; empty {} and [] stay closed; no final newline.
 */
function indentJson(text: string): string {
  let out = "";
  let depth = 0;
  let inString = false;
  const src = text.trim();
  const newline = () => `\n${"  ".repeat(depth)}`;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (inString) {
      out += c;
      if (c === "\\") out += src[++i];
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      inString = true;
      out += c;
    } else if (c === "{" || c === "[") {
      const close = c === "{" ? "}" : "]";
      if (src[i + 1] === close) {
        out += c + close;
        i++;
      } else {
        depth++;
        out += c + newline();
      }
    } else if (c === "}" || c === "]") {
      depth--;
      out += newline() + c;
    } else if (c === ",") out += `,${newline()}`;
    else if (c === ":") out += ": ";
    else if (!/\s/.test(c)) out += c;
  }
  return out;
}
