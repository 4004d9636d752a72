/**
 * The console's terminal: xterm.js with a `$ ` prompt, readline-style editing (lineEditor.ts),
 * history, tab completion, and kubectl/kubeplay lines run through the simulator. Loaded lazily.
 */
import { FitAddon } from "@xterm/addon-fit";
import { type ITheme, Terminal } from "@xterm/xterm";
import "@xterm/xterm/css/xterm.css";
import { splitPipeline, splitShellWords } from "../../src/kubectl/cli/shellWords";
import { routeLine } from "./commandRouter";
import { commonPrefix, complete, type CompletionSource, kubectlVerbWords } from "./completion";
import { runsAfter, splitCommandList } from "./commandList";
import { expandLine, NAME } from "./expansion";
import type { EditorOpen } from "../../src";
import type { EditRun } from "../editor/kubectlEdit";
import type { ConsoleEntry } from "./consoleBus";
import type { WrittenText } from "../../src";
import * as edit from "./lineEditor";
import type { OutputFile } from "./outputFile";
import { OutputFilter } from "./outputFilter";
import { outputPieces } from "./outputPieces";

/** A line the simulator runs. */
export type SimLine = { kind: "kubectl" | "kubeplay"; line: string };

/** What a running command printed since its last chunk; `code` once it has exited. */
export interface OutputChunk {
  stdout: string;
  stderr: string;
  code?: number;
  /** Both streams in the order written, when stderr came before stdout. */
  chunks?: WrittenText[];
}

/** What the terminal needs from the app. */
export interface TerminalDeps {
  /** Runs a line; with `streamId` the command keeps running (get -w, rollout status, logs -f). */
  run: (line: SimLine) => Promise<{
    /** The exit status, for `&&` and `||` (a command that keeps running gives it in its last chunk). */
    code?: number;
    stdout: string;
    stderr: string;
    chunks?: WrittenText[];
    streamId?: number;
    editor?: EditorOpen;
    interactive?: boolean;
  }>;
  /**
   * `COMMAND > FILE` / `>> FILE`: opens the editor tab FILE for the command's standard output,
   * or gives the message saying why it cannot; `cut` prints a message when the output is cut.
   */
  openOutput: (file: string, append: boolean, cut: (message: string) => void) => OutputFile | string;
  /** Sends a line typed into an interactive command (`kubectl exec -it POD -- sh`). */
  input: (streamId: number, text: string) => void;
  /** `kubectl edit` waits for its file in the editor; output and notes come through the callbacks. */
  edit: (
    line: string,
    open: EditorOpen,
    print: (stdout: string, stderr: string) => void,
    note: (text: string) => void,
  ) => EditRun;
  /**
   * Follows a running command's output; `lost` when the simulator restarted and the command
   * with it. Returns the unsubscribe function.
   */
  follow: (streamId: number, chunk: (chunk: OutputChunk) => void, lost: () => void) => () => void;
  /**
   * Whether a running command is waiting for the cluster (get -w, delete, a session's command
   * or its first prompt), as opposed to no command, or a session waiting for what is typed.
   */
  waiting?: (waiting: boolean) => void;
  /** Ctrl-C: stops a running command. */
  interrupt: (streamId: number) => void;
  history: () => readonly string[];
  addHistory: (line: string) => void;
  source: CompletionSource;
  /** Translated console strings (read at use, so a language switch applies at once). */
  text: (
    key: "welcome" | "notFound" | "onlyKubectl" | "didYouMean" | "help" | "streamLost" | "redirectSession",
  ) => string;
}

export const PROMPT = "$ ";
/**
 * A command's output in the order written: stdout then stderr, unless the chunks say stderr
 * came first somewhere (kubectl's hint, then the prompt).
 */
function writtenPieces(
  stdout: string,
  stderr: string,
  chunks?: readonly WrittenText[],
): readonly WrittenText[] {
  return (
    chunks ?? [
      { stream: "stdout", text: stdout },
      { stream: "stderr", text: stderr },
    ]
  );
}

