import type { KubeObject } from "../api/types";
import {
  CustomColumnsError,
  KubectlJsonPathError,
  parseCustomColumnsSpec,
  printCustomColumns,
  printJsonPath,
  printNames,
  toJson,
  toKubectlList,
  toYaml,
} from "./output";
import { KubectlError } from "./verb";

const STRUCTURED = ["json", "yaml", "name", "jsonpath", "jsonpath-as-json", "custom-columns"];

/** Formats that print objects themselves rather than a table. */
export function isStructuredFormat(output: string): boolean {
  return STRUCTURED.includes(output.split("=")[0]);
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
  single: boolean,
  noHeaders = false,
  sortKeys = true,
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
        return printJsonPath(argument, data, { asJson: format === "jsonpath-as-json" });
      default:
        return printCustomColumns(parseCustomColumnsSpec(argument), objects, { noHeaders });
    }
  } catch (error) {
    if (error instanceof KubectlJsonPathError) throw new KubectlError(`error: ${error.message}`);
    if (error instanceof CustomColumnsError) throw new KubectlError(`${error.output}error: ${error.message}`);
    throw error;
  }
}
