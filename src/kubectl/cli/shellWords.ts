/**
 * POSIX shell word splitting for the console's kubectl line, without any
 * expansion. What it does, as sh does:
 * - blanks (space, tab) separate words; adjacent quoted and unquoted parts
 *   join into one word (`-l'app=web'` is `-lapp=web`); `''` and `""` are words;
 * - single quotes keep everything literally;
 * - inside double quotes a backslash escapes only `"` `\` `$` and a backquote
 *   (and removes a newline); before any other character it stays;
 * - outside quotes a backslash makes the next character literal, a
 *   backslash-newline joins lines, a trailing backslash stays literal;
 * - `#` starting a word begins a comment to the end of the line (`a#b` is a word).
 * What it does not do: `$VAR`, `~`, globs and `$'...'` stay literal text, since
 * there is no environment or file system to expand them against. Pipes,
 * redirections, command lists, subshells, command substitution and a second
 * line are reported as unsupported rather than passed on as words.
 */

/** The words of a line, or why it cannot be split. */
export type ShellWordsResult = { words: string[] } | ShellWordsError;

/** A line that could not be split; `operator` is set when a shell operator was the reason. */
export interface ShellWordsError {
  error: string;
  operator?: string;
}

const blanks = new Set([" ", "\t"]);
const doubleQuoteEscapes = new Set(['"', "\\", "$", "`", "\n"]);
const twoCharOperators = ["&&", "||", ";;", ">>", "<<", ">&", "<&", ">|", "$("];
const oneCharOperators = new Set(["|", "&", ";", "<", ">", "(", ")", "`"]);

const operatorNames: Record<string, string> = {
  "|": "a pipe",
  "||": "a command list",
  "&&": "a command list",
  ";": "a command list",
  ";;": "a command list",
  "\n": "a second line",
  "&": "a background job",
  "(": "a subshell",
  ")": "a subshell",
  "$(": "command substitution",
  "`": "command substitution",
};

/**
 * Splits `line` into words as POSIX sh would (see the module comment).
 * Unterminated quotes give bash's message, e.g.
 * "unexpected EOF while looking for matching `''".
 */
export function splitShellWords(line: string): ShellWordsResult {
  const lexer = new Lexer(line);
  return lexer.run();
}

/** Where a line's standard output goes to a file: `> FILE` or `>> FILE`. */
export interface OutputRedirection {
  file: string;
  /** `>>`: append rather than truncate. */
  append: boolean;
}

/**
 * A console line made of one command (kubectl or kubeplay) whose standard output is piped
 * through text filters (`| grep web | wc -l`) and may end in a file (`> FILE`).
 */
export interface Pipeline {
  /** The command's own text, without pipes or redirection. */
  command: string;
  /** Each filter's words, in order (`["grep", "-i", "web"]`). */
  filters: string[][];
  redirection?: OutputRedirection;
}

/** The programs a console line may pipe into (busybox's text applets). */
export const PIPE_FILTERS = ["grep", "head", "tail", "wc", "base64"];

const REDIRECTIONS = [">", ">>", ">|"];

/**
 * A line with pipes or a redirection of standard output, split as sh would; undefined when it
 * has neither, or has another operator (`&&`, `;`, `2>&1` …: left to `splitShellWords` to
 * report). A redirection goes last (`> FILE`, `>> FILE`, `>| FILE`, `1> FILE`); a filter must
 * be one of PIPE_FILTERS. Anything else is a reason the line cannot run.
 */
export function splitPipeline(line: string): Pipeline | ShellWordsError | undefined {
  const lexer = new Lexer(line);
  const result = lexer.run();
  if ("error" in result && result.operator === undefined) return undefined;
  const operators = lexer.operators;
  if (operators.length === 0) return undefined;
  if (operators.some(({ operator }) => operator !== "|" && !REDIRECTIONS.includes(operator)))
    return undefined;
  const last = operators[operators.length - 1];
  const redirected = REDIRECTIONS.includes(last.operator);
  if (operators.slice(0, -1).some(({ operator }) => operator !== "|"))
    return { error: `only one redirection, at the end of the line, is supported ("COMMAND > FILE")` };
  // The text between operators: the command, then each filter, then the file.
  const bounds = [0, ...operators.flatMap(({ operator, at }) => [at, at + operator.length]), line.length];
  const parts = [];
  for (let i = 0; i < bounds.length; i += 2) parts.push(line.slice(bounds[i], bounds[i + 1]));
  let redirection: OutputRedirection | undefined;
  if (redirected) {
    const before = parts[parts.length - 2];
    // A digit written against the operator names the descriptor: only 1 (standard output) is taken.
    const descriptor = /(?:^|[ \t])(\d+)$/.exec(before)?.[1];
    if (descriptor !== undefined && descriptor !== "1") {
      return {
        error: `"${descriptor}${last.operator}" (a redirection of descriptor ${descriptor}) is not supported: only standard output goes to a file ("> FILE" or ">> FILE")`,
        operator: last.operator,
      };
    }
    if (descriptor !== undefined) parts[parts.length - 2] = before.slice(0, -descriptor.length);
    const target = splitShellWords(parts.pop() ?? "");
    if ("error" in target) return target;
    if (target.words.length === 0) return { error: "syntax error near unexpected token `newline'" };
    if (target.words.length > 1) {
      return {
        error: `"${target.words[1]}" after the file name is not supported: put the redirection last ("COMMAND > FILE")`,
      };
    }
    redirection = { file: target.words[0], append: last.operator === ">>" };
  }
  const command = parts[0].trim();
  if (command === "") return { error: `syntax error near unexpected token \`${operators[0].operator}'` };
  const filters: string[][] = [];
  for (const part of parts.slice(1)) {
    const split = splitShellWords(part);
    if ("error" in split) return split;
    if (split.words.length === 0) return { error: "syntax error near unexpected token `|'" };
    if (!PIPE_FILTERS.includes(split.words[0])) {
      return {
        error: `${split.words[0]}: not found here: the console pipes into ${PIPE_FILTERS.join(", ")} (busybox's)`,
      };
    }
    filters.push(split.words);
  }
  return redirection ? { command, filters, redirection } : { command, filters };
}

