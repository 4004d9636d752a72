/** The simulated instant as the clock shows it: `10:04:35` (UTC, as the cluster's timestamps are). */
export function formatClock(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19);
}

/** The full instant for a tooltip: `2026-01-05 10:04:35 UTC`. */
export function formatInstant(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

const DAY_MS = 86_400_000;

/** Which day of the simulation `ms` falls on: 1 on the start's (UTC) day, 2 the day after… */
export function simulationDay(ms: number, startMs: number): number {
  return Math.floor(ms / DAY_MS) - Math.floor(startMs / DAY_MS) + 1;
}
