import { createCluster } from "../cluster";
import { checkWindowSeconds, evaluateChecks, quizSolution, runCommands, waitForChecks } from "./checks";
import type { Lesson } from "./types";

/** What replaying one step showed: its checks before and after the solution. */
export interface StepReplay {
  stepId: string;
  failedBefore: boolean;
  passedAfter: boolean;
  problem?: string;
}

/**
 * Replays a lesson headless, step by step on one cluster, as a learner who uses
 * "show solution" would: setup, checks (must fail: no vacuous step), solution, checks
 * (must pass within the step's window).
 */
export function replayLesson(lesson: Lesson): StepReplay[] {
  const { seed, nodes, start } = lesson.spec.cluster;
  const cluster = createCluster({ seed, nodes, start });
  const replays: StepReplay[] = [];
  for (const step of lesson.spec.steps) {
    const setupProblem = runCommands(cluster, step.setup ?? [], step.files);
    const before = evaluateChecks(cluster, step.checks);
    const failedBefore = !before.every((r) => r.passed);
    const solutionProblem = runCommands(cluster, step.solution, step.files);
    const after = waitForChecks(
      cluster,
      step.checks,
      checkWindowSeconds(step.checks),
      quizSolution(step.checks),
    );
    const failing = after
      .filter((r) => !r.passed)
      .map((r) => `${r.id} (observed: ${r.observed || "nothing"})`);
    const problem =
      setupProblem ??
      solutionProblem ??
      (failing.length ? `checks still failing: ${failing.join(", ")}` : undefined);
    replays.push({ stepId: step.id, failedBefore, passedAfter: failing.length === 0, problem });
  }
  return replays;
}
