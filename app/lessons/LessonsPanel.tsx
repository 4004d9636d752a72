import { useEffect } from "react";
import { useWorkStore } from "../persist/workStore";
import { useT } from "../state/uiStore";
import { LessonList } from "./LessonList";
import { LessonSummary } from "./LessonSummary";
import { startLessonController } from "./lessonController";
import { useLessonStore } from "./lessonStore";
import { StepPanel } from "./StepPanel";
import "./lessons.css";

/** The lessons region: the course list (and sandbox), a lesson's current step, or its completion summary. */
export function LessonsPanel() {
  const t = useT();
  const view = useLessonStore((s) => s.view);
  const problem = useLessonStore((s) => s.problem);
  const position = useWorkStore((s) => s.lesson);
  const lesson = useLessonStore((s) => s.course?.lessons.find((l) => l.spec.id === position?.id));

  useEffect(() => startLessonController(), []);

  const index = position?.step ?? 0;
  if (view === "step" && lesson && index < lesson.spec.steps.length) {
    return <StepPanel key={`${lesson.spec.id}/${index}`} lesson={lesson} index={index} />;
  }
  if (view === "summary" && lesson) return <LessonSummary lesson={lesson} />;
  return (
    <>
      {problem?.key === "lesson.notFound" && (
        <p className="notice error" role="alert">
          {t("lesson.notFound")} <code>{problem.detail}</code>
        </p>
      )}
      <LessonList />
    </>
  );
}
