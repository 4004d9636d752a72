import { describe, expect, it } from "vitest";
import { parseCronSchedule, ZERO_TIME, type CronSchedule } from "./cron";
import { goTime } from "./cronTestTime";

const t = (value: string) => goTime(value, ZERO_TIME);

function mustParse(spec: string): CronSchedule {
  const { schedule, error } = parseCronSchedule(spec);
  if (!schedule) throw new Error(error);
  return schedule;
}

// robfig/cron v3 spec_test.go TestActivation: is `time` an activation of `spec`?
describe("activation", () => {
  const cases: [string, string, boolean][] = [
    ["Mon Jul 9 15:00 2012", "0/15 * * * *", true],
    ["Mon Jul 9 15:45 2012", "0/15 * * * *", true],
    ["Mon Jul 9 15:40 2012", "0/15 * * * *", false],
    ["Mon Jul 9 15:05 2012", "5/15 * * * *", true],
    ["Mon Jul 9 15:20 2012", "5/15 * * * *", true],
    ["Mon Jul 9 15:50 2012", "5/15 * * * *", true],
    ["Sun Jul 15 15:00 2012", "0/15 * * Jul *", true],
    ["Sun Jul 15 15:00 2012", "0/15 * * Jun *", false],
    ["Sun Jul 15 08:30 2012", "30 08 ? Jul Sun", true],
    ["Sun Jul 15 08:30 2012", "30 08 15 Jul ?", true],
    ["Mon Jul 16 08:30 2012", "30 08 ? Jul Sun", false],
    ["Mon Jul 16 08:30 2012", "30 08 15 Jul ?", false],
    ["Mon Jul 9 15:00 2012", "@hourly", true],
    ["Mon Jul 9 15:04 2012", "@hourly", false],
    ["Mon Jul 9 15:00 2012", "@daily", false],
    ["Mon Jul 9 00:00 2012", "@daily", true],
    ["Mon Jul 9 00:00 2012", "@weekly", false],
    ["Sun Jul 8 00:00 2012", "@weekly", true],
    ["Sun Jul 8 01:00 2012", "@weekly", false],
    ["Sun Jul 8 00:00 2012", "@monthly", false],
    ["Sun Jul 1 00:00 2012", "@monthly", true],
    ["Sun Jul 15 00:00 2012", "* * 1,15 * Sun", true],
    ["Fri Jun 15 00:00 2012", "* * 1,15 * Sun", true],
    ["Wed Aug 1 00:00 2012", "* * 1,15 * Sun", true],
    ["Sun Jul 15 00:00 2012", "* * */10 * Sun", true],
    ["Sun Jul 15 00:00 2012", "* * * * Mon", false],
    ["Mon Jul 9 00:00 2012", "* * 1,15 * *", false],
    ["Sun Jul 15 00:00 2012", "* * 1,15 * *", true],
    ["Sun Jul 15 00:00 2012", "* * */2 * Sun", true],
  ];
  it.each(cases)("%s against %s is %s", (time, spec, expected) => {
    const at = t(time);
    expect(mustParse(spec).next(at - 1000) === at).toBe(expected);
  });
});

