// Cell computations ported from printers.go, case by case.
import type { Job } from "kubernetes-types/batch/v1";
import type { ConfigMap, Endpoints, Event, Node, Service } from "kubernetes-types/core/v1";
import { describe, expect, it } from "vitest";
import { cronJobPrinter, jobPrinter, jobStatus } from "./batch";
import { configMapPrinter } from "./config";
import { eventPrinter } from "./event";
import { formatLabelSelector, formatLabels, selectorString } from "./format";
import { findNodeRoles, nodeStatus } from "./node";
import { formatEndpoints, servicePrinter } from "./service";
import * as cluster from "./testCluster";
import { NOW, ago } from "./testObjects";
import { deploymentPrinter } from "./workloads";

const narrow = { nowMs: NOW, wide: false };
const wide = { nowMs: NOW, wide: true };

describe("Service cells", () => {
  const lb = (spec: Service["spec"], ingress: { ip?: string; hostname?: string }[] = []): Service => ({
    metadata: { name: "lb" },
    spec: {
      type: "LoadBalancer",
      clusterIPs: ["10.96.0.10"],
      ports: [{ port: 80, nodePort: 31000, protocol: "TCP" }],
      ...spec,
    },
    status: { loadBalancer: { ingress } },
  });
  const externalIP = (svc: Service, options = narrow) => servicePrinter.row(svc, options)[3];

  it("shows <pending> for a load balancer without an address yet", () => {
    expect(externalIP(lb({}))).toBe("<pending>");
  });

  it("sorts load balancer addresses and clips them to 16 characters unless wide", () => {
    const svc = lb({}, [{ hostname: "a1b2c3.elb.example.com" }, { ip: "203.0.113.7" }]);
    expect(externalIP(svc)).toBe("203.0.113.7,a...");
    expect(externalIP(svc, wide)).toBe("203.0.113.7,a1b2c3.elb.example.com");
  });

  it("lists load balancer addresses before spec.externalIPs", () => {
    expect(externalIP(lb({ externalIPs: ["198.51.100.1"] }, [{ ip: "203.0.113.7" }]))).toBe(
      "203.0.113.7,198.51.100.1",
    );
  });

  it("shows externalIPs for ClusterIP services and the external name for ExternalName ones", () => {
    const clusterIP: Service = {
      metadata: { name: "a" },
      spec: { type: "ClusterIP", externalIPs: ["198.51.100.1", "198.51.100.2"] },
    };
    expect(externalIP(clusterIP)).toBe("198.51.100.1,198.51.100.2");
    const external: Service = {
      metadata: { name: "db" },
      spec: { type: "ExternalName", externalName: "db.example.com" },
    };
    expect(servicePrinter.row(external, narrow).slice(1, 5)).toEqual([
      "ExternalName",
      "<none>",
      "db.example.com",
      "<none>",
    ]);
  });

  it("prints None for a headless service and every port with its protocol", () => {
    const headless: Service = {
      metadata: { name: "db" },
      spec: {
        clusterIP: "None",
        clusterIPs: ["None"],
        ports: [
          { port: 5432, protocol: "TCP" },
          { port: 53, protocol: "UDP" },
        ],
      },
    };
    expect(servicePrinter.row(headless, narrow).slice(1, 5)).toEqual([
      "ClusterIP",
      "None",
      "<none>",
      "5432/TCP,53/UDP",
    ]);
  });
});

describe("Endpoints cells", () => {
  const ep = (subsets: Endpoints["subsets"]): Endpoints => ({ metadata: { name: "e" }, subsets });

  it("prints <none> without subsets", () => {
    expect(formatEndpoints(ep(undefined))).toBe("<none>");
  });

  it("prints bare IPs for headless services without ports, and brackets IPv6 with ports", () => {
    expect(formatEndpoints(ep([{ addresses: [{ ip: "10.0.0.1" }, { ip: "10.0.0.2" }] }]))).toBe(
      "10.0.0.1,10.0.0.2",
    );
    expect(formatEndpoints(ep([{ addresses: [{ ip: "fd00::1" }], ports: [{ port: 80 }] }]))).toBe(
      "[fd00::1]:80",
    );
  });

  it("lists every address for every port, three at most", () => {
    const subsets = [
      { addresses: [{ ip: "10.0.0.1" }, { ip: "10.0.0.2" }], ports: [{ port: 80 }, { port: 443 }] },
    ];
    expect(formatEndpoints(ep(subsets))).toBe("10.0.0.1:80,10.0.0.2:80,10.0.0.1:443 + 1 more...");
  });
});

