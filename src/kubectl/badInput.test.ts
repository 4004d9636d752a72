import { describe, expect, it } from "vitest";
import { type Cluster, createCluster } from "../cluster";

/** Everything the learner could break: the cluster's objects, as text, to compare before and after. */
function state(cluster: Cluster): string {
  return JSON.stringify(cluster.snapshot());
}

/** Runs a command that must fail cleanly: exit 1, an error on stderr, and no change to the cluster. */
function expectCleanFailure(cluster: Cluster, line: string, stdin: string | undefined, stderr: RegExp): void {
  const before = state(cluster);
  const result = cluster.kubectl(line, stdin);
  expect(result.code).toBe(1);
  expect(result.stdout).toBe("");
  expect(result.stderr).toMatch(stderr);
  expect(state(cluster)).toBe(before);
}

const deployment = (spec: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n${spec}  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: nginx\n        image: nginx\n`;

describe("bad input gets a clear error and changes nothing", () => {
  const cluster = createCluster({ seed: 5, nodes: 0 });

  it("reports a YAML syntax error with its line and column", () => {
    expectCleanFailure(
      cluster,
      "apply -f -",
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n   bad: indent\n",
      /line 5, column 7/,
    );
  });

  it("refuses a billion-laughs alias bomb quickly", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 12; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(
        `${name}: &${name} [*${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}]`,
      );
    }
    const started = performance.now();
    expectCleanFailure(cluster, "apply -f -", `${levels.join("\n")}\n`, /excessive aliasing/);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("refuses a document over 1 MiB quickly", () => {
    const huge = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  k: "${"x".repeat(1_100_000)}"\n`;
    const started = performance.now();
    expectCleanFailure(cluster, "apply -f -", huge, /larger than 1 MiB/);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("refuses documents that are not objects, or lack apiVersion or kind", () => {
    expectCleanFailure(cluster, "apply -f -", "- just\n- a list\n", /invalid object to validate/);
    expectCleanFailure(
      cluster,
      "apply -f -",
      "kind: ConfigMap\nmetadata:\n  name: x\n",
      /apiVersion not set/,
    );
    expectCleanFailure(cluster, "apply -f -", "apiVersion: v1\nmetadata:\n  name: x\n", /kind not set/);
  });

  it("refuses an unknown kind as kubectl's REST mapper does", () => {
    expectCleanFailure(
      cluster,
      "apply -f -",
      "apiVersion: apps/v1\nkind: Deploymnt\nmetadata:\n  name: web\n",
      /no matches for kind "Deploymnt" in version "apps\/v1"/,
    );
  });

  it("refuses unknown fields and wrong types with the API server's messages", () => {
    expectCleanFailure(
      cluster,
      "apply -f -",
      deployment("  replicass: 3\n"),
      /strict decoding error: unknown field "spec\.replicass"/,
    );
    expectCleanFailure(
      cluster,
      "apply -f -",
      deployment('  replicas: "three"\n'),
      /cannot unmarshal string into Go struct field DeploymentSpec\.spec\.replicas of type int32/,
    );
  });

  it("refuses invalid names and a selector that does not match the template", () => {
    expectCleanFailure(
      cluster,
      "apply -f -",
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Web_1\n",
      /a lowercase RFC 1123 subdomain/,
    );
    expectCleanFailure(
      cluster,
      "apply -f -",
      deployment("").replace("labels: {app: web}", "labels: {app: other}"),
      /`selector` does not match template `labels`/,
    );
  });

  it("never throws out of kubectl, whatever the line", () => {
    for (const line of [
      "",
      "'",
      '"unterminated',
      "get pods -o jsonpath='{.items[",
      "-n",
      "apply -f",
      "get pods --field-selector=spec.bogus=1",
      "\u0000",
    ]) {
      const before = state(cluster);
      expect(() => cluster.kubectl(line)).not.toThrow();
      expect(state(cluster)).toBe(before);
    }
  });
});

describe("the object cap", () => {
  it("refuses pods beyond the cluster's limit with a clear Forbidden error", () => {
    const cluster = createCluster({ nodes: 0, limits: { maxPods: 3 } });
    const pod = (n: number) =>
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p${n}\nspec:\n  containers:\n  - name: c\n    image: nginx\n`;
    for (let i = 0; i < 3; i++) expect(cluster.kubectl("apply -f -", pod(i)).code).toBe(0);
    expectCleanFailure(cluster, "apply -f -", pod(3), /Forbidden.*holds at most 3 pods/);
  });
});
