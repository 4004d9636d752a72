/**
 * Commands that keep running after their first output, as real kubectl's do until they are
 * done or interrupted: `get -w`, `rollout status`, `logs -f`. The engine cannot block, so such
 * a command returns its first output with a KubectlStream that the host reads as simulated
 * time passes (the console after each frame, a test after each advance) and stops on Ctrl-C.
 */

/** A piece of output, on the stream it was written to. */
export interface WrittenText {
  stream: "stdout" | "stderr";
  text: string;
}

/** A running command: what it wrote since the last read, and its exit code once it has ended. */
export interface KubectlStream {
  /**
   * What it wrote since the last read; `ran`: the kubectl command lines it ran on the cluster
   * meanwhile (`run --rm` deleting its pod), which a log records as inputs of their own, since a
   * replay stops a running command at once.
   */
  read(): {
    stdout: string;
    stderr: string;
    code?: number;
    ran?: RanCommand[];
    /** Both streams in the order written, when stderr came before stdout since the last read. */
    chunks?: WrittenText[];
  };
  /** Interrupts the command (Ctrl-C): it writes nothing more and releases what it watches. */
  stop(): void;
  /** True when the command reads what is typed (`exec -it … sh`): send it with `write`. */
  readonly interactive: boolean;
  /**
   * The command line that, given what was typed on its stdin, does what the session did with it
   * (`exec -i POD -c CONTAINER -- sh` for `exec -it deploy/web -- sh`): how a log replays input.
   */
  readonly inputCommand?: string;
  /**
   * What to log as stdin for `text` about to be typed: the text, after whatever brings a fresh
   * run of `inputCommand` to the state the session is in (a shell's directory and variables).
   */
  loggedStdin(text: string): string;
  /** Sends typed input (whole lines, each ending in "\n"); false when the command no longer reads it. */
  write(text: string): boolean;
}

/** A kubectl command a running command ran on the cluster (KubectlStream.read's `ran`). */
export interface RanCommand {
  line: string;
  stdin?: string;
}

/** What a following command writes to, and how it ends itself. */
export interface StreamIO {
  out: (text: string) => void;
  err: (text: string) => void;
  exit: (code: number) => void;
  /** Runs `kubectl LINE` (with `stdin`) on the cluster as part of the command (see KubectlStream.read's `ran`); its result. */
  run: (line: string, stdin?: string) => { stdout: string; stderr: string };
}

/** What the host calls on a following command. */
export interface StreamHandlers {
  /** Runs at each read, before the output is taken: time-based checks (timeouts, new log lines). */
  poll?: () => void;
  /** Releases subscriptions; called once when the command ends or is interrupted. */
  release?: () => void;
  /** Takes typed input; only commands that read stdin have it (they are interactive). */
  input?: (text: string) => void;
  /** See KubectlStream.inputCommand. */
  inputCommand?: string;
  /** See KubectlStream.loggedStdin (the text itself when absent). */
  loggedStdin?: (text: string) => string;
}

/** Builds the stream of a command whose `start` subscribes to what it follows. */
export function openStream(
  start: (io: StreamIO) => StreamHandlers,
  kubectl: (line: string, stdin?: string) => { stdout: string; stderr: string },
): KubectlStream {
  const written: WrittenText[] = [];
  const ran: RanCommand[] = [];
  let code: number | undefined;
  let handlers: StreamHandlers = {};
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    handlers.release?.();
  };
  const io: StreamIO = {
    out: (text) => {
      if (code === undefined && !released && text) written.push({ stream: "stdout", text });
    },
    err: (text) => {
      if (code === undefined && !released && text) written.push({ stream: "stderr", text });
    },
    exit: (exitCode) => {
      if (code !== undefined || released) return;
      code = exitCode;
      release();
    },
    run: (line, stdin) => {
      ran.push(stdin === undefined ? { line } : { line, stdin });
      return kubectl(line, stdin);
    },
  };
  handlers = start(io);
  // A command may end while subscribing (the condition already held).
  if (code !== undefined) handlers.release?.();
  return {
    read() {
      if (code === undefined && !released) handlers.poll?.();
      const pieces = written.splice(0);
      const joined = (stream: WrittenText["stream"]) =>
        pieces
          .filter((p) => p.stream === stream)
          .map((p) => p.text)
          .join("");
      const result: ReturnType<KubectlStream["read"]> = {
        stdout: joined("stdout"),
        stderr: joined("stderr"),
        code,
      };
      if (ran.length > 0) result.ran = ran.splice(0);
      // Only when a terminal would show it differently from stdout then stderr (as KubectlResult.chunks).
      const firstErr = pieces.findIndex((p) => p.stream === "stderr");
      if (firstErr >= 0 && pieces.slice(firstErr).some((p) => p.stream === "stdout")) result.chunks = pieces;
      return result;
    },
    stop: release,
    interactive: handlers.input !== undefined,
    inputCommand: handlers.inputCommand,
    loggedStdin: (text) => handlers.loggedStdin?.(text) ?? text,
    write(text) {
      if (code !== undefined || released || !handlers.input) return false;
      handlers.input(text);
      return true;
    },
  };
}
