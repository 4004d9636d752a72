import { describe, expect, it } from "vitest";
import { replayLesson } from "../../src/lessons/replay";
import { buildCourse, groupLessonFiles } from "./courseFiles";
import { fixtureTexts } from "./fixture";

describe("the bundled course", () => {
  it("groups files by lesson folder", () => {
    expect(
      groupLessonFiles({ "/lessons/a/en.yaml": "x", "/lessons/a/zh.yaml": "y", "/other.yaml": "z" }),
    ).toEqual({
      a: { "en.yaml": "x", "zh.yaml": "y" },
    });
  });

  it("parses lessons in course order and sets aside a lesson that does not parse", () => {
    const texts = fixtureTexts();
    const second = Object.fromEntries(
      Object.entries(texts).map(([path, text]) => [
        path.replace("00-fixture", "02-later"),
        text.replace("id: 00-fixture", "id: 02-later").replace("order: 1", "order: 2"),
      ]),
    );
    const course = buildCourse({ "/lessons/09-broken/lesson.yaml": "id: [", ...second, ...texts });
    expect(course.lessons.map((l) => l.spec.id)).toEqual(["00-fixture", "02-later"]);
    expect(course.problems).toHaveLength(1);
    expect(course.problems[0]).toMatch(/lesson 09-broken/);
  });

  it("has a fixture lesson that replays headless, so the runner's tests mean something", () => {
    const [lesson] = buildCourse(fixtureTexts()).lessons;
    expect(replayLesson(lesson).map((r) => [r.stepId, r.failedBefore, r.passedAfter, r.problem])).toEqual([
      ["make-namespace", true, true, undefined],
      ["run-pod", true, true, undefined],
      ["why", true, true, undefined],
    ]);
  });
});
