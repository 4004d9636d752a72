import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../api/types";
import { type Cluster, createCluster } from "../../cluster";
import { formatTimestamp } from "../../util/clock";

function service(name: string, spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name, namespace: "default", labels: { app: name } },
    spec: { selector: { app: name }, ports: [{ port: 80, targetPort: 8080 }], ...spec },
  };
}

function pod(
  name: string,
  labels: Record<string, string>,
  ports: { name: string; containerPort: number }[] = [],
): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: "default", labels },
    spec: { nodeName: "node-1", containers: [{ name: "app", image: "nginx", ports }] },
  };
}

/** Writes what the kubelet would: Running, an IP, and the Ready condition. (The cluster has no nodes, so no kubelet overwrites it.) */
function setStatus(c: Cluster, name: string, ip: string, ready: boolean): void {
  const current = c.api.get("Pod", "default", name);
  const now = formatTimestamp(c.now());
  c.api.updateStatus({
    ...current,
    status: {
      phase: "Running",
      podIP: ip,
      podIPs: [{ ip }],
      conditions: [{ type: "Ready", status: ready ? "True" : "False", lastTransitionTime: now }],
    },
  });
  c.advance(0);
}

function endpoints(c: Cluster, name = "web"): KubeObject | undefined {
  return c.store.get("Endpoints", "default", name);
}

function setup(): Cluster {
  const c = createCluster({ seed: 1, nodes: 0 });
  c.api.create(service("web"));
  c.api.create(pod("web-a", { app: "web" }));
  c.api.create(pod("web-b", { app: "web" }));
  c.advance(0);
  return c;
}

