import { deflateSync, strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { toBase64Url } from "./base64url";
import { decodeWorkLink, encodeWorkLink, isWorkLink } from "./codec";
import { TYPICAL_WORK } from "./fixtures";
import { parseWork } from "./validate";
import { type Work, WorkError } from "./work";

/** A v1 link written by the first release. Frozen: if this stops decoding, old links in the wild break. */
const FROZEN_V1 =
  "#/s/1.bZDBasMwDIZfRehsDydbC9NDjB3GDktyUBxnNU1kU6dlofTdp2Y7FoTgF78-fumKBemlNihI2hckrF29t66ybvdROXL3-kKDI9IVcxqeVp4ntXGOn-FUYhKCS9XKMcpA8J6GVuaw8MALUysAwnMgOIRpSq2UHPw29UkWjqKATQLYf6P_kwBx5m_V_bmsffppBW8GI1LTVDvnDHqNxDlPK9gR7CYe5XlTaMnsw8NU5ZCykjvTvLo7NCvneO5DnngFHi4sPsCzK9h1BvXoBsd4KovVN6CpdBaQ9rrpbr8";

const t0 = Date.parse("2026-01-05T10:00:00Z");

function reason(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof WorkError) return error.reason;
    throw error;
  }
  return "decoded";
}

const linkOf = (json: string, version = 2) => `#/s/${version}.${toBase64Url(deflateSync(strToU8(json)))}`;

/** Work with a round of kubectl edit in its log (what version 2 added). */
const EDITED_WORK: Work = {
  ...TYPICAL_WORK,
  log: [
    ...TYPICAL_WORK.log,
    {
      at: (TYPICAL_WORK.end ?? t0) + 1000,
      tool: "kubectl",
      line: "kubectl edit deploy web",
      editorSave: {
        file: "kubectl-edit-1234.yaml",
        original: "# header\nkind: Deployment\n",
        edited: "kind: Deployment\nspec: {replicas: -1}\n",
        previous: "kind: Deployment\n",
      },
    },
  ],
  end: (TYPICAL_WORK.end ?? t0) + 2000,
};

