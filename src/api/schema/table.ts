/**
 * Run-time access to the generated schema table (definitions.json): kind lookup and the
 * parsed form of the compact field type expressions described in types.ts.
 */
import table from "./definitions.json";
import type { Definition, KindInfo, SchemaTable } from "./types";

const schema = table as SchemaTable;

/** A parsed field type expression. */
export type TypeExpr =
  | {
      kind: "scalar";
      name: "string" | "integer" | "number" | "boolean" | "int-or-string" | "quantity" | "time" | "microtime";
    }
  | { kind: "ref"; name: string }
  | { kind: "array"; items: TypeExpr }
  | { kind: "map"; values: TypeExpr };

/** Parses a type expression such as "[]io.k8s.api.core.v1.Container" or "map[string]string". */
export function parseType(type: string): TypeExpr {
  if (type.startsWith("[]")) return { kind: "array", items: parseType(type.slice(2)) };
  if (type.startsWith("map[string]"))
    return { kind: "map", values: parseType(type.slice("map[string]".length)) };
  if (type.includes(".")) return { kind: "ref", name: type };
  return { kind: "scalar", name: type as "string" };
}

/** The definition for a definition name; throws on a name the table does not hold (a generator bug). */
export function definition(name: string): Definition {
  const def = schema.definitions[name];
  if (!def) throw new Error(`schema: unknown definition ${name}`);
  return def;
}

/** All definitions, keyed by OpenAPI name. */
export function allDefinitions(): Record<string, Definition> {
  return schema.definitions;
}

/** True for RawExtension/FieldsV1-like definitions, which accept any JSON. */
export function isFreeForm(def: Definition): boolean {
  return Object.keys(def.properties).length === 0;
}

/** The short Go/OpenAPI type name of a definition: "io.k8s.api.apps.v1.Deployment" → "Deployment". */
export function shortName(name: string): string {
  return name.slice(name.lastIndexOf(".") + 1);
}

/** The OpenAPI description of a special scalar type ("quantity", "int-or-string", "time", "microtime"). */
export function scalarDescription(name: string): string | undefined {
  return schema.scalarDescriptions[name];
}

/** The served kinds, in the generator's order. */
export function kinds(): readonly KindInfo[] {
  return schema.kinds;
}

/** The kind served at apiVersion ("v1", "apps/v1") and kind, or undefined. */
export function kindFor(apiVersion: string, kind: string): KindInfo | undefined {
  return schema.kinds.find((k) => apiVersionOf(k) === apiVersion && k.kind === kind);
}

/** "apps/v1" for group apps, "v1" for the core group. */
export function apiVersionOf(k: KindInfo): string {
  return k.group === "" ? k.version : `${k.group}/${k.version}`;
}
