/**
 * Container logs as the kubelet keeps them (/var/log/pods/<ns>_<pod>_<uid>/<container>/N.log):
 * one file per container instance, lines stamped when written. Only the current and the
 * previous instance are kept, which is what `kubectl logs` and `kubectl logs --previous` read.
 * Logs live on the node, not in the API store: they go when the pod goes.
 */

/** One log line: when it was written (epoch ms), its stream and its text (without the newline). */
export interface LogLine {
  time: number;
  stream: "stdout" | "stderr";
  text: string;
  /** Written without a newline yet: printed without one. */
  partial?: boolean;
}

/** Template lines printed at one instant, filled in when first read (LogBlockStep). */
interface PendingBlock {
  time: number;
  lines: readonly { stream: "stdout" | "stderr"; text: string }[];
  fill: (text: string) => string;
}

/** Lines kept per container instance (the kubelet rotates at 10 MiB; lessons never get near). */
const MAX_LINES = 10_000;

interface InstanceLog {
  containerID: string;
  /**
   * The lines as parallel columns (times unboxed in a packed array, stderr lines by index):
   * every pod's containers keep theirs, so no object per line until someone reads them.
   */
  times: number[];
  texts: string[];
  stderr: Set<number> | undefined;
  /** Lines dropped from the front (MAX_LINES), so that stderr indexes stay valid. */
  dropped: number;
  /** Text written without a trailing newline yet, per stream. */
  partial: { stdout: string; stderr: string };
  partialTime: number;
  /** Blocks written but not yet filled in, oldest first: they come before any later line. */
  pending: PendingBlock[] | undefined;
}

interface ContainerLogs {
  current?: InstanceLog;
  previous?: InstanceLog;
}

/** The log files of every container on the cluster's nodes, by pod uid and container name. */
export class LogStore {
  private pods = new Map<string, Map<string, ContainerLogs>>();

  /** Starts a new container instance: the current log becomes the previous one. */
  open(podUid: string, container: string, containerID: string): void {
    let byName = this.pods.get(podUid);
    if (!byName) {
      byName = new Map();
      this.pods.set(podUid, byName);
    }
    const logs = byName.get(container) ?? {};
    byName.set(container, {
      previous: logs.current,
      current: {
        containerID,
        times: [],
        texts: [],
        stderr: undefined,
        dropped: 0,
        partial: { stdout: "", stderr: "" },
        partialTime: 0,
        pending: undefined,
      },
    });
  }

  /**
   * Appends lines printed from templates at `time` (a server's startup log), filled in only
   * when the log is read or written again.
   */
  writeBlock(podUid: string, container: string, block: Omit<PendingBlock, "time">, time: number): void {
    const log = this.pods.get(podUid)?.get(container)?.current;
    if (!log) return;
    log.pending ??= [];
    log.pending.push({ time, lines: block.lines, fill: block.fill });
  }

  /** Appends output of the current instance; complete lines are stamped with `time`. */
  write(podUid: string, container: string, stream: "stdout" | "stderr", text: string, time: number): void {
    const log = this.pods.get(podUid)?.get(container)?.current;
    if (!log) return;
    fillPending(log);
    // Most writes are one whole line: no pending partial text and a single trailing newline.
    if (log.partial[stream] === "" && text.length > 0 && text.indexOf("\n") === text.length - 1) {
      append(log, time, stream, text.slice(0, -1));
      return;
    }
    const pieces = (log.partial[stream] + text).split("\n");
    log.partial[stream] = pieces.pop() ?? "";
    if (log.partial[stream] && pieces.length === 0 && text) log.partialTime = log.partialTime || time;
    else if (log.partial[stream]) log.partialTime = time;
    for (const piece of pieces) append(log, time, stream, piece);
  }

  /** Flushes a final line written without a newline (the process exited). */
  close(podUid: string, container: string, time: number): void {
    const log = this.pods.get(podUid)?.get(container)?.current;
    // Partial text only follows a write, which has filled in the blocks before it.
    if (!log) return;
    for (const stream of ["stdout", "stderr"] as const) {
      if (log.partial[stream]) append(log, time, stream, log.partial[stream]);
      log.partial[stream] = "";
    }
  }

  /** The lines of the instance with `containerID` (current or previous), or undefined. */
  read(podUid: string, container: string, containerID: string): LogLine[] | undefined {
    const logs = this.pods.get(podUid)?.get(container);
    const log = [logs?.current, logs?.previous].find((l) => l?.containerID === containerID);
    if (!log) return undefined;
    fillPending(log);
    const pending = (["stdout", "stderr"] as const)
      .filter((s) => log.partial[s])
      .map((stream) => ({ time: log.partialTime, stream, text: log.partial[stream], partial: true }));
    const lines: LogLine[] = log.texts.map((text, i) => ({
      time: log.times[i],
      stream: log.stderr?.has(log.dropped + i) ? "stderr" : "stdout",
      text,
    }));
    return [...lines, ...pending];
  }

  /** Removes a pod's logs (the pod was deleted). */
  drop(podUid: string): void {
    this.pods.delete(podUid);
  }
}

/** Fills in the blocks waiting to be, in order, as the lines they were printed as. */
function fillPending(log: InstanceLog): void {
  const blocks = log.pending;
  if (!blocks) return;
  log.pending = undefined;
  for (const block of blocks)
    for (const line of block.lines) append(log, block.time, line.stream, block.fill(line.text));
}

function append(log: InstanceLog, time: number, stream: "stdout" | "stderr", text: string): void {
  if (stream === "stderr") {
    log.stderr ??= new Set();
    log.stderr.add(log.dropped + log.texts.length);
  }
  log.times.push(time);
  log.texts.push(text);
  if (log.texts.length > MAX_LINES) {
    const extra = log.texts.length - MAX_LINES;
    log.times.splice(0, extra);
    log.texts.splice(0, extra);
    for (let i = log.dropped; i < log.dropped + extra; i++) log.stderr?.delete(i);
    log.dropped += extra;
  }
}
