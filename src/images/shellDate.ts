/** busybox `date`: its default format and the strftime conversions scripts use, in UTC. */

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const FULL_DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const FULL_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** busybox date's default: `%a %b %e %H:%M:%S %Z %Y`, e.g. "Mon Jan  5 10:00:00 UTC 2026". */
export const BUSYBOX_DATE_FORMAT = "%a %b %e %H:%M:%S %Z %Y";

const pad = (n: number, width = 2, fill = "0") => String(n).padStart(width, fill);

/** strftime(3) in UTC, for the conversions lesson scripts use; unknown ones stay as typed. */
export function strftime(format: string, epochMs: number): string {
  const d = new Date(epochMs);
  const conv: Record<string, () => string> = {
    a: () => DAYS[d.getUTCDay()],
    A: () => FULL_DAYS[d.getUTCDay()],
    b: () => MONTHS[d.getUTCMonth()],
    h: () => MONTHS[d.getUTCMonth()],
    B: () => FULL_MONTHS[d.getUTCMonth()],
    d: () => pad(d.getUTCDate()),
    e: () => pad(d.getUTCDate(), 2, " "),
    H: () => pad(d.getUTCHours()),
    I: () => pad(((d.getUTCHours() + 11) % 12) + 1),
    M: () => pad(d.getUTCMinutes()),
    S: () => pad(d.getUTCSeconds()),
    m: () => pad(d.getUTCMonth() + 1),
    y: () => pad(d.getUTCFullYear() % 100),
    Y: () => String(d.getUTCFullYear()),
    p: () => (d.getUTCHours() < 12 ? "AM" : "PM"),
    j: () => pad(Math.floor((epochMs - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1, 3),
    s: () => String(Math.floor(epochMs / 1000)),
    N: () => pad((((epochMs % 1000) + 1000) % 1000) * 1_000_000, 9),
    u: () => String(d.getUTCDay() || 7),
    w: () => String(d.getUTCDay()),
    Z: () => "UTC",
    z: () => "+0000",
    n: () => "\n",
    t: () => "\t",
    "%": () => "%",
    T: () => strftime("%H:%M:%S", epochMs),
    R: () => strftime("%H:%M", epochMs),
    D: () => strftime("%m/%d/%y", epochMs),
    F: () => strftime("%Y-%m-%d", epochMs),
    c: () => strftime("%a %b %e %H:%M:%S %Y", epochMs),
  };
  return format.replace(/%([%a-zA-Z])/g, (all, c: string) => conv[c]?.() ?? all);
}
