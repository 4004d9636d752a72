import { beforeEach, describe, expect, it } from "vitest";
import { useActiveTab } from "../editor/editorStore";
import { MAX_FILES } from "../editor/fileNames";
import { useWorkStore } from "../persist/workStore";
import { appendWithin, openOutputFile } from "./outputFile";

const files = () => useWorkStore.getState().files;

describe("console output into an editor tab (COMMAND > FILE)", () => {
  beforeEach(() => {
    useWorkStore.getState().setFiles({ "deployment.yaml": "kind: Deployment\n" });
    useActiveTab.getState().select("deployment.yaml");
  });

  it("creates the tab, takes each write in order, and shows the tab when the command is done", () => {
    const file = openOutputFile("web.yaml", false, () => undefined);
    if (typeof file === "string") throw new Error(file);
    expect(files()["web.yaml"]).toBe("");
    file.write("apiVersion: apps/v1\n");
    file.write("kind: Deployment\n");
    expect(useActiveTab.getState().active).toBe("deployment.yaml");
    file.close();
    expect(files()["web.yaml"]).toBe("apiVersion: apps/v1\nkind: Deployment\n");
    expect(Object.keys(files())).toEqual(["deployment.yaml", "web.yaml"]);
    expect(useActiveTab.getState().active).toBe("web.yaml");
  });

  it("empties an existing tab before the command runs with >, and adds to it with >>", () => {
    const truncated = openOutputFile("deployment.yaml", false, () => undefined);
    expect(files()["deployment.yaml"]).toBe("");
    if (typeof truncated !== "string") truncated.write("one\n");
    const appended = openOutputFile("deployment.yaml", true, () => undefined);
    if (typeof appended !== "string") appended.write("two\n");
    expect(files()["deployment.yaml"]).toBe("one\ntwo\n");
  });

  it("refuses names that are not plain tab names, and a new tab past the editor's limit", () => {
    expect(openOutputFile("/tmp/web.yaml", false, () => undefined)).toBe("console.redirectName");
    expect(openOutputFile("../web.yaml", false, () => undefined)).toBe("console.redirectName");
    useWorkStore
      .getState()
      .setFiles(Object.fromEntries(Array.from({ length: MAX_FILES }, (_, i) => [`f${i}.yaml`, ""])));
    expect(openOutputFile("more.yaml", false, () => undefined)).toBe("console.redirectTooMany");
    expect(typeof openOutputFile("f3.yaml", false, () => undefined)).toBe("object");
  });

  it("stops at the editor's size limit and says so once", () => {
    expect(appendWithin("abc", "def", 5)).toEqual({ text: "abcde", cut: true });
    expect(appendWithin("abc", "de", 5)).toEqual({ text: "abcde", cut: false });
    let cuts = 0;
    const file = openOutputFile("big.txt", false, () => cuts++);
    if (typeof file === "string") throw new Error(file);
    const chunk = "x".repeat(150_000);
    file.write(chunk);
    file.write(chunk);
    file.write(chunk);
    expect(files()["big.txt"].length).toBe(200_000);
    expect(cuts).toBe(1);
  });
});
