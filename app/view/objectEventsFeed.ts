import type { KubeObject } from "../../src";
import { ExternalStore } from "../sim/externalStore";
import type { ObjectEventsRequest } from "../sim/protocol";

/** What the inspector asks: an object's Events, live or at an earlier moment. */
export type EventsQuery = Omit<ObjectEventsRequest, "type">;

/** The Events shown, and whose: undefined `uid` while the first answer about an object is pending. */
export interface ShownEvents {
  uid?: string;
  events: readonly KubeObject[];
}

/** Live, the shown object's Events are asked again at most this often (a rollout changes them every frame). */
export const LIVE_REFRESH_MS = 250;

const PENDING: ShownEvents = { events: [] };

interface Sent {
  key: string;
  uid: string;
  live: boolean;
  at: number;
}

/**
 * The inspector's Events, which stay in the worker (see wireEvents.ts `mirrored`): it asks for
 * the ones it shows. One request at a time, always for the latest wanted: a scrub across many
 * moments sends as many requests as the worker answers, not one per moment. Never shows one
 * object's Events under another: a new object starts pending.
 */
export class ObjectEventsFeed extends ExternalStore<ShownEvents> {
  private wanted?: { query: EventsQuery; key: string };
  private sent?: Sent;
  private inFlight = false;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly ask: (query: EventsQuery) => Promise<readonly KubeObject[]>,
    private readonly now: () => number = () => performance.now(),
  ) {
    super(PENDING);
  }

  /**
   * Shows `query`'s Events (none when undefined). `key` names what the answer depends on: a
   * new key (another object, moment or, live, a newer cluster) asks again; the same key does not.
   */
  want(query: EventsQuery | undefined, key: string): void {
    const uid = query?.object.uid;
    if (this.get().uid !== uid) this.set(PENDING);
    this.wanted = query && { query, key };
    this.pump();
  }

  /** Stops asking (the inspector closed). */
  dispose(): void {
    this.wanted = undefined;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private pump(): void {
    const wanted = this.wanted;
    if (!wanted || this.inFlight || this.timer !== undefined || wanted.key === this.sent?.key) return;
    // Refreshing the live object shown waits out LIVE_REFRESH_MS; another object or moment goes at once.
    const sent = this.sent;
    const refresh = !wanted.query.at && sent?.live && sent.uid === wanted.query.object.uid;
    const wait = refresh ? sent.at + LIVE_REFRESH_MS - this.now() : 0;
    if (wait > 0) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.pump();
      }, wait);
      return;
    }
    this.send(wanted.query, wanted.key);
  }

  private send(query: EventsQuery, key: string): void {
    const uid = query.object.uid;
    this.inFlight = true;
    this.sent = { key, uid, live: !query.at, at: this.now() };
    this.ask(query)
      .then(
        (events) => {
          if (this.wanted?.query.object.uid === uid) this.set({ uid, events });
        },
        // A lost worker or a timeout: keep what is shown; a new key asks again.
        () => undefined,
      )
      .finally(() => {
        this.inFlight = false;
        this.pump();
      });
  }
}
