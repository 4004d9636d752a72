import { describe, expect, it } from "vitest";
import {
  CustomColumnsError,
  parseCustomColumnsSpec,
  printCustomColumns,
  relaxedJsonPathExpression,
} from "./customColumns";
import { capturedRuns, kubectlErrorText, servedConfigMaps } from "./goldens";
import { tabwrite } from "./goTabwriter";

/** What kubectl get prints for -o custom-columns=SPEC over the served objects. */
function run(spec: string, objects: unknown[], noHeaders: boolean): { stdout: string; stderr: string } {
  try {
    return { stdout: printCustomColumns(parseCustomColumnsSpec(spec), objects, { noHeaders }), stderr: "" };
  } catch (err) {
    const output = err instanceof CustomColumnsError ? err.output : "";
    return { stdout: output, stderr: kubectlErrorText((err as Error).message) };
  }
}

describe("-o custom-columns goldens from kubectl get", () => {
  const items = servedConfigMaps();
  for (const c of capturedRuns("get.json").filter((r) => r.name.startsWith("cc-"))) {
    it(`${c.name}: ${c.command}`, () => {
      const raw = /custom-columns=(\S*)/.exec(c.command)?.[1] ?? "";
      const spec = raw.replace(/^'(.*)'$/, "$1");
      const objects = / get configmap alpha /.test(c.command) ? [items[1]] : items;
      expect(run(spec, objects, c.command.includes("--no-headers"))).toEqual({
        stdout: c.stdout,
        stderr: c.stderr,
      });
    });
  }
});

describe("custom-columns spec", () => {
  it("relaxes path expressions to {.path}", () => {
    for (const expr of ["metadata.name", ".metadata.name", "{metadata.name}", "{.metadata.name}"]) {
      expect(relaxedJsonPathExpression(expr)).toBe("{.metadata.name}");
    }
  });
  it("splits each column at its first colon only", () => {
    expect(parseCustomColumnsSpec('A:.a,B:.b[?(@.x=="a:b")]')).toEqual([
      { header: "A", fieldSpec: "{.a}" },
      { header: "B", fieldSpec: '{.b[?(@.x=="a:b")]}' },
    ]);
  });
  it("prints only the header when there are no objects", () => {
    expect(printCustomColumns(parseCustomColumnsSpec("NAME:.metadata.name,AGE:.x"), [])).toBe("NAME   AGE\n");
  });
});

describe("kubectl's tabwriter", () => {
  it("pads every cell but the last of a line to its column's width, at least 6", () => {
    expect(tabwrite("a\tbb\tc\nlonger\tb\tc\n")).toBe("a        bb    c\nlonger   b     c\n");
  });
  it("starts a new column block after a line without tabs, keeping remembered widths", () => {
    expect(tabwrite("wide-cell\tx\nbreak\nn\tx\n")).toBe("wide-cell   x\nbreak\nn           x\n");
  });
});
