/**
 * Drives a lesson through the simulator: prepares a step's cluster, evaluates its checks live,
 * and plays its solution. Every command goes through the bridge as an ordinary request, so it
 * lands in the input log and a permalink replays the very same cluster.
 */
import { checkWindowSeconds, type CheckResult, quizSolution } from "../../src/lessons/checks";
import type { Lesson, LessonCommand, StepSpec } from "../../src/lessons/types";
import { printToConsole } from "../console/consoleBus";
import { useActiveTab } from "../editor/editorStore";
import { FRESH } from "../persist/startup";
import { useWorkStore } from "../persist/workStore";
import type { SimBridge } from "../sim/bridge";
import type { InputLog } from "../sim/protocol";
import { markHelped, useLessonStore } from "./lessonStore";

/**
 * How the cluster reaches a step. `fresh`: a new cluster from the lesson's settings, the
 * earlier steps' setups and solutions replayed, then this step's setup. `continue`: this
 * step's setup on the cluster as the previous step left it. `restore`: the cluster is already
 * there (a permalink or autosave rebuilt it); only the panel is set up.
 */
export type EnterMode = "fresh" | "continue" | "restore";

export interface RunnerDeps {
  bridge: Pick<SimBridge, "request" | "start" | "clock">;
  /** Real-time pause between animation frames of "show solution" (a no-op in tests). */
  delay: (ms: number) => Promise<void>;
}

/** Real time per simulated second while "show solution" lets time run, so the view animates. */
export const SOLUTION_FRAME_MS = 40;

/** The input log a lesson starts from: its cluster settings, nothing done yet. */
export function lessonLog(lesson: Lesson): InputLog {
  const { seed, nodes, start } = lesson.spec.cluster;
  return { version: 1, seed, nodes, start: start ?? FRESH.start, entries: [] };
}

/** Whether every check passed (and there was at least one result). */
export function allPassed(results: CheckResult[]): boolean {
  return results.length > 0 && results.every((r) => r.passed);
}

/** One runner per page; it keeps a generation so answers for a step the learner left are dropped. */
export class LessonRunner {
  private generation = 0;
  private queue: Promise<void> = Promise.resolve();
  /** True while the runner itself restarts the simulator (so a restart by anyone else can be told apart). */
  starting = false;

  constructor(private readonly deps: RunnerDeps) {}

  /** Opens step `index` of `lesson` (0-based), preparing the cluster as `mode` says. Queued. */
  enter(lesson: Lesson, index: number, mode: EnterMode): Promise<void> {
    const generation = ++this.generation;
    const store = useLessonStore;
    const progress = useWorkStore.getState().progress[lesson.spec.id] ?? -1;
    store.setState({
      view: "step",
      status: "preparing",
      results: [],
      passed: mode === "restore" && progress >= index,
      hintsShown: 0,
      answers: {},
      problem: undefined,
    });
    useWorkStore.getState().setLesson({ id: lesson.spec.id, step: index });
    return this.enqueue(async () => {
      const problem = await this.prepare(lesson, index, mode).catch((error: Error) => error.message);
      if (generation !== this.generation) return;
      if (mode !== "restore") loadFiles(lesson.spec.steps[index]);
      store.setState({
        status: "ready",
        problem: problem ? { key: "lesson.problem", detail: problem } : undefined,
      });
      await this.evaluateNow(lesson, index, generation);
    });
  }

  /** Re-evaluates the current step's checks against the live cluster (after a batch, or a quiz answer). */
  evaluate(lesson: Lesson, index: number): Promise<void> {
    const generation = this.generation;
    return this.enqueue(() => this.evaluateNow(lesson, index, generation));
  }

