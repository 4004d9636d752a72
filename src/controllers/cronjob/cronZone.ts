/**
 * Wall-clock arithmetic in a named time zone, reproducing Go's time.Date / t.In(loc)
 * semantics on top of Intl (the only deterministic tz database a browser has), so that
 * CronJobs with `spec.timeZone` fire at the same instants as in a real cluster, DST included.
 */

/** Wall-clock fields of an instant in a zone; month 1-12, weekday 0 = Sunday. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

/** A loaded location: Go's *time.Location. */
export interface Zone {
  readonly name: string;
  /** Offset from UTC in ms (local = utc + offset) at the instant. */
  offsetAt(epochMs: number): number;
}

/** Go's time.UTC. */
export const UTC: Zone = { name: "UTC", offsetAt: () => 0 };

const cache = new Map<string, Zone>();

/**
 * Go's time.LoadLocation: "" and "UTC" are UTC; other names must be IANA zones.
 * Returns Go's error text (`unknown time zone X`) for names it cannot find. "Local" is
 * treated as UTC: the simulated kube-controller-manager runs with TZ unset, as in a container.
 */
export function loadLocation(name: string): Zone | { error: string } {
  if (name === "" || name === "UTC" || name === "Local") return UTC;
  const cached = cache.get(name);
  if (cached) return cached;
  const zone = intlZone(name);
  if (!zone) return { error: `unknown time zone ${name}` };
  cache.set(name, zone);
  return zone;
}

function intlZone(name: string): Zone | undefined {
  // Go finds zones by file name: no offsets like "+05:00", and the case must match.
  if (!/^[A-Za-z]/.test(name)) return undefined;
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: name,
      hourCycle: "h23",
      era: "short",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
  } catch {
    return undefined;
  }
  const resolved = format.resolvedOptions().timeZone;
  if (resolved.toLowerCase() === name.toLowerCase() && resolved !== name) return undefined;
  return { name, offsetAt: (epochMs) => intlOffset(format, epochMs) };
}

function intlOffset(format: Intl.DateTimeFormat, epochMs: number): number {
  const whole = epochMs - mod(epochMs, 1000);
  const f: Record<string, string> = {};
  for (const p of format.formatToParts(whole)) f[p.type] = p.value;
  const year = f.era === "BC" || f.era === "B" ? 1 - Number(f.year) : Number(f.year);
  const local = utcMs(
    year,
    Number(f.month),
    Number(f.day),
    Number(f.hour),
    Number(f.minute),
    Number(f.second),
  );
  return local - whole;
}

/** Floor modulo, for instants before 1970. */
export function mod(a: number, b: number): number {
  return ((a % b) + b) % b;
}

/** Date.UTC without its 0-99 → 1900s quirk; fields overflow and normalise like Go's. */
export function utcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime();
}

/** The wall clock of an instant in a zone (Go's t.In(loc).Date()/Clock()/Weekday()). */
export function wallClock(epochMs: number, zone: Zone): WallClock {
  const d = new Date(epochMs + zone.offsetAt(epochMs));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
  };
}

/**
 * Go's time.Date(y, m, d, h, mi, s, 0, loc): normalises overflowing fields, then picks the
 * offset the way Go does, so a wall time inside a DST gap or overlap maps to the same
 * instant as in Go (gap: the offset before the transition wins; overlap: the first).
 */
export function dateIn(
  zone: Zone,
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): number {
  const local = utcMs(year, month, day, hour, minute, second);
  let offset = zone.offsetAt(local);
  const utc = local - offset;
  const actual = zone.offsetAt(utc);
  if (actual !== offset) offset = actual;
  return local - offset;
}

/** Go's t.AddDate(years, months, days) for an instant read in zone. */
export function addDate(epochMs: number, zone: Zone, years: number, months: number, days: number): number {
  const w = wallClock(epochMs, zone);
  const ms = mod(epochMs, 1000);
  return dateIn(zone, w.year + years, w.month + months, w.day + days, w.hour, w.minute, w.second) + ms;
}
