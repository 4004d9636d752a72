import type { Pod } from "kubernetes-types/core/v1";
import { describe, expect, it } from "vitest";
import { podPrinter, podStatusReason } from "./pod";
import { NOW, ago, containers, pod, running, status } from "./testObjects";

function cells(p: Pod, wide = false): string[] {
  return podPrinter.row(p, { nowMs: NOW, wide });
}

const sidecar = (name: string) => ({ name, image: "envoy", restartPolicy: "Always" });
const restartedAgo = (seconds: number) => ({ terminated: { exitCode: 1, finishedAt: ago(seconds) } });

// Cases ported from TestPrintPod in kubernetes/pkg/printers/internalversion/printers_test.go.
describe("printPod (ported table)", () => {
  const cases: [string, Pod, string[]][] = [
    [
      "counts ready running containers and sums restarts",
      pod(
        "test1",
        { containers: containers(2) },
        {
          phase: "podPhase",
          containerStatuses: [
            status({ ready: true, restartCount: 3, state: running }),
            status({ restartCount: 3 }),
          ],
        },
      ),
      ["test1", "1/2", "podPhase", "6", "<unknown>"],
    ],
    [
      "lets a waiting container's reason override the phase",
      pod(
        "test2",
        { containers: containers(2) },
        {
          phase: "podPhase",
          containerStatuses: [
            status({ ready: true, restartCount: 3, state: running }),
            status({ restartCount: 3, state: { waiting: { reason: "ContainerWaitingReason" } } }),
          ],
        },
      ),
      ["test2", "1/2", "ContainerWaitingReason", "6", "<unknown>"],
    ],
    [
      "lets the first container's reason win over later ones",
      pod(
        "test3",
        { containers: containers(2) },
        {
          phase: "podPhase",
          containerStatuses: [
            status({ restartCount: 3, state: { waiting: { reason: "ContainerWaitingReason" } } }),
            status({
              restartCount: 3,
              state: { terminated: { exitCode: 0, reason: "ContainerTerminatedReason" } },
            }),
          ],
        },
      ),
      ["test3", "0/2", "ContainerWaitingReason", "6", "<unknown>"],
    ],
    [
      "does not count a ready container that is not running",
      pod(
        "test4",
        { containers: containers(2) },
        {
          phase: "podPhase",
          containerStatuses: [
            status({ ready: true, restartCount: 3, state: running }),
            status({ ready: true, restartCount: 3 }),
          ],
        },
      ),
      ["test4", "1/2", "podPhase", "6", "<unknown>"],
    ],
    [
      "prefers status.reason over the phase",
      pod(
        "test5",
        { containers: containers(2) },
        {
          reason: "podReason",
          phase: "podPhase",
          containerStatuses: [
            status({ ready: true, restartCount: 3, state: running }),
            status({ ready: true, restartCount: 3 }),
          ],
        },
      ),
      ["test5", "1/2", "podReason", "6", "<unknown>"],
    ],
    [
      "shows NotReady when one container completed and another runs without a Ready condition",
      pod(
        "test6",
        { containers: containers(2) },
        {
          phase: "Running",
          containerStatuses: [
            status({
              ready: true,
              restartCount: 3,
              state: { terminated: { reason: "Completed", exitCode: 0 } },
            }),
            status({ ready: true, restartCount: 3, state: running }),
          ],
        },
      ),
      ["test6", "1/2", "NotReady", "6", "<unknown>"],
    ],
    [
      "shows Running when one container completed and another runs with a Ready condition",
      pod(
        "test6",
        { containers: containers(2) },
        {
          phase: "Running",
          containerStatuses: [
            status({
              ready: true,
              restartCount: 3,
              state: { terminated: { reason: "Completed", exitCode: 0 } },
            }),
            status({ ready: true, restartCount: 3, state: running }),
          ],
          conditions: [{ type: "Ready", status: "True" }],
        },
      ),
      ["test6", "1/2", "Running", "6", "<unknown>"],
    ],
    [
      "shows Init:0/1 while the only init container restarts",
      pod(
        "test7",
        { initContainers: containers(1), containers: containers(1) },
        {
          phase: "podPhase",
          initContainerStatuses: [status({ restartCount: 3, state: running, lastState: restartedAgo(10) })],
          containerStatuses: [status({ state: { waiting: {} } })],
        },
      ),
      ["test7", "0/1", "Init:0/1", "3 (10s ago)", "<unknown>"],
    ],
    [
      "shows Init:0/2 while the first of two init containers restarts",
      pod(
        "test8",
        { initContainers: containers(2), containers: containers(1) },
        {
          phase: "podPhase",
          initContainerStatuses: [
            status({ restartCount: 3, state: running, lastState: restartedAgo(10) }),
            status({ state: { waiting: {} } }),
          ],
          containerStatuses: [status({ state: { waiting: {} } })],
        },
      ),
      ["test8", "0/1", "Init:0/2", "3 (10s ago)", "<unknown>"],
    ],
    [
      "shows Init:1/2 once the first init container succeeded",
      pod(
        "test9",
        { initContainers: containers(2), containers: containers(1) },
        {
          phase: "podPhase",
          initContainerStatuses: [
            status({ state: { terminated: { exitCode: 0 } } }),
            status({ restartCount: 3, state: running, lastState: restartedAgo(10) }),
          ],
          containerStatuses: [status({ state: { waiting: {} } })],
        },
      ),
      ["test9", "0/1", "Init:1/2", "3 (10s ago)", "<unknown>"],
    ],
    [
      "sums init restarts and shows the most recent restart",
      pod(
        "test10",
        { initContainers: containers(2), containers: containers(1) },
        {
          phase: "podPhase",
          initContainerStatuses: [
            status({ restartCount: 2, state: { terminated: { exitCode: 0 } }, lastState: restartedAgo(120) }),
            status({ restartCount: 3, state: running, lastState: restartedAgo(10) }),
          ],
          containerStatuses: [status({ state: { waiting: {} } })],
        },
      ),
      ["test10", "0/1", "Init:1/2", "5 (10s ago)", "<unknown>"],
    ],
    [
      "counts only regular container restarts once initialized",
      pod(
        "test11",
        { initContainers: containers(1), containers: containers(1) },
        {
          phase: "Running",
          initContainerStatuses: [
            status({ restartCount: 2, state: { terminated: { exitCode: 0 } }, lastState: restartedAgo(120) }),
          ],
          containerStatuses: [status({ restartCount: 4, state: running, lastState: restartedAgo(20) })],
        },
      ),
      ["test11", "0/1", "Running", "4 (20s ago)", "<unknown>"],
    ],
    [
      "shows a restart five days ago",
      pod(
        "test12",
        { containers: containers(1) },
        {
          phase: "Running",
          containerStatuses: [
            status({ ready: true, restartCount: 3, state: running, lastState: restartedAgo(5 * 86400) }),
          ],
        },
      ),
      ["test12", "1/1", "Running", "3 (5d ago)", "<unknown>"],
    ],
    [
      "shows the latest restart among containers",
      pod(
        "test14",
        { containers: containers(2) },
        {
          phase: "Running",
          containerStatuses: [
            status({ ready: true, restartCount: 6, state: running, lastState: restartedAgo(5 * 86400) }),
            status({ ready: true, restartCount: 3, state: running, lastState: restartedAgo(20 * 86400) }),
          ],
        },
      ),
      ["test14", "2/2", "Running", "9 (5d ago)", "<unknown>"],
    ],
    [
      "shows SchedulingGated from the PodScheduled condition",
      pod(
        "test15",
        { containers: containers(2) },
        {
          phase: "podPhase",
          conditions: [{ type: "PodScheduled", status: "False", reason: "SchedulingGated" }],
        },
      ),
      ["test15", "0/2", "SchedulingGated", "0", "<unknown>"],
    ],
    [
      "shows Completed for a succeeded pod",
      pod(
        "test16",
        { containers: containers(1) },
        {
          phase: "Succeeded",
          containerStatuses: [status({ state: { terminated: { reason: "Completed", exitCode: 0 } } })],
        },
      ),
      ["test16", "0/1", "Completed", "0", "<unknown>"],
    ],
    [
      "shows Error for a failed pod",
      pod(
        "test17",
        { containers: containers(1) },
        {
          phase: "Failed",
          containerStatuses: [status({ state: { terminated: { reason: "Error", exitCode: 1 } } })],
        },
      ),
      ["test17", "0/1", "Error", "0", "<unknown>"],
    ],
    [
      "keeps Completed for a succeeded pod being deleted",
      pod(
        "test18",
        { containers: containers(1) },
        {
          phase: "Succeeded",
          containerStatuses: [status({ state: { terminated: { reason: "Completed", exitCode: 0 } } })],
        },
        { metadata: { deletionTimestamp: ago(10) } },
      ),
      ["test18", "0/1", "Completed", "0", "<unknown>"],
    ],
    [
      "shows Terminating for a running pod being deleted",
      pod(
        "test19",
        { containers: containers(1) },
        { phase: "Running", containerStatuses: [status({ state: running })] },
        { metadata: { deletionTimestamp: ago(10) } },
      ),
      ["test19", "0/1", "Terminating", "0", "<unknown>"],
    ],
    [
      "shows Terminating for a pending pod being deleted",
      pod(
        "test20",
        { containers: containers(1) },
        { phase: "Pending" },
        { metadata: { deletionTimestamp: ago(10) } },
      ),
      ["test20", "0/1", "Terminating", "0", "<unknown>"],
    ],
  ];

  it.each(cases)("%s", (_name, p, want) => {
    expect(cells(p)).toEqual(want);
  });
});