/** What running a line gives: its output, and whether it keeps running, is a session or edits. */
type SimResult = Awaited<ReturnType<TerminalDeps["run"]>>;
/** A whole shell variable name. */
const VARIABLE = new RegExp(`${NAME.source}$`);
/** What Ctrl+C sends to an interactive command's shell (the terminal's interrupt character). */
export const INTERRUPT = "\x03";

/**
 * An interactive command's state in the console (`exec -it … sh`): its last unfinished output
 * line (`prompt`); whether it shows prompts at all; whether it is running a line (then lines
 * typed ahead wait in `queued` for the next prompt).
 */
interface Session {
  streamId: number;
  prompt: string;
  prompted: boolean;
  awaiting: boolean;
  queued: string[];
}

/** A command that keeps running; an interactive one is also a Session. */
/** Where a command's standard output goes besides the terminal: `| FILTER`, `> FILE`. */
interface OutputTarget {
  filter?: OutputFilter;
  sink?: OutputFile;
}

interface Following extends Session {
  /** Ends following, with the command's exit status (Ctrl+C's 130 when none is given). */
  end: (status?: number) => void;
  interactive: boolean;
}
const RED = "\x1b[31m";
const DIM = "\x1b[2m";
const RESET = "\x1b[0m";

const THEMES: Record<"light" | "dark", ITheme> = {
  light: {
    background: "#ffffff",
    foreground: "#1d2330",
    cursor: "#326ce5",
    selectionBackground: "#b9cdf7",
    red: "#cf222e",
  },
  dark: {
    background: "#1c2028",
    foreground: "#e4e8ef",
    cursor: "#5b8def",
    selectionBackground: "#3a4a6b",
    red: "#ff7b72",
  },
};

/** Terminal text uses CRLF. */
const crlf = (text: string) => text.replace(/\r?\n/g, "\r\n");

/** One console session bound to a host element. */
export class ConsoleTerminal {
  private readonly term: Terminal;
  private readonly fit = new FitAddon();
  private readonly resize: ResizeObserver;
  private state = edit.EMPTY_LINE;
  private busy = false;
  /** Whether the last output left its line unfinished (see writeOutput). */
  private lineOpen = false;
  /** The console's shell variables (`export POD_NAME=…`), for this page's session, as a shell keeps them. */
  private readonly vars = new Map<string, string>();
  private queue: string[] = [];
  /** The command that keeps running (get -w …) until it exits or Ctrl-C, if any. */
  private following?: Following;
  /** A `kubectl edit` waiting for its file to be saved in the editor, if any. */
  private editing?: EditRun;

  constructor(
    host: HTMLElement,
    private readonly deps: TerminalDeps,
    theme: "light" | "dark",
  ) {
    this.term = new Terminal({
      theme: THEMES[theme],
      fontSize: 13,
      // A Latin monospace font before the CJK one: a CJK font draws the East Asian "ambiguous"
      // characters (… ↑ ↓ ─) full width, over the next cell, where xterm gives them one cell.
      fontFamily:
        'ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", "Noto Sans Mono CJK SC", monospace',
      cursorBlink: true,
      convertEol: false,
      scrollback: 5000,
    });
    this.term.loadAddon(this.fit);
    this.term.open(host);
    this.term.attachCustomKeyEventHandler((e) => this.clipboardKey(e));
    host.addEventListener("contextmenu", (e) => this.pasteFromMenu(e));
    this.term.onData((data) => this.onData(data));
    this.resize = new ResizeObserver(() => this.fitSafely());
    this.resize.observe(host);
    this.fitSafely();
    this.term.write(`${DIM}${crlf(deps.text("welcome"))}${RESET}\r\n${PROMPT}`);
  }

  /** Follows the app theme. */
  setTheme(theme: "light" | "dark"): void {
    this.term.options.theme = THEMES[theme];
  }

  focus(): void {
    this.term.focus();
  }

  /** Shows a command run elsewhere (the editor's Apply) as if typed, then redraws the prompt. */
  print(entry: ConsoleEntry): void {
    this.term.write(`\r\x1b[2K${PROMPT}${entry.command}\r\n`);
    this.writeOutput(entry.stdout, entry.stderr, entry.chunks);
    this.endLine();
    this.redraw();
  }

