/**
 * Where each document of a YAML stream sits in the editor, so that an error the engine reports
 * for "the Deployment named web" can be drawn on that document's lines.
 */
import { CORE_SCHEMA, load } from "js-yaml";

/** One `---`-separated document: 1-based inclusive line range, and its kind/name when readable. */
export interface DocumentSpan {
  startLine: number;
  endLine: number;
  apiVersion?: string;
  kind?: string;
  name?: string;
}

const SEPARATOR = /^---(\s|$)/;

/** Splits the text at `---` lines; documents holding only comments or blanks are dropped, as kubectl skips them. */
export function documentSpans(text: string): DocumentSpan[] {
  const lines = text.split("\n");
  const spans: DocumentSpan[] = [];
  let start = 0;
  const close = (end: number) => {
    const body = lines.slice(start, end);
    const first = body.findIndex((l) => l.trim() !== "" && !l.trimStart().startsWith("#"));
    if (first >= 0) spans.push({ startLine: start + first + 1, endLine: end, ...identify(body.join("\n")) });
  };
  lines.forEach((line, i) => {
    if (!SEPARATOR.test(line)) return;
    close(i);
    start = i + 1;
  });
  close(lines.length);
  return spans;
}

type Identity = Pick<DocumentSpan, "apiVersion" | "kind" | "name">;

function identify(text: string): Identity {
  try {
    const doc = load(text, { schema: CORE_SCHEMA }) as {
      apiVersion?: unknown;
      kind?: unknown;
      metadata?: { name?: unknown };
    } | null;
    if (!doc || typeof doc !== "object") return {};
    const out: Identity = {};
    if (typeof doc.apiVersion === "string") out.apiVersion = doc.apiVersion;
    if (typeof doc.kind === "string") out.kind = doc.kind;
    if (typeof doc.metadata?.name === "string") out.name = doc.metadata.name;
    return out;
  } catch {
    return {};
  }
}

/**
 * The line of a field path such as `spec.containers[0].image` inside a document, found by
 * walking keys at growing indentation; falls back to the document's first line.
 */
export function fieldLine(text: string, span: DocumentSpan, path: readonly string[]): number {
  const lines = text.split("\n");
  let line = span.startLine;
  let indent = -1;
  for (const key of path) {
    const found = findKey(lines, key, line, span.endLine, indent);
    if (!found) break;
    [line, indent] = found;
  }
  return line;
}

function findKey(
  lines: string[],
  key: string,
  from: number,
  to: number,
  parentIndent: number,
): [number, number] | undefined {
  const pattern = new RegExp(`^(\\s*(?:-\\s+)*)["']?${escape(key)}["']?\\s*:`);
  for (let n = from; n <= to; n++) {
    const match = pattern.exec(lines[n - 1] ?? "");
    if (match && match[1].length > parentIndent) return [n, match[1].length];
  }
  return undefined;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
