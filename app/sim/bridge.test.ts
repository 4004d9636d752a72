import { describe, expect, it } from "vitest";
import {
  CATCH_UP_FRAMES,
  clockRequest,
  FRAME_EVENTS,
  SimBridge,
  WorkerLostError,
  type WorkerLike,
} from "./bridge";
import { ClusterMirror } from "./mirror";
import type { InputLog, RequestEnvelope, WorkerMessage } from "./protocol";
import { SimHost } from "./simHost";

/** An in-process worker: the real SimHost behind the Worker interface, which a test can kill or hang. */
class InProcessWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<WorkerMessage>) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  hung = false;
  terminated = false;
  /** Watch events streamed so far, and the requests received, for tests of the conversation. */
  streamed = 0;
  received: RequestEnvelope[] = [];
  private host = new SimHost({
    post: (message) => {
      if (message.kind === "batch") this.streamed += message.batch.events.length;
      if (!this.hung && !this.terminated)
        setTimeout(() => this.onmessage?.({ data: message } as MessageEvent));
    },
    now: () => performance.now(),
    setTimer: (run, ms) => setTimeout(run, ms),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  });
  postMessage(message: RequestEnvelope): void {
    this.received.push(message);
    if (!this.hung) this.host.receive(structuredClone(message));
  }
  terminate(): void {
    this.terminated = true;
  }
  crash(): void {
    this.onerror?.(new Event("error"));
  }
}

const log: InputLog = { version: 1, seed: 3, nodes: 1, start: "2026-01-05T10:00:00Z", entries: [] };

function setup(options: { pingTimeoutMs?: number; requestTimeoutMs?: number } = {}) {
  const workers: InProcessWorker[] = [];
  const mirror = new ClusterMirror();
  const bridge = new SimBridge({
    createWorker: () => {
      const worker = new InProcessWorker();
      workers.push(worker);
      return worker;
    },
    mirror,
    pingIntervalMs: 20,
    pingTimeoutMs: options.pingTimeoutMs ?? 200,
    requestTimeoutMs: options.requestTimeoutMs ?? 2000,
    scheduleFrame: (run) => setTimeout(run, 0),
  });
  return { bridge, mirror, workers };
}

/** A started bridge whose animation frames run only when the test runs them. */
async function withHeldFrames(): Promise<{ bridge: SimBridge; frames: (() => void)[] }> {
  const frames: (() => void)[] = [];
  const bridge = new SimBridge({
    createWorker: () => new InProcessWorker(),
    mirror: new ClusterMirror(),
    scheduleFrame: (run) => frames.push(run),
  });
  await bridge.start(log);
  return { bridge, frames };
}

const names = (mirror: ClusterMirror) =>
  [...mirror.get().objects.values()].map((o) => `${o.kind}/${o.metadata.name}/${o.metadata.uid}`).sort();

