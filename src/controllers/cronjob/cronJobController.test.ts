import { describe, expect, test } from "vitest";
import { createCluster } from "../../cluster";
import { activePodNames, finishPod } from "../job/jobTesting";

type C = ReturnType<typeof createCluster>;

function cronYaml(name: string, extra = ""): string {
  return `apiVersion: batch/v1
kind: CronJob
metadata:
  name: ${name}
spec:
  schedule: "* * * * *"
${extra}
  jobTemplate:
    spec:
      backoffLimit: 0
      template:
        spec:
          containers:
          - name: hello
            image: busybox:1.28
            command: ["/bin/sh", "-c", "date; echo Hello from the Kubernetes cluster"]
          restartPolicy: OnFailure
`;
}

/** Starts at 10:00:30 so that each minute's slot is 30s away, as in a real cluster. */
function cluster(): C {
  return createCluster({ seed: 1, nodes: 0, start: "2026-01-05T10:00:30Z" });
}

function jobNames(c: C): string[] {
  return c.store.list("Job", "default").map((j) => j.metadata.name ?? "");
}

function cronEvents(c: C, name: string): string[] {
  return c.store
    .list("Event", "default")
    .filter((e) => e.involvedObject?.kind === "CronJob" && e.involvedObject?.name === name)
    .sort((a, b) => a.metadata.name!.localeCompare(b.metadata.name!))
    .map((e) => `${e.type} ${e.reason} ${e.message}`);
}

/** Plays the kubelet: every running pod of the job succeeds. */
function finishJob(c: C, job: string, phase: "Succeeded" | "Failed" = "Succeeded"): void {
  for (const pod of activePodNames(c, job)) finishPod(c, pod, phase);
}

const MINUTE_10_01 = Math.floor(Date.parse("2026-01-05T10:01:00Z") / 60000);

