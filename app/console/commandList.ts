/**
 * A console line as sh reads a list of commands: `A && B` runs B only if A succeeded, `A || B`
 * only if it failed, `A ; B` either way. Operators inside quotes, `$( )` and backquotes belong
 * to the command they are in.
 */

/** One command of a list, and how it joins the one before (`undefined` for the first). */
export interface ListedCommand {
  text: string;
  after?: "&&" | "||" | ";";
}

/** The commands of `line`, in order; one entry when the line is a single command. */
export function splitCommandList(line: string): ListedCommand[] {
  const commands: ListedCommand[] = [];
  let start = 0;
  let after: ListedCommand["after"];
  let quote: "'" | '"' | undefined;
  let depth = 0;
  let backquoted = false;
  const cut = (end: number, next: ListedCommand["after"], skip: number) => {
    commands.push(
      after ? { text: line.slice(start, end).trim(), after } : { text: line.slice(start, end).trim() },
    );
    after = next;
    start = end + skip;
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "\\" && quote !== "'") i++;
    else if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === "`") backquoted = !backquoted;
    else if (c === "$" && line[i + 1] === "(") {
      depth++;
      i++;
    } else if (c === "(" && depth > 0) depth++;
    else if (c === ")" && depth > 0) depth--;
    else if (depth === 0 && !backquoted) {
      const two = line.slice(i, i + 2);
      if (two === "&&" || two === "||") {
        cut(i, two, 2);
        i++;
      } else if (c === ";" && line[i + 1] !== ";") cut(i, ";", 1);
    }
  }
  cut(line.length, undefined, 0);
  // A trailing `;` ends the last command rather than starting an empty one.
  return commands.filter((command, i) => command.text !== "" || i === 0 || command.after !== ";");
}

/** Whether the command joined `after` the previous one runs, given that one's exit status. */
export function runsAfter(after: ListedCommand["after"], status: number): boolean {
  return after === "&&" ? status === 0 : after === "||" ? status !== 0 : true;
}
