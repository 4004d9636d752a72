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

  it("run -it … -- sh is a session with the pod's own shell: lines run in it, exit N ends the pod with N, --rm deletes it", () => {
    const c = cluster();
    const r = c.kubectl("run debug --image=busybox:1.36 -it --rm --restart=Never -- sh");
    const session = r.stream!;
    expect(session.interactive).toBe(true);
    const read = () => session.read();
    for (let s = 0; s < 5; s++) c.advance(1);
    // The shell waits on its stdin: the pod runs, and kubectl shows the hint and the prompt.
    expect(c.store.get("Pod", "default", "debug")?.status?.phase).toBe("Running");
    const hint = "If you don't see a command prompt, try pressing enter.\n";
    expect(read()).toEqual({
      stdout: "/ # ",
      stderr: hint,
      // The hint comes before the prompt, as kubectl writes them.
      chunks: [
        { stream: "stderr", text: hint },
        { stream: "stdout", text: "/ # " },
      ],
    });
    session.write("wget -qO- web | grep title\n");
    expect(read().stdout).toBe("<title>Welcome to nginx!</title>\n/ # ");
    session.write("cd /tmp; echo hi > f\n");
    session.write("cat f\n");
    expect(read().stdout).toBe("/tmp # hi\n/tmp # ");
    // Typed lines are logged as execs of the shell, after what brings a fresh one to this one's state.
    expect(session.inputCommand).toBe("exec -i -n default debug -c debug -- sh");
    expect(session.loggedStdin("ls\n")).toBe("cd '/tmp'\nOLDPWD='/'\nls\n");
    session.write("exit 3\n");
    // Ending the shell is a command of its own, which a log records: an attach sending `exit 3`.
    expect(read().ran).toEqual([{ line: "attach -i -q -n default debug -c debug", stdin: "exit 3\n" }]);
    c.advance(1);
    expect(read()).toEqual({
      stdout: 'pod "debug" deleted\n',
      stderr: "pod default/debug terminated (Error)\n",
      code: 3,
      ran: [{ line: "delete pod debug -n default --wait=false" }],
    });
  });

  it("a shell handed over by an image's entrypoint script (nginx's) is a session too, with its own prompt", () => {
    const c = cluster();
    const r = c.kubectl("run ng -it --rm --restart=Never --image=nginx:1.27.4 -- sh");
    expect(r.stream?.interactive).toBe(true);
    c.advance(8);
    expect(r.stream?.read().stdout).toBe("# ");
    r.stream?.write("exit 5\n");
    c.advance(2);
    expect(r.stream?.read()).toMatchObject({ stdout: 'pod "ng" deleted\n', code: 5 });
  });

  it("kubectl attach shows a running container's new output, and with -i sends a stdin shell what it is given", () => {
    const c = cluster();
    c.kubectl(`run ticker --image=busybox:1.36 -- sh -c "while true; do echo tick; sleep 5; done"`);
    c.advance(20);
    const watching = c.kubectl("attach ticker");
    expect(watching.stderr).toBe("If you don't see a command prompt, try pressing enter.\n");
    expect(followStream(c, watching.stream!, 6).stdout).toBe("tick\n");
    expect(c.kubectl("attach ticker -i -t").stderr).toBe(
      "error: Unable to use a TTY - container ticker did not allocate one\nIf you don't see a command prompt, try pressing enter.\n",
    );
    const keep = c.kubectl("run keep --image=busybox:1.36 -i -q --restart=Never -- sh");
    c.advance(5);
    expect(c.kubectl("attach keep -i -q", "echo via attach\nexit 4\n")).toEqual({
      code: 0,
      stdout: "via attach\n",
      stderr: "",
    });
    expect(followStream(c, keep.stream!, 5)).toEqual({
      stdout: "",
      stderr: "pod default/keep terminated (Error)\n",
      code: 4,
    });
    expect(c.kubectl("attach keep").stderr).toBe(
      "error: cannot attach a container in a completed pod; current phase is Failed\n",
    );
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
