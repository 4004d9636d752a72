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
