/**
 * Long command output split into pieces of at most `lines` lines, each written to xterm on its
 * own. xterm parses every write whole and yields to the page only between writes (its write
 * buffer stops after ~12 ms), so a thousand-line answer (`apply -f` of a thousand objects)
 * written at once is one long task; in pieces it spreads over several.
 */
export function outputPieces(text: string, lines = 100): string[] {
  const pieces: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = start;
    for (let n = 0; n < lines && end < text.length; n++) {
      const newline = text.indexOf("\n", end);
      end = newline === -1 ? text.length : newline + 1;
    }
    pieces.push(text.slice(start, end));
    start = end;
  }
  return pieces;
}
