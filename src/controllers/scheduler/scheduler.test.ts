import { describe, expect, test } from "vitest";
import { createCluster } from "../../cluster";
import { backoffOver } from "./scheduler";

function podYaml(name: string, spec = "", containerExtra = ""): string {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n${spec}  containers:\n  - name: c\n    image: nginx\n${containerExtra}`;
}

const cpu = (amount: string) => `    resources:\n      requests:\n        cpu: "${amount}"\n`;

function nodeOf(c: ReturnType<typeof createCluster>, name: string): string | undefined {
  return c.api.get("Pod", "default", name).spec.nodeName;
}

function scheduledCondition(c: ReturnType<typeof createCluster>, name: string) {
  return c.api
    .get("Pod", "default", name)
    .status?.conditions?.find((x: { type: string }) => x.type === "PodScheduled");
}

describe("default-scheduler", () => {
  test("spreads pods without requests evenly over equal nodes", () => {
    const c = createCluster({ seed: 7, nodes: 3 });
    for (let i = 0; i < 6; i++) c.kubectl("apply -f -", podYaml(`p${i}`));
    const counts = new Map<string, number>();
    for (let i = 0; i < 6; i++)
      counts.set(nodeOf(c, `p${i}`) ?? "", (counts.get(nodeOf(c, `p${i}`) ?? "") ?? 0) + 1);
    expect([...counts.values()]).toEqual([2, 2, 2]);
  });

  test("binding sets PodScheduled=True and records a Scheduled event", () => {
    const c = createCluster({ seed: 1, nodes: 3 });
    c.kubectl("apply -f -", podYaml("web", "  nodeSelector:\n    kubernetes.io/hostname: node-2\n"));
    expect(nodeOf(c, "web")).toBe("node-2");
    expect(scheduledCondition(c, "web")).toMatchObject({
      status: "True",
      lastTransitionTime: "2026-01-05T10:00:00Z",
    });
    expect(c.kubectl("get events").stdout).toMatch(
      /Normal\s+Scheduled\s+pod\/web\s+Successfully assigned default\/web to node-2/,
    );
  });

  test("is deterministic for a seed", () => {
    const run = () => {
      const c = createCluster({ seed: 3, nodes: 3 });
      c.kubectl("apply -f -", podYaml("a"));
      return nodeOf(c, "a");
    };
    expect(run()).toBe(run());
  });

  test("a pod that fits nowhere stays Pending with FitError's aggregated message", () => {
    const c = createCluster({ seed: 1, nodes: 3 });
    c.kubectl("taint nodes node-1 node-role.kubernetes.io/control-plane:NoSchedule");
    c.kubectl("apply -f -", podYaml("big", "", cpu("5")));
    const message =
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. " +
      "preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.";
    expect(nodeOf(c, "big")).toBeUndefined();
    expect(scheduledCondition(c, "big")).toMatchObject({ status: "False", reason: "Unschedulable", message });
    expect(c.kubectl("get events").stdout).toContain(`FailedScheduling   pod/big   ${message}`);
  });

  test("requests add up on a node: the third 1.5-cpu pod does not fit a 4-cpu node", () => {
    const c = createCluster({ seed: 1, nodes: 1 });
    for (const name of ["a", "b", "c"]) c.kubectl("apply -f -", podYaml(name, "", cpu("1500m")));
    expect([nodeOf(c, "a"), nodeOf(c, "b"), nodeOf(c, "c")]).toEqual(["node-1", "node-1", undefined]);
    expect(scheduledCondition(c, "c")?.message).toBe(
      "0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.",
    );
  });

  test("a pending pod is scheduled when a bound pod goes away, once its back-off is over", () => {
    const c = createCluster({ seed: 1, nodes: 1 });
    c.kubectl("apply -f -", podYaml("a", "", cpu("3")));
    c.kubectl("apply -f -", podYaml("b", "", cpu("3")));
    expect(nodeOf(c, "b")).toBeUndefined();
    c.kubectl("delete pod a --grace-period=0 --force");
    // One failed attempt: 1 s of back-off, counted from the failure, before the queue lets it go.
    expect(nodeOf(c, "b")).toBeUndefined();
    c.advance(1);
    expect(nodeOf(c, "b")).toBe("node-1");
  });

  test("each failed attempt doubles the back-off, 1 s up to 10 s", () => {
    expect([1, 2, 3, 4, 5, 9].map((attempts) => backoffOver({ attempts, at: 0 }))).toEqual([
      1000, 2000, 4000, 8000, 10_000, 10_000,
    ]);
    // The queue flushes once a second: a back-off ending mid-second is over at the next tick.
    expect(backoffOver({ attempts: 1, at: 1500 })).toBe(3000);
    const c = createCluster({ seed: 1, nodes: 1 });
    c.kubectl("apply -f -", podYaml("big", "", cpu("30")));
    // Every node change moves it back; it is tried again only when its back-off allows.
    for (let i = 0; i < 30; i++) {
      c.kubectl(`label node node-1 round=r${i} --overwrite`);
      c.advance(1);
    }
    const failed = c.kubectl(
      "get events --field-selector reason=FailedScheduling -o jsonpath={.items[0].count}",
    );
    // Attempts at 0 s, then at 1, 3, 7, 15 and 25 s: six in 30 s, not thirty.
    expect(failed.stdout).toBe("6");
  });

  test("nodeSelector that no node matches is reported as an unresolvable affinity mismatch", () => {
    const c = createCluster({ seed: 1, nodes: 2 });
    c.kubectl("apply -f -", podYaml("gpu", "  nodeSelector:\n    disktype: ssd\n"));
    expect(scheduledCondition(c, "gpu")?.message).toBe(
      "0/2 nodes are available: 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
    );
    c.kubectl("label node node-2 disktype=ssd");
    c.advance(1);
    expect(nodeOf(c, "gpu")).toBe("node-2");
  });

  test("required node affinity with NotIn keeps a pod off the listed nodes", () => {
    const c = createCluster({ seed: 1, nodes: 3 });
    const affinity = `  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
        - matchExpressions:
          - key: kubernetes.io/hostname
            operator: NotIn
            values: [node-1, node-2]
`;
    c.kubectl("apply -f -", podYaml("picky", affinity));
    expect(nodeOf(c, "picky")).toBe("node-3");
  });

  test("a NoSchedule taint repels pods without a toleration and admits those with one", () => {
    const c = createCluster({ seed: 1, nodes: 1 });
    c.kubectl("taint nodes node-1 dedicated=db:NoSchedule");
    c.kubectl("apply -f -", podYaml("plain"));
    const toleration =
      "  tolerations:\n  - key: dedicated\n    operator: Equal\n    value: db\n    effect: NoSchedule\n";
    c.kubectl("apply -f -", podYaml("db", toleration));
    expect(nodeOf(c, "plain")).toBeUndefined();
    expect(scheduledCondition(c, "plain")?.message).toContain(
      "1 node(s) had untolerated taint {dedicated: db}",
    );
    expect(nodeOf(c, "db")).toBe("node-1");
    c.kubectl("taint nodes node-1 dedicated:NoSchedule-");
    c.advance(1);
    expect(nodeOf(c, "plain")).toBe("node-1");
  });

  test("a cordoned node receives no new pods", () => {
    const c = createCluster({ seed: 1, nodes: 1 });
    c.kubectl("cordon node-1");
    c.kubectl("apply -f -", podYaml("waiting"));
    expect(scheduledCondition(c, "waiting")?.message).toBe(
      "0/1 nodes are available: 1 node(s) were unschedulable. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.",
    );
    c.kubectl("uncordon node-1");
    c.advance(1);
    expect(nodeOf(c, "waiting")).toBe("node-1");
  });

  test("with no nodes at all the message is ErrNoNodesAvailable", () => {
    const c = createCluster({ seed: 1, nodes: 0 });
    c.kubectl("apply -f -", podYaml("lonely"));
    expect(scheduledCondition(c, "lonely")?.message).toBe("no nodes available to schedule pods");
  });

  test("pods for another scheduler are left alone", () => {
    const c = createCluster({ seed: 1, nodes: 1 });
    c.kubectl("apply -f -", podYaml("custom", "  schedulerName: my-scheduler\n"));
    expect(nodeOf(c, "custom")).toBeUndefined();
    expect(scheduledCondition(c, "custom")).toBeUndefined();
  });
});