describe("Job cells", () => {
  const job = (fields: Partial<Job>): Job => ({
    metadata: { name: "j", creationTimestamp: ago(60) },
    ...fields,
  });
  const conditions = (...types: [string, string][]) => ({
    conditions: types.map(([type, status]) => ({ type, status })),
  });

  it("ranks Complete, Failed, Terminating, Suspended, FailureTarget, Running", () => {
    expect(jobStatus(job({ status: conditions(["Failed", "True"], ["Complete", "True"]) }))).toBe("Complete");
    expect(jobStatus(job({ status: conditions(["FailureTarget", "True"], ["Failed", "True"]) }))).toBe(
      "Failed",
    );
    expect(
      jobStatus(
        job({
          metadata: { name: "j", deletionTimestamp: ago(1) },
          status: conditions(["Suspended", "True"]),
        }),
      ),
    ).toBe("Terminating");
    expect(jobStatus(job({ status: conditions(["Suspended", "True"]) }))).toBe("Suspended");
    expect(jobStatus(job({ status: conditions(["Suspended", "False"], ["FailureTarget", "True"]) }))).toBe(
      "FailureTarget",
    );
    expect(jobStatus(job({ status: conditions(["Complete", "False"]) }))).toBe("Running");
  });

  it("prints completions for fixed, work-queue and parallel work-queue jobs", () => {
    const completions = (spec: Job["spec"]) =>
      jobPrinter.row(job({ spec, status: { succeeded: 2 } }), narrow)[2];
    const template = { spec: { containers: [] } };
    expect(completions({ completions: 5, template })).toBe("2/5");
    expect(completions({ parallelism: 1, template })).toBe("2/1");
    expect(completions({ parallelism: 4, template })).toBe("2/1 of 4");
  });

  it("leaves DURATION empty until the job starts", () => {
    expect(jobPrinter.row(job({ status: {} }), narrow)[3]).toBe("");
  });

  it("prints <unset> for a cron job whose suspend field is absent and <none> before the first run", () => {
    const cj = {
      ...cluster.cronJob,
      spec: { ...cluster.cronJob.spec, suspend: undefined, timeZone: "Etc/UTC" },
      status: {},
    };
    expect(cronJobPrinter.row(cj, narrow).slice(2, 6)).toEqual(["Etc/UTC", "<unset>", "0", "<none>"]);
  });
});

describe("Node cells", () => {
  const node = (
    labels: Record<string, string>,
    conditions: { type: string; status: string }[] = [],
  ): Node => ({
    metadata: { name: "n", labels },
    status: { conditions },
  });

  it("collects roles from both label styles, sorted and deduplicated", () => {
    const labels = {
      "node-role.kubernetes.io/worker": "",
      "node-role.kubernetes.io/": "",
      "kubernetes.io/role": "infra",
    };
    expect(findNodeRoles(node(labels))).toEqual(["infra", "worker"]);
    expect(findNodeRoles(node({ "kubernetes.io/role": "" }))).toEqual([]);
  });

  it("prints Unknown without a Ready condition and ignores other conditions", () => {
    expect(nodeStatus(node({}, [{ type: "MemoryPressure", status: "True" }]))).toBe("Unknown");
    expect(nodeStatus(node({}, [{ type: "Ready", status: "Unknown" }]))).toBe("NotReady");
  });
});

describe("Event cells", () => {
  const base: Event = {
    metadata: { name: "e.1" },
    involvedObject: { kind: "Node", name: "worker-1" },
    message: "  hi  ",
  };

  it("uses series data when present and counts singleton events once", () => {
    const series = { ...base, eventTime: ago(600), series: { count: 5, lastObservedTime: ago(30) } };
    expect(eventPrinter.row(series, wide)).toEqual([
      "30s",
      "",
      "",
      "node/worker-1",
      "",
      "",
      "hi",
      "10m",
      "5",
      "e.1",
    ]);
    const single = {
      ...base,
      eventTime: ago(90),
      reportingComponent: "kubelet",
      reportingInstance: "worker-1",
    };
    expect(eventPrinter.row(single, wide)).toEqual([
      "90s",
      "",
      "",
      "node/worker-1",
      "",
      "kubelet, worker-1",
      "hi",
      "90s",
      "1",
      "e.1",
    ]);
  });

  it("prints just the kind when the involved object has no name", () => {
    expect(eventPrinter.row({ ...base, involvedObject: { kind: "ClusterRole" } }, narrow)[3]).toBe(
      "clusterrole",
    );
  });
});

describe("formatting helpers", () => {
  it("formats labels sorted by key, or <none>", () => {
    expect(formatLabels({ tier: "web", app: "shop" })).toBe("app=shop,tier=web");
    expect(formatLabels({})).toBe("<none>");
  });

  it("formats selectors with operators sorted by key and values sorted", () => {
    const selector = {
      matchLabels: { tier: "web" },
      matchExpressions: [
        { key: "env", operator: "In", values: ["prod", "dev"] },
        { key: "zone", operator: "NotIn", values: ["b", "a"] },
        { key: "canary", operator: "DoesNotExist" },
        { key: "app", operator: "Exists" },
      ],
    };
    expect(selectorString(selector)).toBe("app,!canary,env in (dev,prod),tier=web,zone notin (a,b)");
    expect(formatLabelSelector(undefined)).toBe("<none>");
    expect(formatLabelSelector({})).toBe("<none>");
  });

  it("prints an empty SELECTOR for a deployment without one, as selector.String() does", () => {
    const d = { ...cluster.deployment, spec: { ...cluster.deployment.spec, selector: undefined } };
    expect(deploymentPrinter.row(d as never, wide).at(-1)).toBe("");
  });

  it("counts binaryData keys in a config map's DATA", () => {
    const cm: ConfigMap = { metadata: { name: "c" }, data: { a: "1" }, binaryData: { b: "AA==" } };
    expect(configMapPrinter.row(cm, narrow)[1]).toBe("2");
  });
});
