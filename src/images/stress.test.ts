import { describe, expect, it } from "vitest";
import { playSteps } from "./playSteps";
import { runStress, stressBytes } from "./stress";

describe("stress", () => {
  it("reads sizes with stress's binary suffixes", () => {
    expect(stressBytes("150M")).toBe(150 * 1024 * 1024);
    expect(stressBytes("1g")).toBe(1024 ** 3);
    expect(stressBytes("512")).toBe(512);
    expect(stressBytes("1.5G")).toBeUndefined();
  });

  it("reports its hogs, then its vm workers allocate and hang", () => {
    const clock = { now: 0 };
    expect(
      playSteps(runStress(["stress", "--vm", "2", "--vm-bytes", "100M", "--vm-hang", "1"]), clock),
    ).toEqual([
      "out: stress: info: [1] dispatching hogs: 0 cpu, 0 io, 2 vm, 0 hdd⏎",
      "sleep 1",
      `allocate ${2 * 100 * 1024 * 1024}`,
      "sleep Infinity",
    ]);
  });

  it("fails without any hog, as stress does", () => {
    expect(playSteps(runStress(["stress"]), { now: 0 })).toEqual([
      "err: stress: FAIL: [1] (244) <-- worker hogs not specified⏎",
      "exit 1",
    ]);
  });
});
