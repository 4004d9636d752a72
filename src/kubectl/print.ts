import type { KubeObject } from "../api/types";
import type { Cluster } from "../cluster";
import { printObjects } from "./printers/printObjects";
import type { FlagValue } from "./cli/flags";
import { str } from "./flagAccess";
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
  /** --allow-missing-template-keys (default true): a missing key prints nothing rather than failing. */
  allowMissingKeys?: boolean;
  /** false: a typed object's JSON, in its own key order (see formatOutput). */
  sortKeys?: boolean;
}

/**
 * What a verb's print flags ask for: -o, with --template folded in (`-o go-template
 * --template=T`, or --template alone, is `-o go-template=T`; as in kubectl's print flags it
 * wins over a template given after `=`), and --allow-missing-template-keys.
 */
export function printFlags(flags: Record<string, FlagValue>): { output: string; allowMissingKeys: boolean } {
  const output = str(flags, "output");
  const template = str(flags, "template");
  const format = output.split("=")[0] || "go-template";
  return {
    output:
      template && ["go-template", "template", "jsonpath", "jsonpath-as-json"].includes(format)
        ? `${format}=${template}`
        : output,
    allowMissingKeys: flags["allow-missing-template-keys"] !== false,
  };
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
    return formatOutput(objects, options.output, {
      single: Boolean(options.single),
      allowMissingKeys: options.allowMissingKeys,
      sortKeys: options.sortKeys,
    });
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