  dispose(): void {
    this.resize.disconnect();
    this.term.dispose();
  }

  private fitSafely(): void {
    try {
      this.fit.fit();
    } catch {
      // the host is not laid out yet (hidden); the next resize fits it
    }
  }

  private redraw(): void {
    if (this.following?.interactive) this.term.write(edit.renderLine(this.following.prompt, this.state));
    else if (!this.busy) this.term.write(edit.renderLine(PROMPT, this.state));
  }

  /**
   * A command's output: stdout then stderr (red), or in the order written when `chunks` says.
   * Output that does not end its line leaves it open, as in a shell: the next command of a list
   * goes on from there (`base64 -d; echo`), and the prompt starts a line of its own (endLine).
   */
  private writeOutput(stdout: string, stderr: string, chunks?: readonly WrittenText[]): void {
    // Without the order they were written in, stderr starts on a line of its own.
    const line = (text: string) => (text === "" || text.endsWith("\n") || !stderr ? text : `${text}\n`);
    const written = chunks ?? [
      { stream: "stdout", text: line(stdout) },
      { stream: "stderr", text: stderr },
    ];
    const shown = written.filter((c) => c.text !== "");
    for (const chunk of shown) {
      if (chunk.stream === "stderr") this.term.write(`${RED}${crlf(chunk.text)}${RESET}`);
      else for (const piece of outputPieces(crlf(chunk.text))) this.term.write(piece);
    }
    if (shown.length > 0) this.lineOpen = !shown[shown.length - 1].text.endsWith("\n");
  }

  /** Ends a line output left open, so that the prompt starts on a new one (as zsh does; bash would not). */
  private endLine(): void {
    if (this.lineOpen) this.term.write("\r\n");
    this.lineOpen = false;
  }

  private onData(data: string): void {
    if (this.following?.interactive) return this.sessionKey(data, this.following);
    if (this.following && data === "\x03") return this.interruptFollowing();
    if (this.editing && data === "\x03") {
      this.term.write("^C\r\n");
      return this.editing.interrupt();
    }
    if (this.busy) {
      // Typing ahead while a command runs: keep whole pasted lines, drop stray keys.
      if (/[\r\n]/.test(data)) this.queue.push(...data.split(/\r\n|\r|\n/).filter((l) => l.trim()));
      return;
    }
    const key = KEYS[data];
    if (key) return key(this);
    if (data.startsWith("\x1b")) return;
    const lines = data.split(/\r\n|\r|\n/);
    if (lines.length > 1) {
      this.state = edit.insert(this.state, lines[0]);
      this.queue.push(...lines.slice(1).filter((l) => l.trim()));
      void this.submit();
      return;
    }
    this.apply(edit.insert(this.state, data));
  }

  /** Applies a new line state and redraws. */
  apply(next: edit.LineState): void {
    this.state = next;
    this.redraw();
  }

  get line(): edit.LineState {
    return this.state;
  }

  recall(direction: -1 | 1): void {
    this.apply(edit.recall(this.state, this.deps.history(), direction));
  }

  cancel(): void {
    this.term.write("^C\r\n");
    this.state = edit.EMPTY_LINE;
    this.redraw();
  }

  clearScreen(): void {
    this.term.clear();
    this.term.write("\x1b[2J\x1b[H");
    this.redraw();
  }

  complete(): void {
    const before = this.state.buffer.slice(0, this.state.cursor);
    const { from, candidates } = complete(before, this.deps.source, [...this.vars.keys()]);
    if (candidates.length === 0) return;
    const word = before.slice(from);
    if (candidates.length === 1)
      return this.apply(edit.replaceBeforeCursor(this.state, from, `${candidates[0]} `));
    const prefix = commonPrefix(candidates);
    if (prefix.length > word.length) return this.apply(edit.replaceBeforeCursor(this.state, from, prefix));
    this.term.write(`\r\n${candidates.join("  ")}\r\n`);
    this.redraw();
  }

