// The shapes shared by the per-kind printers and the table layout, mirroring metav1.Table's
// column definitions and the printers' GenerateOptions.

/** A table column as a server-side printer declares it (metav1.TableColumnDefinition). */
export interface ColumnDefinition {
  /** Title-case name; the header prints it upper-cased ("Up-to-date" -> "UP-TO-DATE"). */
  name: string;
  /** 0 for the default view; 1 for columns shown only with -o wide. */
  priority?: number;
  /** "name" marks the column that --show-kind prefixes with "kind.group/". */
  format?: "name";
}

/** What a row printer needs besides the object: the simulated now, and -o wide. */
export interface RowOptions {
  nowMs: number;
  wide: boolean;
}

/**
 * The printer of one kind: its columns, its API group and scope, and its row function.
 * row() returns one cell per column, wide columns included only when options.wide is set.
 */
export interface KindPrinter<T = unknown> {
  kind: string;
  group: string;
  namespaced: boolean;
  columns: readonly ColumnDefinition[];
  row(obj: T, options: RowOptions): string[];
}

/** Defines a printer while keeping its object type for the row function. */
export function definePrinter<T>(printer: KindPrinter<T>): KindPrinter {
  return printer as KindPrinter;
}

/** Columns for "Name"/"Age" and the wide "Containers"/"Images"/"Selector" trio many kinds share. */
export const NAME_COLUMN: ColumnDefinition = { name: "Name", format: "name" };
export const AGE_COLUMN: ColumnDefinition = { name: "Age" };
export const CONTAINER_COLUMNS: readonly ColumnDefinition[] = [
  { name: "Containers", priority: 1 },
  { name: "Images", priority: 1 },
];
export const SELECTOR_COLUMN: ColumnDefinition = { name: "Selector", priority: 1 };
