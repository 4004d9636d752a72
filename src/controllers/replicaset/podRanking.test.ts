import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../api/types";
import { getPodsToDelete } from "./podRanking";

const NOW = Date.parse("2026-01-05T10:00:00Z");

function pod(
  name: string,
  opts: {
    node?: string;
    phase?: string;
    readySince?: string;
    restarts?: number;
    created?: string;
    cost?: string;
  } = {},
): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      uid: name,
      creationTimestamp: opts.created ?? "2026-01-05T09:00:00Z",
      annotations: opts.cost ? { "controller.kubernetes.io/pod-deletion-cost": opts.cost } : undefined,
    },
    spec: { nodeName: opts.node },
    status: {
      phase: opts.phase ?? "Running",
      conditions: opts.readySince
        ? [{ type: "Ready", status: "True", lastTransitionTime: opts.readySince }]
        : [],
      containerStatuses: [{ restartCount: opts.restarts ?? 0 }],
    },
  };
}

const names = (pods: KubeObject[]) => pods.map((p) => p.metadata.name);

describe("getPodsToDelete (ActivePodsWithRanks)", () => {
  it("deletes unscheduled before pending before not-ready before ready pods", () => {
    const pods = [
      pod("ready", { node: "n1", readySince: "2026-01-05T09:00:00Z" }),
      pod("notready", { node: "n2" }),
      pod("pending", { node: "n3", phase: "Pending" }),
      pod("unscheduled", { phase: "Pending" }),
    ];
    expect(names(getPodsToDelete(pods, pods, 3, NOW))).toEqual(["unscheduled", "pending", "notready"]);
  });

  it("prefers a lower deletion cost, then pods doubled up on a node", () => {
    const r = "2026-01-05T09:00:00Z";
    const pods = [
      pod("alone", { node: "n1", readySince: r }),
      pod("twin", { node: "n2", readySince: r }),
      pod("cheap", { node: "n3", readySince: r, cost: "-5" }),
    ];
    const related = [...pods, pod("sibling", { node: "n2", readySince: r })];
    expect(names(getPodsToDelete(pods, related, 2, NOW))).toEqual(["cheap", "twin"]);
  });

  it("deletes the more recently ready, then the more restarted, then the newer pod", () => {
    const pods = [
      pod("old-ready", { node: "n1", readySince: "2026-01-01T00:00:00Z" }),
      pod("new-ready", { node: "n2", readySince: "2026-01-05T09:59:00Z" }),
    ];
    expect(names(getPodsToDelete(pods, [], 1, NOW))).toEqual(["new-ready"]);
    const restarted = [pod("calm", { node: "n1" }), pod("crashy", { node: "n2", restarts: 4 })];
    expect(names(getPodsToDelete(restarted, [], 1, NOW))).toEqual(["crashy"]);
    const ages = [
      pod("older", { node: "n1", created: "2026-01-01T00:00:00Z" }),
      pod("newer", { node: "n2", created: "2026-01-05T09:59:00Z" }),
    ];
    expect(names(getPodsToDelete(ages, [], 1, NOW))).toEqual(["newer"]);
  });
});
