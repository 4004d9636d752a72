import { describe, expect, it } from "vitest";
import { parseRfc3339 } from "./rfc3339";

describe("RFC 3339 as Go's time.Parse reads it", () => {
  it("parses UTC and offsets, with or without fractional seconds", () => {
    expect(parseRfc3339("2024-08-30T06:00:00Z")).toEqual({ ms: Date.UTC(2024, 7, 30, 6) });
    expect(parseRfc3339("2024-08-30T08:00:00.5+02:00")).toEqual({ ms: Date.UTC(2024, 7, 30, 6, 0, 0, 500) });
  });

  it("names the part that failed, as Go does (recorded from kubectl 1.32)", () => {
    expect(parseRfc3339("foo")).toEqual({
      error: 'parsing time "foo" as "2006-01-02T15:04:05Z07:00": cannot parse "foo" as "2006"',
    });
    expect(parseRfc3339("2024-08-30 06:00:00Z")).toEqual({
      error:
        'parsing time "2024-08-30 06:00:00Z" as "2006-01-02T15:04:05Z07:00": cannot parse " 06:00:00Z" as "T"',
    });
  });
});
