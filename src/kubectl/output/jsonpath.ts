// `kubectl -o jsonpath=...` and `-o jsonpath-as-json=...`: client-go's JSONPath
// (parse, find results, print them) wrapped in cli-runtime's JSONPathPrinter and
// JSONPathPrintFlags, with their error texts.

import { formatGoFloatG, formatGoNumber, goQuote, goSharpV } from "./goFormat";
import { GoFloat, JsonPathEvaluator, JsonPathExecError } from "./jsonpathEval";
import { JsonPathParseError, parseJsonPath, type ListNode } from "./jsonpathParser";
import { encodeGoJson } from "./json";

export { JsonPathExecError } from "./jsonpathEval";
export { JsonPathParseError, parseJsonPath } from "./jsonpathParser";

/** How a template is evaluated and printed. */
export interface JsonPathOptions {
  /** Missing fields print nothing rather than failing; kubectl's default is true. */
  allowMissingKeys?: boolean;
  /** jsonpath-as-json: each result list printed as an indented JSON array. */
  asJson?: boolean;
}

/** client-go FindResults: for each top-level node of the template, the values it yields. */
export function findJsonPathResults(
  template: ListNode,
  data: unknown,
  allowMissingKeys: boolean,
): unknown[][] {
  return new JsonPathEvaluator(template.nodes, { allowMissingKeys }).findResults(data);
}

function toPlainJson(v: unknown): unknown {
  if (v instanceof GoFloat) return v.value;
  if (Array.isArray(v)) return v.map(toPlainJson);
  return v;
}

/** How client-go prints one value as text: strings bare, null as "null", numbers as Go's %v. */
export function jsonPathValueText(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (v instanceof GoFloat) return formatGoFloatG(v.value);
  if (typeof v === "string") return v;
  if (typeof v === "number") return formatGoNumber(v);
  if (typeof v === "boolean") return String(v);
  return encodeGoJson(v, { indent: "" }); // maps and arrays print as compact JSON
}

/** client-go PrintResults for one node's values: space-separated, or a JSON array. */
function printResults(values: unknown[], asJson: boolean): string {
  if (asJson) return `${encodeGoJson(toPlainJson(values))}\n`;
  return values.map(jsonPathValueText).join(" ");
}

/**
 * Evaluates a parsed template over data and returns the text client-go's Execute writes.
 * Throws JsonPathExecError (nothing is printed then, as results are found first).
 */
export function executeJsonPath(template: ListNode, data: unknown, options: JsonPathOptions = {}): string {
  const results = findJsonPathResults(template, data, options.allowMissingKeys ?? true);
  return results.map((values) => printResults(values, options.asJson ?? false)).join("");
}

/** A jsonpath output failure, with kubectl's message (to be printed after "error: "). */
export class KubectlJsonPathError extends Error {}

/**
 * Parses a -o jsonpath template as kubectl's print flags do. Throws KubectlJsonPathError
 * "error parsing jsonpath {.a, unclosed action" on a malformed template, and
 * "template format specified but no template given" on an empty one.
 */
export function parseKubectlJsonPath(template: string): ListNode {
  if (template === "") throw new KubectlJsonPathError("template format specified but no template given");
  try {
    return parseJsonPath(template);
  } catch (err) {
    if (!(err instanceof JsonPathParseError)) throw err;
    throw new KubectlJsonPathError(`error parsing jsonpath ${template}, ${err.message}`);
  }
}

/**
 * What `kubectl ... -o jsonpath=TEMPLATE` (or jsonpath-as-json) prints for one object:
 * kubectl applies the template to the object itself for a single named object and to
 * the List (see toKubectlList) otherwise. On failure throws KubectlJsonPathError whose
 * message is kubectl's full text, debugging dump of the object included.
 */
export function printJsonPath(template: string, obj: unknown, options: JsonPathOptions = {}): string {
  const parsed = parseKubectlJsonPath(template);
  try {
    return executeJsonPath(parsed, obj, options);
  } catch (err) {
    if (!(err instanceof JsonPathExecError)) throw err;
    const details =
      `Error executing template: ${err.message}. Printing more information for debugging the template:\n` +
      `\ttemplate was:\n\t\t${template}\n` +
      `\tobject given to jsonpath engine was:\n\t\t${goSharpV(obj)}\n\n`;
    throw new KubectlJsonPathError(`error executing jsonpath ${goQuote(template)}: ${details}\n`);
  }
}
