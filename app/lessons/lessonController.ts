/**
 * Connects the lesson runner to the page: URLs (`#/lessons/<id>/<n>`), the work store (a
 * permalink or import may set a lesson position), the simulator's status and live checks.
 * One controller per page, started by the lessons panel.
 */
import type { Lesson } from "../../src/lessons/types";
import type { LessonPosition } from "../persist/workStore";
import { useWorkStore } from "../persist/workStore";
import { bridge, mirror } from "../sim/session";
import { afterEditorShown } from "../editor/editorFirst";
import { loadCourse, useLessonStore } from "./lessonStore";
import { watchCluster } from "./liveChecks";
import { parseLessonRoute, stepHash } from "./routes";
import { type EnterMode, LessonRunner } from "./runner";

/** The page's runner, driving the page's simulator. */
export const runner = new LessonRunner({
  bridge,
  delay: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
});

/** The position the runner last set up in this page; anything else in the work store came from outside. */
let entered: LessonPosition | undefined;

function same(a: LessonPosition | undefined, b: LessonPosition | undefined): boolean {
  return a?.id === b?.id && a?.step === b?.step;
}

function findLesson(id: string): Lesson | undefined {
  return useLessonStore.getState().course?.lessons.find((l) => l.spec.id === id);
}

/** The lesson and step index currently open, if any. */
export function currentStep(): { lesson: Lesson; index: number } | undefined {
  const position = useWorkStore.getState().lesson;
  const lesson = position && findLesson(position.id);
  if (!lesson || !position || position.step >= lesson.spec.steps.length) return undefined;
  return { lesson, index: position.step };
}

/** Opens a step, remembering it as the runner's own and showing its URL. */
export function openStep(lesson: Lesson, index: number, mode: EnterMode): Promise<void> {
  entered = { id: lesson.spec.id, step: index };
  const hash = stepHash(lesson.spec.id, index);
  if (location.hash !== hash) history.replaceState(null, "", hash);
  return runner.enter(lesson, index, mode);
}

/** Follows the URL: the list, the sandbox, or a step (prepared fresh unless it simply continues). */
async function followHash(initial: boolean): Promise<void> {
  const route = parseLessonRoute(location.hash);
  const position = useWorkStore.getState().lesson;
  if (!route) {
    const open = initial && currentStep();
    if (open) await openStep(open.lesson, open.index, "restore");
    return;
  }
  if (route.kind !== "step") {
    if (route.kind === "sandbox") leaveLesson();
    useLessonStore.setState({ view: "list" });
    return;
  }
  const lesson = findLesson(route.lessonId);
  if (!lesson) {
    useLessonStore.setState({ view: "list", problem: { key: "lesson.notFound", detail: route.lessonId } });
    return;
  }
  const index = Math.min(route.step, lesson.spec.steps.length - 1);
  const target = { id: lesson.spec.id, step: index };
  if (same(position, target) && same(entered, target)) useLessonStore.setState({ view: "step" });
  else if (same(position, target)) await openStep(lesson, index, "restore");
  else await openStep(lesson, index, continues(position, target) ? "continue" : "fresh");
}

/** The learner passed the step they were on and asks for the next one: the cluster carries over. */
function continues(position: LessonPosition | undefined, target: LessonPosition): boolean {
  return (
    position?.id === target.id &&
    target.step === position.step + 1 &&
    same(entered, position) &&
    useLessonStore.getState().passed
  );
}

/** Leaves the lesson for the free sandbox; the cluster stays as it is. */
export function leaveLesson(): void {
  entered = undefined;
  useWorkStore.getState().setLesson(undefined);
  useLessonStore.setState({ view: "list", results: [], passed: false, problem: undefined });
}

/** A permalink or an import put the learner somewhere: show that step over the cluster it rebuilt. */
function followWorkStore(position: LessonPosition | undefined): void {
  if (same(position, entered)) return;
  if (!position) {
    leaveLesson();
    if (parseLessonRoute(location.hash)?.kind === "step") history.replaceState(null, "", "#/lessons");
    return;
  }
  const open = currentStep();
  if (open) void openStep(open.lesson, open.index, "restore");
}

/**
 * Someone else restarted the simulator (the work menu's Reset) with an empty log while a step
 * was open: the step's starting state is gone, so prepare it again.
 */
function followRestart(): void {
  if (runner.starting || bridge.status.get() !== "ready") return;
  const open = currentStep();
  if (
    open &&
    same(entered, { id: open.lesson.spec.id, step: open.index }) &&
    bridge.log.get()?.entries.length === 0
  ) {
    void openStep(open.lesson, open.index, "fresh");
  }
}

function firstReady(): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      const status = bridge.status.get();
      if (status !== "ready" && status !== "recovered") return;
      stop();
      resolve();
    };
    const stop = bridge.status.subscribe(check);
    check();
  });
}

/** Starts following URLs, the work store and the cluster; returns the function that stops it. */
export function startLessonController(): () => void {
  let stopped = false;
  const stops: (() => void)[] = [];
  void Promise.all([afterEditorShown().then(loadCourse), firstReady()]).then(() => {
    if (stopped) return;
    const onHash = () => void followHash(false);
    addEventListener("hashchange", onHash);
    stops.push(() => removeEventListener("hashchange", onHash));
    stops.push(useWorkStore.subscribe((s, p) => s.lesson !== p.lesson && followWorkStore(s.lesson)));
    stops.push(watchCluster(bridge, mirror, evaluateOpenStep));
    stops.push(bridge.status.subscribe(followRestart));
    void followHash(true);
  });
  return () => {
    stopped = true;
    for (const stop of stops) stop();
  };
}

/** Re-checks the open step unless it already passed (passing is kept: the learner moves on). */
export function evaluateOpenStep(): void {
  const open = currentStep();
  const state = useLessonStore.getState();
  if (!open || state.passed || state.view !== "step" || state.status !== "ready") return;
  void runner.evaluate(open.lesson, open.index).catch(() => undefined);
}