// Cases ported from TestPrintPodWithRestartableInitContainer.
describe("printPod with sidecar (restartable init) containers", () => {
  const spec = {
    initContainers: [sidecar("restartable-init-1"), sidecar("restartable-init-2")],
    containers: containers(1),
  };

  it("counts sidecars in READY's total and waits for the first to start", () => {
    const p = pod("test1", spec, {
      phase: "Pending",
      initContainerStatuses: [
        status({
          name: "restartable-init-1",
          restartCount: 3,
          state: running,
          started: false,
          lastState: restartedAgo(10),
        }),
        status({ name: "restartable-init-2", state: { waiting: {} }, started: false }),
      ],
      containerStatuses: [status({ state: { waiting: {} } })],
      conditions: [{ type: "Initialized", status: "False" }],
    });
    expect(cells(p)).toEqual(["test1", "0/3", "Init:0/2", "3 (10s ago)", "<unknown>"]);
  });

  it("moves on to the next init container once a sidecar has started", () => {
    const p = pod("test1", spec, {
      phase: "Pending",
      initContainerStatuses: [
        status({
          name: "restartable-init-1",
          restartCount: 3,
          state: running,
          started: true,
          lastState: restartedAgo(10),
        }),
        status({ name: "restartable-init-2", state: running, started: false }),
      ],
      containerStatuses: [status({ state: { waiting: {} } })],
      conditions: [{ type: "Initialized", status: "False" }],
    });
    expect(cells(p)).toEqual(["test1", "0/3", "Init:1/2", "3 (10s ago)", "<unknown>"]);
  });

  it("adds sidecar restarts to the regular containers' once initialized", () => {
    const p = pod("test2", spec, {
      phase: "Running",
      initContainerStatuses: [
        status({
          name: "restartable-init-1",
          restartCount: 3,
          state: running,
          started: true,
          lastState: restartedAgo(10),
        }),
        status({ name: "restartable-init-2", state: running, started: true }),
      ],
      containerStatuses: [
        status({ ready: true, restartCount: 4, state: running, lastState: restartedAgo(20) }),
      ],
      conditions: [{ type: "Initialized", status: "True" }],
    });
    expect(cells(p)).toEqual(["test2", "1/3", "Running", "7 (10s ago)", "<unknown>"]);
  });

  it("shows Completed when sidecars were killed after the main container finished", () => {
    const killed = { terminated: { reason: "Error", exitCode: 137 } };
    const p = pod("test3", spec, {
      phase: "Succeeded",
      initContainerStatuses: [
        status({
          name: "restartable-init-1",
          restartCount: 3,
          state: killed,
          started: false,
          lastState: restartedAgo(10),
        }),
        status({ name: "restartable-init-2", state: killed, started: false }),
      ],
      containerStatuses: [
        status({
          restartCount: 4,
          state: { terminated: { reason: "Completed", exitCode: 0 } },
          lastState: restartedAgo(20),
        }),
      ],
      conditions: [{ type: "Initialized", status: "True" }],
    });
    expect(cells(p)).toEqual(["test3", "0/3", "Completed", "7 (10s ago)", "<unknown>"]);
  });

  it("ignores statuses of containers missing from the spec", () => {
    const p = pod(
      "test4",
      {
        initContainers: [{ name: "init1", image: "initimage" }, sidecar("sidecar1")],
        containers: [{ name: "container1" }],
      },
      {
        phase: "Running",
        initContainerStatuses: [
          status({ name: "initinvalid" }),
          status({ name: "init1" }),
          status({ name: "sidecar1" }),
        ],
        containerStatuses: [status({ name: "containerinvalid" }), status({ name: "container1" })],
      },
    );
    expect(cells(p)).toEqual(["test4", "0/2", "Init:0/2", "0", "<unknown>"]);
  });
});

