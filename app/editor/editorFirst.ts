/**
 * "Editor first": the editor is what a learner uses first, and on a small machine everything
 * else started at the same time (the simulator worker booting, the cluster view, the lesson
 * catalogue, the terminal) competes with Monaco's download, compile and first render for the
 * same cores. The rest of the app waits on `afterEditorShown()`, which resolves once the editor
 * has painted, or after a grace period if Monaco is slow or failed, so nothing waits forever.
 */
const GRACE_MS = 4000;

let release: () => void = () => undefined;
const shown = new Promise<void>((resolve) => {
  release = resolve;
});
// Without a DOM (unit tests) no editor will ever show: nothing waits.
if (typeof window === "undefined") release();
else setTimeout(() => release(), GRACE_MS);

/** Called once the editor is on screen (or has failed to load). */
export function editorShown(): void {
  release();
}

/** Resolves after the editor is on screen, or after the grace period. */
export function afterEditorShown(): Promise<void> {
  return shown;
}

/** Runs `fn` after the next frame has been painted (a task queued from the frame's callback). */
export function afterNextPaint(fn: () => void): void {
  requestAnimationFrame(() => setTimeout(fn, 0));
}
