import type { Cluster } from "../cluster";
import { isQuiz, type CheckSpec, type LessonCommand, type QueryCheck } from "./types";

/** The verdict on one check, with what the cluster answered (shown to the learner). */
export interface CheckResult {
  id: string;
  passed: boolean;
  /** The query's output, trimmed, or why it failed. */
  observed: string;
}

/** Quiz answers the learner gave, by check id. */
export type QuizAnswers = Record<string, number | undefined>;

/** Evaluates one check against the cluster as it is now. Never throws. */
export function evaluateCheck(cluster: Cluster, check: CheckSpec, answers: QuizAnswers = {}): CheckResult {
  if (isQuiz(check)) {
    const given = answers[check.id];
    return {
      id: check.id,
      passed: given === check.quiz.answer,
      observed: given === undefined ? "" : String(given),
    };
  }
  const result = cluster.kubectl(check.kubectl);
  const expectedCode = check.exitCode ?? 0;
  const text = (expectedCode === 0 ? result.stdout : result.stderr).trim();
  if (result.code !== expectedCode) {
    return { id: check.id, passed: false, observed: (result.stderr || result.stdout).trim() };
  }
  return { id: check.id, passed: outputPasses(check, text), observed: text };
}

function outputPasses(check: QueryCheck, text: string): boolean {
  const words = text.split(/\s+/).filter(Boolean);
  if (check.equals !== undefined && text !== check.equals) return false;
  if (check.matches !== undefined && !new RegExp(check.matches).test(text)) return false;
  if (check.count !== undefined && words.length !== check.count) return false;
  if (check.every !== undefined) {
    const pattern = new RegExp(`^(?:${check.every})$`);
    if (words.length === 0 || !words.every((w) => pattern.test(w))) return false;
  }
  if (check.any !== undefined) {
    const pattern = new RegExp(`^(?:${check.any})$`);
    if (!words.some((w) => pattern.test(w))) return false;
  }
  return true;
}

/** Evaluates every check of a step. */
export function evaluateChecks(
  cluster: Cluster,
  checks: CheckSpec[],
  answers: QuizAnswers = {},
): CheckResult[] {
  return checks.map((check) => evaluateCheck(cluster, check, answers));
}

/** The longest `within` of a step's checks: how long the runner may wait for them. */
export function checkWindowSeconds(checks: CheckSpec[]): number {
  return Math.max(0, ...checks.map((c) => (isQuiz(c) ? 0 : (c.within ?? 0))));
}

/**
 * Runs setup or solution commands in order, letting their `wait` pass. `files` are the
 * step's editor files, readable with `-f NAME`. Returns the first failure's text, if any.
 */
export function runCommands(
  cluster: Cluster,
  commands: LessonCommand[],
  files: Record<string, string> = {},
): string | undefined {
  for (const command of commands) {
    const result =
      command.kubectl !== undefined
        ? cluster.kubectl(command.kubectl, command.stdin, files)
        : cluster.kubeplay(command.kubeplay ?? "");
    if (result.code !== 0 && !command.mayFail) {
      return `${command.kubectl !== undefined ? "kubectl" : "kubeplay"} ${command.kubectl ?? command.kubeplay}: ${result.stderr.trim()}`;
    }
    if (command.wait) cluster.advance(command.wait);
  }
  return undefined;
}

/** The answers "show solution" gives to a step's quiz checks. */
export function quizSolution(checks: CheckSpec[]): QuizAnswers {
  return Object.fromEntries(checks.filter(isQuiz).map((c) => [c.id, c.quiz.answer]));
}

/** Advances time in small steps until every check passes or `seconds` have passed. */
export function waitForChecks(
  cluster: Cluster,
  checks: CheckSpec[],
  seconds: number,
  answers: QuizAnswers = {},
): CheckResult[] {
  let results = evaluateChecks(cluster, checks, answers);
  for (let waited = 0; waited < seconds && !results.every((r) => r.passed); waited += 1) {
    cluster.advance(1);
    results = evaluateChecks(cluster, checks, answers);
  }
  return results;
}
