import type { EditorSave } from "../../src";
import type { InputEntry } from "../sim/protocol";
import { LIMITS, type Work, WorkError } from "./work";

type Json = Record<string, unknown>;

function fail(detail: string): never {
  throw new WorkError("invalid", detail);
}

function isRecord(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function onlyKeys(value: Json, allowed: string[], where: string): void {
  for (const key of Object.keys(value)) if (!allowed.includes(key)) fail(`${where}: unexpected field ${key}`);
}

function int(value: unknown, min: number, max: number, where: string): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min || value > max) {
    fail(`${where}: expected an integer in [${min}, ${max}]`);
  }
  return value;
}

function text(value: unknown, max: number, where: string): string {
  if (typeof value !== "string" || value.length > max)
    fail(`${where}: expected text of at most ${max} characters`);
  return value;
}

function files(value: unknown, where: string): Record<string, string> {
  if (!isRecord(value)) fail(`${where}: expected an object`);
  const entries = Object.entries(value);
  if (entries.length > LIMITS.files) fail(`${where}: more than ${LIMITS.files} files`);
  const out: Record<string, string> = {};
  for (const [name, content] of entries) {
    if (!LIMITS.fileName.test(name)) fail(`${where}: bad file name`);
    out[name] = text(content, LIMITS.fileChars, `${where}.${name}`);
  }
  return out;
}

function entry(value: unknown, startMs: number, index: number): InputEntry {
  const where = `log[${index}]`;
  if (!isRecord(value)) fail(`${where}: expected an object`);
  onlyKeys(value, ["at", "tool", "line", "stdin", "files", "editorSave"], where);
  if (value.tool !== "kubectl" && value.tool !== "kubeplay")
    fail(`${where}.tool: expected kubectl or kubeplay`);
  const out: InputEntry = {
    at: int(value.at, startMs, startMs + LIMITS.spanMs, `${where}.at`),
    tool: value.tool,
    line: text(value.line, LIMITS.lineChars, `${where}.line`),
  };
  if (value.stdin !== undefined) out.stdin = text(value.stdin, LIMITS.stdinChars, `${where}.stdin`);
  if (value.files !== undefined) out.files = files(value.files, `${where}.files`);
  if (value.editorSave !== undefined) {
    if (out.tool !== "kubectl") fail(`${where}.editorSave: only kubectl edit has an editor`);
    out.editorSave = editorSave(value.editorSave, `${where}.editorSave`);
  }
  return out;
}

/** A round of kubectl edit: the file's name and three texts of at most a file's size. */
function editorSave(value: unknown, where: string): EditorSave {
  if (!isRecord(value)) fail(`${where}: expected an object`);
  onlyKeys(value, ["file", "original", "edited", "previous"], where);
  const file = text(value.file, 64, `${where}.file`);
  if (!LIMITS.fileName.test(file)) fail(`${where}.file: bad file name`);
  const save: EditorSave = {
    file,
    original: text(value.original, LIMITS.fileChars, `${where}.original`),
    edited: text(value.edited, LIMITS.fileChars, `${where}.edited`),
  };
  if (value.previous !== undefined)
    save.previous = text(value.previous, LIMITS.fileChars, `${where}.previous`);
  return save;
}

/**
 * Checks every field of an untrusted work record (a decoded link, an imported file, a saved
 * session) and returns a clean copy holding only known fields; throws WorkError("invalid").
 * Times are absolute epoch ms and must be in order, within the allowed span after the start.
 */
export function parseWork(value: unknown): Work {
  if (!isRecord(value)) fail("expected an object");
  onlyKeys(value, ["seed", "nodes", "start", "lesson", "files", "log", "end"], "work");
  const start = text(value.start, 40, "start");
  const startMs = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(start) ? Date.parse(start) : Number.NaN;
  if (Number.isNaN(startMs)) fail("start: expected an RFC 3339 UTC time");
  if (!Array.isArray(value.log) || value.log.length > LIMITS.entries)
    fail(`log: expected at most ${LIMITS.entries} entries`);
  const log = value.log.map((e, i) => entry(e, startMs, i));
  log.forEach((e, i) => i > 0 && e.at < log[i - 1].at && fail(`log[${i}].at: earlier than the entry before`));
  const work: Work = {
    seed: int(value.seed, 0, 2 ** 32 - 1, "seed"),
    nodes: int(value.nodes, 0, LIMITS.nodes, "nodes"),
    start,
    files: files(value.files, "files"),
    log,
  };
  if (value.lesson !== undefined) work.lesson = lesson(value.lesson);
  if (value.end !== undefined)
    work.end = int(value.end, log.at(-1)?.at ?? startMs, startMs + LIMITS.spanMs, "end");
  return work;
}

function lesson(value: unknown): { id: string; step: number } {
  if (!isRecord(value)) fail("lesson: expected an object");
  onlyKeys(value, ["id", "step"], "lesson");
  const id = text(value.id, 64, "lesson.id");
  if (!LIMITS.lessonId.test(id)) fail("lesson.id: bad lesson id");
  return { id, step: int(value.step, 0, 999, "lesson.step") };
}
