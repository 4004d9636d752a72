import { describe, expect, it } from "vitest";
import { createCluster } from "../../cluster";
import { followStream } from "../../testing/follow";

const WARNING =
  "Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n";

function cluster() {
  const c = createCluster({ seed: 1, nodes: 1 });
  c.kubectl("run web --image=nginx:1.27.4");
  c.kubectl("run api --image=nginx:1.27.4");
  c.advance(20);
  return c;
}

describe("kubectl delete's grace period (kubectl 1.32's DeleteOptions)", () => {
  it("force-deletes with --force alone: kubectl's warning first, then `force deleted`, and the pod is gone at once", () => {
    const c = cluster();
    const result = c.kubectl("delete pod web --force");
    expect(result).toMatchObject({ code: 0, stdout: 'pod "web" force deleted\n', stderr: WARNING });
    // The warning comes first, as a terminal shows it.
    expect(result.chunks).toEqual([
      { stream: "stderr", text: WARNING },
      { stream: "stdout", text: 'pod "web" force deleted\n' },
    ]);
    expect(c.store.get("Pod", "default", "web")).toBeUndefined();
  });

  it("turns a bare --grace-period=0 into 1 second, as kubectl guards against accidental data loss", () => {
    const c = cluster();
    expect(c.kubectl("delete pod web --grace-period=0")).toMatchObject({
      code: 0,
      stdout: 'pod "web" deleted\n',
      stderr: "",
    });
    expect(c.store.get("Pod", "default", "web")?.metadata.deletionGracePeriodSeconds).toBe(1);
  });

  it("refuses --now with --grace-period, and --force with a positive grace period", () => {
    const c = cluster();
    expect(c.kubectl("delete pod web --now --grace-period=3").stderr).toBe(
      "error: --now and --grace-period cannot be specified together\n",
    );
    expect(c.kubectl("delete pod api --force --grace-period=5").stderr).toBe(
      "error: --force and --grace-period greater than 0 cannot be specified together\n",
    );
    expect(c.store.get("Pod", "default", "api")).toBeDefined();
  });
});

describe("kubectl delete waits until the objects are gone (--wait, on by default)", () => {
  it("prints `deleted` at once, then keeps the prompt until the kubelet has stopped the pod", () => {
    const c = cluster();
    const result = c.kubectl("delete pod web");
    expect(result).toMatchObject({ code: 0, stdout: 'pod "web" deleted\n', stderr: "" });
    // nginx takes its SIGTERM in well under a second: the pod is still there, terminating.
    expect(result.stream).toBeDefined();
    expect(c.store.get("Pod", "default", "web")?.metadata.deletionTimestamp).toBeDefined();
    expect(followStream(c, result.stream!, 5)).toEqual({ stdout: "", stderr: "", code: 0 });
    expect(c.store.get("Pod", "default", "web")).toBeUndefined();
  });

  it("waits the whole grace period for a process that ignores SIGTERM, and --wait=false returns at once", () => {
    const c = createCluster({ seed: 1, nodes: 1 });
    c.kubectl("run sleeper --image=busybox:1.36 -- sleep 3600");
    c.kubectl("run other --image=busybox:1.36 -- sleep 3600");
    c.advance(20);
    const started = c.now();
    const waiting = c.kubectl("delete pod sleeper").stream!;
    // followStream stops a stream it gives up on: read this one by hand until it is due.
    for (let s = 0; s < 25; s++) {
      c.advance(1);
      expect(waiting.read().code).toBeUndefined();
    }
    expect(c.store.get("Pod", "default", "sleeper")).toBeDefined();
    expect(followStream(c, waiting, 10).code).toBe(0);
    expect(c.now() - started).toBeGreaterThanOrEqual(30_000);
    const unwaited = c.kubectl("delete pod other --wait=false");
    expect(unwaited).toMatchObject({ code: 0, stdout: 'pod "other" deleted\n' });
    expect(unwaited.stream).toBeUndefined();
  });

  it("does not wait on a dry run, a force deletion or an object deleted at once", () => {
    const c = cluster();
    expect(c.kubectl("delete pod web --dry-run=client").stream).toBeUndefined();
    expect(c.kubectl("delete pod web --force").stream).toBeUndefined();
    c.kubectl("create configmap settings --from-literal=a=b");
    expect(c.kubectl("delete configmap settings").stream).toBeUndefined();
  });

  it("gives up after --timeout with kubectl's error", () => {
    const c = createCluster({ seed: 1, nodes: 1 });
    c.kubectl("run sleeper --image=busybox:1.36 -- sleep 3600");
    c.advance(20);
    const result = c.kubectl("delete pod sleeper --timeout=5s");
    expect(followStream(c, result.stream!, 10)).toEqual({
      stdout: "",
      stderr: "error: timed out waiting for the condition on pods/sleeper\n",
      code: 1,
    });
  });
});
