// `kubectl get -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[*].image`
// (kubectl/pkg/cmd/get/customcolumn.go and customcolumn_flags.go).

import { goSprint } from "./goFormat";
import { tabwrite } from "./goTabwriter";
import { findJsonPathResults } from "./jsonpath";
import { JsonPathExecError } from "./jsonpathEval";
import { JsonPathParseError, parseJsonPath, type ListNode } from "./jsonpathParser";

/** One user-specified column: its header and the JSONPath template of its cells. */
export interface CustomColumn {
  header: string;
  fieldSpec: string;
}

/**
 * A custom-columns failure, with kubectl's message (to be printed after "error: ").
 * `output` is what kubectl still printed before failing (the header, rows so far).
 */
export class CustomColumnsError extends Error {
  constructor(
    message: string,
    readonly output = "",
  ) {
    super(message);
  }
}

const RELAXED_PATH = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/**
 * kubectl's RelaxedJSONPathExpression: accepts `metadata.name`, `.metadata.name`,
 * `{metadata.name}` or `{.metadata.name}` and returns `{.metadata.name}`.
 */
export function relaxedJsonPathExpression(expr: string): string {
  if (expr === "") return expr;
  const match = RELAXED_PATH.exec(expr);
  if (!match) {
    throw new CustomColumnsError(
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    );
  }
  return `{.${match[1] || match[2]}}`;
}

/** Parses the value of -o custom-columns=SPEC into columns, with kubectl's errors. */
export function parseCustomColumnsSpec(spec: string): CustomColumn[] {
  if (spec === "")
    throw new CustomColumnsError("custom-columns format specified but no custom columns given");
  return spec.split(",").map((part) => {
    const colon = part.indexOf(":");
    if (colon < 0) {
      throw new CustomColumnsError(
        `unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`,
      );
    }
    return { header: part.slice(0, colon), fieldSpec: relaxedJsonPathExpression(part.slice(colon + 1)) };
  });
}

/** cli-runtime's EscapeTerminal: keeps cell text from driving the terminal. */
function escapeTerminal(s: string): string {
  return s.replaceAll("\x1b", "^[").replaceAll("\r", "\\r");
}

/** One cell: every value the template finds, comma-joined, or <none> when it finds none. */
function cellText(template: ListNode, obj: unknown): string {
  const results = findJsonPathResults(template, obj, true);
  const values = results.flat().map((v) => escapeTerminal(goSprint(v)));
  return results.length === 0 || results[0].length === 0 ? ["<none>", ...values].join(",") : values.join(",");
}

function parseColumn(column: CustomColumn): ListNode {
  return parseJsonPath(column.fieldSpec);
}

/**
 * The table `-o custom-columns` prints for the given objects (the items of kubectl's List,
 * or the single named object): a header row unless noHeaders, one row per object, cells
 * printed with Go's %v (maps as map[k:v], lists as [a b]) and aligned by kubectl's
 * tabwriter. Zero objects print the header alone. Throws CustomColumnsError with the
 * message kubectl would print after "error: " and the output it printed before that
 * (kubectl writes the header before it parses the column templates).
 */
export function printCustomColumns(
  columns: readonly CustomColumn[],
  objects: readonly unknown[],
  options: { noHeaders?: boolean } = {},
): string {
  let text = options.noHeaders ? "" : `${columns.map((c) => c.header).join("\t")}\n`;
  try {
    const templates = columns.map(parseColumn);
    for (const obj of objects) text += `${templates.map((t) => cellText(t, obj)).join("\t")}\n`;
  } catch (err) {
    if (err instanceof JsonPathParseError || err instanceof JsonPathExecError) {
      throw new CustomColumnsError(err.message, tabwrite(text));
    }
    throw err;
  }
  return tabwrite(text);
}
