import { describe, expect, it } from "vitest";
import { LessonFormatError, parseLesson } from "./parse";

const spec = `id: 00-demo
order: 1
chapter: 示例
cluster: { seed: 1, nodes: 1 }
steps:
  - id: make-config
    hints: 1
    checks:
      - id: exists
        kubectl: get configmap demo -o name
        equals: configmap/demo
    solution:
      - kubectl: create configmap demo --from-literal=a=b
`;

function prose(lang: string, withStep = true): string {
  const step = withStep
    ? `steps:
  make-config:
    title: Make a ConfigMap (${lang})
    body: Create it.
    hints: ["Use kubectl create configmap."]
    success: Done.
    checks:
      exists: A ConfigMap named demo exists.
`
    : "steps: {}\n";
  return `title: Demo ${lang}\nsummary: A demo.\n${step}`;
}

describe("parseLesson", () => {
  it("reads a complete lesson", () => {
    const lesson = parseLesson("00-demo", {
      "lesson.yaml": spec,
      "en.yaml": prose("en"),
      "zh.yaml": prose("zh"),
    });
    expect(lesson.spec.steps[0].checks[0].id).toBe("exists");
    expect(lesson.prose.zh.steps["make-config"].title).toBe("Make a ConfigMap (zh)");
  });

  it("fails on a missing translation, naming the language and the step", () => {
    expect(() =>
      parseLesson("00-demo", { "lesson.yaml": spec, "en.yaml": prose("en"), "zh.yaml": prose("zh", false) }),
    ).toThrow(/zh\.yaml: step make-config is not translated/);
  });

  it("fails on a check that tests nothing and on a folder/id mismatch", () => {
    const broken = spec.replace("        equals: configmap/demo\n", "").replace("id: 00-demo", "id: other");
    try {
      parseLesson("00-demo", { "lesson.yaml": broken, "en.yaml": prose("en"), "zh.yaml": prose("zh") });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(LessonFormatError);
      expect(String(error)).toMatch(/tests nothing/);
      expect(String(error)).toMatch(/must equal the folder name/);
    }
  });

  it("reports a YAML syntax error in a prose file", () => {
    expect(() =>
      parseLesson("00-demo", { "lesson.yaml": spec, "en.yaml": "title: [", "zh.yaml": prose("zh") }),
    ).toThrow(/en\.yaml/);
  });
});
