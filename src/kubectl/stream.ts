/**
 * Commands that keep running after their first output, as real kubectl's do until they are
 * done or interrupted: `get -w`, `rollout status`, `logs -f`. The engine cannot block, so such
 * a command returns its first output with a KubectlStream that the host reads as simulated
 * time passes (the console after each frame, a test after each advance) and stops on Ctrl-C.
 */

/** A running command: what it wrote since the last read, and its exit code once it has ended. */
export interface KubectlStream {
  /**
   * What it wrote since the last read; `ran`: the kubectl command lines it ran on the cluster
   * meanwhile (`run --rm` deleting its pod), which a log records as inputs of their own, since a
   * replay stops a running command at once.
   */
  read(): { stdout: string; stderr: string; code?: number; ran?: string[] };
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

/** What a following command writes to, and how it ends itself. */
export interface StreamIO {
  out: (text: string) => void;
  err: (text: string) => void;
  exit: (code: number) => void;
  /** Runs `kubectl LINE` on the cluster as part of the command (see KubectlStream.read's `ran`); its result. */
  run: (line: string) => { stdout: string; stderr: string };
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
  kubectl: (line: string) => { stdout: string; stderr: string },
): KubectlStream {
  const out: string[] = [];
  const err: string[] = [];
  const ran: string[] = [];
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
      if (code === undefined && !released) out.push(text);
    },
    err: (text) => {
      if (code === undefined && !released) err.push(text);
    },
    exit: (exitCode) => {
      if (code !== undefined || released) return;
      code = exitCode;
      release();
    },
    run: (line) => {
      ran.push(line);
      return kubectl(line);
    },
  };
  handlers = start(io);
  // A command may end while subscribing (the condition already held).
  if (code !== undefined) handlers.release?.();
  return {
    read() {
      if (code === undefined && !released) handlers.poll?.();
      const result = {
        stdout: out.join(""),
        stderr: err.join(""),
        code,
        ...(ran.length > 0 ? { ran: ran.splice(0) } : {}),
      };
      out.length = 0;
      err.length = 0;
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
