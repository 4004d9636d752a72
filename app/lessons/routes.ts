/**
 * Lesson URLs. Every lesson step has one: `#/lessons/07-deployment/3` (steps count from 1 in
 * the URL, as learners count them; the stores keep a 0-based index). `#/lessons` is the list
 * and `#/sandbox` the free playground beside the lessons.
 */

/** Where a URL hash points. */
export type LessonRoute =
  | { kind: "list" }
  | { kind: "sandbox" }
  | { kind: "step"; lessonId: string; step: number };

const STEP = /^#\/lessons\/([a-z0-9][a-z0-9-]{0,63})(?:\/(\d{1,3}))?\/?$/;

/** The route a hash names, or undefined when it is not a lesson URL (a permalink, or nothing). */
export function parseLessonRoute(hash: string): LessonRoute | undefined {
  if (hash === "#/lessons" || hash === "#/lessons/") return { kind: "list" };
  if (hash === "#/sandbox") return { kind: "sandbox" };
  const match = STEP.exec(hash);
  if (!match) return undefined;
  const step = match[2] === undefined ? 0 : Number(match[2]) - 1;
  return { kind: "step", lessonId: match[1], step: Math.max(0, step) };
}

/** The hash of a lesson step (`step` is the 0-based index). */
export function stepHash(lessonId: string, step: number): string {
  return `#/lessons/${lessonId}/${step + 1}`;
}

/** The hash of the lesson list. */
export const LIST_HASH = "#/lessons";
/** The hash of the free sandbox. */
export const SANDBOX_HASH = "#/sandbox";
