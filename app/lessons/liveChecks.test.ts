import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ExternalStore } from "../sim/externalStore";
import { ClusterMirror } from "../sim/mirror";
import type { ClockState, InputLog } from "../sim/protocol";
import { watchCluster } from "./liveChecks";

describe("live checks", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup() {
    const bridge = {
      clock: new ExternalStore<ClockState>({ now: 0, playing: false, speed: 1 }),
      log: new ExternalStore<InputLog | undefined>(undefined),
    };
    const mirror = new ClusterMirror();
    const evaluate = vi.fn();
    const stop = watchCluster(bridge, mirror, evaluate, 300);
    return { bridge, mirror, evaluate, stop };
  }

  it("re-evaluate once after a burst of cluster changes, not once per change", () => {
    const { bridge, evaluate } = setup();
    for (let now = 1; now <= 20; now++) bridge.clock.set({ now, playing: true, speed: 1 });
    expect(evaluate).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(evaluate).toHaveBeenCalledTimes(1);
    bridge.clock.set({ now: 21, playing: true, speed: 1 });
    vi.advanceTimersByTime(299);
    expect(evaluate).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(evaluate).toHaveBeenCalledTimes(2);
  });

  it("stay quiet when a batch changed nothing (the checks' own answers must not loop)", () => {
    const { bridge, evaluate } = setup();
    bridge.clock.set({ now: 0, playing: false, speed: 1 });
    vi.advanceTimersByTime(1000);
    expect(evaluate).not.toHaveBeenCalled();
  });

  it("stop when asked", () => {
    const { mirror, evaluate, stop } = setup();
    stop();
    mirror.reset([], [], 5);
    vi.advanceTimersByTime(1000);
    expect(evaluate).not.toHaveBeenCalled();
  });
});
