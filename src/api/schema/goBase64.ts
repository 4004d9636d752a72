/**
 * Validation of base64 text as Go's encoding/base64 StdEncoding decodes it, for the one
 * error learners meet most: plain text in a Secret's `data` ("illegal base64 data at input
 * byte 4"). Only the error offset matters here; the decoded bytes are not needed.
 */

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function isNewline(ch: string | undefined): boolean {
  return ch === "\n" || ch === "\r";
}

function skipNewlines(s: string, i: number): number {
  while (i < s.length && isNewline(s[i])) i++;
  return i;
}

/**
 * The index Go's base64.CorruptInputError would report for `s`, or undefined when `s` decodes.
 * Walks 4-character quanta like Go's decodeQuantum: newlines are skipped, "=" padding ends
 * the input and must be complete and last.
 */
export function base64ErrorOffset(s: string): number | undefined {
  let si = 0;
  for (;;) {
    const r = decodeQuantum(s, si);
    if (r.error !== undefined) return r.error;
    if (r.done) return undefined;
    si = r.next;
  }
}

function decodeQuantum(s: string, start: number): { next: number; done: boolean; error?: number } {
  let si = start;
  for (let j = 0; j < 4; j++) {
    if (si === s.length) {
      if (j === 0) return { next: si, done: true };
      return { next: si, done: true, error: si - j };
    }
    const ch = s[si++];
    if (ALPHABET.includes(ch)) continue;
    if (isNewline(ch)) {
      j--;
      continue;
    }
    if (ch !== "=" || j < 2) return { next: si, done: true, error: si - 1 };
    return padding(s, si, j);
  }
  return { next: si, done: false };
}

/** After the first "=" at quantum position j (2 or 3): check the rest of the padding and the end. */
function padding(s: string, afterFirst: number, j: number): { next: number; done: boolean; error?: number } {
  let si = afterFirst;
  if (j === 2) {
    si = skipNewlines(s, si);
    if (si === s.length) return { next: si, done: true, error: s.length };
    if (s[si] !== "=") return { next: si, done: true, error: si - 1 };
    si++;
  }
  si = skipNewlines(s, si);
  if (si < s.length) return { next: si, done: true, error: si };
  return { next: si, done: true };
}

/** Go's base64.CorruptInputError text. */
export function base64ErrorMessage(offset: number): string {
  return `illegal base64 data at input byte ${offset}`;
}
