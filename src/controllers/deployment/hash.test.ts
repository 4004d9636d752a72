import { describe, expect, it } from "vitest";
import { canonicalJson, computeHash, fnv32a, safeEncodeString } from "./hash";

const bytes = (s: string) => new TextEncoder().encode(s);
const template = {
  metadata: { labels: { app: "nginx" } },
  spec: { containers: [{ name: "nginx", image: "nginx:1.7.9" }] },
};

describe("computeHash", () => {
  it("implements FNV-1a 32-bit (published test vectors)", () => {
    expect(fnv32a(bytes(""))).toBe(0x811c9dc5);
    expect(fnv32a(bytes("a"))).toBe(0xe40c292c);
    expect(fnv32a(bytes("foobar"))).toBe(0xbf9cf968);
  });

  it("encodes digits into rand.SafeEncodeString's alphabet", () => {
    expect(safeEncodeString("0123456789")).toBe("456789bcdf");
  });

  it("is stable for equal templates whatever their key order, and changes with the template", () => {
    const reordered = {
      spec: { containers: [{ image: "nginx:1.7.9", name: "nginx" }] },
      metadata: { labels: { app: "nginx" } },
    };
    expect(computeHash(template)).toBe(computeHash(reordered));
    expect(computeHash(template)).not.toBe(
      computeHash({ ...template, spec: { containers: [{ name: "nginx", image: "nginx:1.9.1" }] } }),
    );
    expect(computeHash(template)).toMatch(/^[456789bcdf]{1,10}$/);
  });

  it("gives a different name once collisionCount is set", () => {
    expect(computeHash(template, 1)).not.toBe(computeHash(template));
    expect(computeHash(template, 1)).not.toBe(computeHash(template, 2));
  });

  it("treats null, missing and empty lists alike, as semantic equality does", () => {
    expect(canonicalJson({ a: [], b: null, c: 1 })).toBe(canonicalJson({ c: 1 }));
  });
});
