import { parseWork } from "../permalink/validate";
import type { Work } from "../permalink/work";
import { HISTORY_LIMIT } from "./workStore";

/** The localStorage key; the version is in the name so a new format never misreads an old one. */
export const STORAGE_KEY = "kubeplay:work:v1";

/**
 * How the learner got through lesson steps: steps solved with "show solution" and hints used, by
 * lesson id → step index. The lesson runner keeps them under their own key (kubeplay:lessons:v1);
 * an export file carries them too, so an import restores them with the work.
 */
export interface LessonMarks {
  helped: Record<string, number[]>;
  hints: Record<string, Record<number, number>>;
}

/** Everything autosave keeps, and what an export file holds (the export adds `lessonMarks`). */
export interface SavedWork {
  work: Work;
  history: string[];
  progress: Record<string, number>;
  lessonMarks?: LessonMarks;
}

/** The export file's envelope, so an import can tell a kubeplay file from any JSON. */
export interface ExportFile extends SavedWork {
  format: "kubeplay-work";
  version: 1;
}

function stringList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((v): v is string => typeof v === "string" && v.length <= 10_000).slice(-HISTORY_LIMIT);
}

const LESSON_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isStep = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

function progressMap(value: unknown): Record<string, number> {
  if (!isRecord(value)) return {};
  const out: Record<string, number> = {};
  for (const [id, step] of Object.entries(value)) {
    if (LESSON_ID.test(id) && Number.isSafeInteger(step)) out[id] = step as number;
  }
  return out;
}

/** Lesson marks of the right shape only (unknown ids, negative or fractional steps dropped); undefined when absent. */
function lessonMarks(value: unknown): LessonMarks | undefined {
  if (!isRecord(value)) return undefined;
  const helped: LessonMarks["helped"] = {};
  for (const [id, steps] of Object.entries(isRecord(value.helped) ? value.helped : {})) {
    if (!LESSON_ID.test(id) || !Array.isArray(steps)) continue;
    const valid = [...new Set(steps.filter(isStep))].sort((a, b) => a - b);
    if (valid.length > 0) helped[id] = valid;
  }
  const hints: LessonMarks["hints"] = {};
  for (const [id, byStep] of Object.entries(isRecord(value.hints) ? value.hints : {})) {
    if (!LESSON_ID.test(id) || !isRecord(byStep)) continue;
    const counts: Record<number, number> = {};
    for (const [step, used] of Object.entries(byStep)) {
      if (isStep(Number(step)) && /^\d+$/.test(step) && isStep(used) && used > 0) counts[Number(step)] = used;
    }
    if (Object.keys(counts).length > 0) hints[id] = counts;
  }
  return { helped, hints };
}

/** Validates saved or imported data (the work strictly, the rest leniently); throws WorkError on bad work. */
export function parseSaved(value: unknown): SavedWork {
  const record = (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>;
  const saved: SavedWork = {
    work: parseWork(record.work),
    history: stringList(record.history),
    progress: progressMap(record.progress),
  };
  const marks = lessonMarks(record.lessonMarks);
  if (marks) saved.lessonMarks = marks;
  return saved;
}

/** The saved session, or undefined when there is none or it cannot be read (it is then ignored, not fatal). */
export function loadSaved(storage: Storage | undefined): SavedWork | undefined {
  try {
    const text = storage?.getItem(STORAGE_KEY);
    return text ? parseSaved(JSON.parse(text)) : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the session; false when storage is full or unavailable (private mode). */
export function writeSaved(storage: Storage | undefined, saved: SavedWork): boolean {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(saved));
    return storage !== undefined;
  } catch {
    return false;
  }
}

/** The JSON text of an export file. */
export function exportText(saved: SavedWork): string {
  const file: ExportFile = { format: "kubeplay-work", version: 1, ...saved };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Reads an export file's text; throws WorkError when it is not a kubeplay work file. */
export function parseExport(text: string): SavedWork {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return parseSaved(undefined);
  }
  const record = value as Partial<ExportFile> | null;
  if (record?.format !== "kubeplay-work" || record.version !== 1) return parseSaved(undefined);
  return parseSaved(record);
}
