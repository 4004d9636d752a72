import { afterEditorShown } from "../editor/editorFirst";
import { restoreLessonMarks } from "../lessons/lessonStore";
import { decodeWorkLink, isWorkLink } from "../permalink/codec";
import { type Work, WorkError, type WorkErrorReason, workLog } from "../permalink/work";
import { bridge } from "../sim/session";
import { startAutosave } from "./currentWork";
import { loadSaved, type SavedWork } from "./saved";
import { useWorkStore } from "./workStore";

/**
 * The engine's defaults (DEFAULT_SEED, DEFAULT_NODES, DEFAULT_START in src/cluster.ts), copied so
 * that the main bundle does not pull in the engine, which lives in the worker; a test keeps them equal.
 */
export const FRESH = { seed: 1, nodes: 3, start: "2026-01-05T10:00:00Z" } as const;

/** An empty playground: default seed, nodes and start, no files, no inputs. */
export function freshWork(): Work {
  return { ...FRESH, files: {}, log: [] };
}

/** Replaces the session with saved work: the cluster is rebuilt by replaying its log; an import's lesson marks come back. */
export async function startFromSaved(saved: SavedWork): Promise<void> {
  const store = useWorkStore.getState();
  store.setFiles(saved.work.files);
  store.setLesson(saved.work.lesson);
  useWorkStore.setState({ history: saved.history, progress: { ...store.progress, ...saved.progress } });
  if (saved.lessonMarks) restoreLessonMarks(saved.lessonMarks);
  await bridge.start(workLog(saved.work));
}

/** A clean cluster with the same seed and options; editor files, history and progress stay. */
export async function resetCluster(): Promise<void> {
  const log = bridge.log.get();
  const base = freshWork();
  await bridge.start(workLog({ ...base, seed: log?.seed ?? base.seed, nodes: log?.nodes ?? base.nodes }));
}

/** Opens a permalink hash, or on failure an empty playground; either way returns the failure reason. */
export async function openLink(hash: string): Promise<WorkErrorReason | undefined> {
  history.replaceState(null, "", location.pathname + location.search);
  try {
    const work = decodeWorkLink(hash);
    await startFromSaved({ work, history: [], progress: {} });
    return undefined;
  } catch (error) {
    if (!(error instanceof WorkError)) throw error;
    console.warn(`kubeplay: could not open the link (${error.detail})`);
    await startFromSaved({ work: freshWork(), history: [], progress: {} });
    return error.reason;
  }
}

let booted = false;

/**
 * Starts the session once per page: a permalink in the hash wins, then autosaved work, then an
 * empty playground. Autosave runs from then on. Calls `onLinkError` when a link could not be opened.
 */
export async function bootSession(onLinkError: (reason: WorkErrorReason) => void): Promise<void> {
  if (booted) return;
  booted = true;
  await afterEditorShown();
  const storage = typeof localStorage === "undefined" ? undefined : localStorage;
  if (isWorkLink(location.hash)) {
    const reason = await openLink(location.hash);
    if (reason) onLinkError(reason);
  } else {
    await startFromSaved(loadSaved(storage) ?? { work: freshWork(), history: [], progress: {} });
  }
  startAutosave(bridge, storage);
  addEventListener("hashchange", () => {
    if (!isWorkLink(location.hash)) return;
    void openLink(location.hash).then((reason) => reason && onLinkError(reason));
  });
}