async function until(condition: () => boolean, ms = 3000) {
  const end = performance.now() + ms;
  while (!condition()) {
    if (performance.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe("SimBridge", () => {
  it("answers typed requests and fills the mirror and the log from batches", async () => {
    const { bridge, mirror } = setup();
    await bridge.start(log);
    const result = await bridge.request({ type: "kubectl", line: "create namespace shop" });
    expect(result.stdout).toBe("namespace/shop created\n");
    await until(() => bridge.log.get()?.entries.length === 1);
    expect(names(mirror).some((n) => n.startsWith("Namespace/shop/"))).toBe(true);
    bridge.dispose();
  });

  it("leaves the mirror and the clock untouched by a read that changes nothing (no re-render while the console draws)", async () => {
    const { bridge, mirror } = setup();
    await bridge.start(log);
    await bridge.request({ type: "kubectl", line: "create namespace shop" });
    await until(() => bridge.log.get()?.entries.length === 1);
    const [state, clock] = [mirror.get(), bridge.clock.get()];
    let notified = 0;
    const stops = [mirror.subscribe(() => notified++), bridge.clock.subscribe(() => notified++)];
    await bridge.request({ type: "kubectl", line: "get namespaces" });
    await until(() => bridge.log.get()?.entries.length === 2);
    expect(notified).toBe(0);
    expect(mirror.get()).toBe(state);
    expect(bridge.clock.get()).toBe(clock);
    for (const stop of stops) stop();
    bridge.dispose();
  });

  it("gives the worker's own log and time for a permalink, where the UI's copy trails by a frame", async () => {
    const { bridge } = await withHeldFrames(); // the UI's next frame has not come yet
    await bridge.request({ type: "kubectl", line: "create namespace shop" });
    const { now } = await bridge.request({ type: "advance", seconds: 42 });
    const trailing = bridge.currentLog();
    expect(trailing?.entries).toHaveLength(0);
    expect(trailing?.end ?? 0).toBeLessThan(now);
    const exact = await bridge.workerLog();
    expect(exact.entries.map((e) => e.line)).toEqual(["create namespace shop"]);
    expect(exact.end).toBe(now);
    bridge.dispose();
  });

  it("keeps Play's answer when a batch posted before it is applied after it (no flicker back to paused)", async () => {
    const { bridge, frames } = await withHeldFrames();
    await bridge.request({ type: "kubectl", line: "create namespace shop" }); // a batch, paused
    await clockRequest(bridge, { type: "play" });
    expect(bridge.clock.get().playing).toBe(true);
    for (const frame of frames.splice(0)) frame(); // the older batch arrives in the next frame
    expect(bridge.clock.get().playing).toBe(true);
    await clockRequest(bridge, { type: "pause" });
    bridge.dispose();
  });

  it("rejects a worker error's pending requests, restarts it and replays the log", async () => {
    const { bridge, mirror, workers } = setup();
    await bridge.start(log);
    await bridge.request({ type: "kubectl", line: "create namespace shop" });
    await bridge.request({ type: "advance", seconds: 7 });
    // The advanced clock comes in a later batch than the entry: wait for both, or a hang could drop it.
    const advanced = Date.parse(log.start) + 7000;
    await until(() => bridge.log.get()?.entries.length === 1 && bridge.clock.get().now === advanced);
    const before = names(mirror);
    workers[0].hung = true;
    const inFlight = bridge.request({ type: "snapshot" });
    await new Promise((r) => setTimeout(r, 10));
    workers[0].crash();
    await expect(inFlight).rejects.toBeInstanceOf(WorkerLostError);
    await until(() => bridge.status.get() === "recovered");
    expect(workers).toHaveLength(2);
    expect(names(mirror)).toEqual(before);
    expect(bridge.clock.get().now).toBe(advanced);
    bridge.dispose();
  });

  it("treats an unanswered ping as a hung worker and replaces it", async () => {
    const { bridge, workers } = setup();
    await bridge.start(log);
    workers[0].hung = true;
    await until(() => bridge.status.get() === "recovered");
    expect(workers[0].terminated).toBe(true);
    await expect(bridge.request({ type: "ping" })).resolves.toMatchObject({ now: Date.parse(log.start) });
    bridge.dispose();
  });

  it("takes a burst of thousands of objects in over several frames, never more than FRAME_EVENTS at once", async () => {
    // A slow machine may take seconds over 1,200 objects: no request or ping timeout here.
    const { bridge, mirror } = setup({ requestTimeoutMs: 60_000, pingTimeoutMs: 60_000 });
    await bridge.start(log);
    const sizes: number[] = [];
    mirror.subscribe(() => sizes.push(mirror.get().delta.changes.length));
    // 1,000 pods: thousands of watch events even without their Events (those stay in the worker).
    await bridge.request({ type: "kubectl", line: "create deployment big --image=nginx --replicas=1000" });
    await bridge.request({ type: "advance", seconds: 5 });
    const snapshot = await bridge.request({ type: "snapshot" });
    await until(() => mirror.get().resourceVersion === snapshot.resourceVersion, 30_000);
    // A frame takes FRAME_EVENTS, or a 1/CATCH_UP_FRAMES share when far behind.
    const total = sizes.reduce((a, b) => a + b, 0);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(
      Math.max(FRAME_EVENTS, Math.ceil(total / CATCH_UP_FRAMES)),
    );
    expect(sizes.filter((n) => n > 0).length).toBeGreaterThanOrEqual(CATCH_UP_FRAMES);
    const pods = [...mirror.get().objects.values()].filter((o) => o.kind === "Pod");
    expect(pods).toHaveLength(1000);
    expect(names(mirror)).toEqual(
      snapshot.objects.map((o) => `${o.kind}/${o.metadata.name}/${o.metadata.uid}`).sort(),
    );
    bridge.dispose();
  }, 60_000);

  it("tells the worker how many streamed events it has applied, so that max speed waits for the view", async () => {
    const { bridge, mirror, workers } = setup();
    await bridge.start(log);
    await bridge.request({ type: "kubectl", line: "create deployment web --image=nginx --replicas=3" });
    await bridge.request({ type: "advance", seconds: 10 });
    const snapshot = await bridge.request({ type: "snapshot" });
    await until(() => mirror.get().resourceVersion === snapshot.resourceVersion);
    const acks = () =>
      workers[0].received.flatMap(({ request }) => (request.type === "applied" ? [request.sent] : []));
    // Once everything streamed is applied, the last acknowledgement counts every streamed event.
    await until(() => acks().at(-1) === workers[0].streamed);
    expect(acks().length).toBeGreaterThan(1);
    expect(acks()).toEqual([...acks()].sort((a, b) => a - b));
    bridge.dispose();
  });

  it("rejects a request that gets no answer in time", async () => {
    const { bridge, workers } = setup({ pingTimeoutMs: 60_000, requestTimeoutMs: 50 });
    await bridge.start(log);
    workers[0].hung = true;
    await expect(bridge.request({ type: "step" })).rejects.toThrow("step: no answer from the simulator");
    bridge.dispose();
  });
});
