/**
 * The console's shell variables and substitutions, as sh expands them before a command runs:
 * `$NAME` and `${NAME}`, `$(COMMAND)` and `` `COMMAND` `` (a kubectl or kubeplay line whose
 * standard output, without its trailing newlines, takes its place). Nothing expands inside
 * single quotes; inside double quotes the result stays one word; unquoted it is split into
 * words at blanks and newlines. The result is a line again, its expansions quoted so that the
 * console's word splitting reads them as the words they are and never as operators.
 */

/** Runs a substitution's command, giving what it printed on standard output. */
export type Substitute = (command: string) => Promise<string>;

export interface ExpandOptions {
  /** false in an assignment's value (`A=$(…)`), which sh does not split into words. */
  split: boolean;
}

/** A shell variable name. */
export const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/** `text` as one single-quoted word. */
function singleQuoted(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** An expansion's text, quoted for where it lands. */
function quoted(text: string, inDouble: boolean, split: boolean): string {
  if (inDouble) return text.replace(/[\\"$`]/g, "\\$&");
  if (!split) return text === "" ? "" : singleQuoted(text);
  return text
    .split(/[ \t\n]+/)
    .filter((word) => word !== "")
    .map(singleQuoted)
    .join(" ");
}

/** Where the `)` closing a `$(` at `start` (the index after it) is, or -1. */
function closingParen(line: string, start: number): number {
  let depth = 1;
  let quote: string | undefined;
  for (let i = start; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === "\\" && quote === '"') i++;
      else if (c === quote) quote = undefined;
    } else if (c === "\\") i++;
    else if (c === "'" || c === '"') quote = c;
    else if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return i;
  }
  return -1;
}

/**
 * `line` with its variables and command substitutions expanded, or why it cannot be (an
 * unterminated substitution, as sh reports it).
 */
export async function expandLine(
  line: string,
  vars: ReadonlyMap<string, string>,
  substitute: Substitute,
  { split }: ExpandOptions = { split: true },
): Promise<{ line: string } | { error: string }> {
  let out = "";
  let inDouble = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "\\") {
      out += line.slice(i, i + 2);
      i++;
    } else if (c === "'" && !inDouble) {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return { line: out + line.slice(i) };
      out += line.slice(i, end + 1);
      i = end;
    } else if (c === '"') {
      inDouble = !inDouble;
      out += c;
    } else if (c === "$" && line[i + 1] === "(") {
      const end = closingParen(line, i + 2);
      if (end < 0) return { error: "unexpected EOF while looking for matching `)'" };
      const printed = await substitute(line.slice(i + 2, end));
      out += quoted(printed.replace(/\n+$/, ""), inDouble, split);
      i = end;
    } else if (c === "`") {
      const end = line.indexOf("`", i + 1);
      if (end < 0) return { error: "unexpected EOF while looking for matching ``'" };
      const printed = await substitute(line.slice(i + 1, end));
      out += quoted(printed.replace(/\n+$/, ""), inDouble, split);
      i = end;
    } else if (c === "$") {
      const braced = line[i + 1] === "{";
      const name = NAME.exec(line.slice(i + (braced ? 2 : 1)))?.[0];
      if (!name || (braced && line[i + 2 + name.length] !== "}")) {
        out += c;
        continue;
      }
      out += quoted(vars.get(name) ?? "", inDouble, split);
      i += name.length + (braced ? 2 : 0);
    } else out += c;
  }
  return { line: out };
}
