import { afterEach, describe, expect, it, vi } from "vitest";
import type { KubeObject } from "../../src";
import { type EventsQuery, LIVE_REFRESH_MS, ObjectEventsFeed } from "./objectEventsFeed";

const event = (reason: string): KubeObject => ({
  apiVersion: "v1",
  kind: "Event",
  metadata: { name: reason, uid: reason },
  reason,
});

/** A worker by hand: each request waits until the test answers it. */
function fakeWorker() {
  const asked: { query: EventsQuery; answer: (events: KubeObject[]) => Promise<void> }[] = [];
  let clock = 0;
  const feed = new ObjectEventsFeed(
    (query) =>
      new Promise((resolve) => {
        asked.push({
          query,
          answer: async (events) => {
            resolve(events);
            for (let i = 0; i < 5; i++) await Promise.resolve();
          },
        });
      }),
    () => clock,
  );
  const shown = () => feed.get().events.map((e) => e.reason);
  return { feed, asked, shown, tick: (ms: number) => void (clock += ms) };
}

const pod = (uid: string) => ({ kind: "Pod", namespace: "default", name: uid, uid });

afterEach(() => void vi.useRealTimers());

describe("the inspector's Events feed", () => {
  it("never shows one object's Events under another, even when the answer comes late", async () => {
    const { feed, asked, shown } = fakeWorker();
    feed.want({ object: pod("a") }, "a|live|1");
    feed.want({ object: pod("b") }, "b|live|1");
    expect(feed.get().uid).toBeUndefined();
    await asked[0].answer([event("Scheduled")]);
    expect(feed.get().uid).toBeUndefined();
    expect(asked[1].query.object.uid).toBe("b");
    await asked[1].answer([event("Started")]);
    expect(feed.get().uid).toBe("b");
    expect(shown()).toEqual(["Started"]);
  });

  it("while scrubbing, asks one moment at a time and then only the latest", async () => {
    const { feed, asked, shown } = fakeWorker();
    for (let rv = 10; rv <= 50; rv += 10)
      feed.want({ object: pod("a"), at: { resourceVersion: rv, time: rv } }, `a|${rv}`);
    await asked[0].answer([event("Scheduled")]);
    expect(asked.map((a) => a.query.at?.resourceVersion)).toEqual([10, 50]);
    await asked[1].answer([event("Scheduled"), event("Pulling")]);
    expect(shown()).toEqual(["Scheduled", "Pulling"]);
  });

  it("live, asks again for the shown object at most every LIVE_REFRESH_MS, keeping its rows meanwhile", async () => {
    vi.useFakeTimers();
    const { feed, asked, shown, tick } = fakeWorker();
    feed.want({ object: pod("a") }, "a|live|1");
    await asked[0].answer([event("Scheduled")]);
    tick(10);
    feed.want({ object: pod("a") }, "a|live|2");
    feed.want({ object: pod("a") }, "a|live|3");
    expect(asked).toHaveLength(1);
    expect(shown()).toEqual(["Scheduled"]);
    tick(LIVE_REFRESH_MS);
    vi.advanceTimersByTime(LIVE_REFRESH_MS);
    expect(asked).toHaveLength(2);
    await asked[1].answer([event("Scheduled"), event("Pulled")]);
    expect(shown()).toEqual(["Scheduled", "Pulled"]);
    feed.dispose();
  });
});
