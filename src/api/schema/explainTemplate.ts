/**
 * The pieces of kubectl's explain template (k8s.io/kubectl pkg/explain/v2/templates/
 * plaintext.tmpl), reimplemented over the OpenAPI v3 view: type guessing, descriptions,
 * enums, field lists. Whitespace here is load-bearing: it must match the template's output.
 */
import { resolveRef, type OASchema } from "./openapi";
import { wrapString } from "./wordWrap";

/** Template context: the ancestor refs seen (cycle guard) and whether to recurse. */
export interface ListContext {
  level: number;
  history: ReadonlySet<string>;
  recursive: boolean;
}

/** The template's `indent`: pad the first line and every line after a newline. */
export function indent(amount: number, s: string): string {
  const pad = " ".repeat(amount);
  return pad + s.replaceAll("\n", `\n${pad}`);
}

function isMapSchema(ap: OASchema | undefined): ap is OASchema {
  return ap !== undefined && typeof ap === "object";
}

/** `typeGuess`: "string", "[]Container", "map[string]string", "IntOrString", "Object". */
export function typeGuess(schema: OASchema): string {
  if (schema.items) return `[]${typeGuess(schema.items)}`;
  if (isMapSchema(schema.additionalProperties)) return `map[string]${typeGuess(schema.additionalProperties)}`;
  if (schema.allOf && !schema.properties && schema.allOf.length === 1) return typeGuess(schema.allOf[0]);
  if (schema.$ref) {
    const target = resolveRef(schema.$ref);
    if (!target || !target.type || target.type === "object") {
      const name = schema.$ref.split("/").at(-1) ?? "";
      return name.split(".").at(-1) || "Object";
    }
    return target.type;
  }
  return schema.type === "object" ? "Object" : schema.type || "Object";
}

/** `description`: the schema's own text, then that of everything it is made of, one per line. */
export function description(schema: OASchema): string {
  const s = resolveRef(schema.$ref) ?? schema;
  let out = s.description ? `${s.description}\n` : "";
  for (const part of s.allOf ?? []) out += description(part);
  if (s.items) out += description(s.items);
  if (isMapSchema(s.additionalProperties)) out += description(s.additionalProperties);
  return out;
}

/** `extractEnum`: "ENUM:\n    a\n    b" (long view) or "\n  enum: a, b, c, d, ...." (field list). */
export function extractEnum(schema: OASchema, long: boolean, indentAmount = 0): string {
  if (!schema.enum || schema.enum.length === 0) return "";
  const limit = long ? -1 : 4;
  let out = long ? "ENUM:" : `\n${" ".repeat(indentAmount)}enum: `;
  for (const [i, value] of schema.enum.entries()) {
    if (limit > -1 && i >= limit) {
      out += ", ....";
      break;
    }
    if (i > 0 && !long) out += ", ";
    else if (long) out += "\n    ";
    out += value === "" ? '""' : value;
  }
  return out;
}

function fieldDetail(name: string, parent: OASchema, short: boolean, level: number): string {
  const indentAmount = level * 2;
  const field = parent.properties![name];
  let out = `${indent(indentAmount, name)}\t<${typeGuess(field)}>`;
  if (parent.required?.includes(name)) out += " -required-";
  out += `${extractEnum(field, false, indentAmount)}\n`;
  if (!short)
    out += `${indent(indentAmount + 2, wrapString(field.description || "<no description>", 78 - indentAmount))}\n\n`;
  return out;
}

/** `fieldList`: every field of the schema (sorted), recursing into sub-fields when asked. */
export function fieldList(schema: OASchema, ctx: ListContext): string {
  const ref = schema.$ref ?? "";
  if (ref && ctx.history.has(ref)) return "";
  const next: ListContext = { ...ctx, history: new Set([...ctx.history, ref]) };
  const resolved = resolveRef(ref) ?? schema;
  let out = "";
  for (const name of Object.keys(resolved.properties ?? {}).sort()) {
    out += fieldDetail(name, resolved, ctx.recursive, ctx.level);
    if (ctx.recursive) out += fieldList(resolved.properties![name], { ...next, level: ctx.level + 1 });
  }
  for (const part of resolved.allOf ?? []) out += fieldList(part, next);
  if (resolved.items) out += fieldList(resolved.items, next);
  if (isMapSchema(resolved.additionalProperties)) out += fieldList(resolved.additionalProperties, next);
  return out;
}
