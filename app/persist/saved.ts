import { parseWork } from "../permalink/validate";
import type { Work } from "../permalink/work";
import { HISTORY_LIMIT } from "./workStore";

/** The localStorage key; the version is in the name so a new format never misreads an old one. */
export const STORAGE_KEY = "kubeplay:work:v1";

/** Everything autosave keeps, and what an export file holds. */
export interface SavedWork {
  work: Work;
  history: string[];
  progress: Record<string, number>;
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

function progressMap(value: unknown): Record<string, number> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
  const out: Record<string, number> = {};
  for (const [id, step] of Object.entries(value)) {
    if (/^[a-z0-9][a-z0-9-]{0,63}$/.test(id) && Number.isSafeInteger(step)) out[id] = step as number;
  }
  return out;
}

/** Validates saved or imported data (the work strictly, the rest leniently); throws WorkError on bad work. */
export function parseSaved(value: unknown): SavedWork {
  const record = (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>;
  return {
    work: parseWork(record.work),
    history: stringList(record.history),
    progress: progressMap(record.progress),
  };
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
