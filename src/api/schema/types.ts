/**
 * Shape of `definitions.json`, the generated schema table of the supported kinds.
 *
 * A field's `type` is a small type expression, chosen to stay compact and readable:
 *   "string" | "integer" | "number" | "boolean"   JSON scalars
 *   "int-or-string" | "quantity" | "time" | "microtime"   apimachinery's special types
 *   "io.k8s.api.core.v1.PodSpec"                   a reference to another definition
 *   "[]T"                                          a list of T
 *   "map[string]T"                                 an object with free keys and T values
 * A definition with no properties (RawExtension, FieldsV1) holds arbitrary JSON.
 */
export interface FieldSchema {
  type: string;
  description: string;
  /** Go type as the API server's JSON decoder names it, only where it differs from the default. */
  go?: string;
  /** Allowed values of a Go `+enum` string type, sorted as OpenAPI lists them. */
  enum?: string[];
}

/** One Go struct / OpenAPI definition. */
export interface Definition {
  description: string;
  properties: Record<string, FieldSchema>;
  required?: string[];
}

/** A top-level kind the simulator serves. */
export interface KindInfo {
  group: string;
  version: string;
  kind: string;
  /** Lower-case plural resource name, e.g. "deployments". */
  resource: string;
  shortNames: string[];
  definition: string;
}

/** The whole generated table. */
export interface SchemaTable {
  kinds: KindInfo[];
  definitions: Record<string, Definition>;
  /** OpenAPI descriptions of the special scalar types ("quantity", "time", ...). */
  scalarDescriptions: Record<string, string>;
}
