import { describe, expect, it } from "vitest";
import { parseCronSchedule, type CronSchedule } from "./cron";
import {
  formatSchedule,
  mostRecentScheduleTime,
  NEXT_SCHEDULE_DELTA_MS,
  nextScheduleTime,
  nextScheduleTimeDuration,
  TOO_MANY_MISSED_MESSAGE,
  type MissedSchedules,
  type ScheduleInputs,
} from "./scheduleTimes";

// Kubernetes pkg/controller/cronjob/utils_test.go fixtures.
const TOP = Date.UTC(2016, 4, 19, 10, 0, 0); // 2016-05-19T10:00:00Z, a Thursday
const S = 1000;
const M = 60 * S;
const H = 60 * M;
const after = (ms: number) => TOP + ms;

function sched(spec: string): CronSchedule {
  const { schedule, error } = parseCronSchedule(spec);
  if (!schedule) throw new Error(error);
  return schedule;
}

describe("mostRecentScheduleTime (utils_test TestMostRecentScheduleTime)", () => {
  interface Row {
    name: string;
    spec: string;
    cj: ScheduleInputs;
    now: number;
    includeSDS?: boolean;
    earliest?: number;
    recent: number | null;
    missed?: MissedSchedules;
    wantErr?: boolean;
  }
  const rows: Row[] = [
    {
      name: "now before next schedule",
      spec: "0 * * * *",
      cj: { creationTimestamp: TOP },
      now: after(30 * S),
      recent: null,
      earliest: TOP,
    },
    {
      name: "now just after next schedule",
      spec: "0 * * * *",
      cj: { creationTimestamp: TOP },
      now: after(61 * M),
      recent: after(60 * M),
      earliest: TOP,
    },
    {
      name: "missed 5 schedules",
      spec: "0 * * * *",
      cj: { creationTimestamp: after(10 * S) },
      now: after(301 * M),
      recent: after(300 * M),
      earliest: after(10 * S),
      missed: "few",
    },
    {
      name: "complex schedule",
      spec: "30 6-16/4 * * 1-5",
      cj: { creationTimestamp: TOP, lastScheduleTime: after(30 * M) },
      now: after(24 * H + 31 * M),
      recent: after(24 * H + 30 * M),
      earliest: after(30 * M),
      missed: "few",
    },
    {
      name: "another complex schedule",
      spec: "30 10,11,12 * * 1-5",
      cj: { creationTimestamp: TOP, lastScheduleTime: after(30 * M) },
      now: after(30 * H + 30 * M),
      recent: null,
      earliest: after(30 * M),
      missed: "few",
    },
    {
      name: "complex schedule with longer diff between executions",
      spec: "30 6-16/4 * * 1-5",
      cj: { creationTimestamp: TOP, lastScheduleTime: after(30 * M) },
      now: after(96 * H + 31 * M),
      recent: after(96 * H + 30 * M),
      earliest: after(30 * M),
      missed: "few",
    },
    {
      name: "complex schedule with shorter diff between executions",
      spec: "30 6-16/4 * * 1-5",
      cj: { creationTimestamp: TOP },
      now: after(24 * H + 31 * M),
      recent: after(24 * H + 30 * M),
      earliest: TOP,
      missed: "few",
    },
    {
      name: "@every schedule",
      spec: "@every 1h",
      cj: { creationTimestamp: after(-59 * M), startingDeadlineSeconds: 10, lastScheduleTime: after(1 * M) },
      now: after(7 * 24 * H),
      recent: after(6 * 24 * H + 23 * H + 1 * M),
      earliest: after(1 * M),
      missed: "many",
    },
    {
      name: "rogue cronjob",
      spec: "59 23 31 2 *",
      cj: { creationTimestamp: after(10 * S) },
      now: after(1 * H),
      recent: null,
      wantErr: true,
    },
    {
      name: "earliestTime being CreationTimestamp and LastScheduleTime",
      spec: "0 * * * *",
      cj: { creationTimestamp: TOP, lastScheduleTime: TOP },
      now: after(30 * S),
      earliest: TOP,
      recent: null,
    },
    {
      name: "earliestTime being LastScheduleTime",
      spec: "*/5 * * * *",
      cj: { creationTimestamp: TOP, lastScheduleTime: after(30 * M) },
      now: after(31 * M),
      earliest: after(30 * M),
      recent: null,
    },
    {
      name: "earliestTime being LastScheduleTime (within StartingDeadlineSeconds)",
      spec: "*/5 * * * *",
      cj: { creationTimestamp: TOP, startingDeadlineSeconds: 60, lastScheduleTime: after(30 * M) },
      now: after(31 * M),
      earliest: after(30 * M),
      recent: null,
    },
    {
      name: "earliestTime being LastScheduleTime (outside StartingDeadlineSeconds)",
      spec: "*/5 * * * *",
      cj: { creationTimestamp: TOP, startingDeadlineSeconds: 60, lastScheduleTime: after(30 * M) },
      includeSDS: true,
      now: after(32 * M),
      earliest: after(31 * M),
      recent: null,
    },
  ];
  it.each(rows)("$name", (row) => {
    const got = mostRecentScheduleTime(row.cj, row.now, sched(row.spec), row.includeSDS ?? false);
    if (row.wantErr) {
      expect(got.error).toBe("time difference between two schedules is less than 1 second");
      return;
    }
    expect(got.error).toBeUndefined();
    expect(got.earliestTime).toBe(row.earliest);
    expect(got.mostRecentTime).toBe(row.recent);
    expect(got.missedSchedules).toBe(row.missed ?? "none");
  });
});

