/**
 * The editor's tabs. The files themselves live in the persist layer's work store (autosaved,
 * carried by permalinks, read by `kubectl -f NAME`); this module adds the tab operations and
 * which tab is showing. The pure `*File` functions are the rules; `editorActions` applies them.
 */
import { create } from "zustand";
import { useWorkStore } from "../persist/workStore";
import { templateFor } from "../templates";
import { type FileNameProblem, fileNameProblem, freeFileName } from "./fileNames";

/** Files by name, in tab order. */
export type Files = Record<string, string>;

/** The first file a learner sees. */
export function defaultFiles(): Files {
  return { "deployment.yaml": templateFor("Deployment").yaml };
}

/** Adds a tab named from `base` (made unique); the new name, or why it cannot be added. */
export function openFile(
  files: Files,
  base: string,
  text: string,
): { files: Files; name: string } | FileNameProblem {
  const names = Object.keys(files);
  const name = freeFileName(base, names);
  const problem = fileNameProblem(name, undefined, names);
  return problem ?? { files: { ...files, [name]: text }, name };
}

/** Renames a tab in place (its position kept), or says why not. */
export function renameFile(files: Files, from: string, to: string): Files | FileNameProblem {
  const problem = fileNameProblem(to, from, Object.keys(files));
  if (problem) return problem;
  return Object.fromEntries(Object.entries(files).map(([name, text]) => [name === from ? to : name, text]));
}

/** Closes a tab, showing its left neighbour if it was showing; the last tab stays. */
export function closeFile(files: Files, name: string, active: string): { files: Files; active: string } {
  const names = Object.keys(files);
  if (names.length <= 1 || !(name in files)) return { files, active };
  const { [name]: _closed, ...rest } = files;
  const index = names.indexOf(name);
  const neighbour = index > 0 ? names[index - 1] : names[1];
  return { files: rest, active: active === name ? neighbour : active };
}

/** The tab showing, or the first one when the remembered one is gone (a permalink replaced the files). */
export function activeFile(files: Files, remembered: string | undefined): string | undefined {
  const names = Object.keys(files);
  return remembered !== undefined && remembered in files ? remembered : names[0];
}

/** Which tab the learner last chose (UI state only). */
export const useActiveTab = create<{ active?: string; select: (name: string) => void }>()((set) => ({
  select: (active) => set({ active }),
}));

/** Tab operations against the work store; each returns a problem to show, or nothing. */
export const editorActions = {
  ensureFiles(): void {
    const work = useWorkStore.getState();
    if (Object.keys(work.files).length === 0) work.setFiles(defaultFiles());
  },
  setText(name: string, text: string): void {
    useWorkStore.getState().setFile(name, text);
  },
  open(base: string, text: string): FileNameProblem | undefined {
    const result = openFile(useWorkStore.getState().files, base, text);
    if (typeof result === "string") return result;
    useWorkStore.getState().setFiles(result.files);
    useActiveTab.getState().select(result.name);
    return undefined;
  },
  /** Adds a tab with exactly this name, and shows it. */
  openNamed(name: string, text: string): FileNameProblem | undefined {
    const files = useWorkStore.getState().files;
    const problem = fileNameProblem(name, undefined, Object.keys(files));
    if (problem) return problem;
    useWorkStore.getState().setFiles({ ...files, [name]: text });
    useActiveTab.getState().select(name);
    return undefined;
  },
  rename(from: string, to: string): FileNameProblem | undefined {
    const result = renameFile(useWorkStore.getState().files, from, to);
    if (typeof result === "string") return result;
    useWorkStore.getState().setFiles(result);
    if (useActiveTab.getState().active === from) useActiveTab.getState().select(to);
    return undefined;
  },
  close(name: string): void {
    const files = useWorkStore.getState().files;
    const current = activeFile(files, useActiveTab.getState().active) ?? name;
    const result = closeFile(files, name, current);
    useWorkStore.getState().setFiles(result.files);
    useActiveTab.getState().select(result.active);
  },
};
