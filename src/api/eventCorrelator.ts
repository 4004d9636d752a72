import { LruCache } from "../util/lruCache";

/** client-go's maxLruCacheEntries: each of the correlator's caches remembers this many keys. */
const CACHE_ENTRIES = 4096;
/** More distinct messages than this (for one object and reason) within the interval are combined. */
const AGGREGATE_MAX_EVENTS = 10;
const AGGREGATE_INTERVAL_MS = 600_000;
/** A source may send 25 events about an object at once, then one more every 5 minutes. */
const SPAM_BURST = 25;
const SPAM_TOKENS_PER_MS = 1 / 300_000;
const COMBINED_PREFIX = "(combined from similar events): ";

/** An event a component wants to record, as the correlator needs to see it. */
export interface EventDraft {
  component: string;
  host: string;
  object: { kind: string; apiVersion: string; namespace: string; name: string; uid: string };
  type: string;
  reason: string;
  message: string;
}

/** What to write: a new Event (count 1) or a repeat of the one named (count > 1). */
export interface CorrelatedEvent {
  name: string;
  message: string;
  count: number;
  firstTimestamp: number;
  /** An aggregate of similar events: client-go writes it without reporting fields. */
  combined: boolean;
}

interface Observation {
  name: string;
  count: number;
  firstTimestamp: number;
}

interface Aggregate {
  /** The distinct messages seen, oldest first (at most ten: a short array beats a Set). */
  messages: string[];
  last: number;
}

interface TokenBucket {
  tokens: number;
  at: number;
}

/**
 * client-go's EventCorrelator (tools/record/events_cache.go), which every component's event
 * recorder runs before writing: similar events (same object and reason, ten different
 * messages within ten minutes) are combined into one, exact repeats bump a count, and a
 * source may burst 25 events about one object and then gets one more every five minutes
 * (the spam filter); the rest are dropped. That is why `describe` of a ReplicaSet that created
 * a thousand pods shows a few events, not a thousand.
 */
export class EventCorrelator {
  /**
   * `seriesOnly`: for a source on the events.k8s.io API (the scheduler), which has no
   * aggregation or spam filter: only exact repeats are counted (its EventSeries).
   */
  constructor(private readonly seriesOnly = false) {}

  private aggregates = new LruCache<string, Aggregate>(CACHE_ENTRIES);
  private observations = new LruCache<string, Observation>(CACHE_ENTRIES);
  private spam = new LruCache<string, TokenBucket>(CACHE_ENTRIES);

  /** `newName(objectName)` names a new Event. Returns undefined when the spam filter drops it. */
  correlate(
    draft: EventDraft,
    now: number,
    newName: (objectName: string) => string,
  ): CorrelatedEvent | undefined {
    const o = draft.object;
    // Go's keys also name the source, constant within one recorder's correlator, and the
    // object's kind, namespace and name, which its uid already identifies.
    const objectKey = `${o.uid}\u0000${o.kind}\u0000${draft.type}`;
    const aggregateKey = `${objectKey}\u0000${draft.reason}`;

    // EventAggregate: count the distinct messages of this object and reason.
    let aggregate = this.aggregates.get(aggregateKey);
    if (!aggregate || now - aggregate.last > AGGREGATE_INTERVAL_MS) aggregate = { messages: [], last: now };
    if (!aggregate.messages.includes(draft.message)) aggregate.messages.push(draft.message);
    aggregate.last = now;
    this.aggregates.set(aggregateKey, aggregate);
    let key = `${aggregateKey}\u0000${draft.message}`;
    let message = draft.message;
    const combined = !this.seriesOnly && aggregate.messages.length >= AGGREGATE_MAX_EVENTS;
    if (combined) {
      // Go pops an arbitrary member (map order); the oldest keeps the simulation deterministic.
      aggregate.messages.shift();
      key = aggregateKey;
      message = COMBINED_PREFIX + draft.message;
    }

    // eventObserve: a repeat of a remembered event continues its count (even if then dropped).
    const last = this.observations.get(key);
    const observed: Observation = last
      ? { name: last.name, count: last.count + 1, firstTimestamp: last.firstTimestamp }
      : { name: newName(o.name), count: 1, firstTimestamp: now };
    this.observations.set(key, observed);

    if (!this.seriesOnly && !this.accept(objectKey, now)) return undefined;
    // Built field by field: spreading `observed` costs more than the rest of this function.
    return {
      name: observed.name,
      message,
      count: observed.count,
      firstTimestamp: observed.firstTimestamp,
      combined,
    };
  }

  /** EventSourceObjectSpamFilter: a token bucket per source and object, starting full. */
  private accept(objectKey: string, now: number): boolean {
    const bucket = this.spam.get(objectKey) ?? { tokens: SPAM_BURST, at: now };
    bucket.tokens = Math.min(SPAM_BURST, bucket.tokens + (now - bucket.at) * SPAM_TOKENS_PER_MS);
    bucket.at = now;
    const accepted = bucket.tokens >= 1;
    if (accepted) bucket.tokens -= 1;
    this.spam.set(objectKey, bucket);
    return accepted;
  }
}
