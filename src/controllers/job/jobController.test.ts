import { describe, expect, test } from "vitest";
import { createCluster } from "../../cluster";
import { activePodNames, finishPod, jobPods, restartPod, runPod } from "./jobTesting";

function jobYaml(name: string, spec: string, restartPolicy = "Never"): string {
  return `apiVersion: batch/v1
kind: Job
metadata:
  name: ${name}
spec:
${spec}
  template:
    spec:
      containers:
      - name: pi
        image: perl:5.34.0
        command: ["perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"]
      restartPolicy: ${restartPolicy}
`;
}

/** A cluster without nodes: pods stay Pending, and the tests play the kubelet. */
function cluster() {
  return createCluster({ seed: 1, nodes: 0 });
}

function jobStatus(c: ReturnType<typeof cluster>, name: string) {
  return c.api.get("Job", "default", name).status;
}

function events(c: ReturnType<typeof cluster>, kind: string, name: string): string[] {
  return c.store
    .list("Event", "default")
    .filter((e) => e.involvedObject?.kind === kind && e.involvedObject?.name === name)
    .sort((a, b) => a.metadata.name!.localeCompare(b.metadata.name!))
    .map((e) => `${e.type} ${e.reason} ${e.message}`);
}

function setSuspend(c: ReturnType<typeof cluster>, name: string, suspend: boolean): void {
  const job = c.api.get("Job", "default", name);
  c.api.update({ ...job, spec: { ...job.spec, suspend } });
  c.advance(0);
}

