import { describe, expect, test } from "vitest";
import type { KubeObject } from "../api/types";
import { createCluster } from "../cluster";
import { isNodeRunning } from "./fleet";
import { defaultTolerations, toleratesTaint } from "./taints";

const pod = (name: string, extra = "") =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  nodeSelector:\n    kubernetes.io/hostname: node-1\n  containers:\n  - name: c\n    image: nginx\n${extra}`;

const tolerations = `  tolerations:
  - key: node.kubernetes.io/not-ready
    operator: Exists
    effect: NoExecute
    tolerationSeconds: 300
  - key: node.kubernetes.io/unreachable
    operator: Exists
    effect: NoExecute
    tolerationSeconds: 300
`;

function readyStatus(c: ReturnType<typeof createCluster>, name: string): string | undefined {
  return c.api.get("Node", "", name).status?.conditions?.find((x: { type: string }) => x.type === "Ready")
    ?.status;
}

describe("simulated nodes", () => {
  test("createCluster registers N Ready workers that kubectl lists like a kind cluster", () => {
    const c = createCluster({ seed: 1, nodes: 3 });
    expect(c.kubectl("get nodes -o wide").stdout).toBe(
      [
        "NAME     STATUS   ROLES    AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE                         KERNEL-VERSION   CONTAINER-RUNTIME",
        "node-1   Ready    <none>   0s    v1.32.0   172.18.0.2    <none>        Debian GNU/Linux 12 (bookworm)   6.1.0-28-amd64   containerd://1.7.24",
        "node-2   Ready    <none>   0s    v1.32.0   172.18.0.3    <none>        Debian GNU/Linux 12 (bookworm)   6.1.0-28-amd64   containerd://1.7.24",
        "node-3   Ready    <none>   0s    v1.32.0   172.18.0.4    <none>        Debian GNU/Linux 12 (bookworm)   6.1.0-28-amd64   containerd://1.7.24",
        "",
      ].join("\n"),
    );
    const node = c.api.get("Node", "", "node-2");
    expect(node.spec.podCIDRs).toEqual(["10.244.2.0/24"]);
    expect(node.metadata.labels?.["kubernetes.io/hostname"]).toBe("node-2");
    expect(node.status.allocatable).toMatchObject({ cpu: "4", memory: "8286208Ki", pods: "110" });
  });

  test("each node's Lease in kube-node-lease is renewed every 10 seconds", () => {
    const c = createCluster({ seed: 1, nodes: 2 });
    const lease = c.api.get("Lease", "kube-node-lease", "node-1");
    expect(lease.spec).toEqual({
      holderIdentity: "node-1",
      leaseDurationSeconds: 40,
      renewTime: "2026-01-05T10:00:00.000000Z",
    });
    expect(lease.metadata.ownerReferences?.[0]).toMatchObject({ kind: "Node", name: "node-1" });
    c.advance(25);
    expect(c.api.get("Lease", "kube-node-lease", "node-1").spec.renewTime).toBe(
      "2026-01-05T10:00:20.000000Z",
    );
  });

  test("a cluster of zero nodes is allowed", () => {
    const c = createCluster({ seed: 1, nodes: 0 });
    expect(c.kubectl("get nodes").stderr).toBe("No resources found\n");
  });

  test("a stopped node turns NotReady after the 50 s grace period and gets the unreachable taints", () => {
    const c = createCluster({ seed: 1, nodes: 2 });
    c.stopNode("node-1");
    expect(isNodeRunning(c.api, "node-1")).toBe(false);
    c.advance(50);
    expect(readyStatus(c, "node-1")).toBe("True");
    c.advance(10);
    const node = c.api.get("Node", "", "node-1");
    expect(c.kubectl("get node node-1").stdout).toContain("node-1   NotReady   <none>");
    expect(node.status.conditions.find((x: { type: string }) => x.type === "Ready")).toMatchObject({
      status: "Unknown",
      reason: "NodeStatusUnknown",
      message: "Kubelet stopped posting node status.",
    });
    expect(node.spec.taints.map((t: { key: string; effect: string }) => `${t.key}:${t.effect}`)).toEqual([
      "node.kubernetes.io/unreachable:NoExecute",
      "node.kubernetes.io/unreachable:NoSchedule",
    ]);
    expect(readyStatus(c, "node-2")).toBe("True");
    expect(c.kubectl("get events").stdout).toMatch(
      /5s\s+Normal\s+NodeNotReady\s+node\/node-1\s+Node node-1 status is now: NodeNotReady/,
    );
  });

  test("pods on an unreachable node are evicted when their 300 s toleration runs out", () => {
    const c = createCluster({ seed: 1, nodes: 2 });
    c.kubectl("apply -f -", pod("victim", tolerations));
    expect(c.api.get("Pod", "default", "victim").spec.nodeName).toBe("node-1");
    c.stopNode("node-1");
    c.advance(60); // NotReady and tainted by now
    c.advance(290);
    expect(c.api.store.get("Pod", "default", "victim")?.metadata.deletionTimestamp).toBeUndefined();
    c.advance(15);
    const after = c.api.store.get("Pod", "default", "victim");
    expect(after === undefined || after.metadata.deletionTimestamp !== undefined).toBe(true);
    expect(c.kubectl("get events").stdout).toMatch(
      /TaintManagerEviction\s+pod\/victim\s+Marking for deletion Pod default\/victim/,
    );
  });

  test("every pod gets the default 300 s tolerations at admission", () => {
    const c = createCluster({ seed: 1, nodes: 2 });
    c.kubectl("apply -f -", pod("plain"));
    const keys = c.api
      .get("Pod", "default", "plain")
      .spec?.tolerations?.map(
        (t: { key: string; tolerationSeconds: number }) => `${t.key}=${t.tolerationSeconds}`,
      );
    expect(keys).toEqual(["node.kubernetes.io/not-ready=300", "node.kubernetes.io/unreachable=300"]);
  });

  test("a pod that tolerates the unreachable taint for 0 s is evicted as soon as the taint appears", () => {
    const c = createCluster({ seed: 1, nodes: 2 });
    const noGrace = `  tolerations:
  - key: node.kubernetes.io/unreachable
    operator: Exists
    effect: NoExecute
    tolerationSeconds: 0
