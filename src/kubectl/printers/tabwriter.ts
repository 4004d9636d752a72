// kubectl aligns tables with a tabwriter (k8s.io/cli-runtime/pkg/printers/tabwriter.go):
// minwidth 6, padding 3, padded with spaces. Every cell but the last of a line is padded to
// its column's width; the last cell is never padded, so lines carry no trailing alignment
// spaces unless an empty cell ends them.

const MIN_WIDTH = 6;
const PADDING = 3;

/** Display width of a cell as the tabwriter counts it: one per code point. */
function cellWidth(cell: string): number {
  let width = 0;
  for (const _ of cell) width++;
  return width;
}

/** Column widths, counting only the cells that are followed by another cell. */
function columnWidths(rows: readonly (readonly string[])[]): number[] {
  const widths: number[] = [];
  for (const row of rows) {
    for (let col = 0; col < row.length - 1; col++) {
      const width = Math.max(cellWidth(row[col]) + PADDING, MIN_WIDTH);
      if (width > (widths[col] ?? 0)) widths[col] = width;
    }
  }
  return widths;
}

/**
 * Lays out rows of cells as kubectl's tabwriter does and returns the text, one line per row,
 * each ending in "\n". Rows are expected to have the same number of cells (as table rows do).
 * `remembered` is the writer's memory across flushes (liggitt/tabwriter's RememberWidths, which
 * kubectl's printers use): a column never narrows below a width it has had, so `get -w` rows
 * printed one at a time stay aligned with the header. It is updated in place.
 */
export function alignColumns(rows: readonly (readonly string[])[], remembered?: number[]): string {
  const widths = columnWidths(rows);
  if (remembered) {
    for (let col = 0; col < Math.max(widths.length, remembered.length); col++) {
      const width = Math.max(widths[col] ?? 0, remembered[col] ?? 0);
      widths[col] = width;
      remembered[col] = width;
    }
  }
  let out = "";
  for (const row of rows) {
    row.forEach((cell, col) => {
      out += col < row.length - 1 ? cell + " ".repeat(widths[col] - cellWidth(cell)) : cell;
    });
    out += "\n";
  }
  return out;
}
