// Go's text/tabwriter as kubectl configures it (cli-runtime printers.GetNewTabWriter:
// github.com/liggitt/tabwriter, minwidth 6, padding 3, spaces, RememberWidths). Unlike a
// plain "pad every column" layout it handles ragged input as Go does: a column's width is
// set per block of consecutive lines that have a cell in it, a line without any tab
// flushes what came before, and with RememberWidths a column never narrows afterwards.
// Custom-columns cells can hold tabs and newlines, so they need this.

const MIN_WIDTH = 6;
const PADDING = 3;

function width(cell: string): number {
  let n = 0;
  for (const _ of cell) n++;
  return n;
}

class TabWriter {
  private out = "";
  private lines: string[][] = [];
  private widths: number[] = [];
  private readonly maxWidths: number[] = [];

  write(text: string): string {
    const physical = text.split("\n");
    const last = physical.pop() ?? "";
    for (const line of physical) {
      const cells = line.split("\t");
      this.lines.push(cells);
      // A line of one cell cannot affect the layout of later lines: Go flushes there.
      if (cells.length === 1) this.flush();
    }
    if (last !== "") this.lines.push(last.split("\t"));
    this.flush();
    return this.out;
  }

  private flush(): void {
    this.format(0, this.lines.length);
    this.lines = [];
  }

  /** Go's format(): lays out column blocks recursively, left to right. */
  private format(line0: number, line1: number): void {
    const column = this.widths.length;
    for (let line = line0; line < line1; line++) {
      if (column >= this.lines[line].length - 1) continue;
      this.writeLines(line0, line); // lines before the block, with the current widths
      let end = line;
      let blockWidth = MIN_WIDTH;
      for (; end < line1 && column < this.lines[end].length - 1; end++) {
        blockWidth = Math.max(blockWidth, width(this.lines[end][column]) + PADDING);
      }
      this.widths.push(this.remember(column, blockWidth));
      this.format(line, end);
      this.widths.pop();
      line0 = end;
      line = end - 1;
    }
    this.writeLines(line0, line1);
  }

  /** RememberWidths: a column keeps the widest width it has had. */
  private remember(column: number, blockWidth: number): number {
    const known = this.maxWidths[column];
    if (known === undefined || blockWidth > known) {
      this.maxWidths[column] = blockWidth;
      return blockWidth;
    }
    return known;
  }

  private writeLines(line0: number, line1: number): void {
    for (let i = line0; i < line1; i++) {
      this.lines[i].forEach((cell, j) => {
        this.out += cell;
        if (j < this.widths.length) this.out += " ".repeat(Math.max(this.widths[j] - width(cell), 0));
      });
      this.out += "\n";
    }
  }
}

/**
 * Aligns tab-separated text as kubectl's tabwriter does and returns it. Lines end at
 * "\n" and cells at "\t"; the last cell of each line is never padded.
 */
export function tabwrite(text: string): string {
  return new TabWriter().write(text);
}
