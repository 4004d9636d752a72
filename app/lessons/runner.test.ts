import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { onConsoleEntry, type ConsoleEntry } from "../console/consoleBus";
import { useWorkStore } from "../persist/workStore";
import { SimBridge, type WorkerLike } from "../sim/bridge";
import { ClusterMirror } from "../sim/mirror";
import type { RequestEnvelope } from "../sim/protocol";
import { replayLog } from "../sim/replay";
import { SimHost } from "../sim/simHost";
import { mirrored } from "../sim/wireEvents";
import { buildCourse } from "./courseFiles";
import { fixtureTexts } from "./fixture";
import { useLessonStore } from "./lessonStore";
import { LessonRunner } from "./runner";

/** The real simulation host, in process, behind the WorkerLike the bridge expects. */
function inProcessWorker(): WorkerLike {
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage: (envelope: RequestEnvelope) => host.receive(envelope),
    terminate: () => undefined,
  };
  const host = new SimHost({
    post: (message) => setTimeout(() => worker.onmessage?.({ data: message } as MessageEvent)),
    now: () => performance.now(),
    setTimer: (run, ms) => setTimeout(run, ms),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  });
  return worker;
}

const [lesson] = buildCourse(fixtureTexts()).lessons;

describe("the lesson runner", () => {
  let bridge: SimBridge;
  let runner: LessonRunner;
  let printed: ConsoleEntry[];
  let stopConsole: () => void;

  beforeEach(() => {
    bridge = new SimBridge({
      createWorker: inProcessWorker,
      mirror: new ClusterMirror(),
      scheduleFrame: (run) => setTimeout(run, 0),
      pingIntervalMs: 60_000,
    });
    runner = new LessonRunner({ bridge, delay: async () => undefined });
    useWorkStore.setState({ files: {}, progress: {}, lesson: undefined });
    useLessonStore.setState({ helped: {}, hints: {}, results: [], passed: false });
    printed = [];
    stopConsole = onConsoleEntry((entry) => printed.push(entry));
  });

  afterEach(() => {
    stopConsole();
    bridge.dispose();
  });

  const kubectl = async (line: string) => (await bridge.request({ type: "kubectl", line })).stdout.trim();

  it("opens a step by URL on a fresh cluster with the earlier steps replayed and this step's setup run", async () => {
    await runner.enter(lesson, 1, "fresh");

    expect(await kubectl("get namespace shop -o jsonpath={.metadata.labels.team}")).toBe("blue");
    expect(useWorkStore.getState().lesson).toEqual({ id: "00-fixture", step: 1 });
    expect(Object.keys(useWorkStore.getState().files)).toEqual(["pod.yaml"]);
    const state = useLessonStore.getState();
    expect(state.status).toBe("ready");
    expect(state.passed).toBe(false);
    expect(state.results.map((r) => [r.id, r.passed])).toEqual([
      ["pod-exists", false],
      ["pod-running", false],
    ]);
    expect(printed).toEqual([]);
  });

  it("shows the solution in the console, lets time run until the checks pass, and marks the step as helped", async () => {
    await runner.enter(lesson, 1, "fresh");
    await runner.showSolution(lesson, 1);

    expect(printed.map((p) => p.command)).toEqual(["kubectl apply -f pod.yaml"]);
    expect(printed[0].stdout).toBe("pod/web created\n");
    const state = useLessonStore.getState();
    expect(state.results.every((r) => r.passed)).toBe(true);
    expect(state.passed).toBe(true);
    expect(state.helped).toEqual({ "00-fixture": [1] });
    expect(useWorkStore.getState().progress).toEqual({ "00-fixture": 1 });
  });

  it("leaves an input log whose replay rebuilds the very same cluster (what a permalink carries)", async () => {
    await runner.enter(lesson, 1, "fresh");
    await runner.showSolution(lesson, 1);
    const live = await bridge.request({ type: "snapshot" });
    // The UI learns the clock from batches, which may trail the worker by one frame: compare
    // the replay with the cluster at the very instant the snapshot was taken.
    const current = bridge.currentLog();
    const log = current && { ...current, end: live.now };
    expect(log?.entries.map((e) => e.line)).toEqual([
      "kubectl create namespace shop",
      "kubectl label namespace shop team=blue",
      "kubectl apply -f pod.yaml",
    ]);
    const replayed = await replayLog(log ?? expect.fail("no log"));
    // The snapshot leaves out Events (they stay in the worker).
    expect(replayed.snapshot().filter(mirrored)).toEqual(live.objects);
  });

  it("continues to the next step on the same cluster and passes a quiz once it is answered right", async () => {
    await runner.enter(lesson, 1, "fresh");
    await runner.showSolution(lesson, 1);
    await runner.enter(lesson, 2, "continue");
    expect(await kubectl("get pod web -n shop -o jsonpath={.status.phase}")).toBe("Running");
    expect(useLessonStore.getState().passed).toBe(false);

    useLessonStore.setState({ answers: { owner: 0 } });
    await runner.evaluate(lesson, 2);
    expect(useLessonStore.getState().passed).toBe(false);
    useLessonStore.setState({ answers: { owner: 1 } });
    await runner.evaluate(lesson, 2);
    expect(useLessonStore.getState().passed).toBe(true);
    expect(useLessonStore.getState().helped).toEqual({ "00-fixture": [1] });
  });

  it("restores a step without touching the cluster or the editor (a permalink already rebuilt them)", async () => {
    await runner.enter(lesson, 0, "fresh");
    await bridge.request({ type: "kubectl", line: "kubectl create namespace mine" });
    useWorkStore.getState().setFiles({ "notes.yaml": "x: 1" });
    await runner.enter(lesson, 1, "restore");
    expect(await kubectl("get namespace -o name")).toContain("namespace/mine");
    expect(Object.keys(useWorkStore.getState().files)).toEqual(["notes.yaml"]);
  });

  it("has the worker evaluate checks read-only, and refuse a wait outside its bounds", async () => {
    await runner.enter(lesson, 0, "fresh");
    const before = bridge.currentLog()?.entries.length;
    const checks = lesson.spec.steps[0].checks;
    const { results } = await bridge.request({ type: "checks", checks });
    expect(results).toEqual([
      { id: "ns-exists", passed: false, observed: expect.stringContaining("NotFound") },
    ]);
    expect(bridge.currentLog()?.entries.length).toBe(before);
    await expect(bridge.request({ type: "checks", checks, waitSeconds: -1 })).rejects.toThrow(/waitSeconds/);
  });

  it("drops the answers for a step the learner already left", async () => {
    const first = runner.enter(lesson, 2, "fresh");
    const second = runner.enter(lesson, 0, "fresh");
    await Promise.all([first, second]);
    expect(useWorkStore.getState().lesson).toEqual({ id: "00-fixture", step: 0 });
    expect(useLessonStore.getState().results.map((r) => r.id)).toEqual(["ns-exists"]);
    expect(await kubectl("get namespace shop -o name")).toBe("");
  });
});
