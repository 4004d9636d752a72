import { describe, expect, it } from "vitest";
import { createCluster } from "../../cluster";
import { unifiedDiff } from "./unifiedDiff";

const cm = (value: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: "${value}"\n`;

describe("unifiedDiff (diff -u hunks)", () => {
  it("prints GNU diff's hunks: deletions before insertions, three lines of context, merged nearby changes", () => {
    const a = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n";
    const b = "1\n2\nX\n4\n5\n6\n7\n8\n9\n10\n11\n12\n14\n15\n16\n";
    // Captured from GNU diff 3.x: diff -u a b | tail -n +3
    expect(unifiedDiff(a, b)).toBe(
      "@@ -1,6 +1,6 @@\n 1\n 2\n-3\n+X\n 4\n 5\n 6\n@@ -10,6 +10,6 @@\n 10\n 11\n 12\n-13\n 14\n 15\n+16\n",
    );
  });

  it("treats a missing file as empty (-N) and equal texts as no diff", () => {
    expect(unifiedDiff("", "x\ny\n")).toBe("@@ -0,0 +1,2 @@\n+x\n+y\n");
    expect(unifiedDiff("same\n", "same\n")).toBe("");
  });
});

describe("kubectl diff", () => {
  it("exits 1 with a unified diff of live and merged objects, 0 when apply would change nothing", () => {
    const c = createCluster({ seed: 1, nodes: 0 });
    const files = { "v1.yaml": cm("1"), "v2.yaml": cm("2") };
    c.kubectl("apply -f v1.yaml", undefined, files);
    expect(c.kubectl("diff -f v1.yaml", undefined, files)).toEqual({ code: 0, stdout: "", stderr: "" });
    const out = c.kubectl("diff -f v2.yaml", undefined, files);
    expect(out.code).toBe(1);
    const lines = out.stdout.split("\n");
    expect(lines[0]).toMatch(
      /^diff -u -N \/tmp\/LIVE-\d+\/v1\.ConfigMap\.default\.cfg \/tmp\/MERGED-\d+\/v1\.ConfigMap\.default\.cfg$/,
    );
    expect(lines[1]).toMatch(
      /^--- \/tmp\/LIVE-\d+\/v1\.ConfigMap\.default\.cfg\t2026-01-05 10:00:00\.000000000 \+0000$/,
    );
    expect(out.stdout).toContain('\n-  a: "1"\n+  a: "2"\n');
    expect(c.kubectl("diff -f v2.yaml", undefined, files).stdout).toBe(out.stdout);
  });

  it("masks Secret values and exits 2 on errors", () => {
    const c = createCluster({ seed: 1, nodes: 0 });
    const secret = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  k: aHVudGVyMg==\n";
    expect(c.kubectl("diff -f s.yaml", undefined, { "s.yaml": secret }).stdout).toContain("\n+  k: '***'\n");
    expect(c.kubectl("diff")).toEqual({
      code: 2,
      stdout: "",
      stderr: "error: must specify one of -f and -k\n",
    });
  });
});