// robfig TestNext, restricted to the rows whose seconds field is 0 (dropped: Kubernetes
// parses 5 fields). Times without an offset are UTC.
describe("next", () => {
  const cases: [string, string, string][] = [
    ["Mon Jul 9 14:45 2012", "0/15 * * * *", "Mon Jul 9 15:00 2012"],
    ["Mon Jul 9 14:59 2012", "0/15 * * * *", "Mon Jul 9 15:00 2012"],
    ["Mon Jul 9 14:59:59 2012", "0/15 * * * *", "Mon Jul 9 15:00 2012"],
    ["Mon Jul 9 15:45 2012", "20-35/15 * * * *", "Mon Jul 9 16:20 2012"],
    ["Mon Jul 9 23:46 2012", "*/15 * * * *", "Tue Jul 10 00:00 2012"],
    ["Mon Jul 9 23:45 2012", "20-35/15 * * * *", "Tue Jul 10 00:20 2012"],
    ["Mon Jul 9 23:35 2012", "0 0 9 Apr-Oct ?", "Thu Aug 9 00:00 2012"],
    ["Mon Jul 9 23:35 2012", "0 0 */5 Apr,Aug,Oct Mon", "Tue Aug 1 00:00 2012"],
    ["Mon Jul 9 23:35 2012", "0 0 */5 Oct Mon", "Mon Oct 1 00:00 2012"],
    ["Mon Jul 9 23:35 2012", "0 0 * Feb Mon", "Mon Feb 4 00:00 2013"],
    ["Mon Jul 9 23:35 2012", "0 0 * Feb Mon/2", "Fri Feb 1 00:00 2013"],
    ["Mon Dec 31 23:59:45 2012", "* * * * *", "Tue Jan 1 00:00:00 2013"],
    ["Mon Jul 9 23:35 2012", "0 0 29 Feb ?", "Mon Feb 29 00:00 2016"],
    ["2012-03-11T00:00:00-0500", "TZ=America/New_York 30 2 11 Mar ?", "2013-03-11T02:30:00-0400"],
    ["2012-03-11T00:00:00-0500", "TZ=America/New_York 0 * * * ?", "2012-03-11T01:00:00-0500"],
    ["2012-03-11T01:00:00-0500", "TZ=America/New_York 0 * * * ?", "2012-03-11T03:00:00-0400"],
    ["2012-03-11T03:00:00-0400", "TZ=America/New_York 0 * * * ?", "2012-03-11T04:00:00-0400"],
    ["2012-03-11T04:00:00-0400", "TZ=America/New_York 0 * * * ?", "2012-03-11T05:00:00-0400"],
    ["2012-03-11T00:00:00-0500", "CRON_TZ=America/New_York 0 * * * ?", "2012-03-11T01:00:00-0500"],
    ["2012-03-11T01:00:00-0500", "CRON_TZ=America/New_York 0 * * * ?", "2012-03-11T03:00:00-0400"],
    ["2012-03-11T00:00:00-0500", "TZ=America/New_York 0 1 * * ?", "2012-03-11T01:00:00-0500"],
    ["2012-03-11T01:00:00-0500", "TZ=America/New_York 0 1 * * ?", "2012-03-12T01:00:00-0400"],
    ["2012-03-11T00:00:00-0500", "TZ=America/New_York 0 2 * * ?", "2012-03-12T02:00:00-0400"],
    ["2012-11-04T00:00:00-0400", "TZ=America/New_York 30 2 04 Nov ?", "2012-11-04T02:30:00-0500"],
    ["2012-11-04T01:45:00-0400", "TZ=America/New_York 30 1 04 Nov ?", "2012-11-04T01:30:00-0500"],
    ["2012-11-04T00:00:00-0400", "TZ=America/New_York 0 * * * ?", "2012-11-04T01:00:00-0400"],
    ["2012-11-04T01:00:00-0400", "TZ=America/New_York 0 * * * ?", "2012-11-04T01:00:00-0500"],
    ["2012-11-04T01:00:00-0500", "TZ=America/New_York 0 * * * ?", "2012-11-04T02:00:00-0500"],
    ["2012-11-04T00:00:00-0400", "TZ=America/New_York 0 1 * * ?", "2012-11-04T01:00:00-0400"],
    ["2012-11-04T01:00:00-0400", "TZ=America/New_York 0 1 * * ?", "2012-11-04T01:00:00-0500"],
    ["2012-11-04T01:00:00-0500", "TZ=America/New_York 0 1 * * ?", "2012-11-05T01:00:00-0500"],
    ["2012-11-04T00:00:00-0400", "TZ=America/New_York 0 2 * * ?", "2012-11-04T02:00:00-0500"],
    ["2012-11-04T02:00:00-0500", "TZ=America/New_York 0 2 * * ?", "2012-11-05T02:00:00-0500"],
    ["2012-11-04T00:00:00-0400", "TZ=America/New_York 0 3 * * ?", "2012-11-04T03:00:00-0500"],
    ["2012-11-04T03:00:00-0500", "TZ=America/New_York 0 3 * * ?", "2012-11-05T03:00:00-0500"],
    ["Mon Jul 9 23:35 2012", "0 0 30 Feb ?", ""],
    ["Mon Jul 9 23:35 2012", "0 0 31 Apr ?", ""],
    ["2012-11-04T00:00:00-0400", "TZ=America/New_York 0 3 3 * ?", "2012-12-03T03:00:00-0500"],
    // robfig issue 157: DST that removes midnight (Sao Paulo, 2018).
    ["2018-10-17T05:00:00-0400", "TZ=America/Sao_Paulo 0 9 10 * ?", "2018-11-10T06:00:00-0500"],
    ["2018-02-14T05:00:00-0500", "TZ=America/Sao_Paulo 0 9 22 * ?", "2018-02-22T07:00:00-0500"],
  ];
  it.each(cases)("after %s, %s fires at %s", (from, spec, expected) => {
    expect(mustParse(spec).next(t(from))).toBe(t(expected));
  });

  // robfig TestNext rows with "TZ=America/New_York <time>": the time's own zone is used.
  it.each([
    ["2012-11-04T00:00:00-0400", "0 * * * ?", "2012-11-04T01:00:00-0400"],
    ["2012-11-04T01:00:00-0400", "0 * * * ?", "2012-11-04T01:00:00-0500"],
    ["2012-11-04T01:00:00-0500", "0 * * * ?", "2012-11-04T02:00:00-0500"],
    ["2012-11-04T01:00:00-0400", "0 1 * * ?", "2012-11-04T01:00:00-0500"],
    ["2012-11-04T00:00:00-0400", "0 2 * * ?", "2012-11-04T02:00:00-0500"],
  ])("after %s in New York, %s fires at %s", (from, spec, expected) => {
    expect(mustParse(spec).next(t(from), "America/New_York")).toBe(t(expected));
  });

  // robfig TestNextWithTz, with the +0530 zone named.
  it.each([
    ["2016-01-03T13:09:03+0530", "14 14 * * *", "2016-01-03T14:14:00+0530"],
    ["2016-01-03T04:09:03+0530", "14 14 * * ?", "2016-01-03T14:14:00+0530"],
    ["2016-01-03T14:09:03+0530", "14 14 * * *", "2016-01-03T14:14:00+0530"],
    ["2016-01-03T14:00:00+0530", "14 14 * * ?", "2016-01-03T14:14:00+0530"],
  ])("after %s in Kolkata, %s fires at %s", (from, spec, expected) => {
    expect(mustParse(spec).next(t(from), "Asia/Kolkata")).toBe(t(expected));
  });

  it("ignores the caller's zone when the spec names its own", () => {
    const s = mustParse("TZ=UTC 0 12 * * *");
    expect(s.location).toBe("UTC");
    expect(s.next(t("Mon Jul 9 00:00 2012"), "Asia/Tokyo")).toBe(t("Mon Jul 9 12:00 2012"));
  });

  it("always moves strictly forward, to a whole second", () => {
    const every = mustParse("* * * * *");
    expect(every.next(t("Mon Jul 9 14:45 2012"))).toBe(t("Mon Jul 9 14:46 2012"));
    expect(every.next(t("Mon Jul 9 14:45 2012") + 1)).toBe(t("Mon Jul 9 14:46 2012"));
  });
});