  async submit(): Promise<void> {
    const input = this.state.buffer;
    this.term.write("\r\n");
    this.state = edit.EMPTY_LINE;
    this.busy = true;
    try {
      await this.execute(input);
    } finally {
      this.busy = false;
      this.endLine();
    }
    const next = this.queue.shift();
    if (next !== undefined) {
      this.state = edit.insert(edit.EMPTY_LINE, next);
      this.term.write(edit.renderLine(PROMPT, this.state));
      return this.submit();
    }
    this.redraw();
  }

  /** A typed line: one command, or a list of them (`A && B`, `A || B`, `A; B`), as sh runs it. */
  private async execute(input: string): Promise<void> {
    const line = input.trim();
    if (line !== "") this.deps.addHistory(line);
    let status = 0;
    for (const { text, after } of splitCommandList(line)) {
      if (runsAfter(after, status)) status = await this.runCommand(text);
    }
  }

  /**
   * Runs one command (expanded just before, as sh does); its exit status. `captureTo` takes its
   * standard output instead of the terminal (a command substitution's).
   */
  private async runCommand(input: string, captureTo?: OutputFile): Promise<number> {
    const typed = routeLine(input, kubectlVerbWords());
    // An assignment's value is expanded without splitting it into words.
    if (typed.kind === "assign") return this.assign(typed.line);
    const expanded = await expandLine(input, this.vars, (command) => this.capture(command));
    if ("error" in expanded) return this.fail(expanded.error, 2);
    const routed = routeLine(expanded.line, kubectlVerbWords());
    switch (routed.kind) {
      case "empty":
        return 0;
      case "clear":
        this.term.clear();
        this.term.write("\x1b[2J\x1b[H");
        return 0;
      case "help":
        this.endLine();
        this.term.write(`${crlf(this.deps.text("help"))}\r\n`);
        return 0;
      case "unknown": {
        const { text } = this.deps;
        const hint = routed.suggestion ? `\n${text("didYouMean")} ${routed.suggestion}` : "";
        return this.fail(`${routed.command}: ${text("notFound")} (${text("onlyKubectl")})${hint}`, 127);
      }
      case "assign":
        // What an expansion produced is never an assignment, in sh either.
        return this.fail(`${routed.line.split(/\s+/)[0]}: ${this.deps.text("notFound")}`, 127);
      case "unset":
        return this.unset(routed.line);
      default:
        return this.runSimLine(routed, captureTo);
    }
  }

  /** Prints an error; the exit status to go with it. */
  private fail(message: string, status = 1): number {
    this.writeOutput("", message);
    return status;
  }

  /** `NAME=VALUE …` or `export NAME=VALUE …`: sets the console's shell variables. */
  private async assign(line: string): Promise<number> {
    const expanded = await expandLine(line, this.vars, (command) => this.capture(command), { split: false });
    if ("error" in expanded) return this.fail(expanded.error, 2);
    const split = splitShellWords(expanded.line);
    if ("error" in split) return this.fail(split.error, 2);
    let status = 0;
    const exporting = split.words[0] === "export";
    const words = exporting ? split.words.slice(1) : split.words;
    for (const word of words) {
      const at = word.indexOf("=");
      const name = at < 0 ? word : word.slice(0, at);
      if (!exporting && at < 0) {
        // `A=1 kubectl …`: a variable for one command's environment, which kubectl does not read.
        return this.fail(`NAME=VALUE before a command is not supported: set ${name} on a line of its own`);
      }
      if (!VARIABLE.test(name)) {
        status = this.fail(`export: \`${word}': not a valid identifier`);
        continue;
      }
      // `export NAME` alone marks it for child processes, which the console does not start.
      if (at >= 0) this.vars.set(name, word.slice(at + 1));
    }
    return status;
  }

  private unset(line: string): number {
    const split = splitShellWords(line);
    if ("error" in split) return this.fail(split.error, 2);
    for (const name of split.words.slice(1)) this.vars.delete(name);
    return 0;
  }

