import { describe, expect, it } from "vitest";
import { TYPICAL_WORK } from "../permalink/fixtures";
import { WorkError } from "../permalink/work";
import { lessonMarks, restoreLessonMarks, useLessonStore } from "../lessons/lessonStore";
import { exportText, loadSaved, parseExport, STORAGE_KEY, writeSaved } from "./saved";

class MemoryStorage {
  items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
}

const saved = { work: TYPICAL_WORK, history: ["get pods", "get deploy"], progress: { deployments: 1 } };

describe("saved work", () => {
  it("survives a write and a load under the versioned key", () => {
    const storage = new MemoryStorage() as unknown as Storage;
    expect(writeSaved(storage, saved)).toBe(true);
    expect((storage as unknown as MemoryStorage).items.has(STORAGE_KEY)).toBe(true);
    expect(loadSaved(storage)).toEqual(saved);
  });

  it("is ignored, not fatal, when the stored text is damaged", () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, '{"work": {"seed": "x"}');
    expect(loadSaved(storage as unknown as Storage)).toBeUndefined();
  });

  it("round-trips through an export file", () => {
    expect(parseExport(exportText(saved))).toEqual(saved);
  });

  it("refuses a JSON file that is not a kubeplay export", () => {
    expect(() => parseExport('{"hello": 1}')).toThrow(WorkError);
    expect(() => parseExport("not json")).toThrow(WorkError);
  });

  it("drops history lines and progress entries of the wrong shape", () => {
    const text = JSON.stringify({
      format: "kubeplay-work",
      version: 1,
      work: TYPICAL_WORK,
      history: ["ok", 5, null],
      progress: { good: 2, "Bad Id": 1, other: "x" },
    });
    expect(parseExport(text)).toMatchObject({ history: ["ok"], progress: { good: 2 } });
  });

  it("carries the lesson marks (solutions shown, hints used), and an import restores them", () => {
    useLessonStore.setState({ helped: { deployments: [2] }, hints: { deployments: { 0: 1, 2: 3 } } });
    const text = exportText({ ...saved, lessonMarks: lessonMarks() });
    useLessonStore.setState({ helped: {}, hints: {} });
    const imported = parseExport(text);
    expect(imported.lessonMarks).toEqual({
      helped: { deployments: [2] },
      hints: { deployments: { 0: 1, 2: 3 } },
    });
    restoreLessonMarks(imported.lessonMarks!);
    expect(lessonMarks()).toEqual({ helped: { deployments: [2] }, hints: { deployments: { 0: 1, 2: 3 } } });
  });

  it("merges imported lesson marks with the learner's own: helped in either, the larger hint count", () => {
    useLessonStore.setState({ helped: { pods: [0], deployments: [1] }, hints: { pods: { 0: 2 } } });
    restoreLessonMarks({ helped: { deployments: [0, 1] }, hints: { pods: { 0: 1, 1: 1 } } });
    expect(lessonMarks()).toEqual({
      helped: { pods: [0], deployments: [0, 1] },
      hints: { pods: { 0: 2, 1: 1 } },
    });
  });

  it("drops lesson marks of the wrong shape, and reads an older export without them", () => {
    const text = JSON.stringify({
      format: "kubeplay-work",
      version: 1,
      work: TYPICAL_WORK,
      history: [],
      progress: {},
      lessonMarks: {
        helped: { good: [1, 1, -1, 2.5, "x", 0], "Bad Id": [1], other: "x" },
        hints: { good: { 0: 2, 1: -3, x: 1, 2: "y" }, "Bad Id": { 0: 1 } },
      },
    });
    expect(parseExport(text).lessonMarks).toEqual({ helped: { good: [0, 1] }, hints: { good: { 0: 2 } } });
    expect(parseExport(exportText(saved)).lessonMarks).toBeUndefined();
  });
});
