import { describe, expect, it } from "vitest";
import { formatClock, formatInstant, simulationDay } from "./formatClock";

const start = Date.parse("2026-01-05T10:00:00Z");

describe("the simulated clock's text", () => {
  it("shows the UTC time of day, and the full instant for the tooltip", () => {
    expect(formatClock(start + 95_000)).toBe("10:01:35");
    expect(formatInstant(start)).toBe("2026-01-05 10:00:00 UTC");
  });

  it("counts days from the start's day, so that a fast-forward past midnight reads as the next day", () => {
    expect(simulationDay(start, start)).toBe(1);
    expect(simulationDay(Date.parse("2026-01-05T23:59:59Z"), start)).toBe(1);
    expect(simulationDay(Date.parse("2026-01-06T00:00:00Z"), start)).toBe(2);
    expect(simulationDay(Date.parse("2026-01-08T09:25:00Z"), start)).toBe(4);
  });
});
