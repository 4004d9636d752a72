import { describe, expect, it } from "vitest";
import type { Pod } from "kubernetes-types/core/v1";
import { defaulted, errorsOf, pod } from "./testObjects";

const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

describe("Pod spec validation", () => {
  it("accepts a minimal defaulted pod", () => {
    expect(errorsOf(pod())).toEqual([]);
  });

  it("requires at least one container", () => {
    expect(errorsOf(pod({ containers: [] }))).toEqual(["spec.containers: Required value"]);
  });

  it("requires container names to be unique DNS-1123 labels and images to be set", () => {
    const p = pod({
      containers: [
        { name: "App", image: "nginx" },
        { name: "b", image: "" },
        { name: "b", image: "x" },
      ],
    });
    expect(errorsOf(p)).toEqual([
      `spec.containers[0].name: Invalid value: "App": ${LABEL_MSG}`,
      "spec.containers[1].image: Required value",
      'spec.containers[2].name: Duplicate value: "b"',
    ]);
  });

  it("validates container ports: range, names, duplicates, protocol", () => {
    const p = pod({
      containers: [
        {
          name: "app",
          image: "nginx",
          ports: [
            { containerPort: 70000, name: "http" },
            { containerPort: 81, name: "http" },
            { containerPort: 82, name: "Has_Underscore-and-long" },
            { containerPort: 83, protocol: "HTTP" },
          ],
        },
      ],
    });
    expect(errorsOf(p)).toEqual([
      "spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive",
      'spec.containers[0].ports[1].name: Duplicate value: "http"',
      'spec.containers[0].ports[2].name: Invalid value: "Has_Underscore-and-long": must be no more than 15 characters',
      'spec.containers[0].ports[2].name: Invalid value: "Has_Underscore-and-long": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'spec.containers[0].ports[3].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
    ]);
  });

  it("requires env var names without '='", () => {
    const p = pod({
      containers: [
        { name: "app", image: "nginx", env: [{ name: "" }, { name: "A=B", value: "1" }, { name: "1_OK" }] },
      ],
    });
    expect(errorsOf(p)).toEqual([
      "spec.containers[0].env[0].name: Required value",
      "spec.containers[0].env[1].name: Invalid value: \"A=B\": a valid environment variable name must consist only of printable ASCII characters other than '='",
    ]);
  });

  it("rejects an unknown restartPolicy and dnsPolicy", () => {
    expect(errorsOf(pod({ restartPolicy: "Sometimes", dnsPolicy: "Google" }))).toEqual([
      'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
      'spec.dnsPolicy: Unsupported value: "Google": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"',
    ]);
  });

  it("requires requests to be at most limits", () => {
    const p = pod({
      containers: [
        {
          name: "app",
          image: "nginx",
          resources: { requests: { cpu: "2", memory: "64Mi" }, limits: { cpu: "500m", memory: "128Mi" } },
        },
      ],
    });
    expect(errorsOf(p)).toEqual([
      'spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 500m',
    ]);
  });

  it("rejects negative quantities and unknown resource names", () => {
    const p = pod({
      containers: [{ name: "app", image: "nginx", resources: { requests: { cpu: "-1", gpu: "1" } } }],
    });
    expect(errorsOf(p)).toEqual([
      'spec.containers[0].resources.requests[cpu]: Invalid value: "-1": must be greater than or equal to 0',
      'spec.containers[0].resources.requests[gpu]: Invalid value: "gpu": must be a standard resource type or fully qualified',
      'spec.containers[0].resources.requests[gpu]: Invalid value: "gpu": must be a standard resource for containers',
    ]);
  });

  it("requires extended resources to be whole and requested equal to their limit", () => {
    const p = pod({
      containers: [
        {
          name: "app",
          image: "nginx",
          resources: { requests: { "example.com/gpu": "500m" }, limits: { "example.com/gpu": "1" } },
        },
      ],
    });
    expect(errorsOf(p)).toEqual([
      'spec.containers[0].resources.requests[example.com/gpu]: Invalid value: "500m": must be an integer',
      'spec.containers[0].resources.requests: Invalid value: "500m": must be equal to example.com/gpu limit of 1',
    ]);
  });

  it("validates probes: one handler, non-negative fields, liveness successThreshold 1", () => {
    const p = pod({
      containers: [
        {
          name: "app",
          image: "nginx",
          livenessProbe: {
            httpGet: { port: 80 },
            exec: { command: ["true"] },
            successThreshold: 2,
            periodSeconds: -1,
          },
          readinessProbe: {},
        },
      ],
    });
    expect(errorsOf(p)).toEqual([
      "spec.containers[0].livenessProbe.httpGet: Forbidden: may not specify more than 1 handler type",
      "spec.containers[0].livenessProbe.periodSeconds: Invalid value: -1: must be greater than or equal to 0",
      "spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1",
      "spec.containers[0].readinessProbe: Required value: must specify a handler type",
    ]);
  });

  it("rejects images with surrounding whitespace on pods", () => {
    expect(errorsOf(pod({ containers: [{ name: "app", image: " nginx" }] }))).toEqual([
      'spec.containers[0].image: Invalid value: " nginx": must not have leading or trailing whitespace',
    ]);
  });

  it("validates tolerations", () => {
    const p = pod({
      tolerations: [
        { operator: "Equal", value: "x" },
        { key: "k", operator: "Exists", effect: "NoExecute", tolerationSeconds: 5 },
        { key: "k", effect: "Sometimes" },
      ],
    });
    expect(errorsOf(p)).toEqual([
      'spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
      'spec.tolerations[2].effect: Unsupported value: "Sometimes": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
    ]);
  });
});

describe("Pod update validation", () => {
  const stored = (): Pod => {
    const p = defaulted(pod());
    p.metadata = { ...p.metadata, resourceVersion: "3" };
    return p;
  };

  it("allows changing a container image", () => {
    const next = stored();
    next.spec!.containers[0].image = "nginx:1.27";
    expect(errorsOf(next, stored())).toEqual([]);
  });

  it("forbids adding containers", () => {
    const next = stored();
    next.spec!.containers.push({ name: "side", image: "busybox" });
    expect(errorsOf(next, stored())).toEqual([
      "spec.containers: Forbidden: pod updates may not add or remove containers",
    ]);
  });

  it("forbids changing other spec fields", () => {
    const next = stored();
    next.spec!.containers[0].env = [{ name: "A", value: "1" }];
    const [message] = errorsOf(next, stored());
    expect(message).toMatch(
      /^spec: Forbidden: pod updates may not change fields other than `spec.containers\[\*\].image`,`spec.initContainers\[\*\].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` \(only additions to existing tolerations\),`spec.terminationGracePeriodSeconds` \(allow it to be set to 1 if it was previously negative\)\n/,
    );
  });

  it("only lets activeDeadlineSeconds decrease", () => {
    const old = stored();
    old.spec!.activeDeadlineSeconds = 10;
    const next = stored();
    next.spec!.activeDeadlineSeconds = 20;
    expect(errorsOf(next, old)).toEqual([
      "spec.activeDeadlineSeconds: Invalid value: 20: must be less than or equal to previous value",
    ]);
  });
});
