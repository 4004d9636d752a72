import { describe, expect, it } from "vitest";
import { createCluster } from "../../cluster";
import type { KubectlStream } from "../stream";
import { followStream } from "../../testing/follow";

/** Follows a running command; its output as the console shows it (stdout, then stderr). */
function follow(c: ReturnType<typeof createCluster>, stream: KubectlStream, seconds: number) {
  const { stdout, stderr, code } = followStream(c, stream, seconds);
  return { out: stdout + stderr, code };
}

describe("kubectl wait", () => {
  it("waits until the pod is Ready, then says the condition is met", () => {
    const c = createCluster({ seed: 2, nodes: 1 });
    c.kubectl("run web --image=nginx:1.27.4");
    const r = c.kubectl("wait --for=condition=Ready pod/web");
    expect(r.stdout).toBe("");
    expect(follow(c, r.stream!, 30)).toEqual({ out: "pod/web condition met\n", code: 0 });
    expect(c.kubectl("wait --for=condition=ready pod/web").stdout).toBe("pod/web condition met\n");
  });

  it("prints the object that met the condition, as last seen, in the -o format", () => {
    const c = createCluster({ seed: 2, nodes: 1 });
    c.kubectl("run web --image=nginx:1.27.4");
    const r = c.kubectl("wait --for=condition=Ready pod/web -o jsonpath={.status.phase}");
    expect(follow(c, r.stream!, 30)).toEqual({ out: "Running", code: 0 });
    expect(c.kubectl("wait --for=condition=Ready pod/web -o name").stdout).toBe("pod/web\n");
    expect(c.kubectl("wait --for=condition=Ready pod/web -o wide").stderr).toMatch(
      /^error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,/,
    );
  });

  it("waits for deletion and for a jsonpath value", () => {
    const c = createCluster({ seed: 2, nodes: 1 });
    c.kubectl("create deployment web --image=nginx:1.27.4");
    const available = c.kubectl("wait --for=jsonpath={.status.availableReplicas}=1 deployment/web");
    expect(follow(c, available.stream!, 30)).toEqual({ out: "deployment.apps/web condition met\n", code: 0 });
    const pod = c.store.list("Pod", "default")[0].metadata.name;
    c.kubectl(`delete pod ${pod} --wait=false`);
    const gone = c.kubectl(`wait --for=delete pod/${pod} --timeout=60s`);
    expect(follow(c, gone.stream!, 60)).toEqual({ out: `pod/${pod} deleted\n`, code: 0 });
  });

  it("times out with kubectl's error; --timeout=0 checks once (condition.go: `condition not met`)", () => {
    const c = createCluster({ seed: 2, nodes: 1 });
    c.kubectl("run web --image=nginx:9.99");
    const r = c.kubectl("wait --for=condition=Ready pod/web --timeout=5s");
    expect(follow(c, r.stream!, 30)).toEqual({
      out: "error: timed out waiting for the condition on pods/web\n",
      code: 1,
    });
    expect(c.kubectl("wait --for=condition=Ready pod/web --timeout=0")).toMatchObject({
      code: 1,
      stderr: "error: condition not met for pods/web\n",
    });
    expect(c.kubectl("wait --for=delete pod/web --timeout=0")).toMatchObject({
      code: 1,
      stderr: "error: condition not met for pods/web\n",
    });
  });

  it("rejects a condition it does not know and a missing object", () => {
    const c = createCluster({ seed: 2, nodes: 1 });
    c.kubectl("run web --image=nginx:1.27.4");
    expect(c.kubectl("wait --for=ready pod/web").stderr).toBe('error: unrecognized condition: "ready"\n');
    expect(c.kubectl("wait --for=condition=Ready pod/nope").stderr).toBe(
      'Error from server (NotFound): pods "nope" not found\n',
    );
  });
});
