import { describe, expect, it } from "vitest";
import { errorsOf, pod, service } from "./testObjects";

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

describe("ObjectMeta validation", () => {
  it("rejects a name that is not a DNS-1123 subdomain, quoting it as Go does", () => {
    expect(errorsOf(pod({}, "Web_1"))).toEqual([`metadata.name: Invalid value: "Web_1": ${SUBDOMAIN_MSG}`]);
  });

  it("requires a name or generateName, and a namespace for namespaced kinds", () => {
    const p = pod();
    p.metadata = {};
    expect(errorsOf(p)).toEqual([
      "metadata.name: Required value: name or generateName is required",
      "metadata.namespace: Required value",
    ]);
  });

  it("checks generateName as a prefix, allowing a trailing dash", () => {
    const p = pod();
    p.metadata = { name: "web-abcde", generateName: "web-", namespace: "default" };
    expect(errorsOf(p)).toEqual([]);
    p.metadata.generateName = "Web-";
    expect(errorsOf(p)[0]).toMatch(
      /^metadata\.generateName: Invalid value: "Web-": a lowercase RFC 1123 subdomain/,
    );
  });

  it("uses DNS-1035 labels for Services and DNS-1123 labels for Namespaces", () => {
    expect(errorsOf(service((s) => (s.metadata!.name = "1web")))[0]).toBe(
      "metadata.name: Invalid value: \"1web\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    );
    expect(errorsOf({ apiVersion: "v1", kind: "Namespace", metadata: { name: "a.b" } })).toEqual([
      'metadata.name: Invalid value: "a.b": must not contain dots',
    ]);
  });

  it("forbids a namespace on cluster-scoped kinds", () => {
    expect(
      errorsOf({ apiVersion: "v1", kind: "Namespace", metadata: { name: "dev", namespace: "default" } }),
    ).toEqual(["metadata.namespace: Forbidden: not allowed on this type"]);
  });

  it("validates label keys and values", () => {
    const p = pod();
    p.metadata!.labels = { "bad key": "ok", app: "-x" };
    expect(errorsOf(p)).toEqual([
      "metadata.labels: Invalid value: \"-x\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
      "metadata.labels: Invalid value: \"bad key\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    ]);
  });

  it("limits the total size of annotations to 256 KiB", () => {
    const p = pod();
    p.metadata!.annotations = { big: "x".repeat(256 * 1024) };
    expect(errorsOf(p)).toEqual(["metadata.annotations: Too long: may not be more than 262144 bytes"]);
    p.metadata!.annotations = { big: "x".repeat(256 * 1024 - 3) };
    expect(errorsOf(p)).toEqual([]);
  });

  it("allows at most one controller owner reference", () => {
    const p = pod();
    const ref = { apiVersion: "apps/v1", kind: "ReplicaSet", uid: "u1", controller: true };
    p.metadata!.ownerReferences = [
      { ...ref, name: "a" },
      { ...ref, name: "b", uid: "u2" },
    ];
    expect(errorsOf(p)).toEqual([
      'metadata.ownerReferences: Invalid value: []v1.OwnerReference{...}: Only one reference can have Controller set to true. Found "true" in references for ReplicaSet/a and ReplicaSet/b',
    ]);
  });

  it("requires complete owner references", () => {
    const p = pod();
    p.metadata!.ownerReferences = [{ apiVersion: "apps/", kind: "", name: "", uid: "" }];
    expect(errorsOf(p)).toEqual([
      'metadata.ownerReferences.apiVersion: Invalid value: "apps/": version must not be empty',
      'metadata.ownerReferences.kind: Invalid value: "": kind must not be empty',
      'metadata.ownerReferences.name: Invalid value: "": name must not be empty',
      'metadata.ownerReferences.uid: Invalid value: "": uid must not be empty',
    ]);
  });

  it("requires finalizers to be standard or fully qualified", () => {
    const p = pod();
    p.metadata!.finalizers = ["example.com/keep", "foregroundDeletion", "mine"];
    expect(errorsOf(p)).toEqual([
      'metadata.finalizers[2]: Invalid value: "mine": name is neither a standard finalizer name nor is it fully qualified',
    ]);
  });

  it("on update keeps the name immutable and needs a resourceVersion", () => {
    const old = pod();
    old.metadata = { ...old.metadata, resourceVersion: "5" };
    const next = pod({}, "other");
    expect(errorsOf(next, old)).toEqual([
      'metadata.resourceVersion: Invalid value: "": must be specified for an update',
      'metadata.name: Invalid value: "other": field is immutable',
    ]);
  });
});
