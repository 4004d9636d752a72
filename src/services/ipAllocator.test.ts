import { describe, expect, it } from "vitest";
import { StatusError } from "../api/errors";
import type { KubeObject } from "../api/types";
import { SeededRandom } from "../util/random";
import {
  allocateServiceAddresses,
  prepareServiceUpdate,
  releaseServiceAddresses,
  type ServiceLister,
} from "./ipAllocator";
import { rangeOffset } from "./rangeAllocator";

function svc(name: string, spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name, namespace: "default" },
    spec: { type: "ClusterIP", ports: [{ port: 80, protocol: "TCP", targetPort: 80 }], ...spec },
  };
}

function lister(...services: KubeObject[]): ServiceLister {
  return { list: (kind) => (kind === "Service" ? services : []) };
}

const kubernetes = svc("kubernetes", { clusterIP: "10.96.0.1", clusterIPs: ["10.96.0.1"] });

function thrown(fn: () => unknown): StatusError {
  try {
    fn();
  } catch (e) {
    if (e instanceof StatusError) return e;
    throw e;
  }
  throw new Error("expected a StatusError");
}

describe("calculateRangeOffset", () => {
  it("reserves min(max(16, size/16), 256) addresses of a service CIDR for static use", () => {
    expect(rangeOffset(16, 16, 256, 16)).toBe(0); // a /28
    expect(rangeOffset(256, 16, 256, 16)).toBe(16); // a /24
    expect(rangeOffset(4096, 16, 256, 16)).toBe(256); // a /20
    expect(rangeOffset(2 ** 20, 16, 256, 16)).toBe(256); // the /12
    expect(rangeOffset(2768, 16, 128, 32)).toBe(86); // the nodePort range
  });
});

describe("ClusterIP allocation", () => {
  it("gives a random IP from the upper band of 10.96.0.0/12, the same for the same seed", () => {
    const a = svc("web");
    const b = svc("web");
    allocateServiceAddresses(lister(kubernetes), a, new SeededRandom(7));
    allocateServiceAddresses(lister(kubernetes), b, new SeededRandom(7));
    expect(a.spec.clusterIP).toBe(b.spec.clusterIP);
    expect(a.spec.clusterIPs).toEqual([a.spec.clusterIP]);
    const [o1, o2, o3] = (a.spec.clusterIP as string).split(".").map(Number);
    expect(o1).toBe(10);
    expect(o2).toBeGreaterThanOrEqual(96);
    expect(o2).toBeLessThanOrEqual(111);
    expect(o2 > 96 || o3 >= 1).toBe(true);
  });

  it("gives different services different IPs for different seeds", () => {
    const ips = new Set(
      [1, 2, 3, 4].map((seed) => {
        const s = svc("web");
        allocateServiceAddresses(lister(kubernetes), s, new SeededRandom(seed));
        return s.spec.clusterIP as string;
      }),
    );
    expect(ips.size).toBe(4);
  });

  it("honours a requested free IP", () => {
    const s = svc("dns", { clusterIP: "10.96.0.53", clusterIPs: ["10.96.0.53"] });
    expect(allocateServiceAddresses(lister(kubernetes), s, new SeededRandom(1))).toEqual([]);
    expect(s.spec.clusterIP).toBe("10.96.0.53");
  });

  it("refuses 10.96.0.1, held by the kubernetes Service, as the API server words it", () => {
    const s = svc("x", { clusterIP: "10.96.0.1", clusterIPs: ["10.96.0.1"] });
    const err = thrown(() => allocateServiceAddresses(lister(kubernetes), s, new SeededRandom(1)));
    expect(err.reason).toBe("Invalid");
    expect(err.kubectlMessage).toBe(
      'The Service "x" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.1"}: failed to allocate IP 10.96.0.1: provided IP is already allocated\n',
    );
  });

  it("refuses 10.96.0.10, kept for kube-dns", () => {
    const s = svc("x", { clusterIP: "10.96.0.10", clusterIPs: ["10.96.0.10"] });
    expect(
      thrown(() => allocateServiceAddresses(lister(kubernetes), s, new SeededRandom(1))).message,
    ).toContain("provided IP is already allocated");
  });

  it("refuses an IP outside the service CIDR", () => {
    const s = svc("x", { clusterIP: "10.0.0.5", clusterIPs: ["10.0.0.5"] });
    expect(
      thrown(() => allocateServiceAddresses(lister(kubernetes), s, new SeededRandom(1))).kubectlMessage,
    ).toBe(
      'The Service "x" is invalid: spec.clusterIPs: Invalid value: []string{"10.0.0.5"}: failed to allocate IP 10.0.0.5: the provided IP (10.0.0.5) is not in the valid range. The range of valid IPs is 10.96.0.0/12\n',
    );
  });

  it("refuses an IP another Service holds", () => {
    const other = svc("a", { clusterIP: "10.100.0.7", clusterIPs: ["10.100.0.7"] });
    const s = svc("b", { clusterIP: "10.100.0.7", clusterIPs: ["10.100.0.7"] });
    expect(
      thrown(() => allocateServiceAddresses(lister(kubernetes, other), s, new SeededRandom(1))).message,
    ).toContain("already allocated");
  });

  it("leaves headless and ExternalName Services without an IP", () => {
    const headless = svc("h", { clusterIP: "None", clusterIPs: ["None"] });
    allocateServiceAddresses(lister(kubernetes), headless, new SeededRandom(1));
    expect(headless.spec.clusterIPs).toEqual(["None"]);
    const ext = svc("e", { type: "ExternalName", externalName: "example.com", ports: undefined });
    allocateServiceAddresses(lister(kubernetes), ext, new SeededRandom(1));
    expect(ext.spec.clusterIP).toBeUndefined();
  });

  it("keeps the IP on update and treats its own IP as its own", () => {
    const old = svc("web", { clusterIP: "10.100.0.7", clusterIPs: ["10.100.0.7"] });
    const next = svc("web", { ports: [{ port: 8080, protocol: "TCP", targetPort: 8080 }] });
    prepareServiceUpdate(next, old);
    expect(next.spec.clusterIPs).toEqual(["10.100.0.7"]);
    expect(allocateServiceAddresses(lister(kubernetes, old), next, new SeededRandom(1), old)).toEqual([]);
  });
});

