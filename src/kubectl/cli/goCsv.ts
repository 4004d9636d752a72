/**
 * The first record of Go's encoding/csv Reader (default settings), which
 * pflag uses to split stringSlice flag values: `--image=a,b` is two values,
 * `--image='"a,b",c'` is "a,b" and "c". Errors carry Go's text, with 1-based
 * byte columns as Go 1.17+ reports them.
 */
import type { GoParse } from "./goStrconv";
import { utf8Bytes } from "./goStrconv";

const errQuote = 'extraneous or missing " in quoted-field';
const errBareQuote = 'bare " in non-quoted-field';

/** Go's readLine: lines keep their "\n", CRLF becomes LF, a "\r" right before EOF is dropped. */
function splitLines(input: string): string[] {
  const lines = input.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  return lines.map((line) => {
    if (line.endsWith("\r\n")) return line.slice(0, -2) + "\n";
    if (line.endsWith("\r")) return line.slice(0, -1);
    return line;
  });
}

function byteLen(s: string): number {
  return utf8Bytes(s).length;
}

function parseError(startLine: number, line: number, column: number, err: string): string {
  if (startLine !== line)
    return `record on line ${startLine}; parse error on line ${line}, column ${column}: ${err}`;
  return `parse error on line ${line}, column ${column}: ${err}`;
}

/** Cursor over the input's lines; `col` is the 1-based byte column of `rest` in its line. */
type Cursor = { lines: string[]; index: number; rest: string; line: number; col: number };

/**
 * Reads the first CSV record of `input`, as pflag's readAsCSV does.
 * "" gives no fields; input holding only newlines gives Go's "EOF" error.
 */
export function readCsvRecord(input: string): GoParse<string[]> {
  if (input === "") return { ok: true, value: [] };
  const lines = splitLines(input);
  // Blank lines before the record are skipped.
  const first = lines.findIndex((l) => l !== "\n");
  if (first < 0) return { ok: false, error: "EOF" };
  const cur: Cursor = { lines, index: first, rest: lines[first], line: first + 1, col: 1 };
  const startLine = cur.line;
  const fields: string[] = [];
  for (;;) {
    const step = cur.rest.startsWith('"') ? readQuoted(cur, startLine) : readBare(cur, startLine);
    if (!step.ok) return step;
    fields.push(step.value.field);
    if (!step.value.more) return { ok: true, value: fields };
  }
}

type FieldStep = GoParse<{ field: string; more: boolean }>;

function readBare(cur: Cursor, startLine: number): FieldStep {
  const comma = cur.rest.indexOf(",");
  let field = comma >= 0 ? cur.rest.slice(0, comma) : cur.rest;
  if (comma < 0 && field.endsWith("\n")) field = field.slice(0, -1);
  const quote = field.indexOf('"');
  if (quote >= 0) {
    return {
      ok: false,
      error: parseError(startLine, cur.line, cur.col + byteLen(field.slice(0, quote)), errBareQuote),
    };
  }
  if (comma < 0) return { ok: true, value: { field, more: false } };
  cur.col += byteLen(cur.rest.slice(0, comma + 1));
  cur.rest = cur.rest.slice(comma + 1);
  return { ok: true, value: { field, more: true } };
}

function readQuoted(cur: Cursor, startLine: number): FieldStep {
  cur.rest = cur.rest.slice(1);
  cur.col += 1;
  let field = "";
  for (;;) {
    const quote = cur.rest.indexOf('"');
    if (quote >= 0) {
      field += cur.rest.slice(0, quote);
      cur.col += byteLen(cur.rest.slice(0, quote + 1));
      cur.rest = cur.rest.slice(quote + 1);
      const next = cur.rest[0];
      if (next === '"') {
        field += '"';
        cur.rest = cur.rest.slice(1);
        cur.col += 1;
      } else if (next === ",") {
        cur.rest = cur.rest.slice(1);
        cur.col += 1;
        return { ok: true, value: { field, more: true } };
      } else if (cur.rest === "" || cur.rest === "\n") {
        return { ok: true, value: { field, more: false } };
      } else {
        return { ok: false, error: parseError(startLine, cur.line, cur.col - 1, errQuote) };
      }
    } else if (cur.rest !== "") {
      // The field goes on past the end of this line.
      field += cur.rest;
      cur.col += byteLen(cur.rest);
      cur.index += 1;
      cur.rest = cur.lines[cur.index] ?? "";
      if (cur.rest !== "") {
        cur.line += 1;
        cur.col = 1;
      }
    } else {
      return { ok: false, error: parseError(startLine, cur.line, cur.col, errQuote) };
    }
  }
}