`;
    c.kubectl("apply -f -", pod("bare", noGrace));
    c.stopNode("node-1");
    c.advance(60);
    const after = c.api.store.get("Pod", "default", "bare");
    expect(after === undefined || after.metadata.deletionTimestamp !== undefined).toBe(true);
  });

  test("starting the node again restores Ready and removes the taints before eviction", () => {
    const c = createCluster({ seed: 1, nodes: 2 });
    c.kubectl("apply -f -", pod("survivor", tolerations));
    c.stopNode("node-1");
    c.advance(120);
    c.startNode("node-1");
    expect(readyStatus(c, "node-1")).toBe("True");
    expect(c.api.get("Node", "", "node-1").spec.taints).toBeUndefined();
    c.advance(400);
    expect(c.api.get("Pod", "default", "survivor").metadata.deletionTimestamp).toBeUndefined();
    expect(c.kubectl("get events").stdout).toContain("Cancelling deletion of Pod default/survivor");
  });

  test("stopNode of an unknown node throws", () => {
    const c = createCluster({ seed: 1, nodes: 1 });
    expect(() => c.stopNode("node-7")).toThrow('no simulated node named "node-7"');
  });
});

describe("defaultTolerations (DefaultTolerationSeconds admission)", () => {
  const base: KubeObject = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "p" },
    spec: { containers: [] },
  };

  test("adds not-ready and unreachable NoExecute tolerations of 300 s", () => {
    expect(defaultTolerations(base.spec.tolerations)).toEqual([
      {
        key: "node.kubernetes.io/not-ready",
        operator: "Exists",
        effect: "NoExecute",
        tolerationSeconds: 300,
      },
      {
        key: "node.kubernetes.io/unreachable",
        operator: "Exists",
        effect: "NoExecute",
        tolerationSeconds: 300,
      },
    ]);
  });

  test("keeps a pod's own toleration for a key and adds only the missing one", () => {
    const own = {
      key: "node.kubernetes.io/unreachable",
      operator: "Exists",
      effect: "NoExecute",
      tolerationSeconds: 6,
    };
    expect(defaultTolerations([own])).toEqual([
      own,
      {
        key: "node.kubernetes.io/not-ready",
        operator: "Exists",
        effect: "NoExecute",
        tolerationSeconds: 300,
      },
    ]);
  });

  test("a toleration of every taint (empty key, Exists) means nothing is added", () => {
    const all = [{ operator: "Exists" }];
    expect(defaultTolerations(all)).toBe(all);
  });
});

describe("toleratesTaint (ported from the core/v1 Toleration.ToleratesTaint table)", () => {
  const taint = { key: "foo", value: "bar", effect: "NoSchedule" as const };
  test.each([
    ["empty effect matches any effect", { key: "foo", operator: "Equal", value: "bar" }, true],
    [
      "different effect does not match",
      { key: "foo", operator: "Equal", value: "bar", effect: "NoExecute" },
      false,
    ],
    ["different key does not match", { key: "baz", operator: "Exists" }, false],
    ["Equal with a different value does not match", { key: "foo", operator: "Equal", value: "qux" }, false],
    ["Exists ignores the value", { key: "foo", operator: "Exists" }, true],
    ["empty key with Exists tolerates everything", { operator: "Exists" }, true],
    ["an unknown operator tolerates nothing", { key: "foo", operator: "Lt", value: "bar" }, false],
  ])("%s", (_name, toleration, expected) => {
    expect(toleratesTaint(toleration, taint)).toBe(expected);
  });
});
