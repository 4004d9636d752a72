/**
 * Parses the durations `kubeplay advance` accepts: Go-style unit sequences such as
 * `30s`, `5m`, `1h30m`, `1.5m` (units ms, s, m, h), or a bare number of seconds.
 * Returns milliseconds, or undefined when the text is not a duration.
 */
export function parseDuration(text: string): number | undefined {
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const unitMs: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  const part = /(\d+(?:\.\d+)?)(ms|s|m|h)/y;
  let total = 0;
  let index = 0;
  while (index < text.length) {
    part.lastIndex = index;
    const match = part.exec(text);
    if (!match) return undefined;
    total += Number(match[1]) * unitMs[match[2]];
    index = part.lastIndex;
  }
  return index === 0 ? undefined : Math.round(total);
}

/** Formats milliseconds the short way a learner reads them back: `30s`, `5m`, `1h30m`, `1m0.5s`. */
export function formatDuration(ms: number): string {
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  const seconds = (ms % 60_000) / 1000;
  let out = "";
  if (hours) out += `${hours}h`;
  if (minutes) out += `${minutes}m`;
  if (seconds || !out) out += `${seconds}s`;
  return out;
}
