/**
 * `COMMAND | grep … | wc -l` in the console: what the command prints to standard output goes
 * through busybox's text filters (`runTextFilters`). A command that keeps running
 * (`kubectl get pods -w | grep web`) is filtered line by line when every filter is a plain
 * grep, as a pipe delivers it; with any other filter (`tail`, `wc`, `grep -c`), the filters see
 * everything at once when the command ends, and nothing after Ctrl+C (which stops the whole
 * pipeline, as in a shell).
 */
import { runTextFilters } from "../../src/images/shellText";

/** Whether a filter handles each line on its own: grep, without counting, quiet or numbered output. */
function lineWise(argv: readonly string[]): boolean {
  return argv[0] === "grep" && !argv.slice(1).some((a) => /^-[a-zA-Z]*[cqnlL]/.test(a));
}

type Filtered = { stdout: string; stderr: string };

const NOTHING: Filtered = { stdout: "", stderr: "" };

export class OutputFilter {
  private held = "";
  private readonly streams: boolean;
  /** What the filters say before reading anything (a bad pattern, a file operand), said once. */
  private failure?: string;
  private startStatus = 0;
  /** Whether a line-by-line grep has let any line through (its exit status, in the end). */
  private matched = false;
  /** The last filter's exit status once the command has ended: the pipeline's. */
  status = 0;

  constructor(private readonly filters: readonly string[][]) {
    this.streams = filters.every(lineWise);
    const { stderr, status } = runTextFilters(filters, "");
    if (stderr) this.failure = stderr;
    this.startStatus = status;
  }

  /** Filters what the command printed now, as far as it can be yet. */
  take(stdout: string): Filtered {
    if (this.failure !== undefined) return this.fail();
    this.held += stdout;
    if (!this.streams) return NOTHING;
    const end = this.held.lastIndexOf("\n") + 1;
    const ready = this.held.slice(0, end);
    this.held = this.held.slice(end);
    if (!ready) return NOTHING;
    const { stdout: passed, stderr } = runTextFilters(this.filters, ready);
    if (passed) this.matched = true;
    return { stdout: passed, stderr };
  }

  /** The command has ended: the rest, through the filters. */
  end(): Filtered {
    if (this.failure !== undefined) return this.fail();
    const rest = this.held;
    this.held = "";
    if (this.streams && rest === "") {
      this.status = this.matched ? 0 : 1;
      return NOTHING;
    }
    const { stdout, stderr, status } = runTextFilters(this.filters, rest);
    this.status = this.streams ? (this.matched || stdout ? 0 : 1) : status;
    return { stdout, stderr };
  }

  /** Filters that could not start print nothing but their errors, once. */
  private fail(): Filtered {
    this.status = this.startStatus;
    const stderr = this.failure ?? "";
    this.failure = "";
    return { stdout: "", stderr };
  }
}
