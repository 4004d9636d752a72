// One kind's table as `kubectl get` prints it: the printer's cells, decorated the way
// cli-runtime's tableprinter.go does (NAMESPACE first, -L columns, LABELS last, kind/name),
// then aligned by the tabwriter.
import { formatLabels } from "./format";
import { printerFor, type PrintableObject } from "./registry";
import { alignColumns } from "./tabwriter";
import type { ColumnDefinition, KindPrinter } from "./types";

/** The flags of `kubectl get` that shape a table. */
export interface TableOptions {
  /** The simulated now, for AGE and other durations. */
  nowMs: number;
  /** -o wide: include priority-1 columns. */
  wide?: boolean;
  /** --show-labels: a LABELS column last. */
  showLabels?: boolean;
  /** -L key1,key2: one upper-cased column per key, empty when the label is absent. */
  labelColumns?: readonly string[];
  /** -A: a NAMESPACE column first (ignored for cluster-scoped kinds, as kubectl does). */
  withNamespace?: boolean;
  /** --no-headers. */
  noHeaders?: boolean;
  /** Prefix names with "kind.group/" ("deployment.apps/web", "pod/web-1"). */
  withKind?: boolean;
  /** The tab writer's remembered column widths when one writer prints several times (get -w). */
  columnWidths?: number[];
  /** A watch event's type (get -w --output-watch-events): an EVENT column first. */
  eventType?: string;
}

/** formatEventType: the types padded to one width, as kubectl's table printer writes them. */
const EVENT_CELLS: Record<string, string> = {
  ADDED: "ADDED   ",
  MODIFIED: "MODIFIED",
  DELETED: "DELETED ",
  ERROR: "ERROR   ",
};

/** "deployment.apps", "pod": schema.GroupKind.String(), lower-cased. */
export function kindPrefix(printer: Pick<KindPrinter, "kind" | "group">): string {
  const groupKind = printer.group ? `${printer.kind}.${printer.group}` : printer.kind;
  return groupKind.toLowerCase();
}

/** formatLabelHeaders: the part of a label key after its last "/", upper-cased. */
function labelHeader(key: string): string {
  return (key.split("/").at(-1) ?? key).toUpperCase();
}

/**
 * A cell as the table printer writes it: cut at the first line break with "..." appended
 * (tabwriter would otherwise start a new line), terminal escapes made visible.
 */
export function sanitizeCell(cell: string): string {
  const cut = cell.search(/[\f\n\r]/);
  const text = cut < 0 ? cell : cell.slice(0, cut);
  const escaped = text.replaceAll("\x1b", "^[");
  return cut < 0 ? escaped : `${escaped}...`;
}

function visibleColumns(printer: KindPrinter, wide: boolean): ColumnDefinition[] {
  return printer.columns.filter((c) => wide || !c.priority);
}

function headerRow(
  columns: readonly ColumnDefinition[],
  withNamespace: boolean,
  options: TableOptions,
): string[] {
  const headers = columns.map((c) => c.name.toUpperCase());
  if (withNamespace) headers.unshift("NAMESPACE");
  if (options.eventType) headers.unshift("EVENT");
  headers.push(...(options.labelColumns ?? []).map(labelHeader));
  if (options.showLabels) headers.push("LABELS");
  return headers;
}

function objectRow(
  printer: KindPrinter,
  obj: PrintableObject,
  nameIndex: number,
  withNamespace: boolean,
  options: TableOptions,
): string[] {
  const cells = printer.row(obj, { nowMs: options.nowMs, wide: Boolean(options.wide) });
  if (options.withKind && nameIndex >= 0) cells[nameIndex] = `${kindPrefix(printer)}/${cells[nameIndex]}`;
  const labels = obj.metadata?.labels ?? {};
  if (withNamespace) cells.unshift(obj.metadata?.namespace ?? "");
  if (options.eventType) cells.unshift(EVENT_CELLS[options.eventType] ?? options.eventType);
  cells.push(...(options.labelColumns ?? []).map((key) => labels[key] ?? ""));
  if (options.showLabels) cells.push(formatLabels(labels));
  return cells.map(sanitizeCell);
}

/**
 * Prints objects of one kind ("Pod", "Deployment", ...) as `kubectl get` does: upper-cased
 * headers, columns padded by at least three spaces, the last column unpadded, every line
 * ending in "\n". Prints "" when there are no objects (kubectl prints no headers then).
 */
export function printTable(kind: string, objects: readonly PrintableObject[], options: TableOptions): string {
  if (objects.length === 0) return "";
  const printer = printerFor(kind, objects[0]);
  return renderTable(printer, objects, options, Boolean(options.withNamespace) && printer.namespaced);
}

/** printTable with the printer chosen and the NAMESPACE column decided by the caller. */
export function renderTable(
  printer: KindPrinter,
  objects: readonly PrintableObject[],
  options: TableOptions,
  withNamespace: boolean,
): string {
  if (objects.length === 0) return "";
  const columns = visibleColumns(printer, Boolean(options.wide));
  const nameIndex = columns.findIndex((c) => c.format === "name");
  const rows = objects.map((obj) => objectRow(printer, obj, nameIndex, withNamespace, options));
  if (!options.noHeaders) rows.unshift(headerRow(columns, withNamespace, options));
  return alignColumns(rows, options.columnWidths);
}
