/**
 * The schema table rendered in the shape of the API server's OpenAPI v3 documents
 * (/openapi/v3/apis/apps/v1 ...): refs wrapped in `allOf` beside a description, special
 * types as their own components. kubectl explain's template walks this shape, so explain
 * is implemented on it to print what kubectl prints.
 */
import { allDefinitions, kinds, parseType, scalarDescription, type TypeExpr } from "./table";
import type { Definition, FieldSchema } from "./types";

/** The subset of an OpenAPI v3 schema object this engine produces. */
export interface OASchema {
  description?: string;
  type?: string;
  format?: string;
  enum?: string[];
  required?: string[];
  properties?: Record<string, OASchema>;
  items?: OASchema;
  additionalProperties?: OASchema;
  allOf?: OASchema[];
  oneOf?: OASchema[];
  default?: unknown;
  $ref?: string;
  "x-kubernetes-group-version-kind"?: { group: string; kind: string; version: string }[];
}

const REF_PREFIX = "#/components/schemas/";

/** Component names of the special scalar types. */
const SCALAR_COMPONENTS: Record<string, string> = {
  "int-or-string": "io.k8s.apimachinery.pkg.util.intstr.IntOrString",
  quantity: "io.k8s.apimachinery.pkg.api.resource.Quantity",
  time: "io.k8s.apimachinery.pkg.apis.meta.v1.Time",
  microtime: "io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime",
};

const INTEGER_FORMATS: Record<string, string> = { int64: "int64" };

function refTo(name: string): OASchema {
  return { $ref: REF_PREFIX + name };
}

/** A value schema without its description: how list items and map values appear. */
function valueSchema(expr: TypeExpr, goType?: string): OASchema {
  switch (expr.kind) {
    case "array":
      return { type: "array", items: valueSchema(expr.items) };
    case "map":
      return { type: "object", additionalProperties: valueSchema(expr.values) };
    case "ref":
      return { default: {}, allOf: [refTo(expr.name)] };
  }
  if (expr.name in SCALAR_COMPONENTS) return { allOf: [refTo(SCALAR_COMPONENTS[expr.name])] };
  if (expr.name === "integer") return { type: "integer", format: INTEGER_FORMATS[goType ?? ""] ?? "int32" };
  if (expr.name === "number") return { type: "number", format: "double" };
  return { type: expr.name, default: expr.name === "boolean" ? false : "" };
}

function fieldSchema(field: FieldSchema): OASchema {
  const value = valueSchema(parseType(field.type), field.go);
  const schema: OASchema = { description: field.description, ...value };
  if (field.enum) schema.enum = field.enum;
  return schema;
}

function definitionSchema(def: Definition): OASchema {
  const properties = Object.fromEntries(Object.entries(def.properties).map(([k, f]) => [k, fieldSchema(f)]));
  const schema: OASchema = { description: def.description, type: "object", properties };
  if (def.required) schema.required = def.required;
  return schema;
}

function scalarComponents(): Record<string, OASchema> {
  const d = (name: string) => scalarDescription(name) ?? "";
  return {
    [SCALAR_COMPONENTS["int-or-string"]]: {
      description: d("int-or-string"),
      format: "int-or-string",
      oneOf: [{ type: "integer" }, { type: "string" }],
    },
    [SCALAR_COMPONENTS.quantity]: {
      description: d("quantity"),
      oneOf: [{ type: "string" }, { type: "number" }],
    },
    [SCALAR_COMPONENTS.time]: { description: d("time"), type: "string", format: "date-time" },
    [SCALAR_COMPONENTS.microtime]: { description: d("microtime"), type: "string", format: "date-time" },
  };
}

let cached: Record<string, OASchema> | undefined;

/** All component schemas, keyed by OpenAPI name; kinds carry x-kubernetes-group-version-kind. */
export function openAPISchemas(): Record<string, OASchema> {
  if (cached) return cached;
  const out: Record<string, OASchema> = scalarComponents();
  for (const [name, def] of Object.entries(allDefinitions())) out[name] = definitionSchema(def);
  for (const k of kinds()) {
    out[k.definition]["x-kubernetes-group-version-kind"] = [
      { group: k.group, kind: k.kind, version: k.version },
    ];
  }
  cached = out;
  return out;
}

/** Resolves a `#/components/schemas/...` reference, or undefined. */
export function resolveRef(ref: string | undefined): OASchema | undefined {
  if (!ref?.startsWith(REF_PREFIX)) return undefined;
  return openAPISchemas()[ref.slice(REF_PREFIX.length)];
}