describe("NodePort allocation", () => {
  it("allocates a random nodePort above the static band 30000-30085 for NodePort Services", () => {
    const s = svc("web", { type: "NodePort", externalTrafficPolicy: "Cluster" });
    const done = allocateServiceAddresses(lister(kubernetes), s, new SeededRandom(3));
    const port = s.spec.ports[0].nodePort as number;
    expect(port).toBeGreaterThanOrEqual(30086);
    expect(port).toBeLessThanOrEqual(32767);
    expect(done).toContain(`allocated NodePort ${port}`);
  });

  it("gives LoadBalancer Services nodePorts too (their external IP stays <pending>)", () => {
    const s = svc("lb", {
      type: "LoadBalancer",
      allocateLoadBalancerNodePorts: true,
      externalTrafficPolicy: "Cluster",
    });
    allocateServiceAddresses(lister(kubernetes), s, new SeededRandom(3));
    expect(s.spec.ports[0].nodePort).toBeGreaterThanOrEqual(30000);
    expect(s.status).toBeUndefined();
  });

  it("does not give ClusterIP Services a nodePort", () => {
    const s = svc("web");
    allocateServiceAddresses(lister(kubernetes), s, new SeededRandom(3));
    expect(s.spec.ports[0].nodePort).toBeUndefined();
  });

  it("honours a requested nodePort and refuses one already taken", () => {
    const a = svc("a", {
      type: "NodePort",
      ports: [{ port: 80, protocol: "TCP", targetPort: 80, nodePort: 30080 }],
    });
    allocateServiceAddresses(lister(kubernetes), a, new SeededRandom(1));
    expect(a.spec.ports[0].nodePort).toBe(30080);
    const b = svc("b", {
      type: "NodePort",
      ports: [{ port: 80, protocol: "TCP", targetPort: 80, nodePort: 30080 }],
    });
    expect(
      thrown(() => allocateServiceAddresses(lister(kubernetes, a), b, new SeededRandom(1))).kubectlMessage,
    ).toBe(
      'The Service "b" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated\n',
    );
  });

  it("refuses a nodePort outside 30000-32767", () => {
    const s = svc("s", {
      type: "NodePort",
      ports: [{ port: 80, protocol: "TCP", targetPort: 80, nodePort: 8080 }],
    });
    expect(
      thrown(() => allocateServiceAddresses(lister(kubernetes), s, new SeededRandom(1))).kubectlMessage,
    ).toBe(
      'The Service "s" is invalid: spec.ports[0].nodePort: Invalid value: 8080: provided port is not in the valid range. The range of valid ports is 30000-32767\n',
    );
  });

  it("shares one nodePort between TCP and UDP of the same port number", () => {
    const s = svc("dns", {
      type: "NodePort",
      ports: [
        { name: "dns", port: 53, protocol: "UDP", targetPort: 53 },
        { name: "dns-tcp", port: 53, protocol: "TCP", targetPort: 53 },
      ],
    });
    allocateServiceAddresses(lister(kubernetes), s, new SeededRandom(1));
    expect(s.spec.ports[0].nodePort).toBe(s.spec.ports[1].nodePort);
  });

  it("keeps nodePorts across an update that omits them, and drops them when the type becomes ClusterIP", () => {
    const old = svc("web", {
      type: "NodePort",
      clusterIP: "10.100.0.7",
      clusterIPs: ["10.100.0.7"],
      ports: [{ port: 80, protocol: "TCP", targetPort: 80, nodePort: 31000 }],
    });
    const same = svc("web", { type: "NodePort" });
    prepareServiceUpdate(same, old);
    expect(same.spec.ports[0].nodePort).toBe(31000);
    const clusterIP = svc("web", {
      type: "ClusterIP",
      ports: [{ port: 80, protocol: "TCP", targetPort: 80, nodePort: 31000 }],
    });
    prepareServiceUpdate(clusterIP, old);
    expect(clusterIP.spec.ports[0].nodePort).toBeUndefined();
  });

  it("describes what a deleted Service releases", () => {
    const s = svc("web", {
      type: "NodePort",
      clusterIP: "10.100.0.7",
      clusterIPs: ["10.100.0.7"],
      ports: [{ port: 80, protocol: "TCP", targetPort: 80, nodePort: 31000 }],
    });
    expect(releaseServiceAddresses(s)).toEqual(["released ClusterIP 10.100.0.7", "released NodePort 31000"]);
  });
});
