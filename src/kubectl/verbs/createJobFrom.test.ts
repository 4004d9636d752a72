import { describe, expect, test } from "vitest";
import { createCluster } from "../../cluster";
import { KubectlError, type VerbContext } from "../verb";
import { createJobFromCronJob } from "./createJobFrom";

const CRONJOB = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: hello
spec:
  schedule: "0 0 1 1 *"
  jobTemplate:
    metadata:
      labels: {team: a}
      annotations: {note: yes}
    spec:
      template:
        spec:
          containers:
          - name: hello
            image: busybox:1.28
          restartPolicy: OnFailure
`;

function context(namespaceExplicit = false): VerbContext {
  const cluster = createCluster({ seed: 1, nodes: 0 });
  cluster.kubectl("apply -f -", CRONJOB);
  return {
    cluster,
    namespace: "default",
    namespaceExplicit,
    flags: {},
    changed: new Set(),
    args: [],
    argsLenAtDash: -1,
    files: {},
    out: () => {},
    err: () => {},
    follow: () => {},
    openEditor: () => {},
  };
}

describe("createJobFromCronJob", () => {
  test("stamps the CronJob's template with the manual annotation and a controller reference", () => {
    const ctx = context();
    const cj = ctx.cluster.api.get("CronJob", "default", "hello");
    const job = createJobFromCronJob(ctx, "manual-1", "cronjob/hello");
    expect(job.metadata).toEqual({
      name: "manual-1",
      creationTimestamp: null,
      annotations: { "cronjob.kubernetes.io/instantiate": "manual", note: "yes" },
      labels: { team: "a" },
      ownerReferences: [
        { apiVersion: "batch/v1", kind: "CronJob", name: "hello", uid: cj.metadata.uid, controller: true },
      ],
    });
    expect(job.spec.template.spec.containers[0].image).toBe("busybox:1.28");
  });

  test("the created Job runs under the Job controller and is left alone by the CronJob controller's schedule", () => {
    const ctx = context();
    ctx.cluster.api.create({
      ...createJobFromCronJob(ctx, "manual-1", "cj/hello"),
      metadata: { ...createJobFromCronJob(ctx, "manual-1", "cj/hello").metadata, namespace: "default" },
    });
    ctx.cluster.advance(1);
    expect(ctx.cluster.kubectl("get jobs").stdout).toContain("manual-1   Running   0/1");
  });

  test("sets the namespace only when -n was given", () => {
    expect(createJobFromCronJob(context(true), "x", "cronjob/hello").metadata.namespace).toBe("default");
    expect(createJobFromCronJob(context(false), "x", "cronjob/hello").metadata.namespace).toBeUndefined();
  });

  test("refuses a missing CronJob and other kinds", () => {
    const ctx = context();
    expect(() => createJobFromCronJob(ctx, "x", "cronjob/nope")).toThrow('cronjobs.batch "nope" not found');
    ctx.cluster.kubectl("create namespace other");
    expect(() => createJobFromCronJob(ctx, "x", "namespace/other")).toThrow(KubectlError);
  });
});
