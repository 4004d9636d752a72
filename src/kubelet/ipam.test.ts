import { describe, expect, it } from "vitest";
import { NodeIpam } from "./ipam";

describe("NodeIpam", () => {
  it("hands out .2, .3, … from the node's pod CIDR", () => {
    const ipam = NodeIpam.fromCidr("10.244.1.0/24")!;
    expect([ipam.allocate(), ipam.allocate(), ipam.allocate()]).toEqual([
      "10.244.1.2",
      "10.244.1.3",
      "10.244.1.4",
    ]);
  });

  it("does not reuse a released address until the range wraps, as host-local does", () => {
    const ipam = NodeIpam.fromCidr("10.244.2.0/29")!; // hosts .2 … .6
    const a = ipam.allocate()!;
    ipam.allocate();
    ipam.release(a);
    expect(ipam.allocate()).toBe("10.244.2.4");
    expect([ipam.allocate(), ipam.allocate(), ipam.allocate()]).toEqual([
      "10.244.2.5",
      "10.244.2.6",
      "10.244.2.2",
    ]);
    expect(ipam.allocate()).toBeUndefined();
  });

  it("rejects what is not a CIDR", () => {
    expect(NodeIpam.fromCidr("10.244.1.0")).toBeUndefined();
  });
});
