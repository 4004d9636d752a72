import { describe, expect, it } from "vitest";
import type { KubeObject } from "../api/types";
import { type Cluster, createCluster } from "../cluster";
import { formatTimestamp } from "../util/clock";
import { SeededRandom } from "../util/random";
import { pickEndpoint, simulateRequests } from "./simulateRequests";

function cluster(ready: string[], notReady: string[] = [], spec: Record<string, unknown> = {}): Cluster {
  const c = createCluster({ seed: 1, nodes: 0 });
  c.api.create({
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: "web", namespace: "default" },
    spec: { selector: { app: "web" }, ports: [{ port: 80, targetPort: 8080 }], ...spec },
  });
  const all = [...ready.map((ip) => [ip, true] as const), ...notReady.map((ip) => [ip, false] as const)];
  all.forEach(([ip, isReady], i) => {
    const created = c.api.create({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: `web-${i}`, namespace: "default", labels: { app: "web" } },
      spec: { nodeName: "node-1", containers: [{ name: "app", image: "nginx" }] },
    } as KubeObject);
    c.api.updateStatus({
      ...created,
      status: {
        phase: "Running",
        podIP: ip,
        conditions: [
          { type: "Ready", status: isReady ? "True" : "False", lastTransitionTime: formatTimestamp(c.now()) },
        ],
      },
    });
  });
  c.advance(0);
  return c;
}

describe("pickEndpoint (the iptables KUBE-SVC chain)", () => {
  it("gives each of n endpoints about 1/n of the picks", () => {
    const random = new SeededRandom(42);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[pickEndpoint(4, random)]++;
    for (const n of counts) expect(Math.abs(n - 10_000)).toBeLessThan(400);
  });

  it("always picks the only endpoint", () => {
    expect(pickEndpoint(1, new SeededRandom(1))).toBe(0);
  });
});

describe("simulateRequests", () => {
  it("spreads requests over ready endpoints only and prints a table", () => {
    const c = cluster(["10.244.1.5", "10.244.1.6"], ["10.244.1.7"]);
    const result = simulateRequests(c, "web", "default", 100);
    expect(result.ok).toBe(true);
    expect(result.shares.map((s) => s.pod)).toEqual(["web-0", "web-1"]);
    expect(result.shares.reduce((n, s) => n + s.requests, 0)).toBe(100);
    expect(result.shares.every((s) => s.requests > 30)).toBe(true);
    const [a, b] = result.shares;
    expect(result.text).toBe(
      "POD     IP                REQUESTS   SHARE\n" +
        `web-0   10.244.1.5:8080   ${String(a.requests).padEnd(11)}${a.requests}%\n` +
        `web-1   10.244.1.6:8080   ${String(b.requests).padEnd(11)}${b.requests}%\n`,
    );
  });

  it("is the same for the same seed", () => {
    const one = simulateRequests(cluster(["10.244.1.5", "10.244.1.6", "10.244.1.7"]), "web", "default", 50);
    const two = simulateRequests(cluster(["10.244.1.5", "10.244.1.6", "10.244.1.7"]), "web", "default", 50);
    expect(one.text).toBe(two.text);
  });

  it("sends every request to one pod with sessionAffinity ClientIP", () => {
    const c = cluster(["10.244.1.5", "10.244.1.6"], [], { sessionAffinity: "ClientIP" });
    const counts = simulateRequests(c, "web", "default", 20)
      .shares.map((s) => s.requests)
      .sort();
    expect(counts).toEqual([0, 20]);
  });

  it("says so when no endpoint is ready", () => {
    const result = simulateRequests(cluster([], ["10.244.1.7"]), "web", "default", 10);
    expect(result.ok).toBe(false);
    expect(result.text).toBe(
      'Error from server (ServiceUnavailable): no endpoints available for service "web"\n',
    );
  });

  it("says so when the Service does not exist", () => {
    expect(simulateRequests(cluster([]), "api", "default", 10).text).toBe(
      'Error from server (NotFound): services "api" not found\n',
    );
  });
});
