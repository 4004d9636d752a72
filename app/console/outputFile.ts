/**
 * `COMMAND > FILE` in the console: the command's standard output goes into the editor tab FILE,
 * as a shell writes it to a file. The tab is emptied before the command runs (so
 * `kubectl apply -f web.yaml > web.yaml` reads an empty file, as in a shell), or kept and
 * added to with `>>`, and shown once the command is done.
 */
import { useActiveTab } from "../editor/editorStore";
import { MAX_FILES } from "../editor/fileNames";
import { LIMITS } from "../permalink/work";
import { useWorkStore } from "../persist/workStore";

/** An open output file: what the command prints goes in with `write`; `close` shows its tab. */
export interface OutputFile {
  write: (text: string) => void;
  close: () => void;
}

/** Why a tab cannot take the output (the key of the console's message). */
export type OutputFileProblem = "console.redirectName" | "console.redirectTooMany";

/** `text` added to `current`, cut at `limit` characters; `cut` tells whether anything was left out. */
export function appendWithin(current: string, text: string, limit: number): { text: string; cut: boolean } {
  const room = Math.max(0, limit - current.length);
  return text.length <= room
    ? { text: current + text, cut: false }
    : { text: current + text.slice(0, room), cut: true };
}

/**
 * Opens the tab `name` for output (`append`: `>>`), or says why it cannot be; `onCut` is told
 * once when the output reaches the editor's size limit (the rest is dropped).
 */
export function openOutputFile(
  name: string,
  append: boolean,
  onCut: () => void,
): OutputFile | OutputFileProblem {
  const work = useWorkStore.getState();
  if (!LIMITS.fileName.test(name)) return "console.redirectName";
  const exists = name in work.files;
  if (!exists && Object.keys(work.files).length >= MAX_FILES) return "console.redirectTooMany";
  if (!exists || !append) work.setFile(name, "");
  let cut = false;
  return {
    write(text) {
      if (cut || text === "") return;
      const store = useWorkStore.getState();
      const next = appendWithin(store.files[name] ?? "", text, LIMITS.fileChars);
      store.setFile(name, next.text);
      if (next.cut) {
        cut = true;
        onCut();
      }
    },
    close() {
      useActiveTab.getState().select(name);
    },
  };
}
