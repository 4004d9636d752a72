/**
 * Word wrapping exactly as kubectl explain does it (github.com/mitchellh/go-wordwrap v1.0.1
 * WrapString, behind kubectl's term.NewWordWrapWriter): breaks only at white space, counts
 * runes, keeps existing newlines, and lets a word longer than the limit overflow.
 */

const NBSP = "\u00a0";

/** Go's unicode.IsSpace. */
function isGoSpace(ch: string): boolean {
  return /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/u.test(ch);
}

/** Wraps `s` to at most `limit` runes per line where white space allows. */
export function wrapString(s: string, limit: number): string {
  let out = "";
  let current = 0;
  let word = "";
  let wordLen = 0;
  let space = "";
  let spaceLen = 0;
  for (const ch of s) {
    if (ch === "\n") {
      if (wordLen === 0) {
        if (current + spaceLen <= limit) out += space;
      } else {
        out += space + word;
        word = "";
        wordLen = 0;
      }
      space = "";
      spaceLen = 0;
      out += ch;
      current = 0;
    } else if (isGoSpace(ch) && ch !== NBSP) {
      if (spaceLen === 0 || wordLen > 0) {
        current += spaceLen + wordLen;
        out += space + word;
        space = "";
        spaceLen = 0;
        word = "";
        wordLen = 0;
      }
      space += ch;
      spaceLen++;
    } else {
      word += ch;
      wordLen++;
      if (current + wordLen + spaceLen > limit && wordLen < limit) {
        out += "\n";
        current = 0;
        space = "";
        spaceLen = 0;
      }
    }
  }
  if (wordLen === 0) {
    if (current + spaceLen <= limit) out += space;
  } else {
    out += space + word;
  }
  return out;
}
