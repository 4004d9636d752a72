import { describe, expect, it } from "vitest";
import { deployment, errorsOf } from "./testObjects";
import type { ReplicaSet } from "kubernetes-types/apps/v1";

const MISMATCH = "`selector` does not match template `labels`";

describe("Deployment validation", () => {
  it("accepts a minimal defaulted deployment", () => {
    expect(errorsOf(deployment())).toEqual([]);
  });

  it("reports a selector that does not match the template labels", () => {
    const d = deployment((d) => (d.spec!.template.metadata!.labels = { app: "x" }));
    expect(errorsOf(d)).toEqual([
      `spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: ${MISMATCH}`,
    ]);
  });

  it("requires a selector, and then no template can match it", () => {
    const d = deployment((d) => delete (d.spec as { selector?: unknown }).selector);
    expect(errorsOf(d)).toEqual([
      "spec.selector: Required value",
      `spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: ${MISMATCH}`,
    ]);
  });

  it("rejects an empty selector", () => {
    const d = deployment((d) => (d.spec!.selector = {}));
    expect(errorsOf(d)).toEqual([
      "spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment",
    ]);
  });

  it("rejects negative replicas and revisionHistoryLimit", () => {
    const d = deployment((d) => {
      d.spec!.replicas = -1;
      d.spec!.revisionHistoryLimit = -2;
    });
    expect(errorsOf(d)).toEqual([
      "spec.replicas: Invalid value: -1: must be greater than or equal to 0",
      "spec.revisionHistoryLimit: Invalid value: -2: must be greater than or equal to 0",
    ]);
  });

  it("only allows restartPolicy Always in the template", () => {
    const d = deployment((d) => (d.spec!.template.spec!.restartPolicy = "Never"));
    expect(errorsOf(d)).toEqual([
      'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    ]);
  });

  it("forbids maxSurge and maxUnavailable both 0", () => {
    const d = deployment(
      (d) =>
        (d.spec!.strategy = { type: "RollingUpdate", rollingUpdate: { maxSurge: 0, maxUnavailable: "0%" } }),
    );
    expect(errorsOf(d)).toEqual([
      "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0%: may not be 0 when `maxSurge` is 0",
    ]);
  });

  it("validates percentages and the 100% cap of maxUnavailable", () => {
    const d = deployment(
      (d) =>
        (d.spec!.strategy = {
          type: "RollingUpdate",
          rollingUpdate: { maxSurge: "x", maxUnavailable: "150%" },
        }),
    );
    expect(errorsOf(d)).toEqual([
      "spec.strategy.rollingUpdate.maxSurge: Invalid value: x: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
      "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 150%: must not be greater than 100%",
    ]);
  });

  it("forbids rollingUpdate with the Recreate strategy", () => {
    const d = deployment((d) => (d.spec!.strategy = { type: "Recreate", rollingUpdate: { maxSurge: 1 } }));
    expect(errorsOf(d)).toEqual([
      "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'",
    ]);
  });

  it("requires progressDeadlineSeconds above minReadySeconds", () => {
    const d = deployment((d) => {
      d.spec!.minReadySeconds = 600;
      d.spec!.progressDeadlineSeconds = 600;
    });
    expect(errorsOf(d)).toEqual([
      "spec.progressDeadlineSeconds: Invalid value: 600: must be greater than minReadySeconds",
    ]);
  });

  it("keeps the selector immutable on update", () => {
    const old = deployment((d) => (d.metadata = { ...d.metadata, resourceVersion: "7" }));
    const next = deployment((d) => {
      d.metadata = { ...d.metadata, resourceVersion: "7" };
      d.spec!.selector = { matchLabels: { app: "web2" } };
      d.spec!.template.metadata!.labels = { app: "web2" };
    });
    expect(errorsOf(next, old)).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    ]);
  });

  it("validates match expressions of the selector", () => {
    const d = deployment(
      (d) =>
        (d.spec!.selector = {
          matchLabels: { app: "web" },
          matchExpressions: [
            { key: "tier", operator: "In" },
            { key: "x", operator: "Near" },
          ],
        }),
    );
    expect(errorsOf(d)).toEqual([
      "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      'spec.selector.matchExpressions[1].operator: Invalid value: "Near": not a valid selector operator',
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web"}, MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"tier", Operator:"In", Values:[]string(nil)}, v1.LabelSelectorRequirement{Key:"x", Operator:"Near", Values:[]string(nil)}}}: invalid label selector',
    ]);
  });
});

describe("ReplicaSet validation", () => {
  const rs = (replicas: number): ReplicaSet => ({
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: { name: "web-1", namespace: "default" },
    spec: {
      replicas,
      selector: { matchLabels: { app: "web" } },
      template: {
        metadata: { labels: { app: "web" } },
        spec: { containers: [{ name: "nginx", image: "nginx" }] },
      },
    },
  });

  it("accepts a valid replica set and rejects negative replicas", () => {
    expect(errorsOf(rs(3))).toEqual([]);
    expect(errorsOf(rs(-1))).toEqual([
      "spec.replicas: Invalid value: -1: must be greater than or equal to 0",
    ]);
  });

  it("forbids activeDeadlineSeconds in the template", () => {
    const r = rs(1);
    r.spec!.template!.spec!.activeDeadlineSeconds = 10;
    expect(errorsOf(r)).toEqual([
      "spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported",
    ]);
  });
});