describe("a CronJob every minute", () => {
  test("creates <name>-<minutes since epoch> Jobs with the scheduled-time annotation and an owner reference", () => {
    const c = cluster();
    expect(c.kubectl("apply -f -", cronYaml("hello")).stdout).toBe("cronjob.batch/hello created\n");
    c.advance(30);
    expect(jobNames(c)).toEqual([]);
    // The controller wakes 100ms after the slot (nextScheduleDelta).
    c.advance(0.1);
    expect(jobNames(c)).toEqual([`hello-${MINUTE_10_01}`]);
    const job = c.api.get("Job", "default", `hello-${MINUTE_10_01}`);
    const cj = c.api.get("CronJob", "default", "hello");
    expect(job.metadata.annotations).toEqual({
      "batch.kubernetes.io/cronjob-scheduled-timestamp": "2026-01-05T10:01:00Z",
    });
    expect(job.metadata.ownerReferences).toEqual([
      {
        apiVersion: "batch/v1",
        kind: "CronJob",
        name: "hello",
        uid: cj.metadata.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    expect(cj.status.lastScheduleTime).toBe("2026-01-05T10:01:00Z");
    expect(cj.status.active.map((r: { name: string }) => r.name)).toEqual([`hello-${MINUTE_10_01}`]);
    expect(cronEvents(c, "hello")).toEqual([`Normal SuccessfulCreate Created job hello-${MINUTE_10_01}`]);
  });

  test("over 10 minutes keeps 3 successful and 1 failed Job, deleting older ones", () => {
    const c = cluster();
    c.kubectl("apply -f -", cronYaml("hello"));
    for (let minute = 1; minute <= 10; minute++) {
      c.advance(60);
      const name = `hello-${MINUTE_10_01 + minute - 1}`;
      finishJob(c, name, minute === 4 || minute === 6 ? "Failed" : "Succeeded");
    }
    c.advance(1);
    const base = MINUTE_10_01;
    expect(jobNames(c)).toEqual(
      [`hello-${base + 5}`, `hello-${base + 7}`, `hello-${base + 8}`, `hello-${base + 9}`].sort(),
    );
    const cj = c.api.get("CronJob", "default", "hello");
    expect(cj.status.active).toBeUndefined();
    expect(cj.status.lastScheduleTime).toBe("2026-01-05T10:10:00Z");
    expect(cj.status.lastSuccessfulTime).toBe("2026-01-05T10:10:30Z");
    const events = cronEvents(c, "hello");
    expect(events).toContain(`Normal SawCompletedJob Saw completed job: hello-${base}, condition: Complete`);
    expect(events).toContain(
      `Normal SawCompletedJob Saw completed job: hello-${base + 3}, condition: Failed`,
    );
    expect(events).toContain(`Normal SuccessfulDelete Deleted job hello-${base}`);
    expect(events).toContain(`Normal SuccessfulDelete Deleted job hello-${base + 3}`);
    expect(c.kubectl("get cronjob hello").stdout).toBe(
      "NAME    SCHEDULE    TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE\nhello   * * * * *   <none>     False     0        31s             10m\n",
    );
  });

  test("two simulated hours of minutes run in one advance, each slot replacing the last Job", () => {
    const c = cluster();
    c.kubectl("apply -f -", cronYaml("tick", "  concurrencyPolicy: Replace"));
    const started = process.hrtime.bigint();
    c.advance(2 * 3600);
    expect(Number(process.hrtime.bigint() - started) / 1e9).toBeLessThan(15);
    expect(jobNames(c)).toEqual([`tick-${MINUTE_10_01 + 119}`]);
    expect(c.api.get("CronJob", "default", "tick").status.lastScheduleTime).toBe("2026-01-05T12:00:00Z");
  });
});

describe("concurrencyPolicy", () => {
  test("Allow lets runs overlap", () => {
    const c = cluster();
    c.kubectl("apply -f -", cronYaml("hello"));
    c.advance(151);
    expect(jobNames(c)).toHaveLength(3);
    expect(c.api.get("CronJob", "default", "hello").status.active).toHaveLength(3);
  });

  test("Forbid skips a start while the previous Job still runs", () => {
    const c = cluster();
    c.kubectl("apply -f -", cronYaml("hello", "  concurrencyPolicy: Forbid"));
    c.advance(91);
    expect(jobNames(c)).toEqual([`hello-${MINUTE_10_01}`]);
    expect(cronEvents(c, "hello")).toContain(
      "Normal JobAlreadyActive Not starting job because prior execution is running and concurrency policy is Forbid",
    );
    // The skipped 10:02 slot is still unmet, so it starts as soon as the running Job ends.
    finishJob(c, `hello-${MINUTE_10_01}`);
    expect(jobNames(c)).toEqual([`hello-${MINUTE_10_01}`, `hello-${MINUTE_10_01 + 1}`]);
  });

  test("Replace deletes the running Job and starts the new one", () => {
    const c = cluster();
    c.kubectl("apply -f -", cronYaml("hello", "  concurrencyPolicy: Replace"));
    c.advance(91);
    expect(jobNames(c)).toEqual([`hello-${MINUTE_10_01 + 1}`]);
    expect(cronEvents(c, "hello")).toContain(`Normal SuccessfulDelete Deleted job hello-${MINUTE_10_01}`);
    expect(
      c.api.get("CronJob", "default", "hello").status.active.map((r: { name: string }) => r.name),
    ).toEqual([`hello-${MINUTE_10_01 + 1}`]);
  });
});

describe("suspend and missed schedules", () => {
  test("a suspended CronJob starts nothing; resumed, it starts the most recent missed slot once", () => {
    const c = cluster();
    c.kubectl("apply -f -", cronYaml("hello", "  suspend: true"));
    c.advance(300);
    expect(jobNames(c)).toEqual([]);
    const cj = c.api.get("CronJob", "default", "hello");
    c.api.update({ ...cj, spec: { ...cj.spec, suspend: false } });
    c.advance(0);
    expect(jobNames(c)).toEqual([`hello-${MINUTE_10_01 + 4}`]);
  });

  test("with startingDeadlineSeconds a slot older than the deadline is skipped", () => {
    const c = cluster();
    c.kubectl("apply -f -", cronYaml("hello", "  suspend: true\n  startingDeadlineSeconds: 10"));
    c.advance(50);
    const cj = c.api.get("CronJob", "default", "hello");
    c.api.update({ ...cj, spec: { ...cj.spec, suspend: false } });
    c.advance(0);
    // 10:01:00 is more than 10s ago: nextScheduleTime only looks back startingDeadlineSeconds.
    expect(jobNames(c)).toEqual([]);
    c.advance(41);
    expect(jobNames(c)).toEqual([`hello-${MINUTE_10_01 + 1}`]);
  });

  test("after more than 100 missed starts it warns TooManyMissedTimes and still starts the latest", () => {
    const c = cluster();
    c.kubectl("apply -f -", cronYaml("hello", "  suspend: true"));
    c.advance(3 * 3600);
    const cj = c.api.get("CronJob", "default", "hello");
    c.api.update({ ...cj, spec: { ...cj.spec, suspend: false } });
    c.advance(0);
    expect(cronEvents(c, "hello")[0]).toBe(
      "Warning TooManyMissedTimes too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew",
    );
    expect(jobNames(c)).toEqual([`hello-${MINUTE_10_01 + 179}`]);
  });

  test("timeZone shifts the slots and the annotation carries the zone's offset", () => {
    const c = cluster();
    c.kubectl(
      "apply -f -",
      cronYaml("tz", '  timeZone: "America/New_York"').replace('"* * * * *"', '"0 5 * * *"'),
    );
    c.advance(3600 * 24);
    const [name] = jobNames(c);
    expect(name).toBe(`tz-${Math.floor(Date.parse("2026-01-06T10:00:00Z") / 60000)}`);
    expect(
      c.api.get("Job", "default", name).metadata.annotations?.[
        "batch.kubernetes.io/cronjob-scheduled-timestamp"
      ],
    ).toBe("2026-01-06T05:00:00-05:00");
  });
});
