import { describe, expect, it } from "vitest";
import type { Deployment } from "kubernetes-types/apps/v1";
import type { CronJob, Job } from "kubernetes-types/batch/v1";
import type { Namespace, Pod, Secret, Service } from "kubernetes-types/core/v1";
import { applyDefaults, imageTag, jobGeneratedLabels } from "./index";

function defaulted<T extends { apiVersion?: string; kind?: string }>(obj: T): T {
  const copy = structuredClone(obj);
  applyDefaults(copy);
  return copy;
}

describe("applyDefaults", () => {
  it("fills a Deployment as `kubectl create deployment web --image=nginx --dry-run=server` shows", () => {
    const d = defaulted<Deployment>({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "web", labels: { app: "web" } },
      spec: {
        selector: { matchLabels: { app: "web" } },
        template: {
          metadata: { labels: { app: "web" } },
          spec: { containers: [{ name: "nginx", image: "nginx" }] },
        },
      },
    });
    expect(d.spec).toEqual({
      progressDeadlineSeconds: 600,
      replicas: 1,
      revisionHistoryLimit: 10,
      selector: { matchLabels: { app: "web" } },
      strategy: { rollingUpdate: { maxSurge: "25%", maxUnavailable: "25%" }, type: "RollingUpdate" },
      template: {
        metadata: { creationTimestamp: null, labels: { app: "web" } },
        spec: {
          containers: [
            {
              image: "nginx",
              imagePullPolicy: "Always",
              name: "nginx",
              resources: {},
              terminationMessagePath: "/dev/termination-log",
              terminationMessagePolicy: "File",
            },
          ],
          dnsPolicy: "ClusterFirst",
          restartPolicy: "Always",
          schedulerName: "default-scheduler",
          securityContext: {},
          terminationGracePeriodSeconds: 30,
        },
      },
    });
  });

  it("leaves a Recreate strategy without rollingUpdate", () => {
    const d = defaulted<Deployment>({
      apiVersion: "apps/v1",
      kind: "Deployment",
      spec: { selector: {}, template: {}, strategy: { type: "Recreate" } },
    });
    expect(d.spec!.strategy).toEqual({ type: "Recreate" });
  });

  it("chooses imagePullPolicy from the tag", () => {
    expect(imageTag("nginx")).toBe("latest");
    expect(imageTag("nginx:1.27")).toBe("1.27");
    expect(imageTag("localhost:5000/nginx")).toBe("latest");
    expect(imageTag("nginx@sha256:abc")).toBe("");
    const p = defaulted<Pod>({
      apiVersion: "v1",
      kind: "Pod",
      spec: {
        containers: [
          { name: "a", image: "nginx:1.27" },
          { name: "b", image: "busybox:latest" },
        ],
      },
    });
    expect(p.spec!.containers.map((c) => c.imagePullPolicy)).toEqual(["IfNotPresent", "Always"]);
  });

  it("defaults a Pod: service links, probes, port protocols, requests from limits", () => {
    const p = defaulted<Pod>({
      apiVersion: "v1",
      kind: "Pod",
      spec: {
        containers: [
          {
            name: "a",
            image: "nginx",
            ports: [{ containerPort: 80 }],
            readinessProbe: { httpGet: { port: 80 } },
            resources: { limits: { cpu: "0.5", memory: "128Mi" } },
          },
        ],
      },
    });
    const c = p.spec!.containers[0];
    expect(p.spec!.enableServiceLinks).toBe(true);
    expect(c.ports).toEqual([{ containerPort: 80, protocol: "TCP" }]);
    expect(c.readinessProbe).toEqual({
      httpGet: { port: 80, path: "/", scheme: "HTTP" },
      timeoutSeconds: 1,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    });
    expect(c.resources).toEqual({
      limits: { cpu: "500m", memory: "128Mi" },
      requests: { cpu: "500m", memory: "128Mi" },
    });
  });

  it("does not add Pod-only defaults to templates", () => {
    const d = defaulted<Deployment>({
      apiVersion: "apps/v1",
      kind: "Deployment",
      spec: { selector: {}, template: { spec: { containers: [] } } },
    });
    expect(d.spec!.template.spec!.enableServiceLinks).toBeUndefined();
  });

  it("defaults a Job and generates its selector and labels from the uid", () => {
    const j = defaulted<Job>({
      apiVersion: "batch/v1",
      kind: "Job",
      metadata: { name: "pi" },
      spec: {
        template: { spec: { restartPolicy: "Never", containers: [{ name: "pi", image: "perl:5.34.0" }] } },
      },
    });
    jobGeneratedLabels(j, "uid-1");
    const generated = {
      "batch.kubernetes.io/controller-uid": "uid-1",
      "batch.kubernetes.io/job-name": "pi",
      "controller-uid": "uid-1",
      "job-name": "pi",
    };
    expect(j.metadata!.labels).toEqual(generated);
    expect(j.spec).toMatchObject({
      backoffLimit: 6,
      completionMode: "NonIndexed",
      completions: 1,
      parallelism: 1,
      podReplacementPolicy: "TerminatingOrFailed",
      selector: { matchLabels: { "batch.kubernetes.io/controller-uid": "uid-1" } },
      suspend: false,
      template: { metadata: { labels: generated } },
    });
    expect(j.spec!.manualSelector).toBeUndefined();
  });

  it("leaves completions unset when only parallelism is given, and respects manualSelector", () => {
    const j = defaulted<Job>({
      apiVersion: "batch/v1",
      kind: "Job",
      metadata: { name: "w" },
      spec: { parallelism: 3, manualSelector: true, template: {} },
    });
    jobGeneratedLabels(j, "u");
    expect(j.spec!.completions).toBeUndefined();
    expect(j.spec!.selector).toBeUndefined();
  });

  it("defaults a CronJob without Job-level defaults in its template", () => {
    const c = defaulted<CronJob>({
      apiVersion: "batch/v1",
      kind: "CronJob",
      spec: {
        schedule: "* * * * *",
        jobTemplate: { spec: { template: { spec: { containers: [{ name: "a", image: "busybox" }] } } } },
      },
    });
    expect(c.spec).toMatchObject({
      concurrencyPolicy: "Allow",
      suspend: false,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 1,
    });
    expect(c.spec!.jobTemplate.spec!.backoffLimit).toBeUndefined();
    expect(c.spec!.jobTemplate.spec!.template.spec!.restartPolicy).toBe("Always");
  });

  it("defaults a Service's type, affinity, ports and IP families", () => {
    const s = defaulted<Service>({
      apiVersion: "v1",
      kind: "Service",
      spec: { selector: { app: "web" }, ports: [{ port: 80 }, { port: 443, targetPort: "https" }] },
    });
    expect(s.spec).toEqual({
      selector: { app: "web" },
      ports: [
        { port: 80, protocol: "TCP", targetPort: 80 },
        { port: 443, protocol: "TCP", targetPort: "https" },
      ],
      sessionAffinity: "None",
      type: "ClusterIP",
      internalTrafficPolicy: "Cluster",
      ipFamilyPolicy: "SingleStack",
      ipFamilies: ["IPv4"],
    });
  });

  it("defaults NodePort services' externalTrafficPolicy and leaves ExternalName without IP families", () => {
    const np = defaulted<Service>({
      apiVersion: "v1",
      kind: "Service",
      spec: { type: "NodePort", ports: [{ port: 80 }] },
    });
    expect(np.spec!.externalTrafficPolicy).toBe("Cluster");
    const en = defaulted<Service>({
      apiVersion: "v1",
      kind: "Service",
      spec: { type: "ExternalName", externalName: "example.com" },
    });
    expect(en.spec!.ipFamilies).toBeUndefined();
    expect(en.spec!.internalTrafficPolicy).toBeUndefined();
  });

  it("merges a Secret's stringData into base64 data and defaults its type", () => {
    const s = defaulted<Secret>({
      apiVersion: "v1",
      kind: "Secret",
      data: { a: "eA==", b: "eQ==" },
      stringData: { b: "héllo", c: "z" },
    });
    expect(s).toEqual({
      apiVersion: "v1",
      kind: "Secret",
      data: { a: "eA==", b: "aMOpbGxv", c: "eg==" },
      type: "Opaque",
    });
  });

  it("labels a Namespace with its name and adds the kubernetes finalizer", () => {
    const ns = defaulted<Namespace>({ apiVersion: "v1", kind: "Namespace", metadata: { name: "dev" } });
    expect(ns).toEqual({
      apiVersion: "v1",
      kind: "Namespace",
      metadata: { name: "dev", labels: { "kubernetes.io/metadata.name": "dev" } },
      spec: { finalizers: ["kubernetes"] },
      status: { phase: "Active" },
    });
  });
});

describe("zero values the API server returns", () => {
  it("gives every container `resources: {}` and templates `creationTimestamp: null`", () => {
    const cj = defaulted<CronJob>({
      apiVersion: "batch/v1",
      kind: "CronJob",
      spec: {
        schedule: "* * * * *",
        jobTemplate: { spec: { template: { spec: { containers: [{ name: "c", image: "busybox" }] } } } },
      },
    });
    expect(cj.spec?.jobTemplate.metadata).toEqual({ creationTimestamp: null });
    expect(cj.spec?.jobTemplate.spec?.template.metadata).toEqual({ creationTimestamp: null });
    expect(cj.spec?.jobTemplate.spec?.template.spec?.containers[0].resources).toEqual({});
  });
});
