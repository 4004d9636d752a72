import { describe, expect, test } from "vitest";
import { createCluster } from "../../cluster";
import { followStream } from "../../testing/follow";

const onNode1 = (name: string, extra = "") =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  nodeSelector:\n    kubernetes.io/hostname: node-1\n  containers:\n  - name: c\n    image: nginx\n${extra}`;

describe("kubectl cordon / uncordon", () => {
  test("cordon marks the node unschedulable and says so once", () => {
    const c = createCluster({ seed: 1, nodes: 2 });
    expect(c.kubectl("cordon node-1")).toEqual({ code: 0, stdout: "node/node-1 cordoned\n", stderr: "" });
    expect(c.kubectl("cordon node-1").stdout).toBe("node/node-1 already cordoned\n");
    expect(c.kubectl("get nodes").stdout).toContain("node-1   Ready,SchedulingDisabled   <none>");
    const taints = c.api.get("Node", "", "node-1").spec.taints;
    expect(taints).toEqual([
      { key: "node.kubernetes.io/unschedulable", effect: "NoSchedule", timeAdded: "2026-01-05T10:00:00Z" },
    ]);
  });

  test("uncordon reverses it, and is a no-op on a schedulable node", () => {
    const c = createCluster({ seed: 1, nodes: 1 });
    expect(c.kubectl("uncordon node-1").stdout).toBe("node/node-1 already uncordoned\n");
    c.kubectl("cordon node-1");
    expect(c.kubectl("uncordon node-1").stdout).toBe("node/node-1 uncordoned\n");
    expect(c.api.get("Node", "", "node-1").spec.unschedulable).toBeUndefined();
    expect(c.api.get("Node", "", "node-1").spec.taints).toBeUndefined();
  });

  test("dry run prints the outcome without changing the node", () => {
    const c = createCluster({ seed: 1, nodes: 1 });
    expect(c.kubectl("cordon node-1 --dry-run=client").stdout).toBe("node/node-1 cordoned (dry run)\n");
    expect(c.api.get("Node", "", "node-1").spec.unschedulable).toBeUndefined();
  });

  test("a selector cordons every matching node", () => {
    const c = createCluster({ seed: 1, nodes: 3 });
    expect(c.kubectl("cordon -l kubernetes.io/os=linux").stdout).toBe(
      "node/node-1 cordoned\nnode/node-2 cordoned\nnode/node-3 cordoned\n",
    );
  });

  test("errors: no node, unknown node, both a name and a selector", () => {
    const c = createCluster({ seed: 1, nodes: 1 });
    expect(c.kubectl("cordon")).toEqual({
      code: 1,
      stdout: "",
      stderr: "error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples\n",
    });
    expect(c.kubectl("cordon node-9").stderr).toBe(
      'Error from server (NotFound): nodes "node-9" not found\n',
    );
    expect(c.kubectl("uncordon node-1 -l a=b").stderr).toBe(
      "error: cannot specify both a node name and a --selector option\nSee 'kubectl uncordon -h' for help and examples\n",
    );
  });
});

describe("kubectl taint", () => {
  test("prints the tainted node in the -o format, as written (or as it would be, dry run)", () => {
    const c = createCluster({ seed: 1, nodes: 1 });
    expect(
      c.kubectl("taint nodes node-1 dedicated=db:NoSchedule -o jsonpath={.spec.taints[0].value}").stdout,
    ).toBe("db");
    expect(c.kubectl("taint nodes node-1 gpu=yes:NoExecute --dry-run=client -o name").stdout).toBe(
      "node/node-1\n",
    );
    expect(c.api.get("Node", "", "node-1").spec.taints).toHaveLength(1);
    expect(c.kubectl("taint nodes node-1 dedicated:NoSchedule- --validate=maybe").stderr).toBe(
      'error: invalid - validate option "maybe"; must be one of: strict (or true), warn, ignore (or false)\n',
    );
  });

  test("adds, refuses to duplicate without --overwrite, overwrites, and removes taints", () => {
    const c = createCluster({ seed: 1, nodes: 1 });
    expect(c.kubectl("taint nodes node-1 dedicated=db:NoSchedule").stdout).toBe("node/node-1 tainted\n");
    expect(c.api.get("Node", "", "node-1").spec.taints).toEqual([
      { key: "dedicated", value: "db", effect: "NoSchedule" },
    ]);
    expect(c.kubectl("taint nodes node-1 dedicated=web:NoSchedule")).toEqual({
      code: 1,
      stdout: "",
      stderr:
        "error: node node-1 already has dedicated taint(s) with same effect(s) and --overwrite is false\n",
    });
    expect(c.kubectl("taint nodes node-1 dedicated=web:NoSchedule --overwrite").stdout).toBe(
      "node/node-1 modified\n",
    );
    expect(c.kubectl("taint node node-1 dedicated:NoSchedule-").stdout).toBe("node/node-1 untainted\n");
    expect(c.api.get("Node", "", "node-1").spec.taints).toBeUndefined();
  });

  test("removing by key alone drops every effect of that key", () => {
    const c = createCluster({ seed: 1, nodes: 1 });
    c.kubectl("taint nodes node-1 k=v:NoSchedule k=v:NoExecute");
    expect(c.kubectl("taint no/node-1 k-").stdout).toBe("node/node-1 untainted\n");
    expect(c.api.get("Node", "", "node-1").spec.taints).toBeUndefined();
  });

  test("errors are kubectl's", () => {
    const c = createCluster({ seed: 1, nodes: 1 });
    expect(c.kubectl("taint nodes node-1 missing:NoSchedule-").stderr).toBe(
      'error: taint "missing:NoSchedule" not found\n',
    );
    expect(c.kubectl("taint nodes node-1").stderr).toBe("error: at least one taint update is required\n");
    expect(c.kubectl("taint nodes node-1 a=b:Sometimes").stderr).toBe(
      "error: invalid taint effect: Sometimes, unsupported taint effect\nSee 'kubectl taint -h' for help and examples\n",
    );
    expect(c.kubectl("taint pods x a=b:NoSchedule").stderr).toBe(
      "error: invalid resource type pods, only node types are supported\nSee 'kubectl taint -h' for help and examples\n",
    );
    expect(c.kubectl("taint nodes node-1 a=b:NoSchedule a:NoSchedule-").stderr).toBe(
      'error: can not both modify and remove the following taint(s) in the same command: {"a":"NoSchedule"}\nSee \'kubectl taint -h\' for help and examples\n',
    );
    expect(c.kubectl("taint nodes nope a=b:NoSchedule").stderr).toBe(
      'Error from server (NotFound): nodes "nope" not found\n',
    );
  });
});

describe("kubectl drain", () => {
  test("cordons, evicts the node's managed pods, waits until they are gone, then reports the node drained", () => {
    const c = createCluster({ seed: 1, nodes: 2 });
    c.kubectl("create deployment web --image=nginx --replicas=4");
    c.advance(20);
    const onOne = c.api.store
      .list("Pod", "default")
      .filter((p) => p.spec?.nodeName === "node-1")
      .map((p) => p.metadata.name);
    expect(onOne.length).toBeGreaterThan(0);
    const result = c.kubectl("drain node-1");
    expect(result).toMatchObject({
      code: 0,
      stdout: ["node/node-1 cordoned", ...onOne.map((n) => `evicting pod default/${n}`), ""].join("\n"),
    });
    // The pods are terminating: kubectl polls each second until they are gone.
    for (const name of onOne)
      expect(c.api.store.get("Pod", "default", name ?? "")?.metadata.deletionTimestamp).toBeDefined();
    expect(followStream(c, result.stream!, 10)).toEqual({
      stdout: [...onOne.map((n) => `pod/${n} evicted`), "node/node-1 drained", ""].join("\n"),
      stderr: "",
      code: 0,
    });
    const replacements = c.api.store.list("Pod", "default");
    expect(replacements).toHaveLength(4);
    expect(replacements.every((p) => p.spec?.nodeName === "node-2")).toBe(true);
  });

  test("gives up on a node after --timeout with kubectl's errors, and goes on to the next", () => {
    const c = createCluster({ seed: 1, nodes: 2 });
    c.kubectl("apply -f -", onNode1("sleeper", "    command: [sleep, '3600']\n"));
    c.advance(20);
    const result = c.kubectl("drain node-1 node-2 --force --timeout=5s");
    const followed = followStream(c, result.stream!, 10);
    const failure =
      'error when waiting for pod "sleeper" in namespace "default" to terminate: context deadline exceeded';
    expect(followed).toEqual({
      stdout: "node/node-2 drained\n",
      stderr:
        `There are pending pods in node "node-1" when an error occurred: ${failure}\npod/sleeper\n` +
        `error: unable to drain node "node-1" due to error: ${failure}, continuing command...\n` +
        `There are pending nodes to be drained:\n node-1\n${failure}\n`,
      code: 1,
    });
  });

  test("--disable-eviction deletes instead: no eviction lines, `pod/x deleted` once gone", () => {
    const c = createCluster({ seed: 1, nodes: 2 });
    c.kubectl("apply -f -", onNode1("naked"));
    c.advance(20);
    const result = c.kubectl("drain node-1 --force --disable-eviction");
    expect(result.stdout).toBe("node/node-1 cordoned\n");
    expect(followStream(c, result.stream!, 5)).toMatchObject({
      stdout: "pod/naked deleted\nnode/node-1 drained\n",
      code: 0,
    });
    expect(c.api.store.get("Pod", "default", "naked")).toBeUndefined();
  });

  test("refuses pods without a controller and with emptyDir unless told to", () => {
    const c = createCluster({ seed: 1, nodes: 2 });
    c.kubectl("apply -f -", onNode1("naked"));
    c.kubectl(
      "apply -f -",
      onNode1(
        "scratch",
        "    volumeMounts:\n    - name: tmp\n      mountPath: /tmp\n  volumes:\n  - name: tmp\n    emptyDir: {}\n",
      ),
    );
    const result = c.kubectl("drain node-1");
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("node/node-1 cordoned\n");
    const failure =
      "[cannot delete cannot delete Pods that declare no controller (use --force to override): default/naked, " +
      "cannot delete Pods with local storage (use --delete-emptydir-data to override): default/scratch]";
    expect(result.stderr).toBe(
      `error: unable to drain node "node-1" due to error: ${failure}, continuing command...\nThere are pending nodes to be drained:\n node-1\n${failure}\n`,
    );
    expect(c.api.get("Pod", "default", "naked").metadata.deletionTimestamp).toBeUndefined();
  });

  test("--force and --delete-emptydir-data evict them with warnings", () => {
    const c = createCluster({ seed: 1, nodes: 2 });
    c.kubectl("apply -f -", onNode1("naked"));
    const result = c.kubectl("drain node-1 --force --ignore-daemonsets --delete-emptydir-data");
    expect(result.stderr).toBe("Warning: deleting Pods that declare no controller: default/naked\n");
    expect(result.stdout).toBe("node/node-1 cordoned\nevicting pod default/naked\n");
    expect(followStream(c, result.stream!, 5).stdout).toBe("pod/naked evicted\nnode/node-1 drained\n");
  });

  test("client dry run evicts nothing", () => {
    const c = createCluster({ seed: 1, nodes: 2 });
    c.kubectl("apply -f -", onNode1("naked"));
    expect(c.kubectl("drain node-1 --force --dry-run=client").stdout).toBe(
      "node/node-1 cordoned (dry run)\nevicting pod default/naked (dry run)\nnode/node-1 drained (dry run)\n",
    );
    expect(c.api.get("Pod", "default", "naked").metadata.deletionTimestamp).toBeUndefined();
    expect(c.api.get("Node", "", "node-1").spec.unschedulable).toBeUndefined();
  });

  test("drain without a node is a usage error", () => {
    const c = createCluster({ seed: 1, nodes: 1 });
    expect(c.kubectl("drain").stderr).toBe(
      "error: USAGE: drain NODE [flags]\nSee 'kubectl drain -h' for help and examples\n",
    );
  });
});
