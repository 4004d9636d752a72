/**
 * The kubelet's per-key exponential back-off (client-go util/flowcontrol Backoff), used for
 * CrashLoopBackOff and ImagePullBackOff: 10 s doubling to 300 s, forgotten once a key has
 * seen no failure for twice the maximum (10 minutes).
 */
export const BACKOFF_INITIAL_MS = 10_000;
export const BACKOFF_MAX_MS = 300_000;

interface Entry {
  backoffMs: number;
  lastUpdate: number;
}

/** A keyed back-off over simulated time; all instants are epoch milliseconds. */
export class Backoff {
  private entries = new Map<string, Entry>();

  constructor(
    private readonly initialMs = BACKOFF_INITIAL_MS,
    private readonly maxMs = BACKOFF_MAX_MS,
  ) {}

  /** The current delay of a key (0 when it has none). */
  get(key: string): number {
    return this.entries.get(key)?.backoffMs ?? 0;
  }

  /** Records a failure at `eventTime`: the delay starts at the initial value or doubles. */
  next(key: string, eventTime: number): void {
    const entry = this.entries.get(key);
    if (!entry || this.expired(eventTime, entry)) {
      this.entries.set(key, { backoffMs: this.initialMs, lastUpdate: eventTime });
      return;
    }
    entry.backoffMs = Math.min(entry.backoffMs * 2, this.maxMs);
    entry.lastUpdate = eventTime;
  }

  /** Whether `now` is still within the key's delay counted from `eventTime` (IsInBackOffSince). */
  isInBackOffSince(key: string, eventTime: number, now: number): boolean {
    const entry = this.entries.get(key);
    if (!entry || this.expired(eventTime, entry)) return false;
    return now - eventTime < entry.backoffMs;
  }

  /** Whether `now` is within the delay counted from the last failure (IsInBackOffSinceUpdate). */
  isInBackOffSinceUpdate(key: string, now: number): boolean {
    const entry = this.entries.get(key);
    if (!entry || this.expired(now, entry)) return false;
    return now - entry.lastUpdate < entry.backoffMs;
  }

  /** When the key's current delay, counted from `eventTime`, runs out. */
  until(key: string, eventTime: number): number {
    return eventTime + this.get(key);
  }

  /** When the delay counted from the key's last failure runs out. */
  untilSinceUpdate(key: string): number {
    const entry = this.entries.get(key);
    return entry ? entry.lastUpdate + entry.backoffMs : 0;
  }

  /** Forgets one key (its container's definition changed: a new hash, a new back-off). */
  forget(key: string): void {
    this.entries.delete(key);
  }

  /** Forgets every key with the given prefix (a deleted pod's containers). */
  forgetPrefix(prefix: string): void {
    for (const key of [...this.entries.keys()]) if (key.startsWith(prefix)) this.entries.delete(key);
  }

  private expired(eventTime: number, entry: Entry): boolean {
    return eventTime - entry.lastUpdate > 2 * this.maxMs;
  }
}
