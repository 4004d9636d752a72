import { describe, expect, it } from "vitest";
import type { ConfigMap, Node, Secret } from "kubernetes-types/core/v1";
import { errorsOf } from "./testObjects";

const cm = (data: Record<string, string>, extra: Partial<ConfigMap> = {}): ConfigMap => ({
  apiVersion: "v1",
  kind: "ConfigMap",
  metadata: { name: "cfg", namespace: "default" },
  data,
  ...extra,
});

describe("ConfigMap and Secret validation", () => {
  it("validates data keys with IsConfigMapKey", () => {
    expect(errorsOf(cm({ "good.key": "1", "bad key": "2", "..x": "3" }))).toEqual([
      "data[..x]: Invalid value: \"..x\": must not start with '..'",
      "data[bad key]: Invalid value: \"bad key\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    ]);
  });

  it("rejects a key present in both data and binaryData", () => {
    expect(errorsOf(cm({ a: "1" }, { binaryData: { a: "MQ==" } }))).toEqual([
      'data[a]: Invalid value: "a": duplicate of key present in binaryData',
    ]);
  });

  it("limits a ConfigMap to 1 MiB", () => {
    expect(errorsOf(cm({ a: "x".repeat(1024 * 1024 + 1) }))).toEqual([
      ": Too long: may not be more than 1048576 bytes",
    ]);
  });

  it("forbids changing data of an immutable ConfigMap", () => {
    const old = cm({ a: "1" }, { immutable: true });
    old.metadata = { ...old.metadata, resourceVersion: "9" };
    const next = structuredClone(old);
    next.data = { a: "2" };
    expect(errorsOf(next, old)).toEqual(["data: Forbidden: field is immutable when `immutable` is set"]);
  });

  it("requires the keys of typed secrets and keeps the type immutable", () => {
    const tls: Secret = {
      apiVersion: "v1",
      kind: "Secret",
      metadata: { name: "tls", namespace: "default" },
      type: "kubernetes.io/tls",
      data: { "tls.crt": "" },
    };
    expect(errorsOf(tls)).toEqual(["data[tls.key]: Required value"]);
    const old: Secret = {
      apiVersion: "v1",
      kind: "Secret",
      metadata: { name: "s", namespace: "default", resourceVersion: "1" },
      stringData: { a: "b" },
    };
    const next: Secret = {
      ...structuredClone(old),
      type: "kubernetes.io/basic-auth",
      data: { username: "dQ==" },
    };
    delete next.stringData;
    expect(errorsOf(next, old)).toEqual([
      'type: Invalid value: "kubernetes.io/basic-auth": field is immutable',
    ]);
  });
});

describe("Node and Namespace validation", () => {
  it("validates node taints", () => {
    const node: Node = {
      apiVersion: "v1",
      kind: "Node",
      metadata: { name: "node-1" },
      spec: {
        taints: [
          { key: "gpu", effect: "NoSchedule" },
          { key: "gpu", effect: "NoSchedule" },
          { key: "x", effect: "Never" as never },
        ],
      },
    };
    expect(errorsOf(node)).toEqual([
      'metadata.taints[1]: Duplicate value: core.Taint{Key:"gpu", Value:"", Effect:"NoSchedule", TimeAdded:<nil>}: taints must be unique by key and effect pair',
      'metadata.taints[2].effect: Unsupported value: "Never": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
    ]);
  });

  it("rejects negative node capacity (allocatable defaults to capacity)", () => {
    const node: Node = {
      apiVersion: "v1",
      kind: "Node",
      metadata: { name: "n" },
      status: { capacity: { cpu: "-1" } },
    };
    expect(errorsOf(node)).toEqual([
      'status.capacity.cpu: Invalid value: "-1": must be greater than or equal to 0',
      'status.allocatable.cpu: Invalid value: "-1": must be greater than or equal to 0',
    ]);
  });

  it("validates namespace spec finalizers", () => {
    expect(
      errorsOf({
        apiVersion: "v1",
        kind: "Namespace",
        metadata: { name: "dev" },
        spec: { finalizers: ["custom"] },
      } as never),
    ).toEqual([
      'spec.finalizers: Invalid value: "custom": name is neither a standard finalizer name nor is it fully qualified',
    ]);
  });
});
