import type { KubeObject } from "../api/types";
import { qualifiedSingular, typeOfKind } from "../api/registry";
import { toJson } from "./output/json";
import { toKubectlList } from "./output/list";
import { toYaml } from "./output/yaml";
import { KubectlError } from "./verb";

/** Formats that print objects themselves rather than a table. */
export function isStructuredFormat(output: string): boolean {
  const base = output.split("=")[0];
  return ["json", "yaml", "name", "jsonpath", "jsonpath-as-json", "custom-columns"].includes(base);
}

/**
 * Prints objects as -o json|yaml|name|jsonpath|custom-columns does. A single named object
 * prints bare; otherwise kubectl wraps them in a `List`.
 */
export function formatOutput(objects: KubeObject[], output: string, single: boolean): string {
  const [format, ...rest] = output.split("=");
  const argument = rest.join("=");
  const data = single && objects.length === 1 ? objects[0] : toKubectlList(objects);
  switch (format) {
    case "json":
      return toJson(data);
    case "yaml":
      return toYaml(data);
    case "name":
      return objects.map((o) => `${nameRef(o)}\n`).join("");
    default:
      throw new KubectlError(`error: output format ${format}${argument ? "" : ""} is not supported yet`);
  }
}

function nameRef(obj: KubeObject): string {
  const type = typeOfKind(obj.kind);
  return `${type ? qualifiedSingular(type) : obj.kind.toLowerCase()}/${obj.metadata.name}`;
}