describe("podStatusReason", () => {
  const oneContainer = (state: object, phase = "Running") =>
    pod("p", { containers: containers(1) }, { phase, containerStatuses: [status({ state })] });
  const oneInit = (state: object) =>
    pod(
      "p",
      { initContainers: containers(1), containers: containers(1) },
      {
        phase: "Pending",
        initContainerStatuses: [status({ state })],
        containerStatuses: [status({ state: { waiting: { reason: "PodInitializing" } } })],
      },
    );

  it.each([
    ["ContainerCreating", { waiting: { reason: "ContainerCreating" } }],
    ["CrashLoopBackOff", { waiting: { reason: "CrashLoopBackOff", message: "back-off 10s" } }],
    ["ErrImagePull", { waiting: { reason: "ErrImagePull" } }],
    ["ImagePullBackOff", { waiting: { reason: "ImagePullBackOff" } }],
    ["OOMKilled", { terminated: { reason: "OOMKilled", exitCode: 137 } }],
    ["Error", { terminated: { reason: "Error", exitCode: 1 } }],
    ["Completed", { terminated: { reason: "Completed", exitCode: 0 } }],
    ["ExitCode:3", { terminated: { exitCode: 3 } }],
    ["Signal:9", { terminated: { exitCode: 137, signal: 9 } }],
  ])("shows %s from the container state", (want, state) => {
    expect(podStatusReason(oneContainer(state))).toBe(want);
  });

  it.each([
    ["Init:Error", { terminated: { reason: "Error", exitCode: 1 } }],
    ["Init:ExitCode:2", { terminated: { exitCode: 2 } }],
    ["Init:Signal:15", { terminated: { exitCode: 143, signal: 15 } }],
    ["Init:CrashLoopBackOff", { waiting: { reason: "CrashLoopBackOff" } }],
    ["Init:0/1", { waiting: { reason: "PodInitializing" } }],
    ["Init:0/1", running],
  ])("shows %s from the init container state", (want, state) => {
    expect(podStatusReason(oneInit(state))).toBe(want);
  });

  it("shows PodInitializing once init containers are done and the app container waits", () => {
    const p = pod(
      "p",
      { initContainers: containers(1), containers: containers(1) },
      {
        phase: "Pending",
        initContainerStatuses: [status({ state: { terminated: { reason: "Completed", exitCode: 0 } } })],
        containerStatuses: [status({ state: { waiting: { reason: "PodInitializing" } } })],
      },
    );
    expect(podStatusReason(p)).toBe("PodInitializing");
  });

  it("shows Pending for a pod not yet scheduled", () => {
    expect(podStatusReason(pod("p", { containers: containers(1) }, { phase: "Pending" }))).toBe("Pending");
  });

  it("shows Evicted from status.reason", () => {
    const p = pod(
      "p",
      { containers: containers(1) },
      { phase: "Failed", reason: "Evicted", message: "low on memory" },
    );
    expect(podStatusReason(p)).toBe("Evicted");
  });

  it("shows NodeLost, then Unknown once the pod is being deleted", () => {
    const lost = pod("p", { containers: containers(1) }, { phase: "Running", reason: "NodeLost" });
    expect(podStatusReason(lost)).toBe("NodeLost");
    expect(podStatusReason({ ...lost, metadata: { name: "p", deletionTimestamp: ago(5) } })).toBe("Unknown");
  });
});

