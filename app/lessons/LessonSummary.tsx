import type { Lesson } from "../../src/lessons/types";
import { useT } from "../state/uiStore";
import { useLessonStore } from "./lessonStore";
import { LIST_HASH, stepHash } from "./routes";
import { fill, useProse } from "./text";

/** The completion summary: every step, how it was solved (alone, with hints, with the solution), and what next. */
export function LessonSummary({ lesson }: { lesson: Lesson }) {
  const t = useT();
  const prose = useProse(lesson);
  const id = lesson.spec.id;
  const helped = useLessonStore((s) => s.helped[id]) ?? [];
  const hints = useLessonStore((s) => s.hints[id]) ?? {};
  const lessons = useLessonStore((s) => s.course?.lessons) ?? [];
  const next = lessons[lessons.findIndex((l) => l.spec.id === id) + 1];
  return (
    <div className="lesson-summary-panel" data-testid="lesson-summary">
      <h3>✓ {t("lesson.summary")}</h3>
      <p>{fill(t("lesson.summaryDone"), { title: prose.title })}</p>
      <ol className="summary-steps">
        {lesson.spec.steps.map((step, i) => {
          const used = hints[i] ?? 0;
          const how = helped.includes(i)
            ? t("lesson.helped")
            : used > 0
              ? fill(t("lesson.summaryHints"), { n: used })
              : t("lesson.summaryOwn");
          return (
            <li key={step.id}>
              <a href={stepHash(id, i)}>{prose.steps[step.id].title}</a>
              <span className="summary-how"> — {how}</span>
            </li>
          );
        })}
      </ol>
      <p className="summary-actions">
        {next && <NextLessonLink lesson={next} label={t("lesson.nextLesson")} />}
        <a href={stepHash(id, 0)}>{t("lesson.again")}</a>
        <a href={LIST_HASH}>{t("lesson.all")}</a>
      </p>
    </div>
  );
}

function NextLessonLink({ lesson, label }: { lesson: Lesson; label: string }) {
  const prose = useProse(lesson);
  return (
    <a className="button primary" href={stepHash(lesson.spec.id, 0)}>
      {label}: {prose.title} →
    </a>
  );
}
