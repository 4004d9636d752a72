import { load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { cannotBeHandledMessage, decodeError } from "./decode";
import * as docs from "./testdata/manifests";
import { typeErrors } from "./typeErrors";

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function manifest(text: string): Obj {
  return load(text) as Obj;
}

function deployment(edit: (d: Obj) => void): Obj {
  const d = manifest(docs.nginxDeployment);
  edit(d);
  return d;
}

const container = (d: Obj): Obj => d.spec.template.spec.containers[0];

describe("typeErrors", () => {
  it("names the innermost Go struct, the JSON path and the Go type for a string in an int32", () => {
    const d = deployment((d) => (d.spec.replicas = "three"));
    expect(typeErrors(d, "apps/v1", "Deployment")).toEqual([
      "json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32",
    ]);
  });

  it("reports a number in a label value against the map's value type", () => {
    const d = deployment((d) => (d.metadata.labels.tier = 1));
    expect(typeErrors(d, "apps/v1", "Deployment")).toEqual([
      "json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string",
    ]);
  });

  it("leaves list indexes out of the path", () => {
    const d = deployment((d) => (container(d).env = [{ name: "PORT", value: 8080 }]));
    expect(typeErrors(d, "apps/v1", "Deployment")).toEqual([
      "json: cannot unmarshal number into Go struct field EnvVar.spec.template.spec.containers.env.value of type string",
    ]);
  });

  it("names slice and struct types as Go prints them", () => {
    const cmd = deployment((d) => (container(d).command = "sleep 3600"));
    expect(typeErrors(cmd, "apps/v1", "Deployment")).toEqual([
      "json: cannot unmarshal string into Go struct field Container.spec.template.spec.containers.command of type []string",
    ]);
    const spec = deployment((d) => (d.spec = "nginx"));
    expect(typeErrors(spec, "apps/v1", "Deployment")).toEqual([
      "json: cannot unmarshal string into Go struct field Deployment.spec of type v1.DeploymentSpec",
    ]);
    const containers = deployment((d) => (d.spec.template.spec.containers = { name: "nginx" }));
    expect(typeErrors(containers, "apps/v1", "Deployment")).toEqual([
      "json: cannot unmarshal object into Go struct field PodSpec.spec.template.spec.containers of type []v1.Container",
    ]);
  });

  it("uses int64 and named string types from the Go source", () => {
    const grace = deployment((d) => (d.spec.template.spec.terminationGracePeriodSeconds = "30"));
    expect(typeErrors(grace, "apps/v1", "Deployment")[0]).toMatch(
      /terminationGracePeriodSeconds of type int64$/,
    );
    const policy = deployment((d) => (d.spec.template.spec.restartPolicy = true));
    expect(typeErrors(policy, "apps/v1", "Deployment")).toEqual([
      "json: cannot unmarshal bool into Go struct field PodSpec.spec.template.spec.restartPolicy of type v1.RestartPolicy",
    ]);
  });

  it("quotes the literal of a number that is not a valid int32", () => {
    expect(
      typeErrors(
        deployment((d) => (d.spec.replicas = 1.5)),
        "apps/v1",
        "Deployment",
      ),
    ).toEqual([
      "json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32",
    ]);
    expect(
      typeErrors(
        deployment((d) => (d.spec.replicas = 3000000000)),
        "apps/v1",
        "Deployment",
      )[0],
    ).toContain("number 3000000000 into");
  });

  it("decodes IntOrString as an int32 when it is not a string", () => {
    const d = deployment((d) => (d.spec.strategy = { rollingUpdate: { maxSurge: true } }));
    expect(typeErrors(d, "apps/v1", "Deployment")).toEqual([
      "json: cannot unmarshal bool into Go struct field RollingUpdateDeployment.spec.strategy.rollingUpdate.maxSurge of type int32",
    ]);
    const ok = deployment(
      (d) => (d.spec.strategy = { rollingUpdate: { maxSurge: "25%", maxUnavailable: 1 } }),
    );
    expect(typeErrors(ok, "apps/v1", "Deployment")).toEqual([]);
  });

  it("reports a malformed quantity with apimachinery's bare message", () => {
    const pod = manifest(docs.frontendPod);
    pod.spec.containers[0].resources.limits.memory = "128MB";
    expect(typeErrors(pod, "v1", "Pod")).toEqual([
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    ]);
    pod.spec.containers[0].resources.limits.memory = "128mi";
    expect(typeErrors(pod, "v1", "Pod")).toEqual(["unable to parse quantity's suffix"]);
    pod.spec.containers[0].resources.limits.memory = 0.5;
    expect(typeErrors(pod, "v1", "Pod")).toEqual([]);
  });

  it("reports plain text in a Secret's data as bad base64", () => {
    const secret = manifest(docs.mySecret);
    secret.data.password = "hello";
    expect(typeErrors(secret, "v1", "Secret")).toEqual(["illegal base64 data at input byte 4"]);
  });

  it("keeps the first error in sorted key order", () => {
    const d = deployment((d) => {
      d.spec.replicas = "three";
      d.metadata.labels.tier = 1;
    });
    expect(typeErrors(d, "apps/v1", "Deployment")[0]).toContain("ObjectMeta.metadata.labels");
  });

  it("lets a custom unmarshaler's error win over an earlier type error, as it stops decoding", () => {
    const pod = manifest(docs.frontendPod);
    pod.metadata.labels = { tier: 1 };
    pod.spec.containers[1].resources.limits.cpu = "lots";
    expect(typeErrors(pod, "v1", "Pod")[0]).toMatch(/^quantities must match/);
  });

  it("accepts null anywhere, as Go leaves the zero value", () => {
    const d = deployment((d) => {
      d.spec.replicas = null;
      d.spec.template.metadata.creationTimestamp = null;
    });
    expect(typeErrors(d, "apps/v1", "Deployment")).toEqual([]);
  });
});

describe("decodeError", () => {
  it("reports a type error before unknown fields", () => {
    const d = deployment((d) => {
      d.spec.replicas = "three";
      d.spec.replicass = 3;
    });
    expect(decodeError(d, "apps/v1", "Deployment")).toMatch(/^json: cannot unmarshal string/);
  });

  it("reports unknown fields when the types fit, wrapped as the API server does", () => {
    const d = deployment((d) => (d.spec.replicass = 3));
    const err = decodeError(d, "apps/v1", "Deployment")!;
    expect(cannotBeHandledMessage("Deployment", "v1", err)).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replicass"',
    );
  });
});
