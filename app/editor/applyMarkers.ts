/**
 * Turns what `kubectl apply|diff|delete -f -` printed on stderr into editor markers: each error
 * line is matched to the document it is about (by kind and name, in document order, as kubectl
 * reports them) and, when the message names a field, to that field's line.
 */
import { type DocumentSpan, documentSpans, fieldLine } from "./documents";

/** One problem to draw: 1-based line, and the message as kubectl printed it. */
export interface ApplyMarker {
  line: number;
  endLine: number;
  message: string;
}

const SYNTAX = /yaml: line (\d+)(?:, column \d+)?: /;

/** The markers for a failed command's stderr against the text that was sent as its stdin. */
export function applyMarkers(text: string, stderr: string): ApplyMarker[] {
  const spans = documentSpans(text);
  const markers: ApplyMarker[] = [];
  let after = 0;
  for (const message of errorLines(stderr)) {
    const syntax = SYNTAX.exec(message);
    if (syntax) {
      const line = Number(syntax[1]);
      markers.push({ line, endLine: line, message });
      continue;
    }
    const index = matchDocument(spans, message, after);
    const span = spans[index];
    if (!span) continue;
    after = index + 1;
    const line = fieldLine(text, span, fieldPath(message, span.kind));
    markers.push(
      line === span.startLine ? { line, endLine: span.endLine, message } : { line, endLine: line, message },
    );
  }
  return markers;
}

/** kubectl errors start with `error:` or `Error from server`; warnings and follow-on lines are context. */
function errorLines(stderr: string): string[] {
  return stderr
    .split("\n")
    .filter((l) => /^(error|Error from server|The \S+ "[^"]*" is invalid)/.test(l))
    .map((l) => l.trim());
}

/** The first document at or after `after` that the message names; else the only document, else any match. */
function matchDocument(spans: DocumentSpan[], message: string, after: number): number {
  const names = (s: DocumentSpan) =>
    (s.name !== undefined && message.includes(`"${s.name}"`)) ||
    (s.kind !== undefined && new RegExp(`\\b${s.kind}\\b`).test(message));
  const both = (s: DocumentSpan) =>
    s.name !== undefined &&
    message.includes(`"${s.name}"`) &&
    s.kind !== undefined &&
    mentionsKind(message, s.kind);
  // kubectl's client-side validation names no object, only what is missing.
  const missing = (s: DocumentSpan) =>
    (message.includes("apiVersion not set") && !s.apiVersion) ||
    (message.includes("kind not set") && !s.kind);
  for (const test of [both, names, missing]) {
    const later = spans.findIndex((s, i) => i >= after && test(s));
    if (later >= 0) return later;
  }
  if (spans.length === 1) return 0;
  return spans.findIndex(names);
}

function mentionsKind(message: string, kind: string): boolean {
  const plural = `${kind.toLowerCase()}s`;
  return new RegExp(`\\b(${kind}|${plural})\\b`, "i").test(message);
}

/**
 * The field a message is about, as path segments without the kind: strict decoding's
 * `unknown field "spec.x"`, JSON's `Go struct field DeploymentSpec.spec.replicas`, and
 * validation's `spec.replicas: Invalid value`.
 */
export function fieldPath(message: string, kind?: string): string[] {
  const unknown = /unknown field "([^"]+)"/.exec(message);
  const goField = /Go struct field \w+\.([\w.[\]]+) of type/.exec(message);
  const invalid = /is invalid: \[?((?:metadata|spec|data)[\w.[\]/-]*):/.exec(message);
  const raw = unknown?.[1] ?? goField?.[1] ?? invalid?.[1];
  if (!raw) return [];
  const segments = raw
    .replace(/\[[^\]]*\]/g, "")
    .split(".")
    .filter(Boolean);
  return kind && segments[0] === kind ? segments.slice(1) : segments;
}
