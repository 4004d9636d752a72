/**
 * The JSON Schema monaco-yaml validates every editor file against: the engine's manifest
 * schema (one branch per served kind, chosen by apiVersion and kind), plus the list of kinds
 * and apiVersions so that `kind:` and `apiVersion:` complete too. Inline and `file:///`-named,
 * because schema requests are off: nothing may be fetched.
 */
import { allJsonSchemas, type JsonSchema, manifestJsonSchema } from "../../src/api/schema";

/** The URI the manifest schema is registered under (never fetched). */
export const MANIFEST_SCHEMA_URI = "file:///schemas/kubernetes-manifest.json";

/** What monaco-yaml's `schemas` option takes for one schema. */
export interface YamlSchemaSetting {
  uri: string;
  fileMatch: string[];
  schema: JsonSchema;
}

/** One schema for all files; every `$id`/`$ref` in it stays local to the document. */
export function editorSchemas(): YamlSchemaSetting[] {
  const kinds = allJsonSchemas();
  const schema: JsonSchema = {
    ...manifestJsonSchema(),
    $id: MANIFEST_SCHEMA_URI,
    properties: {
      apiVersion: {
        description: "APIVersion defines the versioned schema of this representation of an object.",
        enum: [...new Set(kinds.map((k) => k.apiVersion))],
      },
      kind: {
        description: "Kind is a string value representing the REST resource this object represents.",
        enum: kinds.map((k) => k.kind),
      },
    },
  };
  return [{ uri: MANIFEST_SCHEMA_URI, fileMatch: ["*"], schema }];
}
