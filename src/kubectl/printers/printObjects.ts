// Several kinds in one `kubectl get` (get all, get deploy,rs): one table per run of objects of
// the same kind, separated by a blank line, with kind-prefixed names when more than one kind
// was found. Mirrors the printing loop of kubectl's pkg/cmd/get/get.go.
import { groupOf, printerFor, type PrintableObject } from "./registry";
import { renderTable, type TableOptions } from "./table";

/** printTable's options, with --show-kind instead of a forced kind prefix. */
export interface ObjectsOptions extends Omit<TableOptions, "withKind"> {
  /** --show-kind: prefix names with their kind even when only one kind is printed. */
  showKind?: boolean;
}

function gvkOf(obj: PrintableObject): string {
  return `${obj.apiVersion ?? ""}/${obj.kind ?? ""}`;
}

/** multipleGVKsRequested: true when the objects span more than one group/version/kind. */
export function multipleKinds(objects: readonly PrintableObject[]): boolean {
  return new Set(objects.map(gvkOf)).size > 1;
}

/** Consecutive objects of the same kind and group: each run gets its own printer and headers. */
function runsOfKind(objects: readonly PrintableObject[]): PrintableObject[][] {
  const runs: PrintableObject[][] = [];
  let lastKey: string | undefined;
  for (const obj of objects) {
    const key = `${groupOf(obj.apiVersion)}/${obj.kind ?? ""}`;
    if (key !== lastKey) runs.push([]);
    runs[runs.length - 1].push(obj);
    lastKey = key;
  }
  return runs;
}

/**
 * Prints a flat list of objects (each with apiVersion and kind set, in the order kubectl
 * would list them) as `kubectl get` does. A blank line separates kinds unless --no-headers.
 * Returns "" when there is nothing to print; the caller prints "No resources found ...".
 */
export function printObjects(objects: readonly PrintableObject[], options: ObjectsOptions): string {
  const withKind = Boolean(options.showKind) || multipleKinds(objects);
  let out = "";
  // kubectl shares one set of print flags between kinds: once a namespaced kind turned the
  // NAMESPACE column on for -A, cluster-scoped kinds printed after it keep it (empty).
  let namespaceColumn = false;
  for (const run of runsOfKind(objects)) {
    const printer = printerFor(run[0].kind ?? "", run[0]);
    namespaceColumn ||= Boolean(options.withNamespace) && printer.namespaced;
    const table = renderTable(printer, run, { ...options, withKind }, namespaceColumn);
    if (out !== "" && table !== "" && !options.noHeaders) out += "\n";
    out += table;
  }
  return out;
}
