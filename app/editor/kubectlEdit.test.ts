import { beforeEach, describe, expect, it } from "vitest";
import { createCluster } from "../../src";
import { useWorkStore } from "../persist/workStore";
import { editorActions, useActiveTab } from "./editorStore";
import { type EditConsole, exitEditor, startKubectlEdit, useEditSessions } from "./kubectlEdit";
import type { KubectlRequester } from "./manifestCommands";

/** The worker's side, as a real engine answering kubectl requests. */
function engine() {
  const cluster = createCluster({ seed: 1, nodes: 1 });
  cluster.kubectl("create deployment web --image=nginx:1.27.4 --replicas=2");
  const bridge: KubectlRequester = {
    request: async (r) => {
      const { stream, ...result } = cluster.kubectl(r.line, r.stdin, r.files, r.editorSave);
      stream?.stop();
      return result;
    },
  };
  return { cluster, bridge };
}

function consoleLog() {
  const lines: string[] = [];
  const io: EditConsole = {
    print: (stdout, stderr) => lines.push(stdout + stderr),
    note: (text) => lines.push(`note: ${text}`),
    openedNote: (file) => `editing ${file}`,
    noRoomNote: () => "no room",
    tooLargeNote: () => "too large",
  };
  return { lines, io };
}

/** Starts `kubectl edit` as the console does; returns the run and the tab it opened. */
async function startEdit(bridge: KubectlRequester, line: string, io: EditConsole) {
  const first = await bridge.request({ type: "kubectl", line });
  if (!first.editor) throw new Error(first.stderr);
  const run = startKubectlEdit(bridge, line, first.editor, io);
  const tab = useActiveTab.getState().active ?? "";
  return { run, tab };
}

const files = () => useWorkStore.getState().files;

describe("kubectl edit in the editor", () => {
  beforeEach(() => {
    useWorkStore.getState().setFiles({});
    editorActions.ensureFiles();
  });

  it("opens the file as a tab named like kubectl's, applies the save, and closes the tab", async () => {
    const { cluster, bridge } = engine();
    const { lines, io } = consoleLog();
    const { run, tab } = await startEdit(bridge, "kubectl edit deploy web", io);
    expect(tab).toMatch(/^kubectl-edit-\d+\.yaml$/);
    expect(files()[tab]).toMatch(/^# Please edit the object below\./);
    expect(Object.keys(useEditSessions.getState().sessions)).toEqual([tab]);
    editorActions.setText(tab, files()[tab].replace("replicas: 2", "replicas: 5"));
    expect(exitEditor(tab, "save")).toBe(true);
    // While kubectl works on the save, the tab stays an edit tab whose buttons wait.
    await expect.poll(() => useEditSessions.getState().sessions[tab]).toBeNull();
    await run.done;
    expect(lines).toEqual([`note: editing ${tab}`, "deployment.apps/web edited\n"]);
    expect(cluster.store.get("Deployment", "default", "web")?.spec.replicas).toBe(5);
    expect(Object.keys(files())).toEqual(["deployment.yaml"]);
    expect(useEditSessions.getState().sessions).toEqual({});
  });

  it("reopens an invalid save in the same tab, and keeps the tab when the learner quits unchanged", async () => {
    const { bridge } = engine();
    const { lines, io } = consoleLog();
    const { run, tab } = await startEdit(bridge, "kubectl edit deploy web", io);
    editorActions.setText(tab, files()[tab].replace("replicas: 2", "replicas: -1"));
    exitEditor(tab, "save");
    await expect.poll(() => files()[tab]).toMatch(/^# \* spec\.replicas: Invalid value: -1/m);
    await expect.poll(() => tab in useEditSessions.getState().sessions).toBe(true);
    expect(exitEditor(tab, "quit")).toBe(true);
    await run.done;
    expect(lines.slice(1)).toEqual([
      'error: deployments.apps "web" is invalid\n',
      `A copy of your changes has been stored to "${tab}"\nerror: Edit cancelled, no valid changes were saved.\n`,
    ]);
    // kubectl keeps the file it names: the tab stays, as an ordinary file now.
    expect(files()[tab]).toMatch(/replicas: -1/);
    expect(exitEditor(tab, "save")).toBe(false);
  });

  it("Ctrl-C ends the edit; an untouched file goes with it", async () => {
    const { bridge } = engine();
    const { io } = consoleLog();
    const { run, tab } = await startEdit(bridge, "kubectl edit deploy web", io);
    run.interrupt();
    await run.done;
    expect(tab in files()).toBe(false);
    expect(useEditSessions.getState().sessions).toEqual({});
  });
});
