import type { Lesson } from "../../src/lessons/types";
import { useWorkStore } from "../persist/workStore";
import { useT } from "../state/uiStore";
import { useLessonStore } from "./lessonStore";
import { stepHash } from "./routes";
import { fill, useProse } from "./text";

/** The course: one link per lesson (`data-testid=lesson-link`, in course order) with its progress. */
export function LessonList() {
  const t = useT();
  const course = useLessonStore((s) => s.course);
  const failed = useLessonStore((s) => s.courseFailed);
  const inLesson = useWorkStore((s) => s.lesson !== undefined);
  if (failed) return <p role="alert">{t("lessons.loadFailed")}</p>;
  if (!course) return <p className="placeholder">{t("lessons.loading")}</p>;
  return (
    <div className="lesson-list">
      {!inLesson && <p className="sandbox-note">{t("lessons.sandboxNote")}</p>}
      <p className="lesson-intro">{t("lessons.intro")}</p>
      {course.lessons.length === 0 && <p className="placeholder">{t("lessons.none")}</p>}
      <ol>
        {course.lessons.map((lesson) => (
          <LessonItem key={lesson.spec.id} lesson={lesson} />
        ))}
      </ol>
    </div>
  );
}

function LessonItem({ lesson }: { lesson: Lesson }) {
  const t = useT();
  const prose = useProse(lesson);
  const id = lesson.spec.id;
  const total = lesson.spec.steps.length;
  const done = useWorkStore((s) => Math.min(total, (s.progress[id] ?? -1) + 1));
  const here = useWorkStore((s) => (s.lesson?.id === id ? s.lesson.step : undefined));
  const complete = done >= total;
  return (
    <li className={`lesson-item${here !== undefined ? " current" : ""}`}>
      <a data-testid="lesson-link" href={stepHash(id, here ?? 0)}>
        <span className="lesson-order">{lesson.spec.order}</span>
        <span className="lesson-name">{prose.title}</span>
      </a>
      <span className="lesson-summary" title={prose.summary}>
        {prose.summary}
      </span>
      <span className={`lesson-progress${complete ? " complete" : ""}`}>
        {complete ? `✓ ${t("lessons.completed")}` : fill(t("lessons.progress"), { done, total })}
        {here !== undefined && ` · ${t("lessons.current")}`}
      </span>
      <progress max={total} value={done} aria-hidden="true" />
    </li>
  );
}
