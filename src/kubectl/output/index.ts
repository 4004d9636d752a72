// kubectl's non-table output formats (-o yaml, json, jsonpath, jsonpath-as-json,
// custom-columns, name), byte for byte as kubectl 1.32 prints them.

export {
  CustomColumnsError,
  parseCustomColumnsSpec,
  printCustomColumns,
  relaxedJsonPathExpression,
} from "./customColumns";
export type { CustomColumn } from "./customColumns";
export { tabwrite } from "./goTabwriter";
export { encodeGoJson, toJson } from "./json";
export { GoTemplateError, parseGoTemplate } from "./goTemplate";
export type { JsonOptions } from "./json";
export { executeJsonPath, KubectlJsonPathError, parseKubectlJsonPath, printJsonPath } from "./jsonpath";
export type { JsonPathOptions } from "./jsonpath";
export { toKubectlList } from "./list";
export type { KubectlList } from "./list";
export { printName, printNames, resourcePrefix } from "./name";
export { toYaml, toYamlDocuments } from "./yaml";
