/** The simulated instant as the clock shows it: `10:04:35` (UTC, as the cluster's timestamps are). */
export function formatClock(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19);
}

/** The full instant for a tooltip: `2026-01-05 10:04:35 UTC`. */
export function formatInstant(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace("T", " ")} UTC`;
}
