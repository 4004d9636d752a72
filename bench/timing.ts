/** Times `fn` over `runs` runs after one warm-up; returns the median in milliseconds. */
export function medianMs(runs: number, fn: () => void): number {
  fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

/** Times one run of `fn` in milliseconds. */
export function onceMs(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** One line of `npm run bench` output. */
export function report(name: string, value: string, budget: string, ok: boolean): void {
  console.log(`${ok ? "ok  " : "OVER"}  ${name.padEnd(58)} ${value.padStart(12)}   budget ${budget}`);
}