  /**
   * "Show solution": runs the step's solution through the bridge (echoed in the console), lets
   * simulated time run in small animated steps until the checks pass or their window is spent,
   * and marks the step as solved with help.
   */
  showSolution(lesson: Lesson, index: number): Promise<void> {
    const generation = this.generation;
    const step = lesson.spec.steps[index];
    markHelped(lesson.spec.id, index);
    useLessonStore.setState({ status: "solving", answers: quizSolution(step.checks) });
    return this.enqueue(async () => {
      const wasPlaying = this.deps.bridge.clock.get().playing;
      let problem: string | undefined;
      try {
        if (wasPlaying) await this.clockRequest("pause");
        problem = await this.run(step.solution, step.files, true, generation);
        await this.animateUntilPassed(lesson, index, generation);
        if (wasPlaying) await this.clockRequest("play");
      } catch (error) {
        problem = (error as Error).message;
      }
      if (generation !== this.generation) return;
      useLessonStore.setState({ status: "ready" });
      if (problem) useLessonStore.setState({ problem: { key: "lesson.problem", detail: problem } });
    });
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async prepare(lesson: Lesson, index: number, mode: EnterMode): Promise<string | undefined> {
    if (mode === "restore") return undefined;
    const steps = lesson.spec.steps;
    if (mode === "fresh") {
      this.starting = true;
      try {
        await this.deps.bridge.start(lessonLog(lesson));
      } finally {
        this.starting = false;
      }
      for (const step of steps.slice(0, index)) {
        const problem = await this.replayStep(step);
        if (problem) return problem;
      }
    }
    return this.run(steps[index].setup ?? [], steps[index].files, false);
  }

  /** An earlier step, as a learner who used "show solution" would have left it; headless in the worker. */
  private async replayStep(step: StepSpec): Promise<string | undefined> {
    const problem =
      (await this.run(step.setup ?? [], step.files, false)) ??
      (await this.run(step.solution, step.files, false));
    const { clock } = await this.deps.bridge.request({
      type: "checks",
      checks: step.checks,
      answers: quizSolution(step.checks),
      waitSeconds: checkWindowSeconds(step.checks),
    });
    this.deps.bridge.clock.set(clock);
    return problem;
  }

  /** Runs commands in order through the bridge; returns the first unexpected failure's text. */
  private async run(
    commands: LessonCommand[],
    files: Record<string, string> | undefined,
    echo: boolean,
    generation?: number,
  ): Promise<string | undefined> {
    let problem: string | undefined;
    for (const command of commands) {
      if (generation !== undefined && generation !== this.generation) return problem;
      const tool = command.kubectl !== undefined ? "kubectl" : "kubeplay";
      const line = `${tool} ${command.kubectl ?? command.kubeplay ?? ""}`;
      const result =
        tool === "kubectl"
          ? await this.deps.bridge.request({
              type: "kubectl",
              line,
              stdin: command.stdin,
              files: files ?? {},
            })
          : await this.deps.bridge.request({ type: "kubeplay", line });
      if (echo) printToConsole({ command: line, stdout: result.stdout, stderr: result.stderr });
      if (result.code !== 0 && !command.mayFail) problem ??= `${line}: ${result.stderr.trim()}`;
      if (command.wait) await this.passTime(command.wait, echo);
    }
    return problem;
  }

  /** Lets simulated time pass: at once when preparing, in animated one-second frames when shown. */
  private async passTime(seconds: number, animated: boolean): Promise<void> {
    const { bridge } = this.deps;
    if (!animated) {
      bridge.clock.set(await bridge.request({ type: "advance", seconds }));
      return;
    }
    for (let left = seconds; left > 0; left -= 1) {
      bridge.clock.set(await bridge.request({ type: "advance", seconds: Math.min(1, left) }));
      await this.deps.delay(SOLUTION_FRAME_MS);
    }
  }

  /** The headless replay's wait (src/lessons/checks.ts waitForChecks), one animated second at a time. */
  private async animateUntilPassed(lesson: Lesson, index: number, generation: number): Promise<void> {
    const checks = lesson.spec.steps[index].checks;
    const window = checkWindowSeconds(checks);
    for (let waited = 0; generation === this.generation; waited += 1) {
      const results = await this.check(lesson, index, generation);
      if (allPassed(results) || waited >= window) return;
      await this.passTime(1, true);
    }
  }

  private async evaluateNow(lesson: Lesson, index: number, generation: number): Promise<void> {
    const state = useLessonStore.getState();
    if (generation !== this.generation || state.status !== "ready" || state.view === "list") return;
    await this.check(lesson, index, generation);
  }

  private async check(lesson: Lesson, index: number, generation: number): Promise<CheckResult[]> {
    const { checks } = lesson.spec.steps[index];
    const answers = useLessonStore.getState().answers;
    const { results } = await this.deps.bridge.request({ type: "checks", checks, answers });
    if (generation !== this.generation) return results;
    useLessonStore.setState({ results });
    if (allPassed(results) && !useLessonStore.getState().passed) {
      useLessonStore.setState({ passed: true });
      useWorkStore.getState().completeStep(lesson.spec.id, index);
    }
    return results;
  }

  private async clockRequest(type: "play" | "pause"): Promise<void> {
    this.deps.bridge.clock.set(await this.deps.bridge.request({ type }));
  }
}

/** Puts a step's files in the editor and shows the first; a step without files leaves the editor alone. */
function loadFiles(step: StepSpec): void {
  if (!step.files || Object.keys(step.files).length === 0) return;
  useWorkStore.getState().setFiles(step.files);
  useActiveTab.getState().select(Object.keys(step.files)[0]);
}
