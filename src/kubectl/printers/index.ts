// kubectl's human-readable table printers: `kubectl get` output for the kinds the
// playground simulates.
export { printObjects, multipleKinds, type ObjectsOptions } from "./printObjects";
export { printTable, kindPrefix, sanitizeCell, type TableOptions } from "./table";
export { printerFor, printableKinds, groupOf, type PrintableObject } from "./registry";
export { podStatusReason, summarizePod, formatRestarts, type PodSummary } from "./pod";
export { jobStatus } from "./batch";
export { nodeStatus, findNodeRoles } from "./node";
export { formatEndpoints } from "./service";
export { formatLabels, formatLabelSelector, selectorString } from "./format";
export { alignColumns } from "./tabwriter";
export type { ColumnDefinition, KindPrinter, RowOptions } from "./types";
