/**
 * Go's time.Parse with layout RFC3339 ("2006-01-02T15:04:05Z07:00"), as kubectl parses
 * --since-time: epoch milliseconds, or Go's error text naming the part that did not parse.
 */
const LAYOUT = "2006-01-02T15:04:05Z07:00";

/** The layout's elements in order: what each matches, and its name in Go's error. */
const ELEMENTS: { name: string; pattern: RegExp }[] = [
  { name: "2006", pattern: /^\d{4}/ },
  { name: "-", pattern: /^-/ },
  { name: "01", pattern: /^\d{2}/ },
  { name: "-", pattern: /^-/ },
  { name: "02", pattern: /^\d{2}/ },
  { name: "T", pattern: /^T/ },
  { name: "15", pattern: /^\d{2}/ },
  { name: ":", pattern: /^:/ },
  { name: "04", pattern: /^\d{2}/ },
  { name: ":", pattern: /^:/ },
  // Go accepts a fractional second after the seconds even when the layout has none.
  { name: "05", pattern: /^\d{2}(\.\d+)?/ },
  { name: "Z07:00", pattern: /^(Z|[+-]\d{2}:\d{2})/ },
];

export function parseRfc3339(value: string): { ms: number } | { error: string } {
  let rest = value;
  for (const { name, pattern } of ELEMENTS) {
    const m = pattern.exec(rest);
    if (!m) return { error: `parsing time "${value}" as "${LAYOUT}": cannot parse "${rest}" as "${name}"` };
    rest = rest.slice(m[0].length);
  }
  if (rest !== "") return { error: `parsing time "${value}": extra text: "${rest}"` };
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return { error: `parsing time "${value}": day out of range` };
  return { ms };
}
