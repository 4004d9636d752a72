import { describe, expect, it } from "vitest";
import { createCluster } from "../../cluster";
import { followStream } from "../../testing/follow";

function cluster() {
  const c = createCluster({ seed: 1, nodes: 2 });
  c.kubectl("create deployment web --image=nginx:1.27.4 --replicas=2");
  c.kubectl("expose deployment web --port=80");
  c.advance(30);
  return c;
}

describe("kubectl run -i / --attach / --rm", () => {
  it("shows the container's output, deletes the pod with --rm and exits 0: the classic in-cluster test", () => {
    const c = cluster();
    const r = c.kubectl("run test --image=busybox:1.36 -i --rm --restart=Never -- wget -qO- http://web");
    // Nothing yet: kubectl waits for the pod, as its image is pulled and it starts.
    expect(r).toMatchObject({ code: 0, stdout: "", stderr: "" });
    const pod = c.store.get("Pod", "default", "test");
    expect(pod?.spec?.containers[0]).toMatchObject({ stdin: true, stdinOnce: true });
    const followed = followStream(c, r.stream!, 30);
    expect(followed.code).toBe(0);
    expect(followed.stdout).toMatch(/^<!DOCTYPE html>[\s\S]*<\/html>\npod "test" deleted\n$/);
    c.advance(5);
    expect(c.store.get("Pod", "default", "test")).toBeUndefined();
  });

  it("returns the container's exit code with kubectl's message when the pod fails (--restart=Never)", () => {
    const c = cluster();
    const r = c.kubectl(`run fail --image=busybox:1.36 -i --rm --restart=Never -- sh -c "echo oops; exit 3"`);
    expect(followStream(c, r.stream!, 30)).toEqual({
      stdout: 'oops\npod "fail" deleted\n',
      stderr: "pod default/fail terminated (Error)\n",
      code: 3,
    });
  });

  it("says to press enter once attached to a running pod (not with -q), and follows its output as it comes", () => {
    const c = cluster();
    const r = c.kubectl(
      `run ticker --image=busybox:1.36 -it --restart=Never -- sh -c "for i in 1 2 3; do echo tick $i; sleep 2; done"`,
    );
    const followed = followStream(c, r.stream!, 30);
    expect(followed).toEqual({
      stdout: "tick 1\ntick 2\ntick 3\n",
      stderr: "If you don't see a command prompt, try pressing enter.\n",
      code: 0,
    });
    const quiet = c.kubectl(
      `run hush --image=busybox:1.36 -i -q --restart=Never -- sh -c "sleep 2; echo done"`,
    );
    expect(followStream(c, quiet.stream!, 30)).toEqual({ stdout: "done\n", stderr: "", code: 0 });
    // Without --rm the completed pod stays, with stdin and a tty in its spec.
    expect(c.store.get("Pod", "default", "ticker")?.spec?.containers[0]).toMatchObject({
      stdin: true,
      stdinOnce: true,
      tty: true,
    });
  });

  it("refuses what it cannot simulate (typing into a new pod's shell) before creating anything, and kubectl's own misuses", () => {
    const c = cluster();
    expect(c.kubectl("run debug --image=busybox:1.36 -it --rm --restart=Never").stderr).toBe(
      "error: kubeplay does not simulate typing into a new pod's shell: start the pod with `kubectl run debug --image=busybox:1.36 -- sleep 3600`, then open a shell in it with `kubectl exec -it debug -- sh`\n",
    );
    expect(c.store.get("Pod", "default", "debug")).toBeUndefined();
    expect(c.kubectl("run x --image=busybox:1.36 -t").stderr).toBe(
      "error: -i/--stdin is required for containers with -t/--tty=true\nSee 'kubectl run -h' for help and examples\n",
    );
  });

  it("gives up after --pod-running-timeout when the pod never runs", () => {
    const c = cluster();
    const r = c.kubectl("run typo --image=busybox:9.99 -i --rm --pod-running-timeout=10s -- true");
    expect(followStream(c, r.stream!, 20)).toEqual({
      stdout: 'pod "typo" deleted\n',
      stderr: "error: timed out waiting for the condition\n",
      code: 1,
    });
  });
});
