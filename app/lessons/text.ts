import type { Lesson, LessonLanguage, LessonProse } from "../../src/lessons/types";
import { useUiStore } from "../state/uiStore";

/** Fills `{name}` placeholders in a UI string. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** A lesson's prose in the learner's language. */
export function useProse(lesson: Lesson): LessonProse {
  const language = useUiStore((s) => s.language) as LessonLanguage;
  return lesson.prose[language] ?? lesson.prose.en;
}
