/**
 * The console's line editing as pure state: a buffer with a cursor, and history recall that
 * keeps the half-typed line (the "draft") to come back to, as readline does.
 */

/** The line being edited. `recall` is the history index shown, or undefined for the draft. */
export interface LineState {
  buffer: string;
  cursor: number;
  recall?: number;
  draft: string;
}

/** An empty line. */
export const EMPTY_LINE: LineState = { buffer: "", cursor: 0, draft: "" };

/** Types or pastes text at the cursor (control characters dropped). */
export function insert(s: LineState, text: string): LineState {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\x00-\x1f\x7f]/g, "");
  const buffer = s.buffer.slice(0, s.cursor) + clean + s.buffer.slice(s.cursor);
  return { ...s, buffer, cursor: s.cursor + clean.length };
}

/** Backspace. */
export function deleteBack(s: LineState): LineState {
  if (s.cursor === 0) return s;
  return { ...s, buffer: s.buffer.slice(0, s.cursor - 1) + s.buffer.slice(s.cursor), cursor: s.cursor - 1 };
}

/** Delete (the character under the cursor). */
export function deleteForward(s: LineState): LineState {
  return { ...s, buffer: s.buffer.slice(0, s.cursor) + s.buffer.slice(s.cursor + 1) };
}

/** Ctrl+W: the word before the cursor, with the spaces after it. */
export function deleteWordBack(s: LineState): LineState {
  const before = s.buffer.slice(0, s.cursor).replace(/\S*\s*$/, "");
  return { ...s, buffer: before + s.buffer.slice(s.cursor), cursor: before.length };
}

/** Ctrl+U: everything before the cursor. */
export function killToStart(s: LineState): LineState {
  return { ...s, buffer: s.buffer.slice(s.cursor), cursor: 0 };
}

/** Ctrl+K: everything from the cursor on. */
export function killToEnd(s: LineState): LineState {
  return { ...s, buffer: s.buffer.slice(0, s.cursor) };
}

/** Moves the cursor by `delta`, clamped to the line. */
export function move(s: LineState, delta: number): LineState {
  return { ...s, cursor: Math.min(s.buffer.length, Math.max(0, s.cursor + delta)) };
}

/** Home / End. */
export function moveTo(s: LineState, where: "start" | "end"): LineState {
  return { ...s, cursor: where === "start" ? 0 : s.buffer.length };
}

/** ↑ (-1) or ↓ (+1) through `history` (oldest first); going past the newest returns to the draft. */
export function recall(s: LineState, history: readonly string[], direction: -1 | 1): LineState {
  const from = s.recall ?? history.length;
  const to = Math.min(history.length, Math.max(0, from + direction));
  if (to === from) return s;
  const draft = s.recall === undefined ? s.buffer : s.draft;
  const buffer = to === history.length ? draft : history[to];
  return { buffer, cursor: buffer.length, draft, recall: to === history.length ? undefined : to };
}

/** Replaces the text between `from` and the cursor (a completion). */
export function replaceBeforeCursor(s: LineState, from: number, text: string): LineState {
  const buffer = s.buffer.slice(0, from) + text + s.buffer.slice(s.cursor);
  return { ...s, buffer, cursor: from + text.length };
}

/** The terminal output that redraws the line after `prompt`: clear the row, write, put the cursor back. */
export function renderLine(prompt: string, s: LineState): string {
  const back = s.buffer.length - s.cursor;
  return `\r\x1b[2K${prompt}${s.buffer}${back > 0 ? `\x1b[${back}D` : ""}`;
}
