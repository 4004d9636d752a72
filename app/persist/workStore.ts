import { create } from "zustand";

/** Where the learner is in a lesson. */
export interface LessonPosition {
  id: string;
  step: number;
}

/**
 * The learner's own work that is not cluster state: editor files, console history, lesson
 * position and progress. UI state, so zustand; autosaved to localStorage (see autosave.ts),
 * carried by permalinks and export files (files and lesson only).
 */
export interface WorkState {
  /** Editor files by name (`web.yaml`), the text `kubectl apply -f NAME` reads. */
  files: Record<string, string>;
  /** Console lines, oldest first (for ↑ recall); capped at HISTORY_LIMIT. */
  history: string[];
  lesson?: LessonPosition;
  /** Highest step completed per lesson id. */
  progress: Record<string, number>;
  setFile: (name: string, text: string) => void;
  removeFile: (name: string) => void;
  setFiles: (files: Record<string, string>) => void;
  addHistory: (line: string) => void;
  setLesson: (lesson: LessonPosition | undefined) => void;
  completeStep: (lessonId: string, step: number) => void;
}

/** Console lines kept. */
export const HISTORY_LIMIT = 500;

export const useWorkStore = create<WorkState>()((set) => ({
  files: {},
  history: [],
  progress: {},
  setFile: (name, text) => set((s) => ({ files: { ...s.files, [name]: text } })),
  removeFile: (name) =>
    set((s) => {
      const { [name]: _removed, ...files } = s.files;
      return { files };
    }),
  setFiles: (files) => set({ files: { ...files } }),
  addHistory: (line) =>
    set((s) => (s.history.at(-1) === line ? s : { history: [...s.history, line].slice(-HISTORY_LIMIT) })),
  setLesson: (lesson) => set({ lesson }),
  completeStep: (lessonId, step) =>
    set((s) => ({ progress: { ...s.progress, [lessonId]: Math.max(step, s.progress[lessonId] ?? -1) } })),
}));

/** Saves the editor's files (for code outside React; components use `useWorkStore`). */
export function saveFiles(files: Record<string, string>): void {
  useWorkStore.getState().setFiles(files);
}
