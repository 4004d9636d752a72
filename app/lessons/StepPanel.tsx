import { useCallback } from "react";
import type { Lesson } from "../../src/lessons/types";
import { useWorkStore } from "../persist/workStore";
import { useT } from "../state/uiStore";
import { CheckList } from "./CheckList";
import { evaluateOpenStep, openStep, runner } from "./lessonController";
import { revealHint, useLessonStore } from "./lessonStore";
import { Markdown } from "./Markdown";
import { LIST_HASH, SANDBOX_HASH, stepHash } from "./routes";
import { fill, useProse } from "./text";

/**
 * One lesson step: instructions, hints one at a time, live checks, and the actions (show
 * solution, reset step, next step). `data-testid=lesson-step` carries `data-state`
 * (`pending` or `passed`) and `data-status` (`preparing`, `ready`, `solving`).
 */
export function StepPanel({ lesson, index }: { lesson: Lesson; index: number }) {
  const t = useT();
  const prose = useProse(lesson);
  const step = lesson.spec.steps[index];
  const text = prose.steps[step.id];
  const status = useLessonStore((s) => s.status);
  const passed = useLessonStore((s) => s.passed);
  const problem = useLessonStore((s) => s.problem);
  const helped = useLessonStore((s) => s.helped[lesson.spec.id]?.includes(index) ?? false);
  const total = lesson.spec.steps.length;
  const last = index === total - 1;

  // The success text is what the learner reads next: bring it into view when the step passes.
  const showSuccess = useCallback((element: HTMLDivElement | null) => {
    element?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }, []);

  const next = () => {
    if (last) useLessonStore.setState({ view: "summary" });
    else location.hash = stepHash(lesson.spec.id, index + 1);
  };

  return (
    <div className="step-panel">
      <nav className="lesson-nav">
        <a href={LIST_HASH}>← {t("lesson.all")}</a>
        <a href={SANDBOX_HASH}>{t("lessons.sandbox")}</a>
      </nav>
      <header className="lesson-head">
        <h3 className="lesson-title">{prose.title}</h3>
        <StepDots lesson={lesson} index={index} />
      </header>
      <article
        className="lesson-step"
        data-testid="lesson-step"
        data-step={step.id}
        data-state={passed ? "passed" : "pending"}
        data-status={status}
        aria-busy={status !== "ready"}
      >
        <div className="step-scroll">
          <p className="step-count">{fill(t("lesson.stepOf"), { n: index + 1, total })}</p>
          <h4 className="step-title">{text.title}</h4>
          <Markdown text={text.body} />
          <Hints lessonId={lesson.spec.id} index={index} hints={text.hints} />
          <CheckList step={step} prose={text} onAnswer={evaluateOpenStep} />
          {passed && (
            <div className="step-success" role="status" ref={showSuccess}>
              <strong>✓ {t("lesson.passed")}</strong>
              {helped && <span className="helped"> · {t("lesson.helped")}</span>}
              <Markdown text={text.success} />
            </div>
          )}
          {problem?.key === "lesson.problem" && (
            <p className="notice error" role="alert">
              {t("lesson.problem")} <code>{problem.detail}</code>
            </p>
          )}
        </div>
        <footer className="step-actions">
          {status !== "ready" && (
            <span className="step-busy" role="status">
              {t(status === "solving" ? "lesson.solving" : "lesson.preparing")}
            </span>
          )}
          {!passed && (
            <button
              type="button"
              data-testid="show-solution"
              disabled={status !== "ready"}
              onClick={() => void runner.showSolution(lesson, index)}
            >
              {t("lesson.showSolution")}
            </button>
          )}
          <button
            type="button"
            disabled={status !== "ready"}
            onClick={() => void openStep(lesson, index, "fresh")}
          >
            {t("lesson.reset")}
          </button>
          {passed && (
            <button type="button" className="primary" data-testid="next-step" onClick={next}>
              {t(last ? "lesson.finish" : "lesson.next")}
            </button>
          )}
        </footer>
      </article>
    </div>
  );
}

/** Hints, revealed one at a time by the `data-testid=hint` button. */
function Hints({ lessonId, index, hints }: { lessonId: string; index: number; hints: string[] }) {
  const t = useT();
  const shown = useLessonStore((s) => s.hintsShown);
  return (
    <section className="lesson-hints" aria-label={t("lesson.hints")}>
      {shown > 0 && (
        <ol>
          {hints.slice(0, shown).map((hint, i) => (
            <li key={i}>
              <Markdown text={hint} />
            </li>
          ))}
        </ol>
      )}
      {shown < hints.length && (
        <button type="button" data-testid="hint" onClick={() => revealHint(lessonId, index, hints.length)}>
          {t(shown === 0 ? "lesson.hint" : "lesson.hintMore")} (
          {fill(t("lesson.hintCount"), { n: shown + 1, total: hints.length })})
        </button>
      )}
    </section>
  );
}

/** The lesson's steps as links (each step has its URL); passed steps are ticked. */
function StepDots({ lesson, index }: { lesson: Lesson; index: number }) {
  const t = useT();
  const prose = useProse(lesson);
  const done = useWorkStore((s) => s.progress[lesson.spec.id] ?? -1);
  return (
    <ol className="step-dots" aria-label={t("lesson.steps")}>
      {lesson.spec.steps.map((step, i) => (
        <li key={step.id}>
          <a
            href={stepHash(lesson.spec.id, i)}
            className={i <= done ? "done" : undefined}
            aria-current={i === index ? "step" : undefined}
            title={prose.steps[step.id].title}
          >
            {i <= done && i !== index ? "✓" : i + 1}
          </a>
        </li>
      ))}
    </ol>
  );
}