describe("the pi Job (completions 1, backoffLimit 4)", () => {
  test("runs one pod, then is Complete 1/1 once it succeeds, keeping the pod", () => {
    const c = cluster();
    expect(c.kubectl("apply -f -", jobYaml("pi", "  backoffLimit: 4")).stdout).toBe("job.batch/pi created\n");
    c.advance(5);
    expect(c.kubectl("get jobs").stdout).toBe(
      "NAME   STATUS    COMPLETIONS   DURATION   AGE\npi     Running   0/1           5s         5s\n",
    );
    const [pod] = jobPods(c, "pi");
    expect(pod.metadata?.name).toMatch(/^pi-[a-z0-9]{5}$/);
    expect(pod.metadata?.finalizers).toEqual(["batch.kubernetes.io/job-tracking"]);
    expect(pod.metadata?.ownerReferences).toEqual([
      {
        apiVersion: "batch/v1",
        kind: "Job",
        name: "pi",
        uid: c.api.get("Job", "default", "pi").metadata.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    expect(pod.metadata?.labels?.["batch.kubernetes.io/job-name"]).toBe("pi");
    runPod(c, pod.metadata!.name!);
    expect(jobStatus(c, "pi")).toMatchObject({ active: 1, ready: 1, terminating: 0 });
    c.advance(5);
    finishPod(c, pod.metadata!.name!, "Succeeded");
    c.advance(3);
    expect(c.kubectl("get jobs").stdout).toBe(
      "NAME   STATUS     COMPLETIONS   DURATION   AGE\npi     Complete   1/1           10s        13s\n",
    );
    expect(jobStatus(c, "pi")).toEqual({
      conditions: [
        {
          type: "SuccessCriteriaMet",
          status: "True",
          lastProbeTime: "2026-01-05T10:00:10Z",
          lastTransitionTime: "2026-01-05T10:00:10Z",
          reason: "CompletionsReached",
          message: "Reached expected number of succeeded pods",
        },
        {
          type: "Complete",
          status: "True",
          lastProbeTime: "2026-01-05T10:00:10Z",
          lastTransitionTime: "2026-01-05T10:00:10Z",
          reason: "CompletionsReached",
          message: "Reached expected number of succeeded pods",
        },
      ],
      startTime: "2026-01-05T10:00:00Z",
      completionTime: "2026-01-05T10:00:10Z",
      succeeded: 1,
      terminating: 0,
      uncountedTerminatedPods: {},
      ready: 0,
    });
    const kept = jobPods(c, "pi");
    expect(kept).toHaveLength(1);
    expect(kept[0].metadata?.finalizers).toBeUndefined();
    expect(events(c, "Job", "pi")).toEqual([
      `Normal SuccessfulCreate Created pod: ${pod.metadata!.name}`,
      "Normal Completed Job completed",
    ]);
  });
});

describe("completions and parallelism", () => {
  test("completions 5 with parallelism 2 never runs more than 2 pods and stops at 5 successes", () => {
    const c = cluster();
    c.kubectl("apply -f -", jobYaml("work", "  completions: 5\n  parallelism: 2"));
    for (let done = 0; done < 5; done++) {
      const active = activePodNames(c, "work");
      expect(active.length).toBe(Math.min(2, 5 - done));
      finishPod(c, active[0], "Succeeded");
      c.advance(1);
    }
    expect(activePodNames(c, "work")).toEqual([]);
    expect(jobPods(c, "work")).toHaveLength(5);
    expect(c.kubectl("get job work").stdout).toContain("Complete   5/5");
  });

  test("an Indexed Job gives each pod its index in name, annotation, label, hostname and env", () => {
    const c = cluster();
    c.kubectl("apply -f -", jobYaml("idx", "  completions: 3\n  parallelism: 2\n  completionMode: Indexed"));
    const pods = jobPods(c, "idx");
    expect(pods.map((p) => p.metadata?.name?.replace(/[a-z0-9]{5}$/, "*"))).toEqual(
      ["idx-0-*", "idx-1-*"].sort(),
    );
    const first = pods.find((p) => p.metadata?.name?.startsWith("idx-0-"))!;
    expect(first.metadata?.annotations?.["batch.kubernetes.io/job-completion-index"]).toBe("0");
    expect(first.metadata?.labels?.["batch.kubernetes.io/job-completion-index"]).toBe("0");
    expect(first.spec?.hostname).toBe("idx-0");
    expect(first.spec?.containers[0].env?.[0]).toMatchObject({
      name: "JOB_COMPLETION_INDEX",
      valueFrom: {
        fieldRef: { fieldPath: "metadata.annotations['batch.kubernetes.io/job-completion-index']" },
      },
    });
    const second = pods.find((p) => p.metadata?.name?.startsWith("idx-1-"))!;
    finishPod(c, second.metadata!.name!, "Succeeded");
    expect(jobStatus(c, "idx")).toMatchObject({ completedIndexes: "1", succeeded: 1, active: 2 });
    expect(activePodNames(c, "idx").some((n) => n.startsWith("idx-2-"))).toBe(true);
  });
});

describe("failures", () => {
  test("replacements wait 10s, then 20s, and the Job fails once failures exceed backoffLimit", () => {
    const c = cluster();
    c.kubectl("apply -f -", jobYaml("bad", "  backoffLimit: 2"));
    finishPod(c, activePodNames(c, "bad")[0], "Failed");
    expect(activePodNames(c, "bad")).toEqual([]);
    expect(jobStatus(c, "bad")).toMatchObject({ failed: 1 });
    c.advance(9);
    expect(activePodNames(c, "bad")).toEqual([]);
    c.advance(1);
    expect(activePodNames(c, "bad")).toHaveLength(1);
    finishPod(c, activePodNames(c, "bad")[0], "Failed");
    c.advance(19);
    expect(activePodNames(c, "bad")).toEqual([]);
    c.advance(1);
    expect(activePodNames(c, "bad")).toHaveLength(1);
    finishPod(c, activePodNames(c, "bad")[0], "Failed");
    const status = jobStatus(c, "bad");
    expect(status.failed).toBe(3);
    expect(status.conditions.map((x: { type: string; reason: string }) => `${x.type}/${x.reason}`)).toEqual([
      "FailureTarget/BackoffLimitExceeded",
      "Failed/BackoffLimitExceeded",
    ]);
    expect(status.completionTime).toBeUndefined();
    expect(c.kubectl("get job bad").stdout).toContain("bad    Failed   0/1");
    expect(events(c, "Job", "bad").at(-1)).toBe(
      "Warning BackoffLimitExceeded Job has reached the specified backoff limit",
    );
    c.advance(600);
    expect(jobPods(c, "bad")).toHaveLength(3);
  });

  test("with restartPolicy OnFailure, container restarts count toward backoffLimit", () => {
    const c = cluster();
    c.kubectl("apply -f -", jobYaml("flaky", "  backoffLimit: 2", "OnFailure"));
    const [name] = activePodNames(c, "flaky");
    runPod(c, name);
    restartPod(c, name, 1);
    expect(jobStatus(c, "flaky").conditions).toBeUndefined();
    restartPod(c, name, 2);
    expect(jobStatus(c, "flaky").conditions.map((x: { type: string }) => x.type)).toEqual([
      "FailureTarget",
      "Failed",
    ]);
    expect(c.api.store.get("Pod", "default", name)).toBeUndefined();
  });

  test("activeDeadlineSeconds stops the pods and fails the Job with DeadlineExceeded", () => {
    const c = cluster();
    c.kubectl("apply -f -", jobYaml("slow", "  activeDeadlineSeconds: 30"));
    c.advance(29);
    expect(activePodNames(c, "slow")).toHaveLength(1);
    c.advance(1);
    expect(activePodNames(c, "slow")).toEqual([]);
    const status = jobStatus(c, "slow");
    expect(status.conditions.at(-1)).toMatchObject({
      type: "Failed",
      reason: "DeadlineExceeded",
      message: "Job was active longer than specified deadline",
    });
    expect(status.failed).toBe(1);
    expect(events(c, "Job", "slow")).toContain(
      "Warning DeadlineExceeded Job was active longer than specified deadline",
    );
  });
});

describe("suspend", () => {
  test("a suspended Job has no pods and no startTime; resuming starts it, suspending again deletes its pods", () => {
    const c = cluster();
    c.kubectl("apply -f -", jobYaml("later", "  suspend: true"));
    expect(jobPods(c, "later")).toEqual([]);
    expect(jobStatus(c, "later").startTime).toBeUndefined();
    expect(jobStatus(c, "later").conditions[0]).toMatchObject({
      type: "Suspended",
      status: "True",
      reason: "JobSuspended",
      message: "Job suspended",
    });
    expect(c.kubectl("get job later").stdout).toContain("Suspended");
    c.advance(60);
    setSuspend(c, "later", false);
    expect(activePodNames(c, "later")).toHaveLength(1);
    expect(jobStatus(c, "later")).toMatchObject({ startTime: "2026-01-05T10:01:00Z", active: 1 });
    expect(jobStatus(c, "later").conditions[0]).toMatchObject({
      type: "Suspended",
      status: "False",
      reason: "JobResumed",
    });
    setSuspend(c, "later", true);
    expect(jobPods(c, "later")).toEqual([]);
    expect(jobStatus(c, "later").failed).toBeUndefined();
    expect(events(c, "Job", "later").map((e) => e.split(" ")[1])).toEqual([
      "Suspended",
      "SuccessfulCreate",
      "Resumed",
      "SuccessfulDelete",
    ]);
    // The second Suspended event repeats the first, so the recorder counts it on the same Event.
    expect(c.store.list("Event", "default").find((e) => e.reason === "Suspended")?.count).toBe(2);
  });
});

describe("ttlSecondsAfterFinished", () => {
  test("deletes the finished Job and its pods that many seconds after it finished", () => {
    const c = cluster();
    c.kubectl("apply -f -", jobYaml("brief", "  ttlSecondsAfterFinished: 100"));
    c.advance(10);
    finishPod(c, activePodNames(c, "brief")[0], "Succeeded");
    c.advance(99);
    expect(c.store.get("Job", "default", "brief")).toBeDefined();
    c.advance(1);
    expect(c.store.get("Job", "default", "brief")).toBeUndefined();
    expect(jobPods(c, "brief")).toEqual([]);
  });
});
