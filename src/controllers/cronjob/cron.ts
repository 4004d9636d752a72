/**
 * Cron schedules with exactly the semantics the CronJob controller gets from robfig/cron v3
 * `ParseStandard` (5 fields, names, ranges, steps, `?`, descriptors, `@every`, a `TZ=`/
 * `CRON_TZ=` prefix) and `Schedule.Next`. Error strings are robfig's, because the apiserver
 * returns them verbatim: `spec.schedule: Invalid value: "61 * * * *": end of range (61) above
 * maximum (59): 61`.
 */
import { all, BOUNDS, CronParseError, getField, hasBit, STAR_BIT } from "./cronField";
import {
  addDate,
  dateIn,
  loadLocation,
  mod,
  UTC,
  utcMs,
  wallClock,
  type WallClock,
  type Zone,
} from "./cronZone";
import { parseGoDuration } from "../../kubectl/cli/goDuration";

/** Go's zero time.Time (0001-01-01T00:00:00Z), which Next returns when nothing matches in 5 years. */
export const ZERO_TIME = utcMs(1, 1, 1);

/** A parsed schedule (robfig `cron.Schedule`). */
export interface CronSchedule {
  /** The zone named by a `TZ=`/`CRON_TZ=` prefix, if the spec had one. */
  readonly location?: string;
  /**
   * The next activation strictly after `afterEpochMs`, on a whole second. The zone is the
   * spec's own `TZ=` zone, else `timeZone` (the time's location in Go), else UTC.
   * Returns ZERO_TIME when no time within five years matches (e.g. `0 0 30 2 *`).
   */
  next(afterEpochMs: number, timeZone?: string): number;
}

/** Parse outcome: a schedule, or robfig's error message. */
export type CronParseResult =
  | { schedule: CronSchedule; error?: undefined }
  | { schedule?: undefined; error: string };

/** The six robfig fields; seconds is always "0" for standard specs. */
interface SpecFields {
  second: bigint;
  minute: bigint;
  hour: bigint;
  dom: bigint;
  month: bigint;
  dow: bigint;
}

/** Parses a standard (5-field) cron spec exactly as robfig/cron v3 `ParseStandard`. */
export function parseCronSchedule(spec: string): CronParseResult {
  try {
    return { schedule: parseStandard(spec) };
  } catch (e) {
    if (e instanceof CronParseError) return { error: e.message };
    throw e;
  }
}

function parseStandard(input: string): CronSchedule {
  if (input.length === 0) throw new CronParseError("empty spec string");
  let spec = input;
  let location: string | undefined;
  if (spec.startsWith("TZ=") || spec.startsWith("CRON_TZ=")) {
    // Go would panic on a prefix with no space; we report the whole rest as the zone name.
    const space = spec.indexOf(" ");
    const name = spec.slice(spec.indexOf("=") + 1, space < 0 ? undefined : space);
    const zone = loadLocation(name);
    if ("error" in zone) throw new CronParseError(`provided bad location ${name}: ${zone.error}`);
    location = name;
    spec = space < 0 ? "" : spec.slice(space).trim();
  }
  if (spec.startsWith("@")) return parseDescriptor(spec, location);
  const fields = spec.split(/\s+/).filter((f) => f !== "");
  if (fields.length !== 5) {
    throw new CronParseError(`expected exactly 5 fields, found ${fields.length}: [${fields.join(" ")}]`);
  }
  return specSchedule(
    {
      second: 1n,
      minute: getField(fields[0], BOUNDS.minutes),
      hour: getField(fields[1], BOUNDS.hours),
      dom: getField(fields[2], BOUNDS.dom),
      month: getField(fields[3], BOUNDS.months),
      dow: getField(fields[4], BOUNDS.dow),
    },
    location,
  );
}

