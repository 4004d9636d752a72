import { describe, expect, it } from "vitest";
import { GoTemplateError, parseGoTemplate } from "./goTemplate";

const pod = {
  kind: "Pod",
  metadata: { name: "web-1", labels: { app: "web", tier: "front" } },
  spec: {
    containers: [
      { name: "nginx", ports: [{ containerPort: 80 }] },
      { name: "log", image: "busybox" },
    ],
    replicas: 3,
    memory: 1000000,
    ratio: 0.5,
    huge: 1.5e21,
  },
  data: { token: "aGVsbG8=" },
};

const run = (template: string, data: unknown = pod) => parseGoTemplate(template).execute(data);
const failure = (template: string, data: unknown = pod) => {
  try {
    run(template, data);
  } catch (error) {
    if (error instanceof GoTemplateError) return error.message;
    throw error;
  }
  return "no error";
};

describe("go-template", () => {
  it("prints fields as fmt's %v, a missing key as <no value>, whole numbers as ints and others as float64", () => {
    expect(
      run(
        "{{.metadata.name}} {{.metadata.nope}} {{.spec.replicas}} {{.spec.memory}} {{.spec.ratio}} {{.spec.huge}}",
      ),
    ).toBe("web-1 <no value> 3 1000000 0.5 1.5e+21");
    expect(run("{{.metadata.labels}}|{{.spec.containers}}")).toBe(
      "map[app:web tier:front]|[map[name:nginx ports:[map[containerPort:80]]] map[image:busybox name:log]]",
    );
  });

  it("ranges over lists and maps (keys sorted), with variables, else, break and continue", () => {
    expect(run('{{range .spec.containers}}{{.name}}{{"\\n"}}{{end}}')).toBe("nginx\nlog\n");
    expect(run("{{range $i, $c := .spec.containers}}{{$i}}:{{$c.name}} {{end}}")).toBe("0:nginx 1:log ");
    expect(run("{{range $k, $v := .metadata.labels}}{{$k}}={{$v}},{{end}}")).toBe("app=web,tier=front,");
    expect(run("{{range .spec.none}}x{{else}}empty{{end}}")).toBe("empty");
    expect(run("{{range .spec.containers}}{{if .image}}{{break}}{{end}}{{.name}}{{end}}")).toBe("nginx");
    expect(run("{{range .spec.containers}}{{if .ports}}{{continue}}{{end}}{{.name}}{{end}}")).toBe("log");
  });

  it("branches with if / else if / else and with, by Go's truth", () => {
    const t = "{{if .spec.none}}a{{else if .metadata.labels.app}}b{{else}}c{{end}}";
    expect(run(t)).toBe("b");
    expect(run("{{with .metadata.labels}}{{.tier}}{{end}}{{with .spec.none}}x{{else}}none{{end}}")).toBe(
      "frontnone",
    );
    expect(run('{{if and .spec.replicas (not .spec.none)}}yes{{end}}{{or .spec.none "dflt"}}')).toBe(
      "yesdflt",
    );
  });

  it("calls index, len, printf, print, pipelines, parenthesised fields, exists and base64decode", () => {
    expect(run('{{(index .spec.containers 0).name}} {{index .metadata.labels "app"}}')).toBe("nginx web");
    expect(run("{{len .spec.containers}} {{.metadata.name | len}}")).toBe("2 5");
    expect(run('{{printf "%s=%d/%v %q" .metadata.name 7 .spec.replicas "x"}}')).toBe('web-1=7/3 "x"');
    expect(run('{{.metadata.name | printf "<%s>"}} {{print 1 2 "a" "b"}}')).toBe("<web-1> 1 2ab");
    expect(run('{{exists . "spec" "containers"}} {{exists . "spec" "nope"}}')).toBe("true false");
    expect(run("{{base64decode .data.token}}")).toBe("hello");
  });

  it("trims around {{- and -}}, and skips comments", () => {
    expect(run("a  {{- .metadata.name -}}  b {{/* note */}}c")).toBe("aweb-1b c");
  });

  it("compares as Go does: whole numbers are ints, a float64 is not comparable with an int", () => {
    expect(run("{{if eq .spec.replicas 3}}three{{end}}{{if gt .spec.ratio 0.25}} big{{end}}")).toBe(
      "three big",
    );
    expect(run('{{if eq .metadata.name "web-1" "web-2"}}one of them{{end}}')).toBe("one of them");
    expect(failure("{{if eq .spec.ratio 1}}x{{end}}")).toBe(
      'template: output:1:5: executing "output" at <eq .spec.ratio 1>: error calling eq: incompatible types for comparison',
    );
  });

  it("stops early in and/or, reads only own keys, and decodes Go's string escapes", () => {
    expect(run("{{if and .spec.none (index .spec.none 0)}}x{{else}}short-circuited{{end}}")).toBe(
      "short-circuited",
    );
    expect(run('{{index .metadata.labels "constructor"}}|{{exists . "constructor"}}')).toBe(
      "<no value>|false",
    );
    expect(run('{{"\\x41\\u00e9\\t"}}|{{printf "%c" \'"\'}}')).toBe('Aé\t|"');
    expect(run('{{printf "%.2f|%f" .spec.ratio 1}}')).toBe("0.50|%!f(int=1)");
  });

  it("refuses a template that would run away: huge ranges, endless output", () => {
    expect(failure("{{range 5000000000}}x{{end}}")).toMatch(
      /kubeplay stops a template after 1,000,000 steps/,
    );
    expect(failure("{{range 1.5}}x{{end}}")).toMatch(/range can't iterate over 1.5/);
    expect(failure("{{break}}")).toBe("template: output:1: {{break}} outside {{range}}");
  });

  it("keeps what it printed before failing, as Go's writer has it", () => {
    try {
      run("{{.kind}} then {{index .spec.containers 5}}");
    } catch (error) {
      expect((error as GoTemplateError).partial).toBe("Pod then ");
    }
    expect.assertions(1);
  });

  it("fails as Go does on nil fields, bad indexes and parse errors", () => {
    expect(run("{{.spec.none.x}}|{{.nothing}}|{{.nil}}", { spec: {}, nil: null })).toBe(
      "<no value>|<no value>|<no value>",
    );
    expect(failure("{{.spec.nothing.x}}", { spec: { nothing: null } })).toBe(
      'template: output:1:7: executing "output" at <.spec.nothing.x>: nil pointer evaluating interface {}.x',
    );
    expect(failure("{{index .spec.containers 5}}")).toBe(
      'template: output:1:2: executing "output" at <index .spec.containers 5>: error calling index: index out of range: 5',
    );
    expect(failure("{{.metadata.name")).toBe("template: output:1: unclosed action");
    expect(failure("{{foo .}}")).toBe('template: output:1: function "foo" not defined');
    expect(failure("{{if .x}}never closed")).toBe("template: output:1: unexpected EOF");
    expect(failure("{{end}}")).toBe("template: output:1: unexpected {{end}}");
  });
});
