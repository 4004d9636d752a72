import { lessonMarks } from "../lessons/lessonStore";
import type { Work } from "../permalink/work";
import type { SimBridge } from "../sim/bridge";
import type { InputLog } from "../sim/protocol";
import { type SavedWork, writeSaved } from "./saved";
import { useWorkStore } from "./workStore";

/** The learner's work right now: the bridge's input log up to the current simulated time, plus editor files and lesson. */
export function currentWork(bridge: SimBridge): Work | undefined {
  const log = bridge.currentLog();
  return log && workFrom(log);
}

/**
 * The learner's work exactly as the worker has it (its log and its simulated time), for a
 * permalink that must replay to the identical cluster; autosave's `currentWork` may trail by a frame.
 */
export async function authoritativeWork(bridge: SimBridge): Promise<Work> {
  return workFrom(await bridge.workerLog());
}

function workFrom(log: InputLog): Work {
  const { files, lesson } = useWorkStore.getState();
  const work: Work = { seed: log.seed, nodes: log.nodes, start: log.start, files, log: log.entries };
  if (lesson) work.lesson = lesson;
  if (log.end !== undefined) work.end = log.end;
  return work;
}

/** Work plus console history and lesson progress: what autosave and export keep. */
export function currentSaved(bridge: SimBridge): SavedWork | undefined {
  const work = currentWork(bridge);
  if (!work) return undefined;
  const { history, progress } = useWorkStore.getState();
  return { work, history, progress };
}

/** What Export writes: the saved work plus the lesson marks (helped steps, hints used). */
export function currentExport(bridge: SimBridge): SavedWork | undefined {
  const saved = currentSaved(bridge);
  return saved && { ...saved, lessonMarks: lessonMarks() };
}

/** Autosave writes at most this often (changes in between are folded into the next write). */
export const AUTOSAVE_INTERVAL_MS = 1000;

/**
 * Saves the session to `storage` whenever files, history, the input log or the clock change,
 * at most once per AUTOSAVE_INTERVAL_MS, and at once when the page is hidden or closed.
 * Returns the function that stops it.
 */
export function startAutosave(bridge: SimBridge, storage: Storage | undefined): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const saved = currentSaved(bridge);
    if (saved && bridge.status.get() !== "starting") writeSaved(storage, saved);
  };
  const changed = () => {
    timer ??= setTimeout(save, AUTOSAVE_INTERVAL_MS);
  };
  const stops = [
    useWorkStore.subscribe(changed),
    bridge.log.subscribe(changed),
    bridge.clock.subscribe(changed),
  ];
  const onHide = () => save();
  addEventListener("pagehide", onHide);
  addEventListener("visibilitychange", onHide);
  return () => {
    if (timer !== undefined) clearTimeout(timer);
    for (const stop of stops) stop();
    removeEventListener("pagehide", onHide);
    removeEventListener("visibilitychange", onHide);
  };
}
