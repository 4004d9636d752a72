import { describe, expect, it } from "vitest";
import { MAX_AHEAD_EVENTS, namedFiles, UI_SILENT_MS } from "./simHost";
import { emptyLog, harness } from "./testHost";

const start = Date.parse(emptyLog.start);

describe("SimHost", () => {
  it("refuses requests before init", async () => {
    const { ask } = harness();
    await expect(ask({ type: "step" })).rejects.toThrow("step before init");
  });

  it("logs every kubectl and kubeplay input with its simulated time", async () => {
    const { env, ask } = harness();
    await ask({ type: "init", log: emptyLog });
    await ask({ type: "advance", seconds: 5 });
    const result = await ask({ type: "kubectl", line: "create namespace shop" });
    expect(result).toEqual({ code: 0, stdout: "namespace/shop created\n", stderr: "", namespace: "default" });
    await ask({ type: "kubeplay", line: "kubeplay advance 10s" });
    await env.pass(20);
    const inputs = env.batches().flatMap((b) => b.inputs);
    expect(inputs).toEqual([
      { at: start + 5000, tool: "kubectl", line: "create namespace shop" },
      { at: start + 5000, tool: "kubeplay", line: "kubeplay advance 10s" },
    ]);
    expect(env.batches().at(-1)?.clock.now).toBe(start + 15_000);
  });

  it("streams the watch events a command causes in the next batch", async () => {
    const { env, ask } = harness();
    await ask({ type: "init", log: emptyLog });
    await ask({ type: "kubectl", line: "create namespace shop" });
    await env.pass(20);
    const added = env
      .batches()
      .flatMap((b) => b.events)
      .flatMap((e) => (e.type === "ADDED" && "object" in e ? [e.object] : []));
    expect(added.map((o) => `${o.kind}/${o.metadata.name}`)).toContain("Namespace/shop");
  });

  it("sends batches at most once per 16 ms however many requests arrive", async () => {
    const { env, ask } = harness();
    await ask({ type: "init", log: emptyLog });
    await env.pass(20);
    const before = env.batches().length;
    for (let i = 0; i < 10; i++) await ask({ type: "kubectl", line: `create namespace ns-${i}` });
    await env.pass(16);
    expect(env.batches().length - before).toBeLessThanOrEqual(2);
  });

  it("plays simulated time at the chosen speed and stops when paused", async () => {
    const { env, ask } = harness();
    await ask({ type: "init", log: emptyLog });
    await ask({ type: "setSpeed", speed: 10 });
    await ask({ type: "play" });
    await env.pass(1000);
    const afterPlay = (await ask({ type: "pause" })) as { now: number; playing: boolean };
    expect(afterPlay.playing).toBe(false);
    expect(afterPlay.now - start).toBeGreaterThanOrEqual(9_800);
    expect(afterPlay.now - start).toBeLessThanOrEqual(10_000);
    await env.pass(1000);
    expect(((await ask({ type: "snapshot" })) as { now: number }).now).toBe(afterPlay.now);
  });

  it("plays at max no further ahead of a UI that says what it applied, unless the UI falls silent", async () => {
    const { env, host, ask } = harness();
    await ask({ type: "init", log: emptyLog });
    await ask({ type: "kubectl", line: "create deployment big --image=nginx --replicas=100" });
    await env.pass(20);
    expect(env.batches().at(-1)?.sent).toBeGreaterThan(0);
    // Real time moves on while the worker works, so that each max-speed slice ends.
    env.now = () => (env.time += 0.1);
    let id = 1000;
    const ack = (sent: number) => host.receive({ id: ++id, request: { type: "applied", sent } });
    const simNow = () => env.batches().at(-1)?.clock.now ?? 0;
    // The UI has applied only the first events: the worker holds back once it is far enough ahead.
    ack(0);
    await ask({ type: "setSpeed", speed: "max" });
    await ask({ type: "play" });
    await env.pass(50);
    const held = simNow();
    expect(env.batches().at(-1)?.sent).toBeGreaterThan(MAX_AHEAD_EVENTS);
    await env.pass(200);
    expect(simNow()).toBe(held);
    // The UI catches up: time runs again, and so on, a few frames ahead of the view at most.
    ack(env.batches().at(-1)?.sent ?? 0);
    await env.pass(50);
    expect(simNow()).toBeGreaterThan(held);
    // A UI that stops answering (a hidden tab draws no frames) holds nothing back after a second.
    const silent = simNow();
    await env.pass(UI_SILENT_MS + 500);
    expect(simNow()).toBeGreaterThan(silent + 60_000);
    expect(env.messages.filter((m) => m.kind === "response" && m.id > 1000)).toHaveLength(2);
  });

  it("says which namespace commands without -n use, after a command and after a replay", async () => {
    const first = harness();
    await first.ask({ type: "init", log: emptyLog });
    await first.ask({ type: "kubectl", line: "create namespace shop" });
    const set = await first.ask({ type: "kubectl", line: "config set-context --current --namespace=shop" });
    expect(set).toMatchObject({ code: 0, namespace: "shop" });
    await first.env.pass(20);
    const entries = first.env.batches().flatMap((b) => b.inputs);
    const second = harness();
    expect(await second.ask({ type: "init", log: { ...emptyLog, entries } })).toMatchObject({
      namespace: "shop",
    });
  });

  it("logs kubectl edit's saves, and a replay edits the object as the learner did", async () => {
    const first = harness();
    await first.ask({ type: "init", log: emptyLog });
    await first.ask({ type: "kubectl", line: "create deployment web --image=nginx --replicas=2" });
    const line = "kubectl edit deploy web";
    const opened: { editor?: { text: string; original: string } } = await first.ask({
      type: "kubectl",
      line,
    });
    await first.ask({ type: "advance", seconds: 5 });
    const edited = (opened.editor?.text ?? "").replace("replicas: 2", "replicas: 4");
    const editorSave = { file: "kubectl-edit-7.yaml", original: opened.editor?.original ?? "", edited };
    expect(await first.ask({ type: "kubectl", line, editorSave })).toMatchObject({
      code: 0,
      stdout: "deployment.apps/web edited\n",
    });
    await first.env.pass(20);
    const entries = first.env.batches().flatMap((b) => b.inputs);
    expect(entries.at(-1)).toEqual({ at: start + 5000, tool: "kubectl", line, editorSave });
    const second = harness();
    await second.ask({ type: "init", log: { ...emptyLog, entries } });
    const replayed: { stdout: string } = await second.ask({
      type: "kubectl",
      line: "get deploy web -o jsonpath={.spec.replicas}",
    });
    expect(replayed.stdout).toBe("4");
  });

  it("logs what is typed into kubectl exec -it as that command's stdin, which a replay runs", async () => {
    const first = harness();
    await first.ask({ type: "init", log: emptyLog });
    await first.ask({ type: "kubectl", line: "run bb --image=busybox:1.36 -- sleep 3600" });
    await first.ask({ type: "advance", seconds: 20 });
    const line = "exec -it bb -- sh";
    const session: { streamId?: number; interactive?: boolean } = await first.ask({ type: "kubectl", line });
    expect(session.interactive).toBe(true);
    const type = (text: string) =>
      first.ask({ type: "stdin" as const, streamId: session.streamId ?? -1, text });
    expect(await type("cd /tmp\n")).toEqual({ accepted: true });
    expect(await type("echo kept > f\n")).toEqual({ accepted: true });
    await first.env.pass(20);
    const entries = first.env.batches().flatMap((b) => b.inputs);
    // Logged as the session's resolved pod and container, so that a replay types into the same
    // ones, after what brings a fresh shell to where the session's was.
    expect(entries.at(-1)).toEqual({
      at: start + 20_000,
      tool: "kubectl",
      line: "exec -i -n default bb -c bb -- sh",
      stdin: "cd '/tmp'\nOLDPWD='/'\necho kept > f\n",
    });
    const second = harness();
    await second.ask({ type: "init", log: { ...emptyLog, entries } });
    const replayed: { stdout: string } = await second.ask({ type: "kubectl", line: "exec bb -- cat /tmp/f" });
    expect(replayed.stdout).toBe("kept\n");
  });

  it("logs the pod deletion of kubectl run --rm as an input of its own, so a replay deletes it too", async () => {
    const first = harness();
    await first.ask({ type: "init", log: emptyLog });
    const line = "run once --image=busybox:1.36 -i --rm --restart=Never -- echo hi";
    const run: { streamId?: number } = await first.ask({ type: "kubectl", line });
    expect(run.streamId).toBeDefined();
    await first.ask({ type: "advance", seconds: 30 });
    await first.env.pass(20);
    const chunks = first.env.batches().flatMap((b) => b.streams ?? []);
    expect(chunks.map((c) => c.stdout).join("")).toBe('hi\npod "once" deleted\n');
    const entries = first.env.batches().flatMap((b) => b.inputs);
    expect(entries.map((e) => e.line)).toEqual([line, "delete pod once -n default --wait=false"]);
    const original = (await first.ask({ type: "snapshot" })) as { objects: unknown[]; now: number };
    const second = harness();
    await second.ask({ type: "init", log: { ...emptyLog, entries, end: original.now } });
    const replayed = (await second.ask({ type: "snapshot" })) as { objects: unknown[] };
    expect(replayed.objects).toEqual(original.objects);
  });

  it("replays a kubectl run -it session: its typed lines, the shell's exit and the pod's deletion", async () => {
    const first = harness();
    await first.ask({ type: "init", log: emptyLog });
    const line = "run debug --image=busybox:1.36 -it --rm --restart=Never -- sh";
    const session: { streamId?: number; interactive?: boolean } = await first.ask({ type: "kubectl", line });
    expect(session.interactive).toBe(true);
    await first.ask({ type: "advance", seconds: 5 });
    await first.env.pass(20);
    const type = (text: string) =>
      first.ask({ type: "stdin" as const, streamId: session.streamId ?? -1, text });
    expect(await type("echo kept > /tmp/f\n")).toEqual({ accepted: true });
    expect(await type("exit 2\n")).toEqual({ accepted: true });
    await first.env.pass(20);
    await first.ask({ type: "advance", seconds: 2 });
    await first.env.pass(20);
    const entries = first.env.batches().flatMap((b) => b.inputs);
    expect(entries.map((e) => e.line)).toEqual([
      line,
      "exec -i -n default debug -c debug -- sh",
      "exec -i -n default debug -c debug -- sh",
      "attach -i -q -n default debug -c debug",
      "delete pod debug -n default --wait=false",
    ]);
    const original = (await first.ask({ type: "snapshot" })) as { objects: unknown[]; now: number };
    const second = harness();
    await second.ask({ type: "init", log: { ...emptyLog, entries, end: original.now } });
    const replayed = (await second.ask({ type: "snapshot" })) as { objects: unknown[] };
    expect(replayed.objects).toEqual(original.objects);
  });

  it("answers pings while it is busy with other requests", async () => {
    const { env, host } = harness();
    host.receive({ id: 1, request: { type: "ping" } });
    expect(env.messages).toEqual([{ kind: "response", id: 1, ok: true, result: { now: 0 } }]);
  });

  it("rebuilds the identical cluster when its own log is replayed", async () => {
    const first = harness();
    await first.ask({ type: "init", log: emptyLog });
    await first.ask({ type: "advance", seconds: 3 });
    await first.ask({ type: "kubectl", line: "create deployment web --image=nginx --replicas=3" });
    await first.ask({ type: "advance", seconds: 12.5 });
    await first.ask({ type: "kubectl", line: "scale deployment web --replicas=5" });
    await first.ask({ type: "advance", seconds: 30 });
    await first.env.pass(20);
    const original = (await first.ask({ type: "snapshot" })) as { objects: unknown[]; now: number };
    const entries = first.env.batches().flatMap((b) => b.inputs);

    const second = harness();
    await second.ask({ type: "init", log: { ...emptyLog, entries, end: original.now } });
    const replayed = (await second.ask({ type: "snapshot" })) as { objects: unknown[]; now: number };
    expect(replayed.now).toBe(original.now);
    expect(replayed.objects).toEqual(original.objects);
    // Events are not in snapshots (they stay in the worker): compare them as kubectl lists them.
    const events = "get events -A -o json";
    const originalEvents: { stdout: string } = await first.ask({ type: "kubectl", line: events });
    const replayedEvents: { stdout: string } = await second.ask({ type: "kubectl", line: events });
    expect(originalEvents.stdout).toContain('"reason": "Started"');
    expect(replayedEvents.stdout).toBe(originalEvents.stdout);
  });

  it("rejects an advance that is negative or longer than a week", async () => {
    const { ask } = harness();
    await ask({ type: "init", log: emptyLog });
    await expect(ask({ type: "advance", seconds: -1 })).rejects.toThrow("advance");
    await expect(ask({ type: "advance", seconds: 8 * 24 * 3600 })).rejects.toThrow("advance");
  });
});

