import { describe, expect, it } from "vitest";
import {
  humanDuration,
  parseTimestamp,
  shortHumanDuration,
  translateTimestampSince,
  translateTimestampUntil,
} from "./duration";

// Tables ported from k8s.io/apimachinery/pkg/util/duration/duration_test.go.
const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;
const y = 365 * d;
const ms = 1;

describe("humanDuration", () => {
  it.each([
    [s, "1s"],
    [70 * s, "70s"],
    [190 * s, "3m10s"],
    [70 * m, "70m"],
    [47 * h, "47h"],
    [49 * h, "2d1h"],
    [(8 * 24 + 2) * h, "8d"],
    [367 * d, "367d"],
    [(365 * 2 * 24 + 25) * h, "2y1d"],
    [(365 * 8 * 24 + 2) * h, "8y"],
  ])("prints %d ms as %s", (duration, want) => {
    expect(humanDuration(duration)).toBe(want);
  });

  it.each([
    [-2 * s, "<invalid>"],
    [-2 * s + 0.000001, "0s"],
    [0, "0s"],
    [s - ms, "0s"],
    [2 * m - ms, "119s"],
    [2 * m, "2m"],
    [2 * m + s, "2m1s"],
    [10 * m - ms, "9m59s"],
    [10 * m, "10m"],
    [10 * m + s, "10m"],
    [3 * h - ms, "179m"],
    [3 * h, "3h"],
    [3 * h + m, "3h1m"],
    [8 * h - ms, "7h59m"],
    [8 * h, "8h"],
    [8 * h + 59 * m, "8h"],
    [2 * d - ms, "47h"],
    [2 * d, "2d"],
    [2 * d + h, "2d1h"],
    [8 * d - ms, "7d23h"],
    [8 * d, "8d"],
    [8 * d + 23 * h, "8d"],
    [2 * y - ms, "729d"],
    [2 * y, "2y"],
    [2 * y + 23 * h, "2y"],
    [2 * y + 23 * h + 59 * m, "2y"],
    [2 * y + d - ms, "2y"],
    [2 * y + d, "2y1d"],
    [3 * y, "3y"],
    [4 * y, "4y"],
    [5 * y, "5y"],
    [6 * y, "6y"],
    [7 * y, "7y"],
    [8 * y - ms, "7y364d"],
    [8 * y, "8y"],
    [8 * y + 364 * d, "8y"],
    [9 * y, "9y"],
  ])("keeps the boundary %d ms as %s", (duration, want) => {
    expect(humanDuration(duration)).toBe(want);
  });
});

describe("shortHumanDuration", () => {
  it.each([
    [-2 * s, "<invalid>"],
    [-2 * s + 0.000001, "0s"],
    [0, "0s"],
    [s - ms, "0s"],
    [s, "1s"],
    [2 * s - ms, "1s"],
    [m - ms, "59s"],
    [m, "1m"],
    [2 * m - ms, "1m"],
    [h - ms, "59m"],
    [h, "1h"],
    [2 * h - ms, "1h"],
    [d - ms, "23h"],
    [d, "1d"],
    [2 * d - ms, "1d"],
    [y - ms, "364d"],
    [y, "1y"],
    [2 * y - ms, "1y"],
    [2 * y, "2y"],
  ])("keeps the boundary %d ms as %s", (duration, want) => {
    expect(shortHumanDuration(duration)).toBe(want);
  });
});

describe("parseTimestamp", () => {
  it("reads RFC 3339 times in UTC and with offsets", () => {
    expect(parseTimestamp("2024-05-01T12:00:00Z")).toBe(Date.UTC(2024, 4, 1, 12));
    expect(parseTimestamp("2024-05-01T14:30:00+02:30")).toBe(Date.UTC(2024, 4, 1, 12));
  });

  it("reads MicroTime fractions", () => {
    expect(parseTimestamp("2024-05-01T12:00:00.250000Z")).toBe(Date.UTC(2024, 4, 1, 12) + 250);
  });

  it("treats missing, malformed and Go zero times as unset", () => {
    expect(parseTimestamp(undefined)).toBeUndefined();
    expect(parseTimestamp("")).toBeUndefined();
    expect(parseTimestamp("yesterday")).toBeUndefined();
    expect(parseTimestamp("0001-01-01T00:00:00Z")).toBeUndefined();
  });
});

describe("translateTimestampSince", () => {
  const now = Date.UTC(2024, 4, 1, 12);

  it("prints the age of a timestamp", () => {
    expect(translateTimestampSince("2024-05-01T11:57:50Z", now)).toBe("2m10s");
    expect(translateTimestampSince("2024-04-29T11:00:00Z", now)).toBe("2d1h");
  });

  it("prints <unknown> for a missing timestamp", () => {
    expect(translateTimestampSince(undefined, now)).toBe("<unknown>");
  });

  it("prints <invalid> for a timestamp well in the future", () => {
    expect(translateTimestampSince("2024-05-01T12:00:05Z", now)).toBe("<invalid>");
    expect(translateTimestampSince("2024-05-01T12:00:01Z", now)).toBe("0s");
  });

  it("prints the time left until a timestamp", () => {
    expect(translateTimestampUntil("2024-05-01T12:05:00Z", now)).toBe("5m");
  });
});
