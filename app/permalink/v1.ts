import type { InputEntry } from "../sim/protocol";
import { parseWork } from "./validate";
import { type Work, WorkError } from "./work";

/**
 * Version 1 of the link payload: compact JSON, times as ms after the start.
 *   { s: seed, n: nodes, t: start, l?: [lessonId, step], f: files, e?: endOffset,
 *     i: [[atOffset, "c"|"p", line, stdin?|0, files?], …] }   ("c" kubectl, "p" kubeplay)
 * Frozen: links in the wild use it. A change of shape is v2, decoded beside this one.
 */
type WireEntry = [number, "c" | "p", string, (string | 0)?, Record<string, string>?];
interface WireV1 {
  s: number;
  n: number;
  t: string;
  l?: [string, number];
  f: Record<string, string>;
  i: WireEntry[];
  e?: number;
}

/** Work → the v1 JSON text. */
export function toWireV1(work: Work): string {
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
  if (entry.stdin !== undefined || entry.files) out.push(entry.stdin ?? 0);
  if (entry.files) out.push(entry.files);
  return out;
}

function invalid(detail: string): never {
  throw new WorkError("invalid", `v1: ${detail}`);
}

/** The v1 JSON text → validated Work; throws WorkError for anything malformed. */
export function fromWireV1(json: string): Work {
  let wire: unknown;
  try {
    wire = JSON.parse(json);
  } catch {
    throw new WorkError("corrupt", "v1: not JSON");
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
    log: w.i.map((e) => entryOf(e, startMs)),
  };
  if (w.l !== undefined) {
    if (!Array.isArray(w.l) || w.l.length !== 2) invalid("l: expected [id, step]");
    work.lesson = { id: w.l[0], step: w.l[1] };
  }
  if (w.e !== undefined) work.end = typeof w.e === "number" ? startMs + w.e : invalid("e: expected a number");
  return parseWork(work);
}

function entryOf(value: unknown, startMs: number): unknown {
  if (!Array.isArray(value) || value.length < 3 || value.length > 5)
    invalid("i: expected [at, tool, line, stdin?, files?]");
  const [at, tool, line, stdin, files] = value;
  if (typeof at !== "number") invalid("i: at must be a number");
  if (tool !== "c" && tool !== "p") invalid("i: tool must be c or p");
  const entry: Record<string, unknown> = {
    at: startMs + at,
    tool: tool === "c" ? "kubectl" : "kubeplay",
    line,
  };
  if (stdin !== undefined && stdin !== 0) entry.stdin = stdin;
  if (files !== undefined) entry.files = files;
  return entry;
}
