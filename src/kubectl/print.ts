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
  /** A watch event's type: the table's EVENT column (get -w --output-watch-events). */
  eventType?: string;
}

/** What the print flags are read from: the flags, and the editor's files for the `-file` formats. */
export interface PrintInputs {
  flags: Record<string, FlagValue>;
  files?: Record<string, string>;
}

/** The formats whose text --template can give instead of `=` (kubectl's template, jsonpath and custom-columns print flags). */
const TEMPLATE_FORMATS = [
  "go-template",
  "go-template-file",
  "template",
  "templatefile",
  "jsonpath",
  "jsonpath-as-json",
  "jsonpath-file",
  "custom-columns",
  "custom-columns-file",
];

/**
 * What a verb's print flags ask for: -o, with --template folded in (`-o go-template
 * --template=T`, or --template alone, is `-o go-template=T`; as in kubectl's print flags it
 * wins over a template given after `=`), a `-file` format's file (an editor tab) read into its
 * inline twin, and --allow-missing-template-keys.
 */
export function printFlags({ flags, files = {} }: PrintInputs): {
  output: string;
  allowMissingKeys: boolean;
} {
  const output = str(flags, "output");
  const template = str(flags, "template");
  const format = output.split("=")[0] || "go-template";
  const folded = template && TEMPLATE_FORMATS.includes(format) ? `${format}=${template}` : output;
  return {
    output: readTemplateFile(folded, files),
    allowMissingKeys: flags["allow-missing-template-keys"] !== false,
  };
}

/** The inline format each `-file` format reads its text into. */
const FILE_FORMATS: Record<string, string> = {
  "go-template-file": "go-template",
  templatefile: "go-template",
  "jsonpath-file": "jsonpath",
  "custom-columns-file": "custom-columns",
};

/**
 * `-o go-template-file=F` (and templatefile, jsonpath-file, custom-columns-file) as the inline
 * format with F's text, F being an editor tab (kubeplay has no other files), with kubectl's
 * errors for a missing file or value.
 */
function readTemplateFile(output: string, files: Record<string, string>): string {
  const eq = output.indexOf("=");
  const format = eq < 0 ? output : output.slice(0, eq);
  const inline = FILE_FORMATS[format];
  if (!inline) return output;
  const columns = inline === "custom-columns";
  const name = eq < 0 ? "" : output.slice(eq + 1);
  if (name === "")
    throw new KubectlError(
      columns
        ? "error: custom-columns format specified but no custom columns given"
        : "error: template format specified but no template given",
    );
  const text = files[name];
  if (text === undefined)
    throw new KubectlError(
      `error: error reading ${columns ? "template" : "--template"} ${name}, open ${name}: no such file or directory`,
    );
  return `${inline}=${columns ? columnsFromFile(text) : text}`;
}

/**
 * A custom-columns file (a line of headers, a line of field specs, split at blanks) as the
 * inline `HEADER:spec,…` (NewCustomColumnsPrinterFromTemplate).
 */
function columnsFromFile(text: string): string {
  // Lines as Go's bufio.Scanner reads them: no line after a final newline, a trailing \r dropped.
  const lines =
    text === ""
      ? []
      : text
          .replace(/\n$/, "")
          .split("\n")
          .map((l) => l.replace(/\r$/, ""));
  const words = (line: string) => line.split(/\s+/).filter(Boolean);
  const expected =
    "Expected format is one line of space separated headers, one line of space separated column specs.";
  if (lines.length < 1) throw new KubectlError(`error: invalid template, missing header line. ${expected}`);
  if (lines.length < 2) throw new KubectlError(`error: invalid template, missing spec line. ${expected}`);
  const headers = words(lines[0]);
  const specs = words(lines[1]);
  if (headers.length !== specs.length)
    throw new KubectlError(
      `error: number of headers (${headers.length}) and field specifications (${specs.length}) don't match`,
    );
  return headers.map((header, i) => `${header}:${specs[i]}`).join(",");
}

/**
 * The formats of every printer but get's (genericclioptions' PrintFlags, as its error lists
 * them): the object or its name, never a table.
 */
const OBJECT_OUTPUTS = [
  "go-template",
  "go-template-file",
  "json",
  "jsonpath",
  "jsonpath-as-json",
  "jsonpath-file",
  "name",
  "template",
  "templatefile",
  "yaml",
];

/**
 * The print flags of a verb that prints objects but no table (create, apply, scale, label,
 * rollout, events …), checked where kubectl builds its printer: most verbs before they write
 * anything, some (apply, label, patch, rollout) only when they print what they wrote. `-o
 * wide` and custom columns are `get`'s alone.
 */
export function objectPrintFlags(inputs: PrintInputs): { output: string; allowMissingKeys: boolean } {
  const output = str(inputs.flags, "output");
  if (output !== "" && !OBJECT_OUTPUTS.includes(output.split("=")[0])) {
    throw new KubectlError(
      `error: unable to match a printer suitable for the output format "${output}", allowed formats are: ${OBJECT_OUTPUTS.join(",")}`,
    );
  }
  return printFlags(inputs);
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
    eventType: options.eventType,
  });
}
