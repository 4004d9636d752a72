/**
 * The `stress` load generator as the kubernetes.io memory-limit examples run it
 * (`stress --vm 1 --vm-bytes 150M --vm-hang 1`): it reports its hogs, then its vm workers
 * allocate their bytes and hold them. Over the container's memory limit, the kernel kills it
 * (the kubelet reports OOMKilled); under it, it runs until stopped.
 */
import type { ContainerSteps } from "./containerSteps";

/** stress's own size suffixes: b, k, m, g (powers of 1024), case-insensitive. */
const UNITS: Record<string, number> = { b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** Parses a stress size such as `250M`; undefined when malformed. */
export function stressBytes(text: string): number | undefined {
  const m = /^(\d+)([bkmgBKMG]?)$/.exec(text);
  if (!m) return undefined;
  return Number(m[1]) * (m[2] ? UNITS[m[2].toLowerCase()] : 1);
}

/** The steps of `stress ARGS`. */
export function* runStress(argv: string[]): ContainerSteps {
  const option = (long: string, short: string) => {
    const i = argv.findIndex((a) => a === long || a === short);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const count = (long: string, short: string) => Number(option(long, short) ?? 0) || 0;
  const vm = count("--vm", "-m");
  const hogs = [count("--cpu", "-c"), count("--io", "-i"), vm, count("--hdd", "-d")];
  if (hogs.every((n) => n === 0)) {
    yield {
      kind: "output",
      stream: "stderr",
      text: "stress: FAIL: [1] (244) <-- worker hogs not specified\n",
    };
    yield { kind: "exit", code: 1 };
    return;
  }
  const size = option("--vm-bytes", "--vm-bytes") ?? "256M";
  const bytes = stressBytes(size);
  if (bytes === undefined) {
    yield { kind: "output", stream: "stderr", text: `stress: FAIL: [1] (388) <-- invalid number: ${size}\n` };
    yield { kind: "exit", code: 1 };
    return;
  }
  const [cpu, io, , hdd] = hogs;
  yield {
    kind: "output",
    stream: "stdout",
    text: `stress: info: [1] dispatching hogs: ${cpu} cpu, ${io} io, ${vm} vm, ${hdd} hdd\n`,
  };
  yield { kind: "sleep", seconds: 1 };
  if (vm > 0) yield { kind: "allocate", bytes: vm * bytes };
  yield { kind: "sleep", seconds: Infinity };
}
