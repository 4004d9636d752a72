import type { KubeObject } from "../api/types";
import type { Cluster } from "../cluster";
import { printObjects } from "./printers/printObjects";
import { KubectlError } from "./verb";
import { formatOutput, isStructuredFormat, STRUCTURED_FORMATS } from "./structuredOutput";

/** How `get` and friends print: -o, --show-labels, -L, -A, --no-headers, --show-kind. */
export interface PrintOptions {
  output: string;
  showLabels?: boolean;
  labelColumns?: string[];
  allNamespaces?: boolean;
  noHeaders?: boolean;
  showKind?: boolean;
  /** True when exactly one object was asked for by name (printed bare, not in a List). */
  single?: boolean;
  /** Column widths remembered across prints through one tab writer (get -w); updated in place. */
  columnWidths?: number[];
}

/** Every -o kubeplay prints: the table (default and wide) and the structured formats. */
const KNOWN_OUTPUTS = ["", "wide", ...STRUCTURED_FORMATS];

/** Checks -o before anything is read, with kubectl's error for an unknown format. */
export function checkOutputFormat(output: string): void {
  const base = output.split("=")[0];
  if (!KNOWN_OUTPUTS.includes(base)) {
    throw new KubectlError(
      `error: unable to match a printer suitable for the output format "${output}", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml`,
    );
  }
}

/** Renders objects in the requested format. */
export function printResult(cluster: Cluster, objects: KubeObject[], options: PrintOptions): string {
  if (isStructuredFormat(options.output))
    return formatOutput(objects, options.output, Boolean(options.single));
  return printObjects(objects, {
    nowMs: cluster.now(),
    wide: options.output === "wide",
    showLabels: options.showLabels,
    labelColumns: options.labelColumns,
    withNamespace: options.allNamespaces,
    noHeaders: options.noHeaders,
    showKind: options.showKind,
    columnWidths: options.columnWidths,
  });
}
