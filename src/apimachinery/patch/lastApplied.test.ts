import { describe, expect, it } from "vitest";
import { type JsonObject } from "./jsonValue";
import {
  lastAppliedAnnotation,
  lastAppliedConfigAnnotation,
  lastAppliedConfiguration,
  modifiedConfiguration,
} from "./lastApplied";

// Expected strings were captured from kubectl v1.32.4 (see each test).
describe("the last-applied-configuration annotation", () => {
  it("matches `kubectl apply -f` / `create -f --save-config`: sorted keys, empty annotations kept, trailing newline", () => {
    // Manifest with the namespace kubectl fills in; the Deployment had no annotations.
    const manifest: JsonObject = {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "web", labels: { app: "web" }, namespace: "default" },
      spec: {
        selector: { matchLabels: { app: "web" } },
        template: {
          metadata: { labels: { app: "web" } },
          spec: { containers: [{ name: "nginx", image: "nginx", ports: [{ containerPort: 80 }] }] },
        },
      },
    };
    expect(lastAppliedAnnotation(manifest)).toBe(
      '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{},"labels":{"app":"web"},"name":"web","namespace":"default"},"spec":{"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"image":"nginx","name":"nginx","ports":[{"containerPort":80}]}]}}}}\n',
    );
  });

  it("escapes HTML characters as Go does and keeps the user's own annotations", () => {
    const cm: JsonObject = {
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "cfg", annotations: { note: "a<b" }, namespace: "default" },
      data: { x: "1 & 2" },
    };
    expect(lastAppliedAnnotation(cm)).toBe(
      '{"apiVersion":"v1","data":{"x":"1 \\u0026 2"},"kind":"ConfigMap","metadata":{"annotations":{"note":"a\\u003cb"},"name":"cfg","namespace":"default"}}\n',
    );
  });

  it("matches `kubectl create deployment --save-config` for generated (typed) objects", () => {
    const generated: JsonObject = {
      kind: "Deployment",
      apiVersion: "apps/v1",
      metadata: { name: "web", creationTimestamp: null, labels: { app: "web" } },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: "web" } },
        template: {
          metadata: { creationTimestamp: null, labels: { app: "web" } },
          spec: { containers: [{ name: "nginx", image: "nginx", resources: {} }] },
        },
        strategy: {},
      },
      status: {},
    };
    expect(lastAppliedAnnotation(generated, "typed")).toBe(
      '{"kind":"Deployment","apiVersion":"apps/v1","metadata":{"name":"web","creationTimestamp":null,"labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"creationTimestamp":null,"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx","resources":{}}]}},"strategy":{}},"status":{}}\n',
    );
  });

  it("never embeds a previous annotation in the new one", () => {
    const obj: JsonObject = {
      kind: "ConfigMap",
      metadata: { name: "c", annotations: { [lastAppliedConfigAnnotation]: "old" } },
    };
    expect(lastAppliedAnnotation(obj)).toBe(
      '{"kind":"ConfigMap","metadata":{"annotations":{},"name":"c"}}\n',
    );
  });

  it("round-trips through the modified configuration apply sends", () => {
    const obj: JsonObject = {
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "c" },
      data: { a: "1" },
    };
    const modified = modifiedConfiguration(obj);
    expect(lastAppliedConfiguration(modified)).toEqual({
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { annotations: {}, name: "c" },
      data: { a: "1" },
    });
    expect(obj.metadata).toEqual({ name: "c" });
  });

  it("reads as null when an object was never applied", () => {
    expect(lastAppliedConfiguration({ metadata: { name: "c" } })).toBeNull();
  });
});