  /** `echo [-n] WORDS…`: the words, a space between, a newline after. */
  private echo(line: string): SimResult {
    const split = splitShellWords(line);
    if ("error" in split) return { stdout: "", stderr: split.error };
    const words = split.words.slice(1);
    const newline = words[0] !== "-n";
    return { stdout: `${(newline ? words : words.slice(1)).join(" ")}${newline ? "\n" : ""}`, stderr: "" };
  }

  /**
   * A command substitution's command (`$(kubectl get pods -o name | head -1)`): run as a typed
   * command is, in a subshell (an assignment there changes nothing), its standard output
   * collected instead of shown, its errors shown.
   */
  private async capture(command: string): Promise<string> {
    if (routeLine(command, kubectlVerbWords()).kind === "assign") return "";
    let captured = "";
    await this.runCommand(command.trim(), { write: (text) => (captured += text), close: () => undefined });
    return captured;
  }

  /**
   * Runs a kubectl, kubeplay or echo line: its standard output through the filters after `|`,
   * and into an editor tab after `> FILE` (else into `captureTo`, when given).
   */
  private async runSimLine(
    routed: SimLine | { kind: "echo"; line: string },
    captureTo?: OutputFile,
  ): Promise<number> {
    const pipeline = splitPipeline(routed.line);
    if (pipeline && "error" in pipeline) return this.fail(pipeline.error, 2);
    const to: OutputTarget = { sink: captureTo };
    if (pipeline?.redirection) {
      const { file, append } = pipeline.redirection;
      const opened = this.deps.openOutput(file, append, (message) => this.writeOutput("", message));
      if (typeof opened === "string") return this.fail(opened);
      to.sink = opened;
    }
    if (pipeline && pipeline.filters.length > 0) to.filter = new OutputFilter(pipeline.filters);
    const line = pipeline ? pipeline.command : routed.line;
    try {
      const result =
        routed.kind === "echo" ? this.echo(line) : await this.deps.run({ kind: routed.kind, line });
      if (result.interactive && result.streamId !== undefined) {
        if (to.sink || to.filter) {
          // A session's prompts and echo would go into the file or the filter, out of the learner's sight.
          this.writeOutput("", this.deps.text("redirectSession"));
          this.deps.interrupt(result.streamId);
          return this.follow(result.streamId, false);
        }
        // A session's first output ends with its prompt, where typing goes on.
        return this.follow(result.streamId, true, result);
      }
      this.emit(result, to);
      let status = result.code ?? 0;
      if (result.streamId !== undefined) status = await this.follow(result.streamId, false, undefined, to);
      else {
        if (result.editor) await this.edit(line, result.editor, to);
        this.endOutput(to);
      }
      // A pipeline's status is its last command's.
      return to.filter ? to.filter.status : status;
    } catch (error) {
      return this.fail((error as Error).message);
    } finally {
      to.sink?.close();
    }
  }

  /** A command's output: on the terminal, or its standard output through `to`'s filter and into its file. */
  private emit(output: OutputChunk, to: OutputTarget = {}): void {
    if (!to.sink && !to.filter) return this.writeOutput(output.stdout, output.stderr, output.chunks);
    const pieces = writtenPieces(output.stdout, output.stderr, output.chunks);
    let stdout = "";
    let stderr = "";
    for (const piece of pieces) {
      if (piece.stream === "stderr") stderr += piece.text;
      else if (!to.filter) stdout += piece.text;
      else {
        const filtered = to.filter.take(piece.text);
        stdout += filtered.stdout;
        stderr += filtered.stderr;
      }
    }
    this.deliver(stdout, stderr, to.sink);
  }

  /** The command has ended: what its filters held back until now. */
  private endOutput(to: OutputTarget): void {
    if (!to.filter) return;
    const rest = to.filter.end();
    this.deliver(rest.stdout, rest.stderr, to.sink);
  }

  private deliver(stdout: string, stderr: string, sink?: OutputFile): void {
    if (!sink) return this.writeOutput(stdout, stderr);
    sink.write(stdout);
    this.writeOutput("", stderr);
  }

