/** Test helper: robfig's spec_test `getTime` layouts, read in UTC (robfig's "Local"). */
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * Parses "Mon Jul 9 15:04 2012", "Mon Jul 9 15:04:05 2012" (UTC, optional ".mmm" seconds)
 * or "2012-03-11T00:00:00-0500" (explicit offset) to epoch ms; "" is Go's zero time.
 */
export function goTime(value: string, zero: number): number {
  if (value === "") return zero;
  const human = /^\w{3} (\w{3}) (\d+) (\d+):(\d+)(?::(\d+)(?:\.(\d+))?)? (\d{4})$/.exec(value);
  if (human) {
    const [, mon, day, h, mi, s, frac, y] = human;
    const ms = frac ? Number(frac.padEnd(3, "0").slice(0, 3)) : 0;
    return Date.UTC(Number(y), MONTHS.indexOf(mon), Number(day), Number(h), Number(mi), Number(s ?? 0), ms);
  }
  const iso = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)([+-])(\d\d)(\d\d)$/.exec(value);
  if (!iso) throw new Error(`could not parse time value ${value}`);
  const [, y, mo, d, h, mi, s, sign, oh, om] = iso;
  const offset = (sign === "-" ? -1 : 1) * (Number(oh) * 60 + Number(om)) * 60_000;
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) - offset;
}
