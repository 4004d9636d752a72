import { describe, expect, it } from "vitest";
import { createCluster } from "../../src";
import { applyMarkers, fieldPath } from "./applyMarkers";
import { documentSpans } from "./documents";

const configMap = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
`;
const badDeployment = `# the web tier
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: three
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx
`;
const badPod = `apiVersion: v1
kind: Pod
metadata:
  name: tool
spec:
  containers:
  - name: tool
    image: busybox
    replicass: 2
`;

describe("document spans", () => {
  it("split at --- lines, skip comment-only documents and read kind and name", () => {
    const text = `# header only\n---\n${configMap}---\n${badDeployment}`;
    expect(documentSpans(text)).toEqual([
      { startLine: 3, endLine: 6, apiVersion: "v1", kind: "ConfigMap", name: "settings" },
      { startLine: 9, endLine: 24, apiVersion: "apps/v1", kind: "Deployment", name: "web" },
    ]);
  });
});

describe("apply errors as editor markers", () => {
  it("put each server error on the failing document's offending field, using the engine's real stderr", () => {
    const text = `${configMap}---\n${badDeployment}---\n${badPod}`;
    const result = createCluster({}).kubectl("apply -f -", text);
    expect(result.code).toBe(1);
    const markers = applyMarkers(text, result.stderr);
    expect(markers.map((m) => [m.line, m.endLine])).toEqual([
      [12, 12],
      [31, 31],
    ]);
    expect(text.split("\n")[11]).toBe("  replicas: three");
    expect(text.split("\n")[30]).toBe("    replicass: 2");
    expect(markers[0].message).toMatch(/^Error from server \(BadRequest\)/);
  });

  it("place a YAML syntax error at the line kubectl names", () => {
    const text = "apiVersion: v1\nkind: ConfigMap\nmetadata: [\n  name: x\n";
    const result = createCluster({}).kubectl("apply -f -", text);
    const markers = applyMarkers(text, result.stderr);
    expect(markers).toHaveLength(1);
    expect(result.stderr).toMatch(/line \d+, column \d+/);
    expect(markers[0].line).toBe(Number(/line (\d+)/.exec(result.stderr)?.[1]));
  });

  it("mark a whole document when the message names no field", () => {
    const text = `${configMap}---\napiVersion: v1\nmetadata:\n  name: nokind\n`;
    const result = createCluster({}).kubectl("apply -f -", text);
    const markers = applyMarkers(text, result.stderr);
    expect(result.stderr).toMatch(/kind not set/);
    expect(markers).toEqual([{ line: 6, endLine: 9, message: expect.stringMatching(/kind not set/) }]);
  });

  it("report nothing for a clean run", () => {
    expect(applyMarkers(configMap, "")).toEqual([]);
  });
});

describe("field paths in kubectl messages", () => {
  it("read strict decoding, JSON type and validation paths", () => {
    expect(fieldPath('strict decoding error: unknown field "spec.containers[0].replicass"')).toEqual([
      "spec",
      "containers",
      "replicass",
    ]);
    expect(
      fieldPath(
        "json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32",
      ),
    ).toEqual(["spec", "replicas"]);
    expect(
      fieldPath('Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater'),
    ).toEqual(["spec", "replicas"]);
    expect(fieldPath("the server could not find the requested resource")).toEqual([]);
  });
});