describe("endpoints controller", () => {
  it("creates an empty Endpoints for a new Service, stamped with its creation time", () => {
    const c = setup();
    const ep = endpoints(c)!;
    expect(ep.subsets).toBeUndefined();
    expect(ep.metadata.labels).toEqual({ app: "web" });
    expect(ep.metadata.annotations).toEqual({
      "endpoints.kubernetes.io/last-change-trigger-time": "2026-01-05T10:00:00Z",
    });
  });

  it("lists ready pods in addresses and the others in notReadyAddresses, with node and target", () => {
    const c = setup();
    setStatus(c, "web-a", "10.244.1.5", true);
    setStatus(c, "web-b", "10.244.1.3", false);
    const a = c.api.get("Pod", "default", "web-a");
    const b = c.api.get("Pod", "default", "web-b");
    expect(endpoints(c)!.subsets).toEqual([
      {
        addresses: [
          {
            ip: "10.244.1.5",
            nodeName: "node-1",
            targetRef: { kind: "Pod", namespace: "default", name: "web-a", uid: a.metadata.uid },
          },
        ],
        notReadyAddresses: [
          {
            ip: "10.244.1.3",
            nodeName: "node-1",
            targetRef: { kind: "Pod", namespace: "default", name: "web-b", uid: b.metadata.uid },
          },
        ],
        ports: [{ port: 8080, protocol: "TCP" }],
      },
    ]);
  });

  it("sorts addresses by IP and leaves out pods without an IP", () => {
    const c = setup();
    c.api.create(pod("web-c", { app: "web" }));
    setStatus(c, "web-a", "10.244.1.9", true);
    setStatus(c, "web-b", "10.244.1.10", true);
    c.advance(0);
    expect(endpoints(c)!.subsets[0].addresses.map((a: { ip: string }) => a.ip)).toEqual([
      "10.244.1.10",
      "10.244.1.9",
    ]);
  });

  it("publishes not-ready pods as ready when publishNotReadyAddresses is set", () => {
    const c = createCluster({ seed: 1, nodes: 0 });
    c.api.create(service("web", { publishNotReadyAddresses: true }));
    c.api.create(pod("web-a", { app: "web" }));
    setStatus(c, "web-a", "10.244.1.5", false);
    expect(endpoints(c)!.subsets[0].addresses[0].ip).toBe("10.244.1.5");
    expect(endpoints(c)!.subsets[0].notReadyAddresses).toBeUndefined();
  });

  it("resolves a named targetPort per pod and skips pods without that port", () => {
    const c = createCluster({ seed: 1, nodes: 0 });
    c.api.create(service("web", { ports: [{ name: "http", port: 80, targetPort: "http" }] }));
    c.api.create(pod("web-a", { app: "web" }, [{ name: "http", containerPort: 8080 }]));
    c.api.create(pod("web-b", { app: "web" }, [{ name: "http", containerPort: 9090 }]));
    c.api.create(pod("web-c", { app: "web" }, [{ name: "metrics", containerPort: 9100 }]));
    setStatus(c, "web-a", "10.244.1.5", true);
    setStatus(c, "web-b", "10.244.1.6", true);
    setStatus(c, "web-c", "10.244.1.7", true);
    const subsets = endpoints(c)!.subsets;
    expect(
      subsets.map((s: { addresses: { ip: string }[]; ports: unknown[] }) => [
        s.addresses.map((a) => a.ip),
        s.ports,
      ]),
    ).toEqual([
      [["10.244.1.5"], [{ name: "http", port: 8080, protocol: "TCP" }]],
      [["10.244.1.6"], [{ name: "http", port: 9090, protocol: "TCP" }]],
    ]);
  });

  it("drops a pod whose labels stop matching, and a terminating pod", () => {
    const c = setup();
    setStatus(c, "web-a", "10.244.1.5", true);
    setStatus(c, "web-b", "10.244.1.6", true);
    const a = c.api.get("Pod", "default", "web-a");
    c.api.update({ ...a, metadata: { ...a.metadata, labels: { app: "debug" } } });
    c.advance(0);
    expect(endpoints(c)!.subsets[0].addresses.map((x: { ip: string }) => x.ip)).toEqual(["10.244.1.6"]);
    c.api.delete("Pod", "default", "web-b");
    c.advance(0);
    expect(endpoints(c)!.subsets).toBeUndefined();
  });

  it("follows a change of the Service's selector", () => {
    const c = setup();
    c.api.create(pod("api-a", { app: "api" }));
    setStatus(c, "web-a", "10.244.1.5", true);
    setStatus(c, "api-a", "10.244.1.8", true);
    const svc = c.api.get("Service", "default", "web");
    c.api.update({ ...svc, spec: { ...svc.spec, selector: { app: "api" } } });
    c.advance(0);
    expect(endpoints(c)!.subsets[0].addresses.map((x: { ip: string }) => x.ip)).toEqual(["10.244.1.8"]);
  });

  it("leaves Services without a selector alone, and deletes the Endpoints with the Service", () => {
    const c = setup();
    c.api.create({ ...service("manual"), spec: { ports: [{ port: 80 }] } });
    c.advance(0);
    expect(endpoints(c, "manual")).toBeUndefined();
    c.api.delete("Service", "default", "web");
    c.advance(0);
    expect(endpoints(c)).toBeUndefined();
  });

  it("stamps the trigger time of the earliest unreflected change, and no headless label once a ClusterIP is set", () => {
    const c = createCluster({ seed: 1, nodes: 0 });
    c.api.create(service("web", { clusterIP: "10.96.5.5" }));
    c.api.create(pod("web-a", { app: "web" }));
    c.advance(30);
    setStatus(c, "web-a", "10.244.1.5", true);
    const ep = endpoints(c)!;
    expect(ep.metadata.annotations?.["endpoints.kubernetes.io/last-change-trigger-time"]).toBe(
      "2026-01-05T10:00:30Z",
    );
    expect(ep.metadata.labels).toEqual({ app: "web" });
  });

  it("shows up in kubectl get endpoints", () => {
    const c = setup();
    setStatus(c, "web-a", "10.244.1.5", true);
    setStatus(c, "web-b", "10.244.1.6", true);
    expect(c.kubectl("get endpoints web").stdout).toBe(
      "NAME   ENDPOINTS                         AGE\nweb    10.244.1.5:8080,10.244.1.6:8080   0s\n",
    );
  });
});