/**
 * The first unquoted shell operator in `line` (`|`, `&&`, `>`, `;`, `$(`, a
 * line break, ...), or null; lets the console explain that it runs a single
 * kubectl command.
 */
export function findShellOperator(line: string): string | null {
  const result = splitShellWords(line);
  return "operator" in result && result.operator !== undefined ? result.operator : null;
}

/** The console's explanation for an unsupported operator, e.g. for "|". */
export function unsupportedOperatorMessage(operator: string): string {
  const what = operatorNames[operator] ?? "a redirection";
  const shown = operator === "\n" ? "a line break" : `"${operator}"`;
  return `${shown} (${what}) is not supported: this console runs one kubectl command at a time`;
}

/**
 * Splits a console line into kubectl's arguments: the words, without a
 * leading `kubectl` word if the user typed one.
 */
export function splitKubectlLine(line: string): { args: string[] } | ShellWordsError {
  const result = splitShellWords(line);
  if ("error" in result) return result;
  const words = result.words;
  return { args: words[0] === "kubectl" ? words.slice(1) : words };
}

function unterminated(quote: string): ShellWordsError {
  return { error: `unexpected EOF while looking for matching \`${quote}'` };
}

class Lexer {
  private i = 0;
  private words: string[] = [];
  private word = "";
  private inWord = false;
  private operator: string | undefined;
  /** Every operator outside quotes, where it starts in the line. */
  readonly operators: { operator: string; at: number }[] = [];

  constructor(private readonly line: string) {}

  run(): ShellWordsResult {
    while (this.i < this.line.length) {
      const failure = this.step();
      if (failure) return failure;
    }
    this.endWord();
    if (this.operator !== undefined) {
      return { error: unsupportedOperatorMessage(this.operator), operator: this.operator };
    }
    return { words: this.words };
  }

  /** Consumes one unit of input; returns an error only for an unterminated quote. */
  private step(): ShellWordsError | undefined {
    const c = this.line[this.i];
    if (blanks.has(c)) {
      this.endWord();
      this.i++;
    } else if (c === "\n") {
      this.newline();
    } else if (c === "#" && !this.inWord) {
      this.skipComment();
    } else if (c === "'") {
      return this.singleQuoted();
    } else if (c === '"') {
      return this.doubleQuoted();
    } else if (c === "\\") {
      this.backslash();
    } else if (!this.tryOperator()) {
      this.append(c, 1);
    }
    return undefined;
  }

  private append(text: string, consumed: number): void {
    this.word += text;
    this.inWord = true;
    this.i += consumed;
  }

  private endWord(): void {
    if (this.inWord) this.words.push(this.word);
    this.word = "";
    this.inWord = false;
  }

  private note(operator: string, at = this.i): void {
    this.operator ??= operator;
    this.operators.push({ operator, at });
  }

  /** A line break separates commands, unless nothing but blanks follows it. */
  private newline(): void {
    this.endWord();
    this.i++;
    if (this.line.slice(this.i).trim() !== "") this.note("\n");
  }

  private skipComment(): void {
    const end = this.line.indexOf("\n", this.i);
    this.i = end < 0 ? this.line.length : end;
  }

  private tryOperator(): boolean {
    const two = this.line.slice(this.i, this.i + 2);
    const op = twoCharOperators.includes(two) ? two : this.line[this.i];
    if (op.length === 1 && !oneCharOperators.has(op)) return false;
    this.endWord();
    this.note(op);
    this.i += op.length;
    return true;
  }

  private backslash(): void {
    const next = this.line[this.i + 1];
    if (next === undefined) this.append("\\", 1);
    else if (next === "\n") this.i += 2;
    else this.append(next, 2);
  }

  private singleQuoted(): ShellWordsError | undefined {
    const end = this.line.indexOf("'", this.i + 1);
    if (end < 0) return unterminated("'");
    this.append(this.line.slice(this.i + 1, end), end + 1 - this.i);
    return undefined;
  }

  private doubleQuoted(): ShellWordsError | undefined {
    this.inWord = true;
    this.i++;
    while (this.i < this.line.length) {
      const c = this.line[this.i];
      if (c === '"') {
        this.i++;
        return undefined;
      }
      if (c === "\\" && doubleQuoteEscapes.has(this.line[this.i + 1])) {
        this.append(this.line[this.i + 1] === "\n" ? "" : this.line[this.i + 1], 2);
      } else {
        // Command substitution happens inside double quotes too.
        if (c === "`" || (c === "$" && this.line[this.i + 1] === "(")) this.note(c === "`" ? "`" : "$(");
        this.append(c, 1);
      }
    }
    return unterminated('"');
  }
}