  /**
   * Prints a running command's output as it comes, until it exits, is interrupted or is lost;
   * its exit status (130 after Ctrl+C, as a shell reports a command SIGINT ended).
   */
  private follow(
    streamId: number,
    interactive: boolean,
    first?: OutputChunk,
    to: OutputTarget = {},
  ): Promise<number> {
    return new Promise((resolve) => {
      let unsubscribe = () => {};
      const end = (status = 130) => {
        unsubscribe();
        this.following = undefined;
        this.state = edit.EMPTY_LINE;
        this.deps.waiting?.(false);
        resolve(status);
      };
      const following: Following = {
        streamId,
        end,
        interactive,
        prompt: "",
        prompted: false,
        awaiting: false,
        queued: [],
      };
      this.following = following;
      this.deps.waiting?.(true);
      if (first) this.writeSessionOutput(following, first.stdout, first.stderr);
      unsubscribe = this.deps.follow(
        streamId,
        (chunk) => {
          if (interactive) this.writeSessionOutput(following, chunk.stdout, chunk.stderr, chunk.chunks);
          else this.emit(chunk, to);
          if (chunk.code !== undefined) {
            // Ended by itself, not by Ctrl+C (which stops the filters too, printing nothing).
            if (!interactive) this.endOutput(to);
            if (interactive && following.prompt) this.term.write("\r\n");
            end(chunk.code);
          }
        },
        () => {
          this.writeOutput("", this.deps.text("streamLost"));
          end(1);
        },
      );
    });
  }

  /** Waits for `kubectl edit`'s editor rounds, printing what each round says. */
  private async edit(line: string, open: EditorOpen, to?: OutputTarget): Promise<void> {
    const run = this.deps.edit(
      line,
      open,
      (stdout, stderr) => this.emit({ stdout, stderr }, to),
      (text) => this.term.write(`${DIM}${crlf(text)}${RESET}\r\n`),
    );
    this.editing = run;
    try {
      await run.done;
    } finally {
      this.editing = undefined;
    }
  }

  /**
   * What an interactive command printed, as a terminal shows it: its last unfinished line (the
   * shell's prompt) stays, and the line being typed is drawn after it. A prompt means the shell
   * is ready: the next line typed ahead meanwhile goes now, echoed after it.
   */
  private writeSessionOutput(
    session: Session,
    stdout: string,
    stderr: string,
    chunks?: readonly WrittenText[],
  ): void {
    // A line typed ahead is drawn on a line of its own while a command runs: output goes above it.
    if (session.awaiting && this.state.buffer) this.term.write("\r\x1b[2K");
    const pieces = writtenPieces(stdout, stderr, chunks);
    for (const piece of pieces) {
      if (piece.stream === "stderr") {
        if (piece.text) this.term.write(`${RED}${crlf(piece.text)}${RESET}`);
      } else this.writeSessionStdout(session, piece.text);
    }
    if (this.state.buffer) this.redraw();
  }

  /** A session's stdout: the text after its last newline is the shell's prompt, where typing goes on. */
  private writeSessionStdout(session: Session, stdout: string): void {
    if (stdout) {
      this.term.write(crlf(stdout));
      const lastBreak = stdout.lastIndexOf("\n");
      session.prompt = lastBreak < 0 ? session.prompt + stdout : stdout.slice(lastBreak + 1);
      if (!stdout.endsWith("\n")) {
        session.prompted = true;
        session.awaiting = false;
        this.deps.waiting?.(false);
        const next = session.queued.shift();
        if (next !== undefined) {
          this.term.write(`${next}\r\n`);
          this.sendLine(session, next);
        }
      }
    }
  }

  /** Sends a whole line; a shell that shows prompts is busy until the next one. */
  private sendLine(session: Session, line: string): void {
    session.prompt = "";
    session.awaiting = session.prompted;
    if (session.awaiting) this.deps.waiting?.(true);
    this.deps.input(session.streamId, `${line}\n`);
  }

