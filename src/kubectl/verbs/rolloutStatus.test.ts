import { describe, expect, it } from "vitest";
import { createCluster } from "../../cluster";
import { followStream as follow } from "../../testing/follow";

describe("kubectl rollout status waits, as kubectl does", () => {
  it("prints the status on every change of the Deployment until the rollout is done", () => {
    const c = createCluster({ seed: 3, nodes: 2 });
    c.kubectl("create deployment web --image=nginx:1.27.4 --replicas=3");
    const first = c.kubectl("rollout status deployment/web");
    expect(first.stdout).toMatch(/^Waiting for deployment "web" rollout to finish: /);
    expect(first.stream).toBeDefined();
    const rest = follow(c, first.stream!, 60);
    expect(rest.code).toBe(0);
    const lines = rest.stdout.trimEnd().split("\n");
    expect(lines.at(-1)).toBe('deployment "web" successfully rolled out');
    expect(
      lines.slice(0, -1).every((l) => l.startsWith('Waiting for deployment "web" rollout to finish: ')),
    ).toBe(true);
    expect(lines).toContain(
      'Waiting for deployment "web" rollout to finish: 2 of 3 updated replicas are available...',
    );
  });

  it("answers at once, without following, when the rollout is already done or --watch=false", () => {
    const c = createCluster({ seed: 3, nodes: 2 });
    c.kubectl("create deployment web --image=nginx:1.27.4 --replicas=2");
    expect(c.kubectl("rollout status deploy/web --watch=false").stream).toBeUndefined();
    c.advance(60);
    const done = c.kubectl("rollout status deploy/web");
    expect(done.stdout).toBe('deployment "web" successfully rolled out\n');
    expect(done.stream).toBeUndefined();
  });

  it("gives up after --timeout with kubectl's error", () => {
    const c = createCluster({ seed: 3, nodes: 2 });
    c.kubectl("create deployment web --image=nginx:9.99 --replicas=1");
    const r = c.kubectl("rollout status deploy/web --timeout=5s");
    const rest = follow(c, r.stream!, 30);
    expect(rest).toMatchObject({ code: 1, stderr: "error: timed out waiting for the condition\n" });
  });

  it("ends with an error when the Deployment is deleted meanwhile", () => {
    const c = createCluster({ seed: 3, nodes: 2 });
    c.kubectl("create deployment web --image=nginx:1.27.4");
    const r = c.kubectl("rollout status deploy/web");
    c.kubectl("delete deployment web");
    expect(r.stream!.read()).toMatchObject({ code: 1, stderr: "error: object has been deleted\n" });
  });

  it("follows one resource only", () => {
    const c = createCluster({ seed: 3, nodes: 2 });
    c.kubectl("create deployment a --image=nginx");
    c.kubectl("create deployment b --image=nginx");
    expect(c.kubectl("rollout status deployment/a deployment/b").stderr).toBe(
      "error: rollout status is only supported on individual resources and resource collections - 2 resources were found\n",
    );
  });
});
