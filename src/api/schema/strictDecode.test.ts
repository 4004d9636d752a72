import { load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { strictDecodeErrors, strictDecodingMessage } from "./strictDecode";
import * as docs from "./testdata/manifests";

function manifest(text: string): Record<string, unknown> {
  return load(text) as Record<string, unknown>;
}

describe("strictDecodeErrors", () => {
  it("reports an unknown top-level field by its name", () => {
    const obj = { ...manifest(docs.nginxDeployment), specc: {} };
    expect(strictDecodeErrors(obj, "apps/v1", "Deployment")).toEqual(['unknown field "specc"']);
  });

  it("reports a misspelled nested field with its dotted path", () => {
    const obj = manifest(docs.nginxDeployment.replace("replicas: 3", "replicass: 3"));
    expect(strictDecodeErrors(obj, "apps/v1", "Deployment")).toEqual(['unknown field "spec.replicass"']);
  });

  it("indexes list items in the path", () => {
    const obj = manifest(docs.nginxDeployment.replace("image: nginx", "imagee: nginx"));
    expect(strictDecodeErrors(obj, "apps/v1", "Deployment")).toEqual([
      'unknown field "spec.template.spec.containers[0].imagee"',
    ]);
  });

  it("finds unknown fields in the second item of a list and inside nested lists", () => {
    const obj = manifest(
      docs.frontendPod.replace("  - name: log-aggregator", "  - name: log-aggregator\n    portz: []"),
    );
    const containers = (obj.spec as { containers: Record<string, unknown>[] }).containers;
    containers[0].ports = [{ containerPort: 80, hostport: 8080 }];
    expect(strictDecodeErrors(obj, "v1", "Pod")).toEqual([
      'unknown field "spec.containers[0].ports[0].hostport"',
      'unknown field "spec.containers[1].portz"',
    ]);
  });

  it("lists several unknown fields in the sorted key order kubectl sends them", () => {
    const obj = manifest(docs.nginxDeployment);
    (obj.spec as Record<string, unknown>).zzz = 1;
    (obj.metadata as Record<string, unknown>).labelz = {};
    obj.aaa = true;
    const errors = strictDecodeErrors(obj, "apps/v1", "Deployment");
    expect(errors).toEqual([
      'unknown field "aaa"',
      'unknown field "metadata.labelz"',
      'unknown field "spec.zzz"',
    ]);
    expect(strictDecodingMessage(errors)).toBe(
      'strict decoding error: unknown field "aaa", unknown field "metadata.labelz", unknown field "spec.zzz"',
    );
  });

  it("accepts any keys in maps such as labels, selectors and resource lists", () => {
    expect(strictDecodeErrors(manifest(docs.myService), "v1", "Service")).toEqual([]);
    expect(strictDecodeErrors(manifest(docs.frontendPod), "v1", "Pod")).toEqual([]);
  });

  it("does not mistake dotted label keys for field paths", () => {
    const obj = manifest(docs.frontendPod);
    (obj.metadata as Record<string, unknown>).labels = { "a.b/c": "d" };
    expect(strictDecodeErrors(obj, "v1", "Pod")).toEqual([]);
  });

  it("accepts arbitrary JSON inside managedFields.fieldsV1", () => {
    expect(strictDecodeErrors(manifest(docs.deploymentFromServer), "apps/v1", "Deployment")).toEqual([]);
  });

  it("has no message when there are no errors", () => {
    expect(strictDecodingMessage([])).toBeUndefined();
  });

  it("returns nothing for a kind it does not serve", () => {
    expect(strictDecodeErrors({ foo: 1 }, "v1", "Widget")).toEqual([]);
  });
});
