/**
 * The lesson format (content is data). A lesson is a folder in lessons/ holding
 * `lesson.yaml` (this structure: language-neutral data) and one prose file per language
 * (`en.yaml`, `zh.yaml`: `LessonProse`). See lessons/README.md for the authoring guide.
 */

/** The languages every lesson must be written in. */
export const LESSON_LANGUAGES = ["en", "zh"] as const;
export type LessonLanguage = (typeof LESSON_LANGUAGES)[number];

export interface LessonSpec {
  /** Folder name, e.g. `07-deployment`. */
  id: string;
  /** Position in the course (1-based). */
  order: number;
  /** The chapter of the course notes this lesson comes from (its heading in the notes). */
  chapter: string;
  /** The cluster every step of the lesson runs on. */
  cluster: { seed: number; nodes: number; start?: string };
  steps: StepSpec[];
}

/** A kubectl command a step runs (setup or solution): the line after `kubectl`, stdin optional. */
export interface LessonCommand {
  kubectl?: string;
  /** A simulator command (`kubeplay node stop node-2`), for faults in setup. */
  kubeplay?: string;
  stdin?: string;
  /** Simulated seconds to let pass after the command. */
  wait?: number;
  /** The command is expected to fail (e.g. showing an AlreadyExists error); its failure does not stop the step. */
  mayFail?: boolean;
}

export interface StepSpec {
  /** Stable id within the lesson, used by prose files and progress (`create-deployment`). */
  id: string;
  /** Files the editor opens at this step: name → YAML. */
  files?: Record<string, string>;
  /** What runs before the step starts (after the previous steps' solutions). */
  setup?: LessonCommand[];
  /** All must pass for the step to pass. */
  checks: CheckSpec[];
  /** The number of graded hints (their text is in the prose files). */
  hints: number;
  /** What "show solution" does: commands (may read the step's files with `-f NAME`). */
  solution: LessonCommand[];
}

/** A check against the live cluster: run a kubectl query and test its output. */
export interface QueryCheck {
  id: string;
  /** The kubectl command line (after `kubectl`), typically with `-o jsonpath=…`. */
  kubectl: string;
  /** Expected exit code (default 0). */
  exitCode?: number;
  /** Trimmed stdout equals this. */
  equals?: string;
  /** stdout (or stderr when exitCode is non-zero) matches this regular expression. */
  matches?: string;
  /** Number of whitespace-separated words in stdout. */
  count?: number;
  /** Every word of stdout matches this regular expression (and there is at least one). */
  every?: string;
  /** At least one word of stdout matches this regular expression. */
  any?: string;
  /** The check may take this many simulated seconds to become true after the action. */
  within?: number;
}

/** A conceptual question; the answer is the index of the right option in the prose file. */
export interface QuizCheck {
  id: string;
  quiz: { answer: number; options: number };
}

export type CheckSpec = QueryCheck | QuizCheck;

/** One language's prose for a lesson. */
export interface LessonProse {
  title: string;
  summary: string;
  steps: Record<string, StepProse>;
}

export interface StepProse {
  title: string;
  /** Markdown. */
  body: string;
  /** One per hint, weakest first. */
  hints: string[];
  /** Shown when the step passes: what just happened, pointing at the trace. */
  success: string;
  /** Learner-readable description of each check, by check id. */
  checks: Record<string, string>;
  /** For quiz checks: the options, by check id. */
  quizzes?: Record<string, string[]>;
}

/** A lesson with its prose in every language. */
export interface Lesson {
  spec: LessonSpec;
  prose: Record<LessonLanguage, LessonProse>;
}

export function isQuiz(check: CheckSpec): check is QuizCheck {
  return "quiz" in check;
}
