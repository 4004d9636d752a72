import { describe, expect, it } from "vitest";
import { lensOf } from "./lens";

describe("lensOf", () => {
  it("reads a Deployment's selector and its template labels, and a Service's selector", () => {
    const lens = lensOf(`apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template: {metadata: {labels: {app: web, tier: front}}}
---
kind: Service
spec: {selector: {app: api}}
`);
    expect(lens.selectors.map((s) => [s.namespace, s.selector.toString()])).toEqual([
      ["shop", "app=web"],
      ["default", "app=api"],
    ]);
    expect(lens.labels).toEqual([{ namespace: "shop", labels: { app: "web", tier: "front" } }]);
  });

  it("text that does not parse yet gives an empty lens rather than an error", () => {
    expect(lensOf("kind: Service\nspec: {selector: [")).toEqual({ selectors: [], labels: [] });
    expect(
      lensOf("kind: Deployment\nspec: {selector: {matchExpressions: [{key: a, operator: Bogus}]}}").selectors,
    ).toEqual([]);
  });
});
