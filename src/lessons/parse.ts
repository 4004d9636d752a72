import { CORE_SCHEMA, load } from "js-yaml";
import {
  isQuiz,
  LESSON_LANGUAGES,
  type Lesson,
  type LessonCommand,
  type LessonProse,
  type LessonSpec,
} from "./types";

/** Thrown with every problem found in a lesson, one per line, so an author can fix them all at once. */
export class LessonFormatError extends Error {}

/**
 * Reads a lesson from its files (`lesson.yaml`, `en.yaml`, `zh.yaml`) and checks it against
 * the format: required fields, types, unique ids, and a complete translation of every
 * step, hint, check and quiz in every language.
 */
export function parseLesson(id: string, files: Record<string, string>): Lesson {
  const problems: string[] = [];
  const spec = readYaml(files["lesson.yaml"], "lesson.yaml", problems) as LessonSpec | undefined;
  const prose = {} as Record<(typeof LESSON_LANGUAGES)[number], LessonProse>;
  for (const lang of LESSON_LANGUAGES)
    prose[lang] = readYaml(files[`${lang}.yaml`], `${lang}.yaml`, problems) as LessonProse;
  if (spec) checkSpec(id, spec, problems);
  if (spec?.steps)
    for (const lang of LESSON_LANGUAGES) if (prose[lang]) checkProse(spec, prose[lang], lang, problems);
  if (problems.length > 0 || !spec)
    throw new LessonFormatError(`lesson ${id}:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  return { spec, prose };
}

function readYaml(text: string | undefined, name: string, problems: string[]): unknown {
  if (text === undefined) {
    problems.push(`${name} is missing`);
    return undefined;
  }
  try {
    return load(text, { schema: CORE_SCHEMA });
  } catch (error) {
    problems.push(`${name}: ${(error as Error).message}`);
    return undefined;
  }
}

function checkSpec(id: string, spec: LessonSpec, problems: string[]): void {
  if (spec.id !== id) problems.push(`lesson.yaml id "${spec.id}" must equal the folder name "${id}"`);
  if (!Number.isInteger(spec.order) || spec.order < 1) problems.push("order must be a positive integer");
  if (typeof spec.chapter !== "string" || !spec.chapter) problems.push("chapter is required");
  if (!spec.cluster || !Number.isInteger(spec.cluster.seed) || !Number.isInteger(spec.cluster.nodes)) {
    problems.push("cluster.seed and cluster.nodes must be integers");
  }
  if (!Array.isArray(spec.steps) || spec.steps.length === 0) {
    problems.push("steps must be a non-empty list");
    return;
  }
  const stepIds = new Set<string>();
  spec.steps.forEach((step, i) => {
    const where = `steps[${i}] (${step?.id ?? "?"})`;
    if (!step?.id || !/^[a-z0-9-]+$/.test(step.id))
      problems.push(`${where}: id must be lower-case words joined by '-'`);
    if (stepIds.has(step.id)) problems.push(`${where}: duplicate step id`);
    stepIds.add(step.id);
    if (!Array.isArray(step.checks) || step.checks.length === 0)
      problems.push(`${where}: at least one check is required`);
    if (!Number.isInteger(step.hints) || step.hints < 1)
      problems.push(`${where}: hints must be a positive integer`);
    if (!Array.isArray(step.solution) || step.solution.length === 0)
      problems.push(`${where}: a solution is required`);
    for (const command of [...(step.setup ?? []), ...(step.solution ?? [])])
      checkCommand(command, where, problems);
    const checkIds = new Set<string>();
    for (const check of step.checks ?? []) {
      if (!check.id) problems.push(`${where}: every check needs an id`);
      if (checkIds.has(check.id)) problems.push(`${where}: duplicate check id ${check.id}`);
      checkIds.add(check.id);
      if (isQuiz(check)) continue;
      if (typeof check.kubectl !== "string")
        problems.push(`${where}: check ${check.id} needs a kubectl query or a quiz`);
      const tests = ["equals", "matches", "count", "every", "any", "exitCode"].filter((k) => k in check);
      if (tests.length === 0)
        problems.push(
          `${where}: check ${check.id} tests nothing (equals, matches, count, every, any or exitCode)`,
        );
      for (const key of ["matches", "every", "any"] as const) {
        const pattern = check[key];
        if (pattern === undefined) continue;
        try {
          new RegExp(pattern);
        } catch {
          problems.push(`${where}: check ${check.id}: ${key} is not a valid regular expression`);
        }
      }
    }
  });
}

function checkCommand(command: LessonCommand, where: string, problems: string[]): void {
  if (!command || (typeof command.kubectl !== "string" && typeof command.kubeplay !== "string")) {
    problems.push(`${where}: each setup/solution entry needs kubectl or kubeplay`);
  }
  if (command?.wait !== undefined && !(typeof command.wait === "number" && command.wait >= 0)) {
    problems.push(`${where}: wait must be a number of seconds`);
  }
}

function checkProse(spec: LessonSpec, prose: LessonProse, lang: string, problems: string[]): void {
  const file = `${lang}.yaml`;
  if (!prose.title) problems.push(`${file}: title is missing`);
  if (!prose.summary) problems.push(`${file}: summary is missing`);
  for (const step of spec.steps) {
    const text = prose.steps?.[step.id];
    const where = `${file}: step ${step.id}`;
    if (!text) {
      problems.push(`${where} is not translated`);
      continue;
    }
    for (const key of ["title", "body", "success"] as const)
      if (!text[key]) problems.push(`${where}: ${key} is missing`);
    if (!Array.isArray(text.hints) || text.hints.length !== step.hints || text.hints.some((h) => !h)) {
      problems.push(`${where}: needs exactly ${step.hints} hint(s)`);
    }
    for (const check of step.checks ?? []) {
      if (!text.checks?.[check.id]) problems.push(`${where}: check ${check.id} has no description`);
      if (isQuiz(check) && text.quizzes?.[check.id]?.length !== check.quiz.options) {
        problems.push(`${where}: quiz ${check.id} needs ${check.quiz.options} options`);
      }
    }
  }
}