  /** A key typed into an interactive command: lines are edited here and sent whole, as a terminal's line discipline does. */
  private sessionKey(data: string, session: Session): void {
    const enter = (line: string) => {
      this.state = edit.EMPTY_LINE;
      if (session.awaiting) {
        // Typed ahead: it goes, echoed after the prompt, once the shell is ready.
        this.term.write("\r\x1b[2K");
        session.queued.push(line);
        return;
      }
      this.term.write("\r\n");
      this.sendLine(session, line);
    };
    if (data === "\r") return enter(this.state.buffer);
    // Without a terminal (`exec -i`, no prompts) ^C stops kubectl itself, as SIGINT would.
    if (data === "\x03" && !session.prompted) return this.interruptFollowing();
    if (data === "\x03") {
      // ^C reaches the shell: it drops the line (and stops the command that runs), then prompts again.
      this.term.write("^C\r\n");
      this.state = edit.EMPTY_LINE;
      session.queued = [];
      if (session.awaiting) this.deps.input(session.streamId, INTERRUPT);
      else this.term.write(session.prompt);
      return;
    }
    if (data === "\x04") {
      // ^D on an empty line is the end of input: the shell exits.
      if (this.state.buffer === "") enter("exit");
      return;
    }
    if (data === "\t" || data === "\x0c") return;
    const key = KEYS[data];
    if (key) return key(this);
    if (data.startsWith("\x1b")) return;
    // A paste of several lines sends each whole line, as typing them would.
    const lines = data.split(/\r\n|\r|\n/);
    lines.forEach((part, i) => {
      this.apply(edit.insert(this.state, part));
      if (i < lines.length - 1) enter(this.state.buffer);
    });
  }

  private interruptFollowing(): void {
    const following = this.following;
    if (!following) return;
    this.term.write("^C\r\n");
    this.lineOpen = false;
    this.deps.interrupt(following.streamId);
    following.end();
  }

  /** Ctrl+Shift+C copies the selection, Ctrl+Shift+V pastes (as terminals on Linux do). */
  private clipboardKey(e: KeyboardEvent): boolean {
    if (e.type !== "keydown" || !e.ctrlKey || !e.shiftKey) return true;
    if (e.code === "KeyC" && this.term.hasSelection()) {
      void navigator.clipboard?.writeText(this.term.getSelection());
      e.preventDefault();
      return false;
    }
    if (e.code === "KeyV" && navigator.clipboard?.readText) {
      void navigator.clipboard.readText().then(
        (text) => this.term.paste(text),
        () => undefined,
      );
      e.preventDefault();
      return false;
    }
    return true;
  }

  private pasteFromMenu(e: MouseEvent): void {
    if (!navigator.clipboard?.readText) return;
    e.preventDefault();
    void navigator.clipboard.readText().then(
      (text) => this.term.paste(text),
      () => undefined,
    );
  }
}

type KeyAction = (t: ConsoleTerminal) => void;

/** Control keys and escape sequences as xterm delivers them. */
const KEYS: Record<string, KeyAction> = {
  "\r": (t) => void t.submit(),
  "\x7f": (t) => t.apply(edit.deleteBack(t.line)),
  "\b": (t) => t.apply(edit.deleteBack(t.line)),
  "\x1b[3~": (t) => t.apply(edit.deleteForward(t.line)),
  "\x1b[A": (t) => t.recall(-1),
  "\x1b[B": (t) => t.recall(1),
  "\x1b[C": (t) => t.apply(edit.move(t.line, 1)),
  "\x1b[D": (t) => t.apply(edit.move(t.line, -1)),
  "\x1b[H": (t) => t.apply(edit.moveTo(t.line, "start")),
  "\x1bOH": (t) => t.apply(edit.moveTo(t.line, "start")),
  "\x01": (t) => t.apply(edit.moveTo(t.line, "start")),
  "\x1b[F": (t) => t.apply(edit.moveTo(t.line, "end")),
  "\x1bOF": (t) => t.apply(edit.moveTo(t.line, "end")),
  "\x05": (t) => t.apply(edit.moveTo(t.line, "end")),
  "\x15": (t) => t.apply(edit.killToStart(t.line)),
  "\x0b": (t) => t.apply(edit.killToEnd(t.line)),
  "\x17": (t) => t.apply(edit.deleteWordBack(t.line)),
  "\x03": (t) => t.cancel(),
  "\x0c": (t) => t.clearScreen(),
  "\t": (t) => t.complete(),
};
