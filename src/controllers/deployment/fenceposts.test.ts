import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../api/types";
import { maxSurge, maxUnavailable, resolveFenceposts } from "./fenceposts";

function rolling(replicas: number, surge: number | string, unavailable: number | string): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "d" },
    spec: {
      replicas,
      strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: surge, maxUnavailable: unavailable } },
    },
  };
}

describe("resolveFenceposts (TestResolveFenceposts)", () => {
  it.each([
    ["0%", "0%", 0, [0, 1]],
    ["39%", "39%", 10, [4, 3]],
    ["25%", "25%", 3, [1, 0]],
    [0, 0, 5, [0, 1]],
    [2, "50%", 5, [2, 2]],
  ] as const)(
    "maxSurge %s, maxUnavailable %s of %i resolve to %j",
    (surge, unavailable, desired, expected) => {
      expect(resolveFenceposts(surge, unavailable, desired)).toEqual(expected);
    },
  );

  it("rejects a string that is not a percentage", () => {
    expect(() => resolveFenceposts("oops", "0%", 1)).toThrow(
      "invalid value for IntOrString: invalid type: string is not a percentage",
    );
    expect(() => resolveFenceposts("55%", "urg", 1)).toThrow();
  });
});

describe("MaxUnavailable and MaxSurge (TestMaxUnavailable)", () => {
  it("caps maxUnavailable at replicas and is 0 for no replicas or Recreate", () => {
    expect(maxUnavailable(rolling(10, 0, 1))).toBe(1);
    expect(maxUnavailable(rolling(5, 0, 10))).toBe(5);
    expect(maxUnavailable(rolling(0, 0, 1))).toBe(0);
    expect(maxUnavailable(rolling(10, 0, "10%"))).toBe(1);
    const recreate = { ...rolling(3, 1, 1), spec: { replicas: 3, strategy: { type: "Recreate" } } };
    expect(maxUnavailable(recreate)).toBe(0);
    expect(maxSurge(recreate)).toBe(0);
    expect(maxSurge(rolling(10, "25%", 0))).toBe(3);
  });
});