function parseDescriptor(descriptor: string, location?: string): CronSchedule {
  const first = (r: { min: number }) => 1n << BigInt(r.min);
  const base = {
    second: 1n,
    minute: 1n,
    hour: 1n,
    dom: all(BOUNDS.dom),
    month: all(BOUNDS.months),
    dow: all(BOUNDS.dow),
  };
  switch (descriptor) {
    case "@yearly":
    case "@annually":
      return specSchedule({ ...base, dom: first(BOUNDS.dom), month: first(BOUNDS.months) }, location);
    case "@monthly":
      return specSchedule({ ...base, dom: first(BOUNDS.dom) }, location);
    case "@weekly":
      return specSchedule({ ...base, dow: first(BOUNDS.dow) }, location);
    case "@daily":
    case "@midnight":
      return specSchedule(base, location);
    case "@hourly":
      return specSchedule({ ...base, hour: all(BOUNDS.hours) }, location);
  }
  const every = "@every ";
  if (descriptor.startsWith(every)) {
    const d = parseGoDuration(descriptor.slice(every.length));
    if (!d.ok) throw new CronParseError(`failed to parse duration ${descriptor}: ${d.error}`);
    return constantDelay(d.value);
  }
  throw new CronParseError(`unrecognized descriptor: ${descriptor}`);
}

/** robfig `Every`: at least one second, truncated to whole seconds; `Next` snaps to the second. */
function constantDelay(nanos: bigint): CronSchedule {
  const atLeastOne = nanos < 1_000_000_000n ? 1_000_000_000n : nanos;
  const delayMs = Number(atLeastOne / 1_000_000_000n) * 1000;
  return { next: (after) => after + delayMs - mod(after, 1000) };
}

function specSchedule(fields: SpecFields, location?: string): CronSchedule {
  return {
    location,
    next(after: number, timeZone?: string): number {
      return nextActivation(fields, after, resolveZone(location ?? timeZone));
    },
  };
}

function resolveZone(name: string | undefined): Zone {
  if (name === undefined) return UTC;
  const zone = loadLocation(name);
  return "error" in zone ? UTC : zone;
}

/** robfig `dayMatches`: a star on either day field makes both required, else either will do. */
function dayMatches(s: SpecFields, w: WallClock): boolean {
  const domMatch = hasBit(s.dom, w.day);
  const dowMatch = hasBit(s.dow, w.weekday);
  if ((s.dom & STAR_BIT) !== 0n || (s.dow & STAR_BIT) !== 0n) return domMatch && dowMatch;
  return domMatch || dowMatch;
}

const HOUR = 3_600_000;
const MINUTE = 60_000;
const SECOND = 1000;

/**
 * robfig `SpecSchedule.Next`, step for step: find the month, then the day, hour, minute and
 * second, resetting the smaller fields once anything moved and starting over (WRAP) when a
 * field rolls over. DST corrections for a missing midnight are Go's.
 */
function nextActivation(s: SpecFields, after: number, zone: Zone): number {
  let t = after + SECOND - mod(after, SECOND);
  let added = false;
  const yearLimit = wallClock(t, zone).year + 5;
  let w = wallClock(t, zone);
  const move = (to: number) => {
    t = to;
    w = wallClock(t, zone);
  };
  wrap: for (;;) {
    if (w.year > yearLimit) return ZERO_TIME;
    while (!hasBit(s.month, w.month)) {
      if (!added) {
        added = true;
        move(dateIn(zone, w.year, w.month, 1, 0, 0, 0));
      }
      move(addDate(t, zone, 0, 1, 0));
      if (w.month === 1) continue wrap;
    }
    while (!dayMatches(s, w)) {
      if (!added) {
        added = true;
        move(dateIn(zone, w.year, w.month, w.day, 0, 0, 0));
      }
      move(addDate(t, zone, 0, 0, 1));
      if (w.hour !== 0) move(w.hour > 12 ? t + (24 - w.hour) * HOUR : t - w.hour * HOUR);
      if (w.day === 1) continue wrap;
    }
    while (!hasBit(s.hour, w.hour)) {
      if (!added) {
        added = true;
        move(dateIn(zone, w.year, w.month, w.day, w.hour, 0, 0));
      }
      move(t + HOUR);
      if (w.hour === 0) continue wrap;
    }
    while (!hasBit(s.minute, w.minute)) {
      if (!added) {
        added = true;
        move(t - mod(t, MINUTE));
      }
      move(t + MINUTE);
      if (w.minute === 0) continue wrap;
    }
    while (!hasBit(s.second, w.second)) {
      if (!added) {
        added = true;
        move(t - mod(t, SECOND));
      }
      move(t + SECOND);
      if (w.second === 0) continue wrap;
    }
    return t;
  }
}
