import { describe, expect, it } from "vitest";
import { createCluster } from "../../cluster";

function cluster() {
  const c = createCluster({ seed: 3, nodes: 1 });
  if (!c.store.get("Node", "", "node-1")) {
    c.api.create({
      apiVersion: "v1",
      kind: "Node",
      metadata: { name: "node-1" },
      spec: { podCIDR: "10.244.1.0/24" },
    });
  }
  return c;
}

const twoContainers = `apiVersion: v1
kind: Pod
metadata:
  name: duo
spec:
  nodeName: node-1
  containers:
  - name: a
    image: busybox:1.36
    command: ["sh", "-c", "echo one; echo two; echo three; sleep 3600"]
  - name: b
    image: busybox:1.36
    command: ["sh", "-c", "echo from-b; sleep 3600"]
`;

describe("kubectl logs", () => {
  it("defaults to the first container and says so on stderr, as kubectl 1.32 does", () => {
    const c = cluster();
    c.kubectl("apply -f -", twoContainers);
    c.advance(20);
    const r = c.kubectl("logs duo");
    expect(r.stderr).toBe('Defaulted container "a" out of: a, b\n');
    expect(r.stdout).toBe("one\ntwo\nthree\n");
    expect(c.kubectl("logs duo -c b").stdout).toBe("from-b\n");
    expect(c.kubectl("logs duo b").stdout).toBe("from-b\n");
  });

  it("honours --tail and --timestamps", () => {
    const c = cluster();
    c.kubectl("apply -f -", twoContainers);
    c.advance(20);
    expect(c.kubectl("logs duo -c a --tail=2").stdout).toBe("two\nthree\n");
    expect(c.kubectl("logs duo -c a --tail=1 --timestamps").stdout).toMatch(
      /^2026-01-05T10:00:\d\d(\.\d+)?Z three\n$/,
    );
  });

  it("accepts the flags kubectl's own examples use, whose concerns the simulation does not have", () => {
    const c = cluster();
    c.kubectl("apply -f -", twoContainers);
    c.advance(20);
    const plain = c.kubectl("logs duo -c a");
    const flagged =
      "logs duo -c a --pod-running-timeout=20s --insecure-skip-tls-verify-backend --ignore-errors";
    expect(c.kubectl(flagged)).toEqual(plain);
  });

  it("rejects a container the pod does not have", () => {
    const c = cluster();
    c.kubectl("apply -f -", twoContainers);
    const r = c.kubectl("logs duo -c nope");
    expect(r.stderr).toBe("error: container nope is not valid for pod duo\n");
    expect(r.code).toBe(1);
  });

  it("explains a container that is still being created", () => {
    const c = cluster();
    c.kubectl("apply -f -", twoContainers);
    expect(c.kubectl("logs duo -c a").stderr).toBe(
      'Error from server (BadRequest): container "a" in pod "duo" is waiting to start: ContainerCreating\n',
    );
  });

  it("has no previous instance before a restart", () => {
    const c = cluster();
    c.kubectl("apply -f -", twoContainers);
    c.advance(20);
    expect(c.kubectl("logs duo -c a --previous").stderr).toBe(
      'Error from server (BadRequest): previous terminated container "a" in pod "duo" not found\n',
    );
  });

  it("prints kubectl's usage error without a pod", () => {
    expect(cluster().kubectl("logs").stderr).toBe(
      "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n",
    );
  });

  it("reports a missing pod as the API server does", () => {
    expect(cluster().kubectl("logs ghost").stderr).toBe(
      'Error from server (NotFound): pods "ghost" not found\n',
    );
  });
});

describe("kubectl logs -f", () => {
  it("keeps printing new lines until the container exits", () => {
    const c = createCluster({ seed: 2, nodes: 1 });
    c.kubectl(
      "run ticker --image=busybox:1.36 --restart=Never -- sh -c 'for i in 1 2 3; do echo tick $i; sleep 2; done'",
    );
    while (c.kubectl("logs ticker").stdout !== "tick 1\n") c.advance(0.5);
    const r = c.kubectl("logs -f ticker");
    expect(r.stdout).toBe("tick 1\n");
    expect(r.stream).toBeDefined();
    c.advance(2);
    expect(r.stream!.read()).toEqual({ stdout: "tick 2\n", stderr: "", code: undefined });
    c.advance(5);
    expect(r.stream!.read()).toEqual({ stdout: "tick 3\n", stderr: "", code: 0 });
  });

  it("ends at once for a container that has already finished", () => {
    const c = createCluster({ seed: 2, nodes: 1 });
    c.kubectl("run once --image=busybox:1.36 --restart=Never -- echo done");
    c.advance(20);
    const r = c.kubectl("logs -f once");
    expect(r.stdout).toBe("done\n");
    expect(r.stream!.read()).toEqual({ stdout: "", stderr: "", code: 0 });
  });
});

describe("kubectl logs --since, --since-time, --limit-bytes", () => {
  function ticker() {
    const c = createCluster({ seed: 2, nodes: 1 });
    c.kubectl(
      "run ticker --image=busybox:1.36 -- sh -c 'i=0; while true; do i=$((i+1)); echo tick $i; sleep 10; done'",
    );
    c.advance(65);
    return c;
  }

  it("keeps only the lines of the last --since", () => {
    const c = ticker();
    const all = c.kubectl("logs ticker").stdout.trimEnd().split("\n");
    expect(all.length).toBeGreaterThanOrEqual(6);
    expect(c.kubectl("logs ticker --since=25s").stdout.trimEnd().split("\n")).toEqual(all.slice(-3));
  });

  it("keeps the lines from --since-time on, and cuts at --limit-bytes", () => {
    const c = ticker();
    const stamped = c.kubectl("logs ticker --timestamps").stdout.trimEnd().split("\n");
    const third = stamped[2].split(" ")[0];
    expect(c.kubectl(`logs ticker --since-time=${third} --timestamps`).stdout.trimEnd().split("\n")).toEqual(
      stamped.slice(2),
    );
    expect(c.kubectl("logs ticker --limit-bytes=9").stdout).toBe("tick 1\nti");
  });

  it("refuses both --since and --since-time, and a malformed time", () => {
    const c = ticker();
    expect(c.kubectl("logs ticker --since=1h --since-time=2026-01-05T10:00:00Z").stderr).toBe(
      "error: at most one of `sinceTime` or `sinceSeconds` may be specified\n",
    );
    expect(c.kubectl("logs ticker --since-time=foo").stderr).toBe(
      'error: parsing time "foo" as "2006-01-02T15:04:05Z07:00": cannot parse "foo" as "2006"\n',
    );
  });
});