// robfig constantdelay_test.go, through `@every`.
describe("@every", () => {
  it.each([
    ["Mon Jul 9 14:59 2012", "@every 15m", "Mon Jul 9 15:14 2012"],
    ["Mon Jul 9 14:59:59 2012", "@every 15m", "Mon Jul 9 15:14:59 2012"],
    ["Mon Jul 9 15:45 2012", "@every 35m", "Mon Jul 9 16:20 2012"],
    ["Mon Jul 9 23:35:51 2012", "@every 25h44m24s", "Thu Jul 11 01:20:15 2012"],
    ["Mon Dec 31 23:59:45 2012", "@every 15s", "Tue Jan 1 00:00:00 2013"],
    ["Mon Jul 9 14:45 2012", "@every 15m0.00000005s", "Mon Jul 9 15:00 2012"],
    ["Mon Jul 9 14:45:00 2012", "@every 15ms", "Mon Jul 9 14:45:01 2012"],
    ["Mon Jul 9 14:45:00.005 2012", "@every 15m", "Mon Jul 9 15:00 2012"],
  ])("after %s, %s fires at %s", (from, spec, expected) => {
    expect(mustParse(spec).next(t(from))).toBe(t(expected));
  });
});

describe("parse errors", () => {
  it.each([
    ["", "empty spec string"],
    ["* * * *", "expected exactly 5 fields, found 4: [* * * *]"],
    ["xyz", "expected exactly 5 fields, found 1: [xyz]"],
    ["0 0 * * * *", "expected exactly 5 fields, found 6: [0 0 * * * *]"],
    ["5 j * * *", 'failed to parse int from j: strconv.Atoi: parsing "j": invalid syntax'],
    ["60 0 * * *", "end of range (60) above maximum (59): 60"],
    ["0 60 * * *", "end of range (60) above maximum (23): 60"],
    ["0-60 * * * *", "end of range (60) above maximum (59): 0-60"],
    ["0 0 0 * *", "beginning of range (0) below minimum (1): 0"],
    ["0 0 * * XYZ", 'failed to parse int from XYZ: strconv.Atoi: parsing "XYZ": invalid syntax'],
    ["@every Xm", 'failed to parse duration @every Xm: time: invalid duration "Xm"'],
    ["@unrecognized", "unrecognized descriptor: @unrecognized"],
    ["TZ=America/New_York 15/0 * * * *", "step of range should be a positive number: 15/0"],
    ["TZ=Mars/Olympus 0 * * * *", "provided bad location Mars/Olympus: unknown time zone Mars/Olympus"],
  ])("rejects %j with %j", (spec, message) => {
    expect(parseCronSchedule(spec)).toEqual({ error: message });
  });

  it("reports the first bad field, in field order", () => {
    expect(parseCronSchedule("99 99 * * *").error).toBe("end of range (99) above maximum (59): 99");
  });
});

describe("accepted specs", () => {
  it.each([
    "*/1 * * * *",
    "5 * * * *",
    "0 0 1 1 *",
    "@annually",
    "@yearly",
    "@midnight",
    "@every 1h30m",
    "  1  2 * * *  ",
  ])("accepts %j", (spec) => {
    expect(parseCronSchedule(spec).error).toBeUndefined();
  });

  it("fires the kubernetes.io hello example every minute", () => {
    const s = mustParse("* * * * *");
    expect(s.next(t("Mon Jan 5 10:00:30 2026"))).toBe(t("Mon Jan 5 10:01:00 2026"));
  });
});
