import { CORE_SCHEMA, loadAll } from "js-yaml";
import type { KubeObject } from "../api/types";

/** Documents larger than this are refused before parsing (as the API server's request limit would). */
export const MAX_MANIFEST_BYTES = 1024 * 1024;
/** A parsed document may hold at most this many values once aliases are expanded. */
const MAX_EXPANDED_NODES = 200_000;

/** One document of a manifest: its object, or why it cannot be one. */
export type ManifestDocument = { object: KubeObject; line: number } | { error: string; line: number };

/** Thrown for a manifest that cannot be read at all (syntax error, too big, alias bomb). */
export class ManifestError extends Error {}

/**
 * Reads a (multi-document) YAML or JSON manifest as kubectl does: empty documents are
 * skipped, `kind: List` is flattened, and each document is checked for apiVersion and kind.
 * `source` names the input in messages ("STDIN" for `-f -`).
 */
export function parseManifest(text: string, source: string): ManifestDocument[] {
  if (text.length > MAX_MANIFEST_BYTES) {
    throw new ManifestError(
      `error: error reading ${source}: the manifest is larger than 1 MiB (${text.length} bytes)`,
    );
  }
  const starts = documentStartLines(text);
  const docs = loadYamlDocuments(text, source);
  const out: ManifestDocument[] = [];
  docs.forEach((doc, index) => {
    const line = starts[index] ?? 1;
    if (doc === null || doc === undefined) return;
    for (const item of flattenList(doc)) out.push(checkDocument(item, line, source));
  });
  return out;
}

/**
 * The YAML documents of a text, as JSON values, within the limits that keep a hostile input
 * (an alias bomb) from freezing the tab; throws ManifestError with kubectl's wording.
 */
export function loadYamlDocuments(text: string, source: string): unknown[] {
  let docs: unknown[];
  try {
    // The core schema keeps timestamps as strings, as the API server sees them.
    docs = loadAll(text, null, { schema: CORE_SCHEMA }) as unknown[];
  } catch (error) {
    throw new ManifestError(
      `error: error parsing ${source}: error converting YAML to JSON: yaml: ${yamlReason(error)}`,
    );
  }
  for (const doc of docs) {
    if (countNodes(doc, MAX_EXPANDED_NODES) > MAX_EXPANDED_NODES) {
      throw new ManifestError(
        `error: error parsing ${source}: error converting YAML to JSON: yaml: document contains excessive aliasing`,
      );
    }
  }
  return docs;
}

function checkDocument(doc: unknown, line: number, source: string): ManifestDocument {
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
    return {
      line,
      error: `error: error validating "${source}": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false`,
    };
  }
  const obj = doc as Record<string, unknown>;
  const missing = [!obj.apiVersion && "apiVersion", !obj.kind && "kind"].filter(Boolean) as string[];
  if (missing.length > 0) {
    // A single validation error prints bare; several are joined inside brackets (utilerrors.NewAggregate).
    const list = missing.map((f) => `${f} not set`);
    const fields = list.length === 1 ? list[0] : `[${list.join(", ")}]`;
    return {
      line,
      error: `error: error validating "${source}": error validating data: ${fields}; if you choose to ignore these errors, turn validation off with --validate=false`,
    };
  }
  if (typeof obj.apiVersion !== "string" || typeof obj.kind !== "string") {
    return {
      line,
      error: `error: unable to decode "${source}": Object 'Kind' is missing in '${JSON.stringify(obj)}'`,
    };
  }
  if (
    obj.metadata !== undefined &&
    (typeof obj.metadata !== "object" || obj.metadata === null || Array.isArray(obj.metadata))
  ) {
    return {
      line,
      error: `error: error validating "${source}": error validating data: ValidationError(${obj.kind}.metadata): invalid type for io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta: got "${goTypeName(obj.metadata)}", expected "map"; if you choose to ignore these errors, turn validation off with --validate=false`,
    };
  }
  if (obj.metadata === undefined) obj.metadata = {};
  return { line, object: JSON.parse(JSON.stringify(obj)) as KubeObject };
}

function flattenList(doc: unknown): unknown[] {
  const obj = doc as { kind?: unknown; items?: unknown };
  if (
    obj &&
    typeof obj === "object" &&
    typeof obj.kind === "string" &&
    obj.kind.endsWith("List") &&
    Array.isArray(obj.items)
  ) {
    return obj.items;
  }
  return [doc];
}

/** Counts values with aliases expanded, stopping early once over `budget`. */
function countNodes(value: unknown, budget: number): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && count <= budget) {
    const v = stack.pop();
    count++;
    if (Array.isArray(v)) stack.push(...v);
    else if (v && typeof v === "object") stack.push(...Object.values(v));
  }
  return count;
}

function documentStartLines(text: string): number[] {
  const starts = [1];
  const lines = text.split("\n");
  lines.forEach((line, i) => {
    if (/^---(\s|$)/.test(line) && i > 0) starts.push(i + 2);
  });
  if (/^---(\s|$)/.test(lines[0] ?? "")) starts[0] = 2;
  return starts;
}

function yamlReason(error: unknown): string {
  const e = error as { reason?: string; mark?: { line: number; column: number }; message?: string };
  if (e.mark) return `line ${e.mark.line + 1}, column ${e.mark.column + 1}: ${e.reason ?? "syntax error"}`;
  return e.message ?? String(error);
}

function goTypeName(value: unknown): string {
  if (Array.isArray(value)) return "array";
  if (typeof value === "string") return "string";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  if (typeof value === "boolean") return "boolean";
  return "null";
}
