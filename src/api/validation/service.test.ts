import { describe, expect, it } from "vitest";
import type { Endpoints } from "kubernetes-types/core/v1";
import { defaulted, errorsOf, service } from "./testObjects";

describe("Service validation", () => {
  it("accepts a defaulted ClusterIP service", () => {
    expect(errorsOf(service())).toEqual([]);
  });

  it("requires ports unless headless or ExternalName", () => {
    expect(errorsOf(service((s) => (s.spec!.ports = [])))).toEqual(["spec.ports: Required value"]);
    expect(errorsOf(service((s) => Object.assign(s.spec!, { ports: [], clusterIP: "None" })))).toEqual([]);
  });

  it("requires names on every port when there are several, unique and DNS labels", () => {
    const s = service(
      (s) => (s.spec!.ports = [{ port: 80 }, { name: "web", port: 81 }, { name: "web", port: 82 }]),
    );
    expect(errorsOf(s)).toEqual([
      "spec.ports[0].name: Required value",
      'spec.ports[2].name: Duplicate value: "web"',
    ]);
  });

  it("validates port numbers, protocols and target ports", () => {
    const s = service((s) => (s.spec!.ports = [{ port: 0, protocol: "HTTP", targetPort: "Http_Port" }]));
    expect(errorsOf(s)).toEqual([
      "spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive",
      'spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
      'spec.ports[0].targetPort: Invalid value: "Http_Port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
    ]);
  });

  it("rejects duplicate protocol/port pairs with Go's struct dump", () => {
    const s = service(
      (s) =>
        (s.spec!.ports = [
          { name: "a", port: 80 },
          { name: "b", port: 80 },
        ]),
    );
    expect(errorsOf(s)).toEqual([
      'spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}',
    ]);
  });

  it("rejects an unknown type and nodePort on ClusterIP services", () => {
    expect(errorsOf(service((s) => (s.spec!.type = "Internal")))).toContain(
      'spec.type: Unsupported value: "Internal": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    );
    expect(errorsOf(service((s) => (s.spec!.ports![0].nodePort = 30080)))).toEqual([
      "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
    ]);
  });

  it("validates selector labels and cluster IPs", () => {
    const s = service((s) => Object.assign(s.spec!, { selector: { app: "a b" }, clusterIP: "10.0.0.300" }));
    expect(errorsOf(s)).toEqual([
      expect.stringMatching(/^spec\.selector: Invalid value: "a b": a valid label must be/),
      'spec.clusterIPs[0]: Invalid value: "10.0.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
    ]);
  });

  it("keeps the cluster IP immutable on update", () => {
    const old = defaulted(service((s) => Object.assign(s.spec!, { clusterIP: "10.96.0.10" })));
    old.metadata = { ...old.metadata, resourceVersion: "4" };
    const next = structuredClone(old);
    next.spec!.clusterIP = "10.96.0.11";
    next.spec!.clusterIPs = ["10.96.0.11"];
    expect(errorsOf(next, old)).toEqual([
      'spec.clusterIPs[0]: Invalid value: []string{"10.96.0.11"}: may not change once set',
    ]);
  });
});

describe("Endpoints validation", () => {
  it("requires addresses to be IPs and subsets to have addresses", () => {
    const ep: Endpoints = {
      apiVersion: "v1",
      kind: "Endpoints",
      metadata: { name: "web", namespace: "default" },
      subsets: [
        { addresses: [{ ip: "10.244.0.5" }, { ip: "pod-a" }], ports: [{ port: 80 }] },
        { ports: [{ port: 81 }] },
      ],
    };
    expect(errorsOf(ep)).toEqual([
      'subsets[0].addresses[1].ip: Invalid value: "pod-a": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      "subsets[1]: Required value: must specify `addresses` or `notReadyAddresses`",
    ]);
  });
});
