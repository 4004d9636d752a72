/**
 * How other panels write into the console: the editor's Apply/Diff/Delete show up there as if
 * typed (`$ kubectl apply -f - < web.yaml` and its output). Entries made before the terminal
 * has loaded are kept and shown when it subscribes.
 */

/** One command and what it printed. */
export interface ConsoleEntry {
  /** The command line as echoed after the prompt. */
  command: string;
  stdout: string;
  stderr: string;
  /** Both streams in the order written, when that is not stdout first (KubectlResult.chunks). */
  chunks?: WrittenText[];
}

import type { WrittenText } from "../../src";

type Listener = (entry: ConsoleEntry) => void;

let listener: Listener | undefined;
let backlog: ConsoleEntry[] = [];

/** Shows an entry in the console (now, or when the console is ready). */
export function printToConsole(entry: ConsoleEntry): void {
  if (listener) listener(entry);
  else backlog.push(entry);
}

/** The console's subscription: receives the backlog first. Returns the unsubscribe function. */
export function onConsoleEntry(next: Listener): () => void {
  listener = next;
  const pending = backlog;
  backlog = [];
  for (const entry of pending) next(entry);
  return () => {
    if (listener === next) listener = undefined;
  };
}
