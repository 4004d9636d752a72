import { describe, expect, it } from "vitest";
import { findQuantityDecodeError, validateObject } from "./index";
import { pod } from "./testObjects";

describe("validateObject", () => {
  it("ignores kinds outside the playground's scope", () => {
    expect(validateObject({ apiVersion: "v1", kind: "PersistentVolume", metadata: {} })).toEqual([]);
  });
});

describe("findQuantityDecodeError", () => {
  it("reports a malformed resource quantity as the decoder's BadRequest text", () => {
    const p = pod({ containers: [{ name: "a", image: "nginx", resources: { limits: { memory: "1 GB" } } }] });
    expect(findQuantityDecodeError(p)).toBe(
      `Pod in version "v1" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
    );
    expect(findQuantityDecodeError(pod())).toBeUndefined();
  });
});
