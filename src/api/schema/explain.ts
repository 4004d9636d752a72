/**
 * `kubectl explain` (kubectl 1.27+, OpenAPI v3 plaintext template) over the generated schema.
 */
import { goQuote } from "../../apimachinery/labels/goString";
import { description, extractEnum, fieldList, indent, typeGuess } from "./explainTemplate";
import { openAPISchemas, resolveRef, type OASchema } from "./openapi";
import { kinds } from "./table";
import type { KindInfo } from "./types";
import { wrapString } from "./wordWrap";

/** Options of kubectl explain that change its output. */
export interface ExplainOptions {
  recursive?: boolean;
}

/**
 * What kubectl prints: `output` on stdout, and on failure `error` on stderr (one line, no
 * newline) with exit code 1. A missing field still prints the KIND/VERSION header first,
 * because kubectl's template writes it before it fails.
 */
export interface ExplainResult {
  output: string;
  error?: string;
}

/** Finds the kind a resource argument names: plural, singular, short name or kind, any case. */
export function resourceFor(name: string): KindInfo | undefined {
  const n = name.toLowerCase();
  return kinds().find((k) => k.resource === n || k.kind.toLowerCase() === n || k.shortNames.includes(n));
}

/**
 * Explains a resource or one of its fields, as `kubectl explain pods.spec.containers` prints it.
 * resourcePath is the argument split at dots: ["pods", "spec", "containers"]. Lists and maps
 * are stepped through transparently, as kubectl does. Errors are kubectl's:
 * `error: the server doesn't have a resource type "foo"`, `error: field "foo" does not exist`
 * (naming the last element of the path, as kubectl's template does).
 */
export function explain(resourcePath: readonly string[], opts: ExplainOptions = {}): ExplainResult {
  const [resource, ...fieldPath] = resourcePath;
  const info = resource === undefined ? undefined : resourceFor(resource);
  if (!info)
    return { output: "", error: `the server doesn't have a resource type ${goQuote(resource ?? "")}` };
  const body = output(openAPISchemas()[info.definition], fieldPath, new Set(), opts.recursive ?? false);
  if (body === "")
    return { output: header(info), error: `error: field "${fieldPath.at(-1)}" does not exist` };
  return { output: `${header(info)}${body}\n` };
}

function header(k: KindInfo): string {
  const group = k.group ? `GROUP:      ${k.group}\n` : "";
  return `${group}KIND:       ${k.kind}\nVERSION:    ${k.version}\n\n`;
}

/** The template's `output`: follow the field path, then print the description and fields. */
function output(
  schema: OASchema,
  path: readonly string[],
  history: ReadonlySet<string>,
  recursive: boolean,
): string {
  const ref = schema.$ref ?? "";
  const next = new Set([...history, ref]);
  const resolved = resolveRef(ref) ?? schema;
  if (path.length === 0) return describe(resolved, recursive);
  if (ref && history.has(ref)) return "";
  const sub = resolved.properties?.[path[0]];
  if (sub) {
    const field = path.length === 1 ? fieldHeader(path[0], sub) : "";
    return field + output(sub, path.slice(1), new Set(), recursive);
  }
  if (resolved.items) return output(resolved.items, path, next, recursive);
  if (resolved.additionalProperties) return output(resolved.additionalProperties, path, next, recursive);
  for (const part of resolved.allOf ?? []) {
    const out = output(part, path, next, recursive);
    if (out !== "") return out;
  }
  return "";
}

function fieldHeader(name: string, schema: OASchema): string {
  return `FIELD: ${name} <${typeGuess(schema)}>\n${extractEnum(schema, true)}\n\n`;
}

function describe(schema: OASchema, recursive: boolean): string {
  const text = description(schema) || "<empty>";
  let out = `DESCRIPTION:\n${indent(4, wrapString(text, 76))}\n`;
  const fields = fieldList(schema, { level: 1, history: new Set(), recursive });
  if (fields) out += `FIELDS:\n${fields}`;
  return out;
}
