/**
 * Rules for editor file names. They travel in permalinks and are named by `kubectl -f NAME`,
 * so they follow the permalink codec's limits: a plain file name, no folders, no spaces.
 */
import { LIMITS } from "../permalink/work";

/**
 * Why a name was refused: `invalid` (shape), `taken` (another tab has it), `tooMany` (tab limit),
 * `editing` (kubectl edit waits for the file under its name).
 */
export type FileNameProblem = "invalid" | "taken" | "tooMany" | "editing";

/** The most tabs the editor opens (what a permalink can carry). */
export const MAX_FILES = LIMITS.files;

/** A name for a new file: `base.yaml`, else `base-2.yaml`, `base-3.yaml`, … whichever is free. */
export function freeFileName(base: string, existing: readonly string[]): string {
  const stem = base.replace(/\.ya?ml$/, "");
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${stem}.yaml` : `${stem}-${n}.yaml`;
    if (!existing.includes(name)) return name;
  }
}

/** Checks a rename from `from` to `to`; undefined when it is fine. */
export function fileNameProblem(
  to: string,
  from: string | undefined,
  existing: readonly string[],
): FileNameProblem | undefined {
  if (!LIMITS.fileName.test(to)) return "invalid";
  if (to !== from && existing.includes(to)) return "taken";
  if (from === undefined && existing.length >= MAX_FILES) return "tooMany";
  return undefined;
}
