import type { KubeObject } from "../api/types";
import {
  CustomColumnsError,
  encodeGoJson,
  GoTemplateError,
  parseGoTemplate,
  KubectlJsonPathError,
  parseCustomColumnsSpec,
  printCustomColumns,
  printJsonPath,
  printNames,
  toJson,
  toKubectlList,
  toYaml,
} from "./output";
import { goSprint } from "../apimachinery/patch/jsonValue";
import { KubectlError } from "./verb";

/** The -o formats that print objects themselves rather than a table. */
export const STRUCTURED_FORMATS = [
  "json",
  "yaml",
  "name",
  "jsonpath",
  "jsonpath-as-json",
  "custom-columns",
  "go-template",
  "template",
];

/** Formats that print objects themselves rather than a table. */
export function isStructuredFormat(output: string): boolean {
  return STRUCTURED_FORMATS.includes(output.split("=")[0]);
}

/** How formatOutput prints. */
export interface FormatOptions {
  /** One object asked for by name: printed bare, not in a List. */
  single?: boolean;
  noHeaders?: boolean;
  /** false: JSON in the object's own key order (a typed struct's), not sorted as a map's. */
  sortKeys?: boolean;
  /** --allow-missing-template-keys (default true). */
  allowMissingKeys?: boolean;
}

/**
 * Prints objects as -o json|yaml|name|jsonpath|custom-columns does. A single named object
 * prints bare; otherwise kubectl wraps them in a `List`. Errors carry kubectl's text.
 * `sortKeys: false` keeps JSON in the object's own key order, for what kubectl prints as a
 * typed struct rather than as a map (YAML sorts either way).
 */
export function formatOutput(
  objects: KubeObject[],
  output: string,
  { single = false, noHeaders = false, sortKeys = true, allowMissingKeys = true }: FormatOptions = {},
): string {
  const [format, ...rest] = output.split("=");
  const argument = rest.join("=");
  const data = single && objects.length === 1 ? objects[0] : toKubectlList(objects);
  try {
    switch (format) {
      case "json":
        return toJson(data, { sortKeys });
      case "yaml":
        return toYaml(data);
      case "name":
        return printNames(objects);
      case "jsonpath":
      case "jsonpath-as-json":
        return printJsonPath(argument, data, { asJson: format === "jsonpath-as-json", allowMissingKeys });
      case "go-template":
      case "template":
        return printGoTemplate(argument, data, { allowMissingKeys, sortKeys });
      default:
        return printCustomColumns(parseCustomColumnsSpec(argument), objects, { noHeaders });
    }
  } catch (error) {
    if (error instanceof KubectlJsonPathError) throw new KubectlError(`error: ${error.message}`);
    if (error instanceof CustomColumnsError) throw new KubectlError(`${error.output}error: ${error.message}`);
    throw error;
  }
}

/**
 * -o go-template=TEMPLATE over the object (or List) as JSON. A template that fails to run
 * prints kubectl's debugging block before the error, as GoTemplatePrinter does.
 */
function printGoTemplate(
  template: string,
  data: unknown,
  { allowMissingKeys, sortKeys }: { allowMissingKeys: boolean; sortKeys: boolean },
): string {
  if (template === "") throw new KubectlError("error: template format specified but no template given");
  let parsed: ReturnType<typeof parseGoTemplate>;
  try {
    parsed = parseGoTemplate(template);
  } catch (error) {
    if (!(error instanceof GoTemplateError)) throw error;
    throw new KubectlError(`error: error parsing template ${template}, ${error.message}`);
  }
  // What the template engine is given, and the "raw data" of its debugging block: a typed
  // object's JSON (a generator's) comes in Go's field order, a server's in sorted keys.
  const json = encodeGoJson(data, { indent: "", sortKeys });
  try {
    return parsed.execute(JSON.parse(json), allowMissingKeys);
  } catch (error) {
    if (!(error instanceof GoTemplateError)) throw error;
    // What ran before the failure is already on stdout, then the debugging block; the error goes to stderr.
    const debug =
      `Error executing template: ${error.message}. Printing more information for debugging the template:\n` +
      `\ttemplate was:\n\t\t${template}\n\traw data was:\n\t\t${json}\n` +
      `\tobject given to template engine was:\n\t\t${goSprint(JSON.parse(json))}\n\n`;
    throw new KubectlError(
      `error: error executing template "${template}": ${error.message}`,
      1,
      error.partial + debug,
    );
  }
}
