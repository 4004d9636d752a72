import { describe, expect, it } from "vitest";
import { parseLessonRoute, stepHash } from "./routes";

describe("lesson routes", () => {
  it("read a step URL with the step counted from 1 into a 0-based index", () => {
    expect(parseLessonRoute("#/lessons/07-deployment/3")).toEqual({
      kind: "step",
      lessonId: "07-deployment",
      step: 2,
    });
  });

  it("open a lesson at its first step when the URL names no step", () => {
    expect(parseLessonRoute("#/lessons/01-pods")).toEqual({ kind: "step", lessonId: "01-pods", step: 0 });
    expect(parseLessonRoute("#/lessons/01-pods/0")).toEqual({ kind: "step", lessonId: "01-pods", step: 0 });
  });

  it("name the list and the sandbox", () => {
    expect(parseLessonRoute("#/lessons")).toEqual({ kind: "list" });
    expect(parseLessonRoute("#/sandbox")).toEqual({ kind: "sandbox" });
  });

  it("leave permalinks, empty hashes and malformed ids alone", () => {
    expect(parseLessonRoute("#/s/1.abc")).toBeUndefined();
    expect(parseLessonRoute("")).toBeUndefined();
    expect(parseLessonRoute("#/lessons/Bad_Id/1")).toBeUndefined();
    expect(parseLessonRoute("#/lessons/x/<script>")).toBeUndefined();
  });

  it("write the same URL it reads", () => {
    expect(parseLessonRoute(stepHash("03-labels", 4))).toEqual({
      kind: "step",
      lessonId: "03-labels",
      step: 4,
    });
  });
});
