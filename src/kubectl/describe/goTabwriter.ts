/**
 * Go's text/tabwriter as `kubectl describe` configures it (minwidth 0, padding 2, padded
 * with spaces, align left). Unlike a table printer, columns are aligned per *block*: a run
 * of consecutive lines that all have a cell in that column. A line with fewer cells ends
 * the block, which is why describe's sections align independently.
 */

interface Cell {
  text: string;
  width: number;
}

const PADDING = 2;

function runeCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Splits text into lines of cells; every cell but the last of a line was tab-terminated. */
function parseLines(text: string): Cell[][] {
  const lines = text.split("\n");
  return lines.map((line) => line.split("\t").map((t) => ({ text: t, width: runeCount(t) })));
}

/** Formats text the way a tabwriter.Writer flushed once would print it. */
export function tabwriterFormat(text: string, minWidth = 0, padding = PADDING): string {
  const lines = parseLines(text);
  const out: string[] = [];
  const widths: number[] = [];
  const writeLines = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      let line = "";
      lines[i].forEach((cell, j) => {
        line += cell.text;
        if (j < widths.length) line += " ".repeat(Math.max(0, widths[j] - cell.width));
      });
      out.push(line);
    }
  };
  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    for (let current = line0; current < line1; current++) {
      if (column >= lines[current].length - 1) continue;
      writeLines(line0, current);
      line0 = current;
      let width = minWidth;
      for (; current < line1; current++) {
        const line = lines[current];
        if (column >= line.length - 1) break;
        width = Math.max(width, line[column].width + padding);
      }
      widths.push(width);
      format(line0, current);
      widths.pop();
      line0 = current;
      current--;
    }
    writeLines(line0, line1);
  };
  format(0, lines.length);
  return out.join("\n");
}
