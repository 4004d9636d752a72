import { describe, expect, it } from "vitest";
import { createCluster } from "../../cluster";

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, labels: {app: web}}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: "nginx:1.27"}]}
`;

describe("kubectl apply view-last-applied", () => {
  it("prints what the last apply recorded, as YAML or as indented JSON without a final newline", () => {
    const c = createCluster({ seed: 1, nodes: 0 });
    c.kubectl("apply -f -", DEPLOYMENT);
    c.kubectl("scale deploy web --replicas=5");
    const yaml = c.kubectl("apply view-last-applied deploy/web").stdout;
    expect(yaml).toMatch(/^apiVersion: apps\/v1\nkind: Deployment\nmetadata:\n {2}annotations: \{\}\n/);
    // The scale is not in it: the annotation is what the file said.
    expect(yaml).toContain("\n  replicas: 2\n");
    const json = c.kubectl("apply view-last-applied deployment web -o json").stdout;
    expect(
      json.startsWith(
        '{\n  "apiVersion": "apps/v1",\n  "kind": "Deployment",\n  "metadata": {\n    "annotations": {},',
      ),
    ).toBe(true);
    expect(json.endsWith("\n}")).toBe(true);
  });

  it("fails as kubectl does without the annotation, a name or a known format", () => {
    const c = createCluster({ seed: 1, nodes: 0 });
    c.kubectl("create deployment other --image=nginx");
    expect(c.kubectl("apply view-last-applied deploy/other").stderr).toBe(
      "error: no last-applied-configuration annotation found on resource: other\n",
    );
    expect(c.kubectl("apply view-last-applied deploy").stderr).toBe(
      "error: resource(s) were provided, but no name was specified\n",
    );
    c.kubectl("apply -f -", DEPLOYMENT);
    expect(c.kubectl("apply view-last-applied deploy/web -o wide").stderr).toBe(
      "error: Unexpected -o output mode: wide, the flag 'output' must be one of yaml|json\nSee 'kubectl apply view-last-applied -h' for help and examples\n",
    );
  });
});

describe("kubectl apply set-last-applied", () => {
  it("sets the annotation from a file, creating it only when asked, and says when nothing changes", () => {
    const c = createCluster({ seed: 1, nodes: 0 });
    const files = { "web.yaml": DEPLOYMENT };
    c.kubectl("create deployment web --image=nginx:1.27");
    expect(c.kubectl("apply set-last-applied -f web.yaml", undefined, files).stderr).toBe(
      "error: no last-applied-configuration annotation found on resource: web, to create the annotation, run the command with --create-annotation\n",
    );
    expect(c.kubectl("apply set-last-applied -f web.yaml --create-annotation", undefined, files).stdout).toBe(
      "deployment.apps/web configured\n",
    );
    expect(c.kubectl("apply set-last-applied -f web.yaml", undefined, files).stdout).toBe(
      "set-last-applied web: no changes required.\n",
    );
    // The next apply merges against it: replicas 2 from the file, as if applied from the start.
    expect(c.kubectl("apply view-last-applied deploy/web").stdout).toContain("\n  replicas: 2\n");
    expect(c.kubectl("apply -f web.yaml", undefined, files).stdout).toBe("deployment.apps/web configured\n");
    expect(c.store.get("Deployment", "default", "web")?.spec.replicas).toBe(2);
  });
});

describe("kubectl apply edit-last-applied", () => {
  it("opens the annotations under ApplyEditMode's header, and a save becomes the annotation", () => {
    const c = createCluster({ seed: 1, nodes: 0 });
    c.kubectl("apply -f -", DEPLOYMENT);
    const opened = c.kubectl("apply edit-last-applied deploy/web");
    expect(opened.editor?.text).toMatch(
      /^# Please edit the 'last-applied-configuration' annotations below\.\n# Lines beginning with a '#' will be ignored, and an empty file will abort the edit\.\n#\napiVersion: apps\/v1\n/,
    );
    const edited = (opened.editor?.text ?? "").replace("replicas: 2", "replicas: 7");
    const save = { file: "kubectl-edit-1.yaml", original: opened.editor?.original ?? "", edited };
    expect(c.kubectl("apply edit-last-applied deploy/web", undefined, undefined, save).stdout).toBe(
      "deployment.apps/web edited\n",
    );
    expect(c.kubectl("apply view-last-applied deploy/web").stdout).toContain("\n  replicas: 7\n");
    // Only the annotation changed: the object keeps its 2 replicas until the next apply.
    expect(c.store.get("Deployment", "default", "web")?.spec.replicas).toBe(2);
    c.kubectl("create deployment plain --image=nginx");
    expect(c.kubectl("apply edit-last-applied deploy/plain").stderr).toBe(
      "error: no last-applied-configuration annotation found on resources, to create the annotation, use command `kubectl apply set-last-applied --create-annotation`\n",
    );
  });
});