// Cases ported from TestPrintPodwide.
describe("printPod -o wide", () => {
  it("adds IP, NODE, NOMINATED NODE and READINESS GATES", () => {
    const p = pod(
      "test1",
      {
        containers: containers(2),
        nodeName: "test1",
        readinessGates: [
          { conditionType: "condition1" },
          { conditionType: "condition2" },
          { conditionType: "condition3" },
        ],
      },
      {
        phase: "podPhase",
        podIPs: [{ ip: "1.1.1.1" }, { ip: "2001:db8::" }],
        nominatedNodeName: "node1",
        conditions: [
          { type: "condition1", status: "False" },
          { type: "condition2", status: "True" },
        ],
        containerStatuses: [
          status({ ready: true, restartCount: 3, state: running }),
          status({ restartCount: 3 }),
        ],
      },
    );
    expect(cells(p, true)).toEqual([
      "test1",
      "1/2",
      "podPhase",
      "6",
      "<unknown>",
      "1.1.1.1",
      "test1",
      "node1",
      "1/3",
    ]);
  });

  it("prints <none> for what is not set yet", () => {
    const p = pod("test2", { containers: containers(2) }, { phase: "Pending" });
    expect(cells(p, true).slice(5)).toEqual(["<none>", "<none>", "<none>", "<none>"]);
  });
});
