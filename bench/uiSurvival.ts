import { execFileSync } from "node:child_process";
import { report } from "./timing";

/** Printed by uiRollout.ts around the rollout. */
export const ROLLOUT_START = "=== rollout start";
export const ROLLOUT_END = "=== rollout end";

/** What V8's scavenges reported while the UI took in a rollout. */
export interface Scavenges {
  count: number;
  /** Bytes allocated in the young generation. */
  allocated: number;
  /** Bytes still alive at a scavenge, so copied by it: what a scavenge's pause grows with. */
  survived: number;
}

/** Sums the `--trace-gc-nvp` scavenge lines printed between the rollout markers. */
export function sumScavenges(output: string): Scavenges {
  const sum: Scavenges = { count: 0, allocated: 0, survived: 0 };
  let inside = false;
  for (const line of output.split("\n")) {
    if (line.includes(ROLLOUT_START)) inside = true;
    else if (line.includes(ROLLOUT_END)) inside = false;
    else if (inside && /\bgc=s\b/.test(line)) {
      const field = (name: string) => Number(new RegExp(`\\b${name}=(\\d+)`).exec(line)?.[1] ?? 0);
      sum.count++;
      sum.allocated += field("allocated");
      sum.survived += field("new_space_survived");
    }
  }
  return sum;
}

/**
 * The main thread's garbage during a 1,000-pod rollout, measured in Node where it does not
 * depend on the machine's load: how much the mirror, the history, the model builder and the
 * layout allocate, and how much of it survives a scavenge. Browser long tasks during a rollout
 * are mostly scavenges, and a scavenge's pause grows with what survives it; the browser figures
 * (`mainThread.ts`) swing with the load, these do not.
 */
export function benchUiSurvival(): void {
  const output = execFileSync(
    process.execPath,
    ["--expose-gc", "--trace-gc-nvp", "--max-semi-space-size=16", "--import", "tsx", "bench/uiRollout.ts"],
    { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  const { count, allocated, survived } = sumScavenges(output);
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
  report("1,000-pod rollout, UI side (Node): allocated", mb(allocated), "-", true);
  report(`1,000-pod rollout, UI side (Node): survived ${count} scavenges`, mb(survived), "-", true);
}
