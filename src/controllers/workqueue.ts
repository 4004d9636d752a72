import type { SimClock, TaskHandle } from "../util/clock";

/**
 * A work queue of object keys, as client-go's: a key queued several times before it is
 * processed is processed once; a key can be re-added after a delay (requeueAfter).
 * Processing happens on the simulated clock, at the instant the key became due.
 */
export class WorkQueue {
  private queued = new Set<string>();
  private delayed = new Map<string, TaskHandle>();
  private scheduled = false;

  constructor(
    private readonly clock: SimClock,
    private readonly name: string,
    private readonly process: (key: string) => void,
  ) {}

  /** Queues a key for processing at the current instant. */
  add(key: string): void {
    const pending = this.delayed.size > 0 ? this.delayed.get(key) : undefined;
    if (pending) {
      pending.cancel();
      this.delayed.delete(key);
    }
    this.queued.add(key);
    this.scheduleDrain();
  }

  /** Queues a key after `delayMs` of simulated time (an earlier pending add wins). */
  addAfter(key: string, delayMs: number): void {
    if (delayMs <= 0) return this.add(key);
    const at = this.clock.now() + delayMs;
    const pending = this.delayed.get(key);
    if (pending && pending.at <= at) return;
    pending?.cancel();
    this.delayed.set(
      key,
      this.clock.schedule(at, `${this.name} requeue ${key}`, () => {
        this.delayed.delete(key);
        this.add(key);
      }),
    );
  }

  /** Number of keys waiting now (not counting delayed ones). */
  length(): number {
    return this.queued.size;
  }

  private scheduleDrain(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.clock.after(0, `${this.name} sync`, () => this.drain());
  }

  private drain(): void {
    this.scheduled = false;
    // Keys added while draining are processed in a later task at the same instant,
    // so one reconcile's writes are visible before the next reconcile of that key.
    const keys = [...this.queued];
    this.queued.clear();
    for (const key of keys) this.process(key);
  }
}
