/**
 * Plays container steps against a manual clock, as the kubelet would, and records a
 * transcript. Used by tests and handy for lesson checks.
 */
import type { ContainerSteps, ProcessContext } from "./containerSteps";

/** A clock that only moves when steps sleep. */
export interface ManualClock {
  now: number;
}

/**
 * Runs at most `maxSteps` steps, advancing `clock` by each sleep, and returns a transcript:
 * "out: text" / "err: text" (text with "\n" shown as ⏎), "sleep 10", "exit 0".
 */
export function playSteps(steps: ContainerSteps, clock: ManualClock, maxSteps = 50): string[] {
  const transcript: string[] = [];
  for (const step of steps) {
    if (step.kind === "output") transcript.push(outputLine(step.stream, step.text));
    else if (step.kind === "logBlock")
      for (const line of step.lines) transcript.push(outputLine(line.stream, `${step.fill(line.text)}\n`));
    else if (step.kind === "sleep") {
      transcript.push(`sleep ${step.seconds}`);
      clock.now += step.seconds * 1000;
    } else if (step.kind === "allocate") transcript.push(`allocate ${step.bytes}`);
    else transcript.push(`exit ${step.code}`);
    if (transcript.length >= maxSteps) break;
  }
  return transcript;
}

function outputLine(stream: "stdout" | "stderr", text: string): string {
  return `${stream === "stdout" ? "out" : "err"}: ${text.replace(/\n/g, "⏎")}`;
}

/** A process context over a manual clock. */
export function manualContext(
  clock: ManualClock,
  env: Record<string, string> = {},
  files: Record<string, string> = {},
): ProcessContext {
  return { env, now: () => clock.now, readFile: (p) => files[p] };
}
