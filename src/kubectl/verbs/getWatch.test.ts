import { describe, expect, it } from "vitest";
import { createCluster } from "../../cluster";

function cluster() {
  return createCluster({ seed: 4, nodes: 2 });
}

describe("kubectl get -w", () => {
  it("lists the pods, then prints a row each time one changes, aligned with the header", () => {
    const c = cluster();
    c.kubectl("run web --image=nginx:1.27.4");
    const r = c.kubectl("get pods -w");
    // The kubelet has written its first status at once: ContainerCreating, as a real cluster shows.
    expect(r.stdout).toBe(
      "NAME   READY   STATUS              RESTARTS   AGE\nweb    0/1     ContainerCreating   0          0s\n",
    );
    c.advance(10);
    const later = r.stream!.read();
    expect(later.code).toBeUndefined();
    const rows = later.stdout.trimEnd().split("\n");
    // Each row is flushed alone, through a tab writer that remembers column widths (RememberWidths).
    expect(rows).toEqual(["web    1/1     Running             0          7s"]);
    r.stream!.stop();
    c.kubectl("delete pod web --wait=false");
    expect(r.stream!.read()).toEqual({ stdout: "", stderr: "", code: undefined });
  });

  it("--output-watch-events adds an EVENT column: ADDED for what exists, then each event's type", () => {
    const c = cluster();
    c.kubectl("run web --image=nginx:1.27.4");
    expect(c.kubectl("get pods --output-watch-events").stderr).toBe(
      "error: --output-watch-events option can only be used with --watch or --watch-only\n",
    );
    const r = c.kubectl("get pods -w --output-watch-events");
    expect(r.stdout).toBe(
      "EVENT      NAME   READY   STATUS              RESTARTS   AGE\n" +
        "ADDED      web    0/1     ContainerCreating   0          0s\n",
    );
    c.advance(10);
    expect(r.stream!.read().stdout).toBe("MODIFIED   web    1/1     Running             0          7s\n");
    c.kubectl("delete pod web --wait=false");
    c.advance(40);
    const rows = r.stream!.read().stdout.trimEnd().split("\n");
    expect(rows[0]).toMatch(/^MODIFIED {3}web {4}1\/1 {5}Terminating /);
    expect(rows.at(-1)).toMatch(/^DELETED {4}web /);
    r.stream!.stop();
  });

  it("--output-watch-events -o json prints each watch event on a line of its own", () => {
    const c = cluster();
    c.kubectl("create configmap settings --from-literal=mode=fast");
    const r = c.kubectl("get configmaps settings -w --output-watch-events -o json");
    expect(r.stdout).toMatch(
      /^\{"type":"ADDED","object":\{"apiVersion":"v1","data":\{"mode":"fast"\},"kind":"ConfigMap",/,
    );
    expect(r.stdout.split("\n")).toHaveLength(2);
    c.kubectl("label configmap settings tier=web");
    const change = JSON.parse(r.stream!.read().stdout);
    expect(change.type).toBe("MODIFIED");
    expect(change.object.metadata.labels).toEqual({ tier: "web" });
    const yaml = c.kubectl("get configmaps settings -w --output-watch-events -o yaml").stdout;
    expect(yaml).toMatch(/^object:\n {2}apiVersion: v1\n/);
    expect(yaml).toMatch(/\ntype: ADDED\n$/);
    expect(c.kubectl("get configmaps settings -w --output-watch-events -o jsonpath={.type}").stdout).toBe(
      "ADDED",
    );
  });

  it("prints new pods and a deleted pod's last state, only those the selector matches", () => {
    const c = cluster();
    const r = c.kubectl("get pods -l app=web -w");
    // Unlike a plain get, an empty watch says nothing: it waits.
    expect(r).toMatchObject({ stdout: "", stderr: "" });
    c.kubectl("run other --image=nginx:1.27.4");
    c.kubectl("run web --image=nginx:1.27.4 --labels=app=web");
    c.advance(10);
    const out = r.stream!.read().stdout;
    expect(
      out.startsWith("NAME   READY   STATUS    RESTARTS   AGE\nweb    0/1     Pending   0          0s\n"),
    ).toBe(true);
    expect(out).not.toContain("other");
    c.kubectl("delete pod web");
    c.advance(5);
    // The deleted pod's rows read Terminating to the end, its DELETED event included.
    expect(r.stream!.read().stdout).toBe(
      [
        "web    1/1     Terminating         0          10s",
        "web    0/1     Terminating         0          11s",
        "web    0/1     Terminating         0          11s",
        "",
      ].join("\n"),
    );
  });

  it("with --watch-only prints changes but not the current list", () => {
    const c = cluster();
    c.kubectl("create deployment web --image=nginx:1.27.4");
    const r = c.kubectl("get deployments --watch-only");
    expect(r.stdout).toBe("");
    c.kubectl("scale deployment web --replicas=2");
    expect(r.stream!.read().stdout).toMatch(/^NAME {3}READY {3}UP-TO-DATE {3}AVAILABLE {3}AGE\nweb {4}0\/2/);
  });

  it("watches one resource type only", () => {
    const c = cluster();
    expect(c.kubectl("get pods,services -w").stderr).toBe(
      "error: you may only specify a single resource type\n",
    );
  });
});

describe("kubectl get -w -o yaml", () => {
  it("prints each object as its own document, separated by ---", () => {
    const c = cluster();
    c.kubectl("create configmap a --from-literal=k=1");
    c.kubectl("create configmap b --from-literal=k=2");
    const r = c.kubectl("get configmaps a b -w -o yaml");
    expect(r.stdout.match(/^kind: ConfigMap$/gm)).toHaveLength(2);
    expect(r.stdout).toContain("\n---\napiVersion: v1\n");
    expect(r.stdout).not.toContain("kind: List");
    c.kubectl("label configmap b x=y");
    expect(r.stream!.read().stdout).toMatch(/^---\napiVersion: v1\n[\s\S]* {4}x: "y"\n/);
  });
});
