/**
 * Draft-07 JSON Schemas of the served kinds for the YAML editor (monaco-yaml): hover text
 * from the official descriptions, completion of field names and enums, and unknown fields
 * flagged (`additionalProperties: false`) the way the API server's strict decoding rejects them.
 */
import { apiVersionOf, definition, isFreeForm, kindFor, kinds, parseType, type TypeExpr } from "./table";
import type { Definition, FieldSchema, KindInfo } from "./types";

/** A JSON Schema object (draft-07), loosely typed: it is only handed to the editor. */
export type JsonSchema = Record<string, unknown>;

const DRAFT_07 = "http://json-schema.org/draft-07/schema#";
const QUANTITY_PATTERN = "^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$";

/** A `$ref` to a definition, its name escaped as a JSON Pointer segment (RFC 6901: `~` → `~0`, `/` → `~1`). */
function ref(name: string): JsonSchema {
  return { $ref: `#/definitions/${name.replace(/~/g, "~0").replace(/\//g, "~1")}` };
}

function valueSchema(expr: TypeExpr): JsonSchema {
  switch (expr.kind) {
    case "array":
      return { type: "array", items: valueSchema(expr.items) };
    case "map":
      return { type: "object", additionalProperties: valueSchema(expr.values) };
    case "ref":
      return ref(expr.name);
  }
  switch (expr.name) {
    case "int-or-string":
      return { anyOf: [{ type: "integer" }, { type: "string" }] };
    case "quantity":
      return { anyOf: [{ type: "string", pattern: QUANTITY_PATTERN }, { type: "number" }] };
    case "time":
    case "microtime":
      // A zero metav1.Time marshals as null: `creationTimestamp: null` in every
      // `kubectl create … --dry-run=client -o yaml`, which the API server takes as unset.
      return { type: ["string", "null"], format: "date-time" };
    default:
      return { type: expr.name };
  }
}

function fieldSchema(field: FieldSchema): JsonSchema {
  const value = valueSchema(parseType(field.type));
  // draft-07 ignores keywords beside $ref, so a described reference goes through allOf.
  const schema: JsonSchema = "$ref" in value ? { allOf: [value] } : value;
  schema.description = field.description;
  if (field.enum) schema.enum = field.enum;
  return schema;
}

function definitionSchema(def: Definition): JsonSchema {
  if (isFreeForm(def)) return { type: "object", description: def.description };
  const properties = Object.fromEntries(Object.entries(def.properties).map(([k, f]) => [k, fieldSchema(f)]));
  const schema: JsonSchema = {
    type: "object",
    description: def.description,
    properties,
    additionalProperties: false,
  };
  if (def.required) schema.required = def.required;
  return schema;
}

/** The top-level schema of a kind: its definition with apiVersion and kind pinned. */
function kindSchema(k: KindInfo): JsonSchema {
  const schema = definitionSchema(definition(k.definition));
  const props = schema.properties as Record<string, JsonSchema>;
  props.apiVersion = { ...props.apiVersion, enum: [apiVersionOf(k)] };
  props.kind = { ...props.kind, enum: [k.kind] };
  schema.required = [...new Set([...((schema.required as string[]) ?? []), "apiVersion", "kind"])].sort();
  return schema;
}

function refsOf(expr: TypeExpr): string[] {
  if (expr.kind === "array") return refsOf(expr.items);
  if (expr.kind === "map") return refsOf(expr.values);
  return expr.kind === "ref" ? [expr.name] : [];
}

/** Every definition reachable from the roots, sorted by name. */
function reachable(roots: readonly string[]): string[] {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    for (const f of Object.values(definition(name).properties)) queue.push(...refsOf(parseType(f.type)));
  }
  return [...seen].sort();
}

function definitionsFor(roots: readonly string[]): Record<string, JsonSchema> {
  return Object.fromEntries(reachable(roots).map((n) => [n, definitionSchema(definition(n))]));
}

/** The schema of one kind (self-contained: it carries the definitions it uses), or undefined. */
export function jsonSchemaFor(apiVersion: string, kind: string): JsonSchema | undefined {
  const k = kindFor(apiVersion, kind);
  if (!k) return undefined;
  return {
    $schema: DRAFT_07,
    $id: schemaUri(k),
    ...kindSchema(k),
    definitions: definitionsFor([k.definition]),
  };
}

/** A stable URI naming a kind's schema, e.g. "kubeplay://schemas/apps/v1/Deployment.json". */
export function schemaUri(k: KindInfo): string {
  return `kubeplay://schemas/${apiVersionOf(k)}/${k.kind}.json`;
}

/** One schema per served kind, with the apiVersion/kind it applies to. */
export function allJsonSchemas(): { apiVersion: string; kind: string; uri: string; schema: JsonSchema }[] {
  return kinds().map((k) => ({
    apiVersion: apiVersionOf(k),
    kind: k.kind,
    uri: schemaUri(k),
    schema: jsonSchemaFor(apiVersionOf(k), k.kind)!,
  }));
}

/**
 * One schema for any manifest: it picks the kind's schema by apiVersion and kind (if/then),
 * sharing one set of definitions; a document of another kind is left unchecked.
 */
export function manifestJsonSchema(): JsonSchema {
  const branches = kinds().map((k) => ({
    if: {
      properties: { apiVersion: { const: apiVersionOf(k) }, kind: { const: k.kind } },
      required: ["apiVersion", "kind"],
    },
    then: ref(`kind:${apiVersionOf(k)}/${k.kind}`),
  }));
  const kindDefs = Object.fromEntries(
    kinds().map((k) => [`kind:${apiVersionOf(k)}/${k.kind}`, kindSchema(k)]),
  );
  const definitions = { ...definitionsFor(kinds().map((k) => k.definition)), ...kindDefs };
  return {
    $schema: DRAFT_07,
    $id: "kubeplay://schemas/manifest.json",
    type: "object",
    allOf: branches,
    definitions,
  };
}
