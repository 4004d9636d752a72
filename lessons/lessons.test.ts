import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseLesson } from "../src/lessons/parse";
import { replayLesson } from "../src/lessons/replay";

/**
 * Every folder under lessons/ is a lesson. Each must follow the format, be fully translated,
 * and replay headless: every step's checks fail on its starting state and pass after its
 * solution and the stated simulated time.
 */
const lessonsDir = new URL(".", import.meta.url).pathname;
const folders = readdirSync(lessonsDir).filter((entry) => statSync(join(lessonsDir, entry)).isDirectory());

function readLessonFiles(folder: string): Record<string, string> {
  const dir = join(lessonsDir, folder);
  return Object.fromEntries(readdirSync(dir).map((file) => [file, readFileSync(join(dir, file), "utf8")]));
}

describe("lessons", () => {
  it("are discovered from the lessons/ folder in course order", () => {
    const orders = folders.map((folder) => parseLesson(folder, readLessonFiles(folder)).spec.order);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
  });

  for (const folder of folders) {
    describe(folder, () => {
      const lesson = parseLesson(folder, readLessonFiles(folder));
      const replays = replayLesson(lesson);
      for (const replay of replays) {
        it(`step ${replay.stepId}: checks fail before the solution and pass after it`, () => {
          expect(replay.failedBefore, "the checks already pass on the starting state").toBe(true);
          expect(replay.problem).toBeUndefined();
          expect(replay.passedAfter).toBe(true);
        });
      }
    });
  }
});
