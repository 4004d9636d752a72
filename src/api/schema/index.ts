/**
 * The runtime schema of the served kinds, generated from kubernetes-types
 * (scripts/gen-schema.ts → definitions.json): strict decoding, JSON type errors,
 * `kubectl explain`, and JSON Schemas for the editor.
 */
export { explain, resourceFor, type ExplainOptions, type ExplainResult } from "./explain";
export { allJsonSchemas, jsonSchemaFor, manifestJsonSchema, schemaUri, type JsonSchema } from "./jsonSchema";
export { cannotBeHandledMessage, decodeError } from "./decode";
export { strictDecodeErrors, strictDecodingMessage } from "./strictDecode";
export { apiVersionOf, kindFor, kinds } from "./table";
export { typeErrors } from "./typeErrors";
export type { Definition, FieldSchema, KindInfo, SchemaTable } from "./types";
