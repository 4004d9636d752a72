import { beforeEach, describe, expect, it } from "vitest";
import { useWorkStore } from "../persist/workStore";
import { activeFile, closeFile, editorActions, openFile, renameFile, useActiveTab } from "./editorStore";

describe("editor tab rules", () => {
  it("open a uniquely named tab, rename in place, and refuse a taken name", () => {
    const opened = openFile({ "untitled.yaml": "" }, "untitled", "x");
    expect(opened).toEqual({
      files: { "untitled.yaml": "", "untitled-2.yaml": "x" },
      name: "untitled-2.yaml",
    });
    const files = { "a.yaml": "1", "b.yaml": "2", "c.yaml": "3" };
    expect(Object.keys(renameFile(files, "b.yaml", "z.yaml"))).toEqual(["a.yaml", "z.yaml", "c.yaml"]);
    expect(renameFile(files, "b.yaml", "a.yaml")).toBe("taken");
  });

  it("close a tab showing its neighbour, and never close the last one", () => {
    const files = { "a.yaml": "1", "b.yaml": "2", "c.yaml": "3" };
    expect(closeFile(files, "b.yaml", "b.yaml")).toEqual({
      files: { "a.yaml": "1", "c.yaml": "3" },
      active: "a.yaml",
    });
    expect(closeFile(files, "a.yaml", "a.yaml").active).toBe("b.yaml");
    expect(closeFile(files, "c.yaml", "a.yaml").active).toBe("a.yaml");
    expect(closeFile({ "a.yaml": "1" }, "a.yaml", "a.yaml").files).toEqual({ "a.yaml": "1" });
  });

  it("fall back to the first tab when the remembered one was replaced", () => {
    expect(activeFile({ "x.yaml": "" }, "gone.yaml")).toBe("x.yaml");
    expect(activeFile({ "x.yaml": "", "y.yaml": "" }, "y.yaml")).toBe("y.yaml");
  });
});

describe("editor actions on the autosaved work store", () => {
  beforeEach(() => useWorkStore.getState().setFiles({}));

  it("start an empty workspace with deployment.yaml holding a Deployment", () => {
    editorActions.ensureFiles();
    expect(Object.keys(useWorkStore.getState().files)).toEqual(["deployment.yaml"]);
    expect(useWorkStore.getState().files["deployment.yaml"]).toMatch(/^kind: Deployment$/m);
  });

  it("write new, renamed and closed tabs through to the saved files", () => {
    editorActions.ensureFiles();
    expect(editorActions.open("untitled", "kind: Pod\n")).toBeUndefined();
    expect(useActiveTab.getState().active).toBe("untitled.yaml");
    expect(editorActions.rename("untitled.yaml", "my pod.yaml")).toBe("invalid");
    expect(editorActions.rename("untitled.yaml", "pod.yaml")).toBeUndefined();
    expect(useActiveTab.getState().active).toBe("pod.yaml");
    editorActions.close("pod.yaml");
    expect(Object.keys(useWorkStore.getState().files)).toEqual(["deployment.yaml"]);
    expect(useActiveTab.getState().active).toBe("deployment.yaml");
  });
});
