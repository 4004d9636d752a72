import { describe, expect, it } from "vitest";
import { createCluster } from "../../cluster";
import type { KubectlResult } from "../run";

const FILE = "kubectl-edit-1.yaml";

function cluster() {
  const c = createCluster({ seed: 1, nodes: 1 });
  c.kubectl("create deployment web --image=nginx:1.27.4 --replicas=2");
  c.advance(10);
  return c;
}

/** Opens `line` and saves what `change` makes of the file; returns the save's result and the file shown. */
function editOnce(c: ReturnType<typeof cluster>, line: string, change: (text: string) => string) {
  const opened = c.kubectl(line);
  const editor = opened.editor;
  if (!editor) throw new Error(`no editor: ${opened.stderr}`);
  const saved = c.kubectl(line, undefined, undefined, {
    file: FILE,
    original: editor.original,
    edited: change(editor.text),
  });
  return { opened, saved };
}

/** The file's text without kubectl's comment lines. */
const uncommented = (r: KubectlResult) => r.editor?.text.split("\n").filter((l) => !l.startsWith("#"));

describe("kubectl edit", () => {
  it("opens the object as YAML under kubectl's header, and patches what the learner changed", () => {
    const c = cluster();
    const { opened, saved } = editOnce(c, "edit deployment/web", (t) =>
      t.replace("replicas: 2", "replicas: 4"),
    );
    expect(
      opened.editor?.text.startsWith(
        "# Please edit the object below. Lines beginning with a '#' will be ignored,\n" +
          "# and an empty file will abort the edit. If an error occurs while saving this file will be\n" +
          "# reopened with the relevant failures.\n#\napiVersion: apps/v1\nkind: Deployment\n",
      ),
    ).toBe(true);
    expect(opened.editor?.extension).toBe(".yaml");
    expect(opened.stdout + opened.stderr).toBe("");
    expect(saved).toMatchObject({ code: 0, stdout: "deployment.apps/web edited\n", stderr: "" });
    expect(saved.editor).toBeUndefined();
    expect(c.store.get("Deployment", "default", "web")?.spec.replicas).toBe(4);
  });

  it("cancels a save that changed nothing, comments and layout included, or emptied the file", () => {
    const c = cluster();
    const same = editOnce(
      c,
      "edit deploy web",
      (t) => `# my note\n${t.replace("replicas: 2", "replicas:    2")}`,
    );
    expect(same.saved).toMatchObject({ code: 0, stdout: "", stderr: "Edit cancelled, no changes made.\n" });
    const empty = editOnce(c, "edit deploy web", () => "# nothing left\n\n");
    expect(empty.saved).toMatchObject({ code: 0, stderr: "Edit cancelled, saved file was empty.\n" });
  });

  it("reopens an invalid save with the server's causes on top, and gives up when saved again unchanged", () => {
    const c = cluster();
    const { opened, saved } = editOnce(c, "edit deploy web", (t) => t.replace("replicas: 2", "replicas: -1"));
    expect(saved).toMatchObject({
      code: 0,
      stdout: "",
      stderr: 'error: deployments.apps "web" is invalid\n',
    });
    expect(saved.editor?.text).toContain(
      '#\n# deployments.apps "web" was not valid:\n' +
        "# * spec.replicas: Invalid value: -1: must be greater than or equal to 0\n#\napiVersion: apps/v1\n",
    );
    // What was fetched stays the base of the patch; what was saved comes back without its comments.
    expect(saved.editor?.original).toBe(opened.editor?.original);
    expect(uncommented(saved)).toContain("  replicas: -1");
    const again = c.kubectl("edit deploy web", undefined, undefined, {
      file: FILE,
      original: saved.editor?.original ?? "",
      edited: saved.editor?.text ?? "",
      previous: saved.editor?.previous,
    });
    expect(again).toMatchObject({
      code: 1,
      stderr: `A copy of your changes has been stored to "${FILE}"\nerror: Edit cancelled, no valid changes were saved.\n`,
    });
    expect(c.store.get("Deployment", "default", "web")?.spec.replicas).toBe(2);
  });

  it("reopens a file with a syntax error, and names an unknown field as the patch handler does", () => {
    const c = cluster();
    const syntax = editOnce(c, "edit deploy web", (t) => `${t}  oops: [\n`).saved;
    expect(syntax.editor?.text).toMatch(
      /^# The edited file had a syntax error: error parsing edited-file: error converting YAML to JSON: yaml: /m,
    );
    const unknown = editOnce(c, "edit deploy web", (t) => t.replace("replicas: 2", "replica: 2")).saved;
    expect(unknown.stderr).toBe('error: deployments.apps "web" is invalid\n');
    expect(unknown.editor?.text).toContain(
      '# * patch: Invalid value: "map[spec:map[replica:2 replicas:<nil>]]": strict decoding error: unknown field "spec.replica"\n',
    );
  });

  it("refuses a rename and keeps the file", () => {
    const c = cluster();
    const { saved } = editOnce(c, "edit deploy web", (t) => t.replace(/^ {2}name: web$/m, "  name: web2"));
    expect(saved).toMatchObject({
      code: 1,
      stderr: `A copy of your changes has been stored to "${FILE}"\nerror: At least one of apiVersion, kind and name was changed\n`,
    });
  });

  it("edits several objects as one List, patching the changed ones and skipping the rest", () => {
    const c = cluster();
    c.kubectl("create configmap cfg --from-literal=a=1");
    const { opened, saved } = editOnce(c, "edit deploy/web cm/cfg --output-patch", (t) =>
      t.replace('a: "1"', 'a: "2"'),
    );
    expect(opened.editor?.text).toMatch(/^apiVersion: v1\nitems:\n- apiVersion: apps\/v1\n/m);
    expect(opened.editor?.text).toMatch(/^kind: List\nmetadata: {}\n$/m);
    expect(saved.stdout).toBe(
      'deployment.apps/web skipped\nPatch: {"data":{"a":"2"}}\nconfigmap/cfg edited\n',
    );
    expect(c.store.get("ConfigMap", "default", "cfg")?.data).toEqual({ a: "2" });
  });

  it("edits JSON with -o json (no header), and refuses other formats before opening", () => {
    const c = cluster();
    const json = c.kubectl("edit deploy web -o json");
    expect(json.editor?.text.startsWith('{\n    "apiVersion": "apps/v1",')).toBe(true);
    expect(json.editor?.extension).toBe(".json");
    expect(c.kubectl("edit deploy web -o name")).toMatchObject({
      code: 1,
      stderr:
        'error: unable to match a printer suitable for the output format "name", allowed formats are: json,yaml\n',
    });
  });

  it("fails as kubectl does without resources, for missing ones, and when none match", () => {
    const c = cluster();
    expect(c.kubectl("edit").stderr).toMatch(
      /^error: You must provide one or more resources by argument or filename\./,
    );
    expect(c.kubectl("edit svc nope").stderr).toBe(
      'Error from server (NotFound): services "nope" not found\n',
    );
    expect(c.kubectl("edit jobs").stderr).toBe("error: edit cancelled, no objects found\n");
  });

  it("patches against the object as it is now: a change made meanwhile to another field stays", () => {
    const c = cluster();
    const opened = c.kubectl("edit deploy web");
    c.kubectl("label deploy web team=blue");
    const saved = c.kubectl("edit deploy web", undefined, undefined, {
      file: FILE,
      original: opened.editor?.original ?? "",
      edited: (opened.editor?.text ?? "").replace("replicas: 2", "replicas: 3"),
    });
    expect(saved.stdout).toBe("deployment.apps/web edited\n");
    const live = c.store.get("Deployment", "default", "web");
    expect(live?.spec.replicas).toBe(3);
    expect(live?.metadata.labels).toEqual({ app: "web", team: "blue" });
  });

  it("reopens a pod edit that changes what a pod cannot change, and applies an image change", () => {
    const c = createCluster({ seed: 1, nodes: 1 });
    c.kubectl("run web --image=nginx:1.27.4 --env=A=1");
    c.advance(10);
    const opened = c.kubectl("edit pod web");
    const save = (edited: string) =>
      c.kubectl("edit pod web", undefined, undefined, {
        file: FILE,
        original: opened.editor?.original ?? "",
        edited,
      });
    const env = save((opened.editor?.text ?? "").replace('value: "1"', 'value: "2"'));
    expect(env.stderr).toBe('error: pods "web" is invalid\n');
    expect(env.editor?.text).toContain(
      '# pods "web" was not valid:\n# * spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`',
    );
    const image = save((opened.editor?.text ?? "").replace("image: nginx:1.27.4", "image: nginx:1.26.3"));
    expect(image).toMatchObject({ code: 0, stdout: "pod/web edited\n" });
  });
});
