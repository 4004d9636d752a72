import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateSchemaTable, stableStringify } from "./generate";

describe("generateSchemaTable", () => {
  const generated = stableStringify(generateSchemaTable()) + "\n";

  it("matches the checked-in definitions.json (run `npx tsx scripts/gen-schema.ts` after changes)", () => {
    const checkedIn = readFileSync(new URL("./definitions.json", import.meta.url), "utf8");
    expect(generated === checkedIn).toBe(true);
  });

  it("is deterministic", () => {
    expect(stableStringify(generateSchemaTable()) + "\n").toBe(generated);
  });

  it("marks optional fields from kubernetes-types as not required and takes Go types from the Go source", () => {
    const defs = generateSchemaTable().definitions;
    expect(defs["io.k8s.api.core.v1.Container"].required).toEqual(["name"]);
    expect(defs["io.k8s.api.core.v1.PodSpec"].properties.activeDeadlineSeconds.go).toBe("int64");
    expect(defs["io.k8s.api.core.v1.Container"].properties.ports.type).toBe(
      "[]io.k8s.api.core.v1.ContainerPort",
    );
    expect(defs["io.k8s.api.core.v1.ServicePort"].properties.targetPort.type).toBe("int-or-string");
    expect(defs["io.k8s.api.core.v1.ResourceRequirements"].properties.limits.type).toBe(
      "map[string]quantity",
    );
  });
});