describe("permalinks", () => {
  it("round-trip work exactly, kubectl edit's rounds included", () => {
    expect(encodeWorkLink(TYPICAL_WORK).startsWith("#/s/2.")).toBe(true);
    expect(decodeWorkLink(encodeWorkLink(TYPICAL_WORK))).toEqual(TYPICAL_WORK);
    expect(decodeWorkLink(encodeWorkLink(EDITED_WORK))).toEqual(EDITED_WORK);
  });

  it("read version 1 entries as written, refusing the edit element version 2 added", () => {
    const base = { s: 1, n: 3, t: "2026-01-05T10:00:00Z", f: {} };
    const edit = [0, "c", "edit deploy web", 0, 0, ["kubectl-edit-1.yaml", "a: 1\n", "a: 2\n"]];
    expect(reason(() => decodeWorkLink(linkOf(JSON.stringify({ ...base, i: [edit] }), 1)))).toBe("invalid");
    expect(decodeWorkLink(linkOf(JSON.stringify({ ...base, i: [edit] }))).log[0]).toEqual({
      at: t0,
      tool: "kubectl",
      line: "edit deploy web",
      editorSave: { file: "kubectl-edit-1.yaml", original: "a: 1\n", edited: "a: 2\n" },
    });
  });

  it("keep decoding the frozen v1 link", () => {
    const work: Work = decodeWorkLink(FROZEN_V1);
    expect(work).toEqual({
      seed: 42,
      nodes: 2,
      start: "2026-01-05T10:00:00Z",
      lesson: { id: "first-pod", step: 1 },
      files: {
        "pod.yaml":
          "apiVersion: v1\nkind: Pod\nmetadata:\n  name: hello\nspec:\n  containers:\n    - name: c\n      image: busybox\n",
      },
      log: [
        {
          at: t0 + 1500,
          tool: "kubectl",
          line: "apply -f -",
          stdin: "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n",
        },
        { at: t0 + 9000, tool: "kubeplay", line: "kubeplay advance 30s" },
      ],
      end: t0 + 60_000,
    });
  });

  it("fit a typical lesson state (40-line manifest, 5 commands) in 2,000 characters", () => {
    expect(encodeWorkLink(TYPICAL_WORK).length).toBeLessThanOrEqual(2000);
  });

  it("recognise only #/s/ hashes as links", () => {
    expect(isWorkLink(FROZEN_V1)).toBe(true);
    expect(isWorkLink("#lessons")).toBe(false);
  });

  it("report a truncated link as corrupt", () => {
    expect(reason(() => decodeWorkLink(FROZEN_V1.slice(0, 60)))).toBe("corrupt");
  });

  it("report a tampered link as corrupt or invalid, never decoding it", () => {
    for (let i = 10; i < FROZEN_V1.length; i += 17) {
      const flipped = FROZEN_V1[i] === "A" ? "B" : "A";
      const tampered = FROZEN_V1.slice(0, i) + flipped + FROZEN_V1.slice(i + 1);
      const result = reason(() => decodeWorkLink(tampered));
      // A flip may still give valid work by chance; it must then pass the validator like any link.
      expect(["corrupt", "invalid", "decoded"]).toContain(result);
    }
  });

  it("say so when the link comes from a newer version", () => {
    expect(reason(() => decodeWorkLink("#/s/3.AAAA"))).toBe("newer");
  });

  it("refuse characters outside base64url, and garbage", () => {
    expect(reason(() => decodeWorkLink("#/s/1.<script>"))).toBe("corrupt");
    expect(reason(() => decodeWorkLink("#/s/1.not-deflate-at-all"))).toBe("corrupt");
  });

  it("refuse a payload that inflates past the cap (a zip bomb)", () => {
    expect(reason(() => decodeWorkLink(linkOf(`{"s":1,"x":"${"a".repeat(3_000_000)}"}`)))).toBe("tooLarge");
  });

  it("refuse unknown fields and wrong types in the payload", () => {
    const base = { s: 1, n: 3, t: "2026-01-05T10:00:00Z", f: {}, i: [] };
    expect(reason(() => decodeWorkLink(linkOf(JSON.stringify(base))))).toBe("decoded");
    for (const bad of [
      { ...base, x: 1 },
      { ...base, s: "1" },
      { ...base, n: 1000 },
      { ...base, t: "yesterday" },
      { ...base, f: { "../etc/passwd": "x" } },
      { ...base, f: { "a.yaml": 5 } },
      { ...base, i: [[0, "sh", "rm -rf /"]] },
      { ...base, i: [[-5, "c", "get pods"]] },
      {
        ...base,
        i: [
          [5, "c", "get pods"],
          [1, "c", "get pods"],
        ],
      },
      { ...base, l: ["<img src=x onerror=alert(1)>", 1] },
      { ...base, i: [[0, "c", "edit cm a", 0, 0, ["../evil", "a", "b"]]] },
      { ...base, i: [[0, "p", "kubeplay advance 1s", 0, 0, ["kubectl-edit-1.yaml", "a", "b"]]] },
      { ...base, i: [[0, "c", "edit cm a", 0, 0, ["kubectl-edit-1.yaml", 5, "b"]]] },
    ]) {
      expect(
        reason(() => decodeWorkLink(linkOf(JSON.stringify(bad)))),
        JSON.stringify(bad),
      ).toBe("invalid");
    }
    const polluting = `{"__proto__":{"polluted":true},${JSON.stringify(base).slice(1)}`;
    expect(reason(() => decodeWorkLink(linkOf(polluting)))).toBe("invalid");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("parseWork", () => {
  it("copies only known fields", () => {
    const work = parseWork({ ...TYPICAL_WORK });
    expect(work).toEqual(TYPICAL_WORK);
    expect(work).not.toBe(TYPICAL_WORK);
  });

  it("refuses an end before the last input", () => {
    expect(reason(() => parseWork({ ...TYPICAL_WORK, end: t0 }))).toBe("invalid");
  });
});
