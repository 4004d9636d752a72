import { describe, expect, it } from "vitest";
import { createCluster } from "../../src";
import { TEMPLATES, templateFor } from ".";

describe("editor templates", () => {
  it.each(TEMPLATES.map((t) => [t.kind, t] as const))(
    "%s applies cleanly to a fresh cluster",
    (kind, template) => {
      const cluster = createCluster({});
      const result = cluster.kubectl("apply -f -", template.yaml);
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/ created\n$/);
      expect(template.yaml).toMatch(new RegExp(`^kind: ${kind}$`, "m"));
    },
  );

  it("all apply together as one multi-document file", () => {
    const cluster = createCluster({});
    const result = cluster.kubectl("apply -f -", TEMPLATES.map((t) => t.yaml).join("---\n"));
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split("\n")).toHaveLength(TEMPLATES.length);
  });

  it("refuses a kind it has no template for", () => {
    expect(templateFor("Deployment").fileName).toBe("deployment.yaml");
    expect(() => templateFor("Ingress")).toThrow(/no template/);
  });
});
