import { describe, expect, it } from "vitest";
import { allJsonSchemas, jsonSchemaFor, manifestJsonSchema, type JsonSchema } from "./jsonSchema";

type Props = Record<string, JsonSchema>;

describe("jsonSchemaFor", () => {
  const schema = jsonSchemaFor("apps/v1", "Deployment")!;
  const defs = schema.definitions as Record<string, JsonSchema>;

  it("is a draft-07 schema that pins apiVersion and kind", () => {
    expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
    const props = schema.properties as Props;
    expect(props.apiVersion.enum).toEqual(["apps/v1"]);
    expect(props.kind.enum).toEqual(["Deployment"]);
    expect(schema.required).toEqual(["apiVersion", "kind"]);
  });

  it("forbids unknown fields on known objects but not in free-form ones", () => {
    expect(schema.additionalProperties).toBe(false);
    expect(defs["io.k8s.api.core.v1.Container"].additionalProperties).toBe(false);
    expect(defs["io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1"].additionalProperties).toBeUndefined();
  });

  it("carries descriptions, required fields and enums for hover and completion", () => {
    const spec = defs["io.k8s.api.apps.v1.DeploymentSpec"];
    expect(spec.required).toEqual(["selector", "template"]);
    const replicas = (spec.properties as Props).replicas;
    expect(replicas).toMatchObject({ type: "integer" });
    expect(replicas.description).toMatch(/^Number of desired pods/);
    const strategyType = (defs["io.k8s.api.apps.v1.DeploymentStrategy"].properties as Props).type;
    expect(strategyType.enum).toEqual(["Recreate", "RollingUpdate"]);
  });

  it("describes references through allOf, since draft-07 ignores keywords beside $ref", () => {
    const template = (defs["io.k8s.api.apps.v1.DeploymentSpec"].properties as Props).template;
    expect(template.allOf).toEqual([{ $ref: "#/definitions/io.k8s.api.core.v1.PodTemplateSpec" }]);
    expect(typeof template.description).toBe("string");
  });

  it("accepts an int or a string for IntOrString fields", () => {
    const maxSurge = (defs["io.k8s.api.apps.v1.RollingUpdateDeployment"].properties as Props).maxSurge;
    expect(maxSurge.anyOf).toEqual([{ type: "integer" }, { type: "string" }]);
  });

  it("accepts a timestamp or null for times, as kubectl's generators write `creationTimestamp: null`", () => {
    const created = (defs["io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"].properties as Props)
      .creationTimestamp;
    expect(created).toMatchObject({ type: ["string", "null"], format: "date-time" });
  });

  it("holds only the definitions the kind reaches", () => {
    expect(defs["io.k8s.api.core.v1.ServicePort"]).toBeUndefined();
  });

  it("has no schema for a kind it does not serve", () => {
    expect(jsonSchemaFor("v1", "Widget")).toBeUndefined();
  });
});

describe("allJsonSchemas and manifestJsonSchema", () => {
  it("cover every served kind", () => {
    const kinds = allJsonSchemas().map((s) => `${s.apiVersion}/${s.kind}`);
    expect(kinds).toEqual(
      expect.arrayContaining(["v1/Pod", "apps/v1/Deployment", "batch/v1/CronJob", "v1/Event"]),
    );
    expect(kinds).toHaveLength(13);
  });

  it("select a kind's schema by apiVersion and kind", () => {
    const schema = manifestJsonSchema();
    const branches = schema.allOf as JsonSchema[];
    expect(branches).toHaveLength(13);
    const defs = schema.definitions as Record<string, JsonSchema>;
    expect(defs["kind:batch/v1/Job"]).toBeDefined();
    expect(defs["io.k8s.api.batch.v1.JobSpec"]).toBeDefined();
  });
});
