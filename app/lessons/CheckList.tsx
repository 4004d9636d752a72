import type { CheckResult } from "../../src/lessons/checks";
import { isQuiz, type StepProse, type StepSpec } from "../../src/lessons/types";
import { useT } from "../state/uiStore";
import { useLessonStore } from "./lessonStore";

/**
 * The step's checks with their live status, in the learner's words; a quiz check shows its
 * options as radio buttons (the answer is judged by the worker like any other check).
 */
export function CheckList({
  step,
  prose,
  onAnswer,
}: {
  step: StepSpec;
  prose: StepProse;
  onAnswer: () => void;
}) {
  const t = useT();
  const results = useLessonStore((s) => s.results);
  const answers = useLessonStore((s) => s.answers);
  const busy = useLessonStore((s) => s.status !== "ready");
  const byId = new Map<string, CheckResult>(results.map((r) => [r.id, r]));
  return (
    <section className="lesson-checks" aria-label={t("lesson.checks")}>
      <h4>{t("lesson.checks")}</h4>
      <ul>
        {step.checks.map((check) => {
          const result = byId.get(check.id);
          const state = result === undefined ? "unknown" : result.passed ? "passed" : "failed";
          const label =
            state === "passed"
              ? t("lesson.checkPassed")
              : state === "failed"
                ? t("lesson.checkFailed")
                : t("lesson.checkUnknown");
          return (
            <li
              key={check.id}
              className={`check ${state}`}
              data-check={check.id}
              data-state={state}
              title={
                state === "failed" && result?.observed
                  ? `${t("lesson.observed")}: ${result.observed}`
                  : undefined
              }
            >
              <span className="check-mark" role="img" aria-label={label}>
                {state === "passed" ? "✓" : state === "failed" ? "✗" : "…"}
              </span>
              <span className="check-text">{prose.checks[check.id]}</span>
              {isQuiz(check) && (
                <fieldset className="quiz" disabled={busy}>
                  <legend className="visually-hidden">{t("lesson.quiz")}</legend>
                  {(prose.quizzes?.[check.id] ?? []).map((option, i) => (
                    <label key={i}>
                      <input
                        type="radio"
                        name={`quiz-${check.id}`}
                        checked={answers[check.id] === i}
                        onChange={() => {
                          useLessonStore.setState({ answers: { ...answers, [check.id]: i } });
                          onAnswer();
                        }}
                      />
                      {option}
                    </label>
                  ))}
                </fieldset>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
