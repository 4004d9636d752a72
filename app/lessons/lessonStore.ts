/**
 * The lesson runner's UI state (zustand; the cluster's truth stays in the worker). Where the
 * learner is lives in the work store (`lesson`, autosaved and carried by permalinks); this
 * store holds what the panel shows about it: the loaded course, the step's live check results,
 * hints revealed, quiz answers, and which steps were solved with help.
 */
import { create } from "zustand";
import type { CheckResult, QuizAnswers } from "../../src/lessons/checks";
import type { LessonMarks } from "../persist/saved";
import type { Course } from "./courseFiles";

/** What the lessons region shows. */
export type LessonView = "list" | "step" | "summary";

/** The step's lifecycle: being prepared (replay/setup), ready for the learner, or running its solution. */
export type StepStatus = "preparing" | "ready" | "solving";

export interface LessonUiState {
  course?: Course;
  courseFailed: boolean;
  view: LessonView;
  status: StepStatus;
  /** Live results of the current step's checks (empty until first evaluated). */
  results: CheckResult[];
  passed: boolean;
  hintsShown: number;
  answers: QuizAnswers;
  /** A failure the learner must see (role=alert): a setup that failed, a lesson id that does not exist. */
  problem?: { key: "lesson.problem" | "lesson.notFound"; detail: string };
  /** Steps solved with "show solution", and hints revealed, by lesson id → step index. */
  helped: Record<string, number[]>;
  hints: Record<string, Record<number, number>>;
}

/** Where helped steps and hint counts are kept between visits (the work store has no field for them). */
export const LESSON_STORAGE_KEY = "kubeplay:lessons:v1";

type Memory = Pick<LessonUiState, "helped" | "hints">;

function loadMemory(): Memory {
  try {
    const text = typeof localStorage === "undefined" ? null : localStorage.getItem(LESSON_STORAGE_KEY);
    const value = text ? (JSON.parse(text) as Partial<Memory>) : {};
    return { helped: value.helped ?? {}, hints: value.hints ?? {} };
  } catch {
    return { helped: {}, hints: {} };
  }
}

export const useLessonStore = create<LessonUiState>()(() => ({
  courseFailed: false,
  view: "list",
  status: "ready",
  results: [],
  passed: false,
  hintsShown: 0,
  answers: {},
  ...loadMemory(),
}));

useLessonStore.subscribe((state, previous) => {
  if (state.helped === previous.helped && state.hints === previous.hints) return;
  try {
    localStorage?.setItem(LESSON_STORAGE_KEY, JSON.stringify({ helped: state.helped, hints: state.hints }));
  } catch {
    // Storage full or unavailable (private mode): the marks last for this visit only.
  }
});

/** Records that a step was solved with "show solution". */
export function markHelped(lessonId: string, step: number): void {
  const { helped } = useLessonStore.getState();
  const steps = helped[lessonId] ?? [];
  if (steps.includes(step)) return;
  useLessonStore.setState({ helped: { ...helped, [lessonId]: [...steps, step].sort((a, b) => a - b) } });
}

/** The helped steps and hint counts, for an export of one's work. */
export function lessonMarks(): LessonMarks {
  const { helped, hints } = useLessonStore.getState();
  return { helped, hints };
}

/**
 * Restores imported marks, merged with those already here (as imported progress is): a step
 * helped in either stays helped, and a step's hint count is the larger of the two.
 */
export function restoreLessonMarks(marks: LessonMarks): void {
  const state = useLessonStore.getState();
  const helped = { ...state.helped };
  for (const [id, steps] of Object.entries(marks.helped)) {
    helped[id] = [...new Set([...(helped[id] ?? []), ...steps])].sort((a, b) => a - b);
  }
  const hints = { ...state.hints };
  for (const [id, counts] of Object.entries(marks.hints)) {
    const merged = { ...hints[id] };
    for (const [step, used] of Object.entries(counts)) {
      merged[Number(step)] = Math.max(used, merged[Number(step)] ?? 0);
    }
    hints[id] = merged;
  }
  useLessonStore.setState({ helped, hints });
}

/** Reveals the next hint of the current step and remembers how many were used. */
export function revealHint(lessonId: string, step: number, total: number): void {
  const { hintsShown, hints } = useLessonStore.getState();
  const shown = Math.min(total, hintsShown + 1);
  const used = Math.max(shown, hints[lessonId]?.[step] ?? 0);
  useLessonStore.setState({
    hintsShown: shown,
    hints: { ...hints, [lessonId]: { ...hints[lessonId], [step]: used } },
  });
}

/** Loads the course once (lazily: the parser and the prose are their own chunks). */
export async function loadCourse(): Promise<Course | undefined> {
  const known = useLessonStore.getState().course;
  if (known) return known;
  try {
    const { loadBundledCourse } = await import("./catalog");
    const course = await loadBundledCourse();
    for (const problem of course.problems) console.warn(`kubeplay: a lesson was left out\n${problem}`);
    useLessonStore.setState({ course, courseFailed: false });
    return course;
  } catch (error) {
    console.warn(`kubeplay: the lessons could not be loaded (${(error as Error).message})`);
    useLessonStore.setState({ courseFailed: true });
    return undefined;
  }
}
