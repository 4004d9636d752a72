import type { InputEntry } from "../sim/protocol";
import { parseWork } from "./validate";
import { type Work, WorkError } from "./work";

/**
 * The link payload: compact JSON, times as ms after the start.
 *   { s: seed, n: nodes, t: start, l?: [lessonId, step], f: files, e?: endOffset,
 *     i: [[atOffset, "c"|"p", line, stdin?|0, files?|0, edit?], …] }   ("c" kubectl, "p" kubeplay)
 * Version 1 entries stop at `files`. Version 2 adds `edit`, a round of `kubectl edit`:
 * [file, original, edited, previous?]. Both stay frozen (links in the wild use them): a change
 * of shape is a new version, decoded beside these.
 */
type WireEdit = [string, string, string, string?];
type WireEntry = [number, "c" | "p", string, (string | 0)?, (Record<string, string> | 0)?, WireEdit?];

/** The versions this module reads; new links are written in the last. */
export type WireVersion = 1 | 2;
interface WireV1 {
  s: number;
  n: number;
  t: string;
  l?: [string, number];
  f: Record<string, string>;
  i: WireEntry[];
  e?: number;
}

/** Work → the JSON text of the current version (2). */
export function toWire(work: Work): string {
  const startMs = Date.parse(work.start);
  const wire: WireV1 = {
    s: work.seed,
    n: work.nodes,
    t: work.start,
    f: work.files,
    i: work.log.map((e) => wireEntry(e, startMs)),
  };
  if (work.lesson) wire.l = [work.lesson.id, work.lesson.step];
  if (work.end !== undefined) wire.e = work.end - startMs;
  return JSON.stringify(wire);
}

function wireEntry(entry: InputEntry, startMs: number): WireEntry {
  const out: WireEntry = [entry.at - startMs, entry.tool === "kubectl" ? "c" : "p", entry.line];
  const edit = entry.editorSave;
  if (entry.stdin !== undefined || entry.files || edit) out.push(entry.stdin ?? 0);
  if (entry.files || edit) out.push(entry.files ?? 0);
  if (edit) {
    const wireEdit: WireEdit = [edit.file, edit.original, edit.edited];
    if (edit.previous !== undefined) wireEdit.push(edit.previous);
    out.push(wireEdit);
  }
  return out;
}

function invalid(detail: string): never {
  throw new WorkError("invalid", detail);
}

/** The JSON text of a version → validated Work; throws WorkError for anything malformed. */
export function fromWire(json: string, version: WireVersion): Work {
  let wire: unknown;
  try {
    wire = JSON.parse(json);
  } catch {
    throw new WorkError("corrupt", `v${version}: not JSON`);
  }
  if (typeof wire !== "object" || wire === null || Array.isArray(wire)) invalid("expected an object");
  const w = wire as Record<string, unknown>;
  for (const key of Object.keys(w))
    if (!["s", "n", "t", "l", "f", "i", "e"].includes(key)) invalid(`unexpected field ${key}`);
  if (typeof w.t !== "string") invalid("t: expected text");
  const startMs = Date.parse(w.t);
  if (!Array.isArray(w.i)) invalid("i: expected a list");
  const work: Record<string, unknown> = {
    seed: w.s,
    nodes: w.n,
    start: w.t,
    files: w.f,
    log: w.i.map((e) => entryOf(e, startMs, version)),
  };
  if (w.l !== undefined) {
    if (!Array.isArray(w.l) || w.l.length !== 2) invalid("l: expected [id, step]");
    work.lesson = { id: w.l[0], step: w.l[1] };
  }
  if (w.e !== undefined) work.end = typeof w.e === "number" ? startMs + w.e : invalid("e: expected a number");
  return parseWork(work);
}

function entryOf(value: unknown, startMs: number, version: WireVersion): unknown {
  if (version === 1 && (!Array.isArray(value) || value.length < 3 || value.length > 5))
    invalid("v1 i: expected [at, tool, line, stdin?, files?]");
  if (!Array.isArray(value) || value.length < 3 || value.length > 6)
    invalid("i: expected [at, tool, line, stdin?, files?, edit?]");
  const [at, tool, line, stdin, files, edit] = value;
  if (typeof at !== "number") invalid("i: at must be a number");
  if (tool !== "c" && tool !== "p") invalid("i: tool must be c or p");
  const entry: Record<string, unknown> = {
    at: startMs + at,
    tool: tool === "c" ? "kubectl" : "kubeplay",
    line,
  };
  if (stdin !== undefined && stdin !== 0) entry.stdin = stdin;
  if (files !== undefined && files !== 0) entry.files = files;
  if (edit !== undefined) {
    if (!Array.isArray(edit) || edit.length < 3 || edit.length > 4)
      invalid("i: edit must be [file, original, edited, previous?]");
    const [file, original, edited, previous] = edit;
    entry.editorSave =
      previous === undefined ? { file, original, edited } : { file, original, edited, previous };
  }
  return entry;
}
