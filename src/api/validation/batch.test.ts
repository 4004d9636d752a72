import { describe, expect, it } from "vitest";
import { cronJob, errorsOf, job } from "./testObjects";
import { validateCronSchedule } from "./batch";
import { formatFieldError } from "./fieldErrors";
import { validateObject } from "./index";
import type { Job } from "kubernetes-types/batch/v1";

const UID = "8d0a1d1c-0000-4000-8000-000000000001";
const errors = (j: Job, old?: Job) => validateObject(j, old).map(formatFieldError);

describe("Job validation", () => {
  it("accepts a defaulted job with generated labels", () => {
    expect(errors(job())).toEqual([]);
  });

  it("requires restartPolicy OnFailure or Never (an unset one defaults to Always)", () => {
    expect(errors(job((j) => delete j.spec!.template.spec!.restartPolicy))).toEqual([
      'spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    ]);
    // The pod-spec check and the Job check both fire, as in Kubernetes.
    expect(errors(job((j) => (j.spec!.template.spec!.restartPolicy = "Sometimes")))).toEqual([
      'spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
      'spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "OnFailure", "Never"',
    ]);
  });

  it("rejects negative completions, parallelism and backoffLimit", () => {
    const j = job((j) => Object.assign(j.spec!, { completions: -1, parallelism: -2, backoffLimit: -3 }));
    expect(errors(j)).toEqual([
      "spec.parallelism: Invalid value: -2: must be greater than or equal to 0",
      "spec.completions: Invalid value: -1: must be greater than or equal to 0",
      "spec.backoffLimit: Invalid value: -3: must be greater than or equal to 0",
    ]);
  });

  it("rejects a user selector that was not auto-generated", () => {
    const j = job((j) => {
      j.spec!.selector = { matchLabels: { app: "pi" } };
      j.spec!.template.metadata = { labels: { app: "pi" } };
    });
    expect(errors(j)).toEqual([
      `spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"pi", "batch.kubernetes.io/controller-uid":"${UID}"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: \`selector\` not auto-generated`,
    ]);
  });

  it("keeps selector, template and completions immutable", () => {
    const old = job((j) => (j.metadata = { ...j.metadata, resourceVersion: "2" }));
    const next = structuredClone(old);
    next.spec!.completions = 3;
    next.spec!.template.spec!.containers[0].image = "perl:5.40";
    expect(errors(next, old)).toEqual([
      "spec.completions: Invalid value: 3: field is immutable",
      "spec.template: Invalid value: core.PodTemplateSpec{...}: field is immutable",
    ]);
  });
});

describe("CronJob validation", () => {
  it("accepts a valid cron job", () => {
    expect(errorsOf(cronJob())).toEqual([]);
  });

  it("reports the cron parser's error for a bad schedule", () => {
    const error = validateCronSchedule("* * *");
    expect(error).not.toBeNull();
    expect(errorsOf(cronJob((c) => (c.spec!.schedule = "* * *")))).toEqual([
      `spec.schedule: Invalid value: "* * *": ${error}`,
    ]);
  });

  it("requires a schedule and forbids TZ in it", () => {
    expect(errorsOf(cronJob((c) => (c.spec!.schedule = "")))).toEqual(["spec.schedule: Required value"]);
    expect(errorsOf(cronJob((c) => (c.spec!.schedule = "CRON_TZ=UTC 0 * * * *")))).toEqual([
      'spec.schedule: Invalid value: "CRON_TZ=UTC 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
    ]);
  });

  it("rejects an unknown concurrencyPolicy and a job template selector", () => {
    const c = cronJob((c) => {
      c.spec!.concurrencyPolicy = "Sometimes";
      c.spec!.jobTemplate.spec!.selector = { matchLabels: { a: "b" } };
    });
    expect(errorsOf(c)).toEqual([
      'spec.concurrencyPolicy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"',
      'spec.jobTemplate.spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"a":"b"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: `selector` will be auto-generated',
    ]);
  });

  it("checks the job template's restartPolicy and limits names to 52 characters", () => {
    const c = cronJob((c) => {
      c.metadata!.name = "a".repeat(53);
      delete c.spec!.jobTemplate.spec!.template.spec!.restartPolicy;
    });
    expect(errorsOf(c)).toEqual([
      'spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
      `metadata.name: Invalid value: "${"a".repeat(53)}": must be no more than 52 characters`,
    ]);
  });
});
