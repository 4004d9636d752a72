/**
 * `kubectl edit` with the editor as KUBE_EDITOR: the worker hands back the file to edit; it
 * opens as a tab (named like kubectl's temporary file); saving the tab runs the command's next
 * round with what was saved, quitting runs it with the file as shown (as quitting vi does). The
 * console waits meanwhile, as a shell waits for kubectl. A round that reopens the file replaces
 * the tab's text; when kubectl is done it removes the file (the tab closes), or keeps it when it
 * says a copy of the changes was stored there.
 */
import { create } from "zustand";
import type { EditorOpen } from "../../src";
import { LIMITS } from "../permalink/work";
import { useWorkStore } from "../persist/workStore";
import { editorActions } from "./editorStore";
import type { KubectlRequester } from "./manifestCommands";

/** How the learner leaves the editor: save and quit, or quit without saving. */
export type EditorExit = "save" | "quit";

/**
 * The open `kubectl edit` files by tab name (what leaves the editor, or null while kubectl works
 * on a save), and a counter that asks the editor for focus.
 */
export const useEditSessions = create<{
  sessions: Record<string, ((exit: EditorExit) => void) | null>;
  focusRequests: number;
}>()(() => ({ sessions: {}, focusRequests: 0 }));

/** Leaves the editor of the tab's `kubectl edit`, if it has one (ignored while a save is sent); false when it has none. */
export function exitEditor(file: string, exit: EditorExit): boolean {
  const finish = useEditSessions.getState().sessions[file];
  finish?.(exit);
  return finish !== undefined;
}

/** What a running edit needs from the console. */
export interface EditConsole {
  print: (stdout: string, stderr: string) => void;
  /** kubeplay's own note (not kubectl's output), shown dimmed. */
  note: (text: string) => void;
  /** The note telling the learner where the file is, in their language. */
  openedNote: (file: string) => string;
  /** Said when the editor has no room for another tab. */
  noRoomNote: () => string;
  /** Said when the file is larger than a saved session or a permalink can carry. */
  tooLargeNote: () => string;
}

/** A running `kubectl edit`: done when kubectl exits; interrupt is Ctrl-C in the console. */
export interface EditRun {
  done: Promise<void>;
  interrupt: () => void;
}

/** Starts the editor rounds of `line`, whose first answer was `first`. */
export function startKubectlEdit(
  bridge: KubectlRequester,
  line: string,
  first: EditorOpen,
  io: EditConsole,
): EditRun {
  let leave: (exit: EditorExit | "interrupt") => void = () => undefined;
  // Each save is logged with the file's texts; the log must stay within what work records carry.
  if (first.original.length > LIMITS.fileChars) {
    io.print("", `error: ${io.tooLargeNote()}`);
    return { done: Promise.resolve(), interrupt: () => undefined };
  }
  const file = openTab(first);
  if (!file) {
    io.print("", `error: ${io.noRoomNote()}`);
    return { done: Promise.resolve(), interrupt: () => undefined };
  }
  /** One editor round after another, until kubectl is done. */
  const rounds = async () => {
    let open = first;
    for (;;) {
      useWorkStore.getState().setFile(file, open.text);
      requestFocus();
      const exit = await new Promise<EditorExit | "interrupt">((resolve) => {
        leave = resolve;
        setSession(file, resolve);
      });
      setSession(file, null);
      if (exit === "interrupt") {
        // kubectl died with its editor: the file stays, unless nothing was written to it.
        if (useWorkStore.getState().files[file] === open.text) editorActions.close(file);
        return;
      }
      const edited = exit === "save" ? (useWorkStore.getState().files[file] ?? open.text) : open.text;
      if (edited.length > LIMITS.fileChars) {
        io.print("", `error: ${io.tooLargeNote()}`);
        return;
      }
      const save = { file, original: open.original, edited };
      let answer: Awaited<ReturnType<KubectlRequester["request"]>>;
      try {
        answer = await bridge.request({
          type: "kubectl",
          line,
          editorSave: open.previous === undefined ? save : { ...save, previous: open.previous },
        });
      } catch (error) {
        io.print("", (error as Error).message);
        return;
      }
      io.print(answer.stdout, answer.stderr);
      if (answer.editor) {
        open = answer.editor;
        continue;
      }
      // kubectl removes its file unless it said it kept a copy of the changes there.
      if (answer.code === 0) editorActions.close(file);
      return;
    }
  };
  const done = (async () => {
    io.note(io.openedNote(file));
    try {
      await rounds();
    } finally {
      setSession(file, undefined);
    }
  })();
  return { done, interrupt: () => leave("interrupt") };
}

/** Opens the file as a new tab named as kubectl names its temporary files; undefined when there is no room. */
function openTab(open: EditorOpen): string | undefined {
  for (let attempt = 0; attempt < 5; attempt++) {
    // os.CreateTemp's pattern: a random 32-bit number between prefix and extension.
    const name = `kubectl-edit-${Math.floor(Math.random() * 2 ** 32)}${open.extension}`;
    const problem = editorActions.openNamed(name, open.text);
    if (!problem) return name;
    if (problem !== "taken") return undefined;
  }
  return undefined;
}

/** Shows the editor at the file's top (see MonacoHost's focusRequests). */
function requestFocus(): void {
  useEditSessions.setState((s) => ({ focusRequests: s.focusRequests + 1 }));
}

function setSession(file: string, finish: ((exit: EditorExit) => void) | null | undefined): void {
  useEditSessions.setState((s) => {
    const { [file]: _gone, ...rest } = s.sessions;
    return { sessions: finish === undefined ? rest : { ...rest, [file]: finish } };
  });
}
