import type { Batch, InputLog, Request, RequestEnvelope, WorkerMessage } from "./protocol";
import { type HostEnv, SimHost } from "./simHost";

/** A fake worker scope with manual real time: timers fire only when the test moves time. */
export class FakeEnv implements HostEnv {
  messages: WorkerMessage[] = [];
  time = 0;
  private timers = new Map<number, { at: number; run: () => void }>();
  private nextId = 1;
  post = (message: WorkerMessage) => void this.messages.push(message);
  now = () => this.time;
  setTimer = (run: () => void, ms: number) => {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + ms, run });
    return id;
  };
  clearTimer = (handle: unknown) => void this.timers.delete(handle as number);
  /** Moves real time on, firing due timers in order. */
  async pass(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      await flushMicrotasks();
      const due = [...this.timers.entries()]
        .filter(([, t]) => t.at <= end)
        .sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = Math.max(this.time, due[1].at);
      due[1].run();
    }
    this.time = end;
    await flushMicrotasks();
  }
  batches(): Batch[] {
    return this.messages.flatMap((m) => (m.kind === "batch" ? [m.batch] : []));
  }
}

async function flushMicrotasks() {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

/** A two-node cluster with nothing done yet. */
export const emptyLog: InputLog = {
  version: 1,
  seed: 7,
  nodes: 2,
  start: "2026-01-05T10:00:00Z",
  entries: [],
};

/** A SimHost driven by hand: `ask` sends one request and resolves with its answer (rejects with its error). */
export function harness() {
  const env = new FakeEnv();
  const host = new SimHost(env);
  let id = 0;
  const ask = async (request: Request) => {
    const envelope: RequestEnvelope = { id: ++id, request };
    host.receive(envelope);
    await env.pass(0);
    const answer = env.messages.find((m) => m.kind === "response" && m.id === envelope.id);
    if (!answer || answer.kind !== "response") throw new Error(`no answer to ${request.type}`);
    if (!answer.ok) throw new Error(answer.error);
    return answer.result as never;
  };
  return { env, host, ask };
}