describe("nextScheduleTime (utils_test TestNextScheduleTime)", () => {
  const hourly = sched("0 * * * ?");
  const T1 = TOP;
  const T2 = after(H);
  it("needs no start before the first slot", () => {
    expect(nextScheduleTime({ creationTimestamp: T1 - 10 * M }, T1 - 7 * M, hourly).time).toBeNull();
  });
  it("starts the first slot once it has passed", () => {
    expect(nextScheduleTime({ creationTimestamp: T1 - 10 * M }, T1 + 2 * S, hourly).time).toBe(T1);
  });
  it("needs nothing when the last schedule time is the latest slot", () => {
    expect(
      nextScheduleTime({ creationTimestamp: T1 - 10 * M, lastScheduleTime: T1 }, T1 + 2 * M, hourly).time,
    ).toBeNull();
  });
  it("starts the slot after the last schedule time", () => {
    expect(
      nextScheduleTime({ creationTimestamp: T1 - 10 * M, lastScheduleTime: T1 }, T2 + 5 * M, hourly).time,
    ).toBe(T2);
  });
  it("starts only the most recent of two missed slots", () => {
    const cj = { creationTimestamp: T1 - 2 * H, lastScheduleTime: T1 - H };
    expect(nextScheduleTime(cj, T2 + 5 * M, hourly).time).toBe(T2);
  });
  it("still starts a job after ten days down, warning about too many missed times", () => {
    const got = nextScheduleTime(
      { creationTimestamp: T1 - 2 * H, lastScheduleTime: T1 - H },
      T2 + 240 * H,
      hourly,
    );
    expect(got.time).toBe(T2 + 240 * H);
    expect(got.tooManyMissedEvent).toBe(TOO_MANY_MISSED_MESSAGE);
  });
  it("does not warn when a short startingDeadlineSeconds bounds the missed times", () => {
    const cj = {
      creationTimestamp: T1 - 2 * H,
      lastScheduleTime: T1 - H,
      startingDeadlineSeconds: 2 * 60 * 60,
    };
    const got = nextScheduleTime(cj, T2 + 240 * H, hourly);
    expect(got.time).toBe(T2 + 240 * H);
    expect(got.tooManyMissedEvent).toBeUndefined();
  });
  it("passes up the error of an impossible schedule", () => {
    const got = nextScheduleTime({ creationTimestamp: T1 + 10 * S }, after(H), sched("59 23 31 2 *"));
    expect(got).toEqual({ time: null, error: "time difference between two schedules is less than 1 second" });
  });
});

describe("nextScheduleTimeDuration (utils_test TestNextScheduleTimeDuration)", () => {
  it.each([
    [
      "complex schedule skipping weekend",
      "30 6-16/4 * * 1-5",
      { creationTimestamp: TOP, lastScheduleTime: after(30 * M) },
      after(24 * H + 31 * M),
      3 * H + 59 * M,
    ],
    [
      "another complex schedule skipping weekend",
      "30 10,11,12 * * 1-5",
      { creationTimestamp: TOP, lastScheduleTime: after(30 * M) },
      after(30 * H + 30 * M),
      66 * H,
    ],
    [
      "once a week cronjob, missed two runs",
      "0 12 * * 4",
      { creationTimestamp: TOP, lastScheduleTime: after(2 * H) },
      after(19 * 24 * H + H + 30 * M),
      48 * H + 30 * M,
    ],
    ["no previous run of a cronjob", "0 12 * * 5", { creationTimestamp: TOP }, after(6 * H), 20 * H],
  ] as const)("%s", (_name, spec, cj, now, expected) => {
    expect(nextScheduleTimeDuration(cj, now, sched(spec))).toBe(expected + NEXT_SCHEDULE_DELTA_MS);
  });
});

describe("time zones", () => {
  it("schedules in spec.timeZone through a TZ= prefix", () => {
    const { spec } = formatSchedule("0 9 * * *", "Europe/Paris");
    expect(spec).toBe("TZ=Europe/Paris 0 9 * * *");
    // 09:00 in Paris in May is 07:00 UTC.
    const got = nextScheduleTime({ creationTimestamp: TOP }, Date.UTC(2016, 4, 20, 7, 0, 30), sched(spec));
    expect(got.time).toBe(Date.UTC(2016, 4, 20, 7, 0, 0));
  });
  it("keeps a schedule that already says TZ, with Kubernetes' warning", () => {
    expect(formatSchedule("CRON_TZ=UTC * * * * *", "Europe/Paris")).toEqual({
      spec: "CRON_TZ=UTC * * * * *",
      unsupportedScheduleEvent:
        'CRON_TZ or TZ used in schedule "CRON_TZ=UTC * * * * *" is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details',
    });
  });
  it("ignores a time zone that does not load", () => {
    expect(formatSchedule("* * * * *", "Europe/Pariss")).toEqual({ spec: "* * * * *" });
  });
});
