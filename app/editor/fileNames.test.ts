import { describe, expect, it } from "vitest";
import { fileNameProblem, freeFileName, MAX_FILES } from "./fileNames";

describe("editor file names", () => {
  it("pick the first free numbered name for a new file", () => {
    expect(freeFileName("untitled", [])).toBe("untitled.yaml");
    expect(freeFileName("pod.yaml", ["pod.yaml", "pod-2.yaml"])).toBe("pod-3.yaml");
  });

  it("refuse names a permalink cannot carry, names already taken, and a tab too many", () => {
    expect(fileNameProblem("web.yaml", "deployment.yaml", ["deployment.yaml"])).toBeUndefined();
    expect(fileNameProblem("deployment.yaml", "deployment.yaml", ["deployment.yaml"])).toBeUndefined();
    expect(fileNameProblem("my file.yaml", "a.yaml", ["a.yaml"])).toBe("invalid");
    expect(fileNameProblem("../etc/passwd", "a.yaml", ["a.yaml"])).toBe("invalid");
    expect(fileNameProblem("", "a.yaml", ["a.yaml"])).toBe("invalid");
    expect(fileNameProblem("b.yaml", "a.yaml", ["a.yaml", "b.yaml"])).toBe("taken");
    const full = Array.from({ length: MAX_FILES }, (_, i) => `f${i}.yaml`);
    expect(fileNameProblem("new.yaml", undefined, full)).toBe("tooMany");
  });
});