describe("namedFiles", () => {
  it("keeps only the files a command line names", () => {
    const files = { "web.yaml": "a", "db.yaml": "b" };
    expect(namedFiles("apply -f web.yaml", files)).toEqual({ "web.yaml": "a" });
    expect(namedFiles("apply --filename=db.yaml", files)).toEqual({ "db.yaml": "b" });
    expect(namedFiles("get pods", files)).toBeUndefined();
  });
});

describe("commands that keep running", () => {
  it("answer with a stream id, then send what they print in batches until they exit", async () => {
    const { env, ask } = harness();
    await ask({ type: "init", log: emptyLog });
    await ask({ type: "kubectl", line: "create deployment web --image=nginx:1.27.4" });
    const status: { stdout: string; streamId?: number } = await ask({
      type: "kubectl",
      line: "rollout status deployment/web",
    });
    expect(status.stdout).toMatch(/^Waiting for deployment "web" rollout to finish/);
    expect(status.streamId).toBeGreaterThan(0);
    await ask({ type: "advance", seconds: 60 });
    await env.pass(100);
    const chunks = env.batches().flatMap((b) => b.streams ?? []);
    expect(chunks.at(-1)).toEqual({
      streamId: status.streamId,
      stdout: 'deployment "web" successfully rolled out\n',
      stderr: "",
      code: 0,
    });
  });

  it("stop printing when interrupted (Ctrl-C)", async () => {
    const { env, ask } = harness();
    await ask({ type: "init", log: emptyLog });
    const watch: { streamId?: number } = await ask({ type: "kubectl", line: "get pods -w" });
    expect(await ask({ type: "interrupt", streamId: watch.streamId! })).toEqual({ stopped: true });
    await ask({ type: "kubectl", line: "run web --image=nginx:1.27.4" });
    await ask({ type: "advance", seconds: 10 });
    await env.pass(100);
    expect(env.batches().flatMap((b) => b.streams ?? [])).toEqual([]);
    expect(await ask({ type: "interrupt", streamId: watch.streamId! })).toEqual({ stopped: false });
  });
});
