import { describe, expect, it } from "vitest";
import { editorSchemas, MANIFEST_SCHEMA_URI } from "./schemas";

describe("editor schemas", () => {
  it("are inline, file:///-named, and reference nothing outside themselves", () => {
    const [setting] = editorSchemas();
    expect(setting.uri).toBe(MANIFEST_SCHEMA_URI);
    expect(setting.uri.startsWith("file:///")).toBe(true);
    const refs = JSON.stringify(setting.schema).match(/"\$ref":"[^"]*"/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(ref).toMatch(/^"\$ref":"#\//);
    expect(setting.schema.$id).toBe(MANIFEST_SCHEMA_URI);
  });

  it("have every $ref resolve as a JSON pointer (RFC 6901), or nothing would be validated", () => {
    const { schema } = editorSchemas()[0];
    const refs = JSON.stringify(schema).match(/"\$ref":"#[^"]*"/g) ?? [];
    for (const ref of new Set(refs)) {
      const pointer = ref.slice('"$ref":"#'.length, -1);
      const target = pointer
        .split("/")
        .slice(1)
        .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
        .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], schema);
      expect(target, pointer).toBeTypeOf("object");
    }
  });

  it("offer every served kind and its apiVersion for completion", () => {
    const props = editorSchemas()[0].schema.properties as Record<string, { enum: string[] }>;
    expect(props.kind.enum).toEqual(
      expect.arrayContaining(["Pod", "Deployment", "Service", "Job", "CronJob", "ConfigMap"]),
    );
    expect(props.apiVersion.enum).toEqual(expect.arrayContaining(["v1", "apps/v1", "batch/v1"]));
  });
});
