/**
 * The simulated clock: a discrete-event scheduler. Nothing in the engine reads real time;
 * work is scheduled at simulated instants and runs, in order, when `advance` reaches them.
 * Idle stretches cost nothing because the clock jumps straight to the next due task.
 */
/** A handle that lets the scheduler of a task cancel it. */
export interface TaskHandle {
  cancel(): void;
  at: number;
}

/** A scheduled task; it is its own handle (one object per timer: the kubelet sets many). */
class ScheduledTask implements TaskHandle {
  cancelled = false;

  constructor(
    readonly at: number,
    readonly seq: number,
    readonly label: string,
    readonly run: () => void,
  ) {}

  cancel(): void {
    this.cancelled = true;
  }
}

export class SimClock {
  private nowMs: number;
  private seq = 0;
  private heap: ScheduledTask[] = [];

  constructor(startMs: number) {
    this.nowMs = startMs;
  }

  /** Simulated time, epoch milliseconds. */
  now(): number {
    return this.nowMs;
  }

  /** Runs `run` at simulated time `at` (never earlier than now); ties run in scheduling order. */
  schedule(at: number, label: string, run: () => void): TaskHandle {
    const task = new ScheduledTask(Math.max(at, this.nowMs), this.seq++, label, run);
    this.push(task);
    return task;
  }

  /** Runs `run` after `delayMs` of simulated time. */
  after(delayMs: number, label: string, run: () => void): TaskHandle {
    return this.schedule(this.nowMs + delayMs, label, run);
  }

  /** The instant of the next pending task, or undefined when nothing is scheduled. */
  nextDue(): number | undefined {
    this.dropCancelled();
    return this.heap[0]?.at;
  }

  /**
   * Runs every task due up to `nowMs + ms`, in time order (tasks scheduled while running are
   * honoured if they fall inside the window), then sets the clock to the end of the window.
   */
  advanceBy(ms: number, maxTasks = Number.POSITIVE_INFINITY): number {
    const target = this.nowMs + Math.max(0, ms);
    let ran = 0;
    while (ran < maxTasks) {
      const next = this.nextDue();
      if (next === undefined || next > target) break;
      this.runNextTask();
      ran++;
    }
    if (ran < maxTasks) this.nowMs = target;
    return ran;
  }

  /** Jumps to the next due instant and runs every task due then. Returns false when idle. */
  step(): boolean {
    const next = this.nextDue();
    if (next === undefined) return false;
    while (this.nextDue() === next) this.runNextTask();
    return true;
  }

  /** Runs tasks already due at the current instant (zero-delay work), up to a safety bound. */
  runDueNow(maxTasks = 1_000_000): number {
    let ran = 0;
    while (ran < maxTasks) {
      const next = this.nextDue();
      if (next === undefined || next > this.nowMs) break;
      this.runNextTask();
      ran++;
    }
    return ran;
  }

  /** Number of tasks waiting (including cancelled ones not yet dropped). */
  pending(): number {
    return this.heap.length;
  }

  private runNextTask(): void {
    const task = this.pop();
    if (!task || task.cancelled) return;
    this.nowMs = Math.max(this.nowMs, task.at);
    task.run();
  }

  private dropCancelled(): void {
    while (this.heap.length > 0 && this.heap[0].cancelled) this.pop();
  }

  private before(a: ScheduledTask, b: ScheduledTask): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private push(task: ScheduledTask): void {
    const heap = this.heap;
    heap.push(task);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(heap[i], heap[parent])) break;
      swap(heap, i, parent);
      i = parent;
    }
  }

  private pop(): ScheduledTask | undefined {
    const heap = this.heap;
    if (heap.length === 0) return undefined;
    const top = heap[0];
    const last = heap.pop() as ScheduledTask;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && this.before(heap[l], heap[m])) m = l;
        if (r < heap.length && this.before(heap[r], heap[m])) m = r;
        if (m === i) break;
        swap(heap, i, m);
        i = m;
      }
    }
    return top;
  }
}

/** Swaps two heap slots (a destructuring swap would allocate an array on every step). */
function swap(heap: ScheduledTask[], i: number, j: number): void {
  const t = heap[i];
  heap[i] = heap[j];
  heap[j] = t;
}

/** RFC 3339 at second precision, as Kubernetes writes metav1.Time: `2026-01-05T10:00:00Z`. */
export function formatTimestamp(ms: number): string {
  const second = Math.floor(ms / 1000);
  let text = formattedSeconds.get(second);
  if (text === undefined) {
    if (formattedSeconds.size >= FORMATTED_SECONDS_KEPT) formattedSeconds.clear();
    text = new Date(second * 1000).toISOString().replace(".000Z", "Z");
    formattedSeconds.set(second, text);
  }
  return text;
}

/**
 * Every write stamps a few instants (now, a pod's start, a container's start): remember the
 * recent seconds' texts rather than format a Date each time.
 */
const formattedSeconds = new Map<number, string>();
const FORMATTED_SECONDS_KEPT = 4096;

/** RFC 3339 with microseconds, as metav1.MicroTime (Event.eventTime, Lease.renewTime). */
export function formatMicroTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, ".$1000Z");
}

/** Parses a metav1.Time string; undefined for missing or malformed input. */
export function parseTimestamp(value: string | undefined | null): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}
