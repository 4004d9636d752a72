import { describe, expect, it } from "vitest";
import {
  aggregateMessage,
  duplicate,
  forbidden,
  formatFieldError,
  invalid,
  invalidError,
  kubectlInvalidMessage,
  notFound,
  notSupported,
  required,
  tooLong,
  tooMany,
} from "./fieldErrors";
import { goLabelSelector, goStringMap, goStrings } from "./goValue";

describe("field error formatting", () => {
  it.each([
    [
      invalid("spec.replicas", -1, "must be greater than or equal to 0"),
      "spec.replicas: Invalid value: -1: must be greater than or equal to 0",
    ],
    [invalid("metadata.name", "Web_1", "bad"), 'metadata.name: Invalid value: "Web_1": bad'],
    [required("spec.selector"), "spec.selector: Required value"],
    [
      required("metadata.name", "name or generateName is required"),
      "metadata.name: Required value: name or generateName is required",
    ],
    [
      notSupported("spec.template.spec.restartPolicy", "Always", ["OnFailure", "Never"]),
      'spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"',
    ],
    [duplicate("spec.containers[1].name", "app"), 'spec.containers[1].name: Duplicate value: "app"'],
    [
      forbidden("spec.ephemeralContainers", "cannot be set on create"),
      "spec.ephemeralContainers: Forbidden: cannot be set on create",
    ],
    [
      tooLong("metadata.annotations", 262144),
      "metadata.annotations: Too long: may not be more than 262144 bytes",
    ],
    [tooMany("spec.rules", 21, 20), "spec.rules: Too many: 21: must have at most 20 items"],
    [tooMany("spec.rules", -1, 20), "spec.rules: Too many: must have at most 20 items"],
    [notFound("spec.x", "y"), 'spec.x: Not found: "y"'],
    [
      invalid("spec.activeDeadlineSeconds", null, "must not update from a positive integer to nil value"),
      'spec.activeDeadlineSeconds: Invalid value: "null": must not update from a positive integer to nil value',
    ],
  ])("formats %o as Go's Error()", (error, expected) => {
    expect(formatFieldError(error)).toBe(expected);
  });

  it("prints maps, slices and selectors with Go's %#v", () => {
    expect(
      formatFieldError(invalid("spec.template.metadata.labels", goStringMap({ tier: "a", app: "x" }), "m")),
    ).toBe('spec.template.metadata.labels: Invalid value: map[string]string{"app":"x", "tier":"a"}: m');
    expect(goStringMap(undefined).goRepr).toBe("map[string]string(nil)");
    expect(goStrings(["a", "b"]).goRepr).toBe('[]string{"a", "b"}');
    expect(goLabelSelector({ matchLabels: { app: "web2" } }).goRepr).toBe(
      'v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}',
    );
    expect(goLabelSelector({ matchExpressions: [{ key: "a", operator: "In", values: ["b"] }] }).goRepr).toBe(
      'v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"a", Operator:"In", Values:[]string{"b"}}}}',
    );
  });

  it("aggregates one error alone and several in brackets, dropping duplicates", () => {
    const a = required("spec.selector");
    const b = invalid("spec.replicas", -1, "must be greater than or equal to 0");
    expect(aggregateMessage([a])).toBe("spec.selector: Required value");
    expect(aggregateMessage([a, b, a])).toBe(
      "[spec.selector: Required value, spec.replicas: Invalid value: -1: must be greater than or equal to 0]",
    );
    expect(aggregateMessage([])).toBe("");
  });
});

describe("invalidError", () => {
  const labelsError = invalid(
    "spec.template.metadata.labels",
    goStringMap({ app: "x" }),
    "`selector` does not match template `labels`",
  );

  it("builds the 422 Status with the group-qualified kind in its message", () => {
    const status = invalidError("Deployment", "web", [labelsError]);
    expect(status.code).toBe(422);
    expect(status.reason).toBe("Invalid");
    expect(status.message).toBe(
      'Deployment.apps "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`',
    );
    expect(status.details).toEqual({
      name: "web",
      group: "apps",
      kind: "Deployment",
      causes: [
        {
          reason: "FieldValueInvalid",
          message: 'Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`',
          field: "spec.template.metadata.labels",
        },
      ],
    });
  });

  it("lists several errors in brackets and leaves core kinds unqualified", () => {
    const status = invalidError("Pod", "p", [required("spec.containers"), required("metadata.namespace")]);
    expect(status.message).toBe(
      'Pod "p" is invalid: [spec.containers: Required value, metadata.namespace: Required value]',
    );
  });

  it("prints what kubectl prints: one cause inline, several as a bullet list", () => {
    expect(kubectlInvalidMessage(invalidError("Deployment", "web", [labelsError]))).toBe(
      'The Deployment "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`\n',
    );
    expect(
      kubectlInvalidMessage(
        invalidError("Pod", "p", [required("spec.containers"), required("metadata.namespace")]),
      ),
    ).toBe(
      'The Pod "p" is invalid: \n* spec.containers: Required value\n* metadata.namespace: Required value\n',
    );
  });
});
