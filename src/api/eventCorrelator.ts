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
  message: string;
  name: string;
  count: number;
  firstTimestamp: number;
}

interface TokenBucket {
  tokens: number;
  at: number;
}

/** What a source remembers of one reason (and type) about one object. */
interface ReasonMemory {
  /** The distinct messages seen within the aggregation interval, oldest first (at most ten). */
  messages: string[];
  last: number;
  /**
   * Events written per message, least recent first, and the combined one. Usually one or two:
   * an array is lighter than a Map, kept for each reason of every object with events.
   */
  observations: Observation[];
  combined: Observation | undefined;
}

/** What a source remembers of one object: its spam bucket per event type, and its reasons. */
interface ObjectMemory {
  normal: TokenBucket | undefined;
  warning: TokenBucket | undefined;
  reasons: Map<string, ReasonMemory>;
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

  /**
   * client-go keeps three LRU caches of 4,096 string keys; this keeps the same facts per
   * object (4,096 objects, each up to 64 messages per reason), keyed by the object's uid and
   * the event's type, reason and message strings, which are hashed once rather than joined.
   */
  private objects = new LruCache<string, ObjectMemory>(CACHE_ENTRIES);

  /** `newName(objectName)` names a new Event. Returns undefined when the spam filter drops it. */
  correlate(
    draft: EventDraft,
    now: number,
    newName: (objectName: string) => string,
  ): CorrelatedEvent | undefined {
    const memory = this.memoryOf(
      draft.object.uid || `${draft.object.kind}/${draft.object.namespace}/${draft.object.name}`,
    );
    const reason = reasonMemory(memory, draft.type, draft.reason, now);

    // EventAggregate: count the distinct messages of this object and reason.
    if (!reason.messages.includes(draft.message)) reason.messages.push(draft.message);
    reason.last = now;
    let message = draft.message;
    const combined = !this.seriesOnly && reason.messages.length >= AGGREGATE_MAX_EVENTS;
    if (combined) {
      // Go pops an arbitrary member (map order); the oldest keeps the simulation deterministic.
      reason.messages.shift();
      message = COMBINED_PREFIX + draft.message;
    }

    // eventObserve: a repeat of a remembered event continues its count (even if then dropped).
    const last = combined ? reason.combined : recall(reason.observations, draft.message);
    const observed: Observation = last
      ? {
          message: draft.message,
          name: last.name,
          count: last.count + 1,
          firstTimestamp: last.firstTimestamp,
        }
      : { message: draft.message, name: newName(draft.object.name), count: 1, firstTimestamp: now };
    if (combined) reason.combined = observed;
    else remember(reason.observations, observed);

    if (!this.seriesOnly && !accept(memory, draft.type, now)) return undefined;
    // Built field by field: spreading `observed` costs more than the rest of this function.
    return {
      name: observed.name,
      message,
      count: observed.count,
      firstTimestamp: observed.firstTimestamp,
      combined,
    };
  }

  private memoryOf(objectKey: string): ObjectMemory {
    let memory = this.objects.get(objectKey);
    if (!memory) {
      memory = { normal: undefined, warning: undefined, reasons: new Map() };
      this.objects.set(objectKey, memory);
    }
    return memory;
  }
}

/** Messages remembered per reason of one object (client-go's bound is its 4,096-key LRU). */
const MESSAGES_PER_REASON = 64;

/** The memory of one type and reason; a fresh one once the aggregation interval has passed. */
function reasonMemory(memory: ObjectMemory, type: string, reasonName: string, now: number): ReasonMemory {
  // Event types are Normal or Warning: prefix the reason so both share one map.
  const key = type === "Normal" ? reasonName : `${type}\u0000${reasonName}`;
  let reason = memory.reasons.get(key);
  if (!reason) {
    reason = { messages: [], last: now, observations: [], combined: undefined };
    memory.reasons.set(key, reason);
  } else if (now - reason.last > AGGREGATE_INTERVAL_MS) {
    // EventAggregate starts a fresh record; the observations (eventObserve's cache) stay.
    reason.messages = [];
  }
  return reason;
}

/** The observation of `message`, taken out of the list (remember puts it back, most recent). */
function recall(observations: Observation[], message: string): Observation | undefined {
  const at = observations.findIndex((o) => o.message === message);
  return at < 0 ? undefined : observations.splice(at, 1)[0];
}

function remember(observations: Observation[], observed: Observation): void {
  observations.push(observed);
  if (observations.length > MESSAGES_PER_REASON) observations.shift();
}

/** EventSourceObjectSpamFilter: a token bucket per source, object and type, starting full. */
function accept(memory: ObjectMemory, type: string, now: number): boolean {
  const warning = type === "Warning";
  let bucket = warning ? memory.warning : memory.normal;
  if (!bucket) {
    bucket = { tokens: SPAM_BURST, at: now };
    if (warning) memory.warning = bucket;
    else memory.normal = bucket;
  }
  bucket.tokens = Math.min(SPAM_BURST, bucket.tokens + (now - bucket.at) * SPAM_TOKENS_PER_MS);
  bucket.at = now;
  if (bucket.tokens < 1) return false;
  bucket.tokens -= 1;
  return true;
}
