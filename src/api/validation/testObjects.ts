/**
 * Shared fixtures for the validation tests: minimal valid objects, defaulted as the API
 * server would, and a helper returning the formatted error messages.
 */
import type { Deployment } from "kubernetes-types/apps/v1";
import type { CronJob, Job } from "kubernetes-types/batch/v1";
import type { Pod, Service } from "kubernetes-types/core/v1";
import { applyDefaults, jobGeneratedLabels } from "../defaults";
import { formatFieldError } from "./fieldErrors";
import { type KubeObject, validateObject } from "./index";

/** A deep copy of `obj` with the API server's defaults applied. */
export function defaulted<T extends KubeObject>(obj: T): T {
  const copy = structuredClone(obj);
  applyDefaults(copy);
  return copy;
}

/** The `field: message` lines validateObject reports for the defaulted object (or update). */
export function errorsOf(obj: KubeObject, old?: KubeObject): string[] {
  return validateObject(defaulted(obj), old && defaulted(old)).map(formatFieldError);
}

export function pod(overrides: Partial<Pod["spec"]> = {}, name = "web"): Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: "default" },
    spec: { containers: [{ name: "app", image: "nginx" }], ...overrides },
  };
}

export function deployment(mutate: (d: Deployment) => void = () => {}): Deployment {
  const d: Deployment = {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web", namespace: "default" },
    spec: {
      selector: { matchLabels: { app: "web" } },
      template: {
        metadata: { labels: { app: "web" } },
        spec: { containers: [{ name: "nginx", image: "nginx" }] },
      },
    },
  };
  mutate(d);
  return d;
}

/** A Job as the store has it before validation: defaulted, uid assigned, labels generated. */
export function job(mutate: (j: Job) => void = () => {}, uid = "8d0a1d1c-0000-4000-8000-000000000001"): Job {
  const j: Job = {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: { name: "pi", namespace: "default" },
    spec: { template: { spec: { restartPolicy: "Never", containers: [{ name: "pi", image: "perl" }] } } },
  };
  mutate(j);
  const d = defaulted(j);
  d.metadata = { ...d.metadata, uid };
  jobGeneratedLabels(d, uid);
  return d;
}

export function cronJob(mutate: (c: CronJob) => void = () => {}): CronJob {
  const c: CronJob = {
    apiVersion: "batch/v1",
    kind: "CronJob",
    metadata: { name: "hello", namespace: "default" },
    spec: {
      schedule: "*/1 * * * *",
      jobTemplate: {
        spec: {
          template: {
            spec: { restartPolicy: "OnFailure", containers: [{ name: "hello", image: "busybox" }] },
          },
        },
      },
    },
  };
  mutate(c);
  return c;
}

export function service(mutate: (s: Service) => void = () => {}): Service {
  const s: Service = {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: "web", namespace: "default" },
    spec: { selector: { app: "web" }, ports: [{ port: 80, targetPort: 8080 }] },
  };
  mutate(s);
  return s;
}
