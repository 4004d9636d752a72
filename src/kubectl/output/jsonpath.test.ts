import { describe, expect, it } from "vitest";
import { capturedRuns, kubectlErrorText, readGolden, servedConfigMaps } from "./goldens";
import { executeJsonPath, parseJsonPath, printJsonPath } from "./jsonpath";
import { toKubectlList } from "./list";

/** What kubectl would print for a template: stdout, or "error: ..." on stderr. */
function run(template: string, obj: unknown, asJson = false): { stdout: string; stderr: string } {
  try {
    return { stdout: printJsonPath(template, obj, { asJson }), stderr: "" };
  } catch (err) {
    return { stdout: "", stderr: kubectlErrorText((err as Error).message) };
  }
}

/** Go iterates maps in random order for `*`: compare the same words in any order. */
const MAP_ORDER_RANDOM = new Set(["{.metadata.labels.*}", "{.things[0].conds[0].*}"]);
const words = (s: string) => s.split(/[\s,[\]]+/).sort();

describe("-o jsonpath goldens from kubectl annotate --local", () => {
  const obj = JSON.parse(readGolden("objects/jsonpath-object.json"));
  for (const c of capturedRuns("jsonpath.json")) {
    const template = c.template ?? "";
    it(`prints ${c.name}=${template} as kubectl does`, () => {
      const mine = run(template, obj, c.name === "jsonpath-as-json");
      if (MAP_ORDER_RANDOM.has(template)) expect(words(mine.stdout)).toEqual(words(c.stdout));
      else expect(mine).toEqual({ stdout: c.stdout, stderr: c.stderr });
    });
  }
});

describe("-o jsonpath goldens from kubectl get", () => {
  const runs = capturedRuns("get.json").filter((c) => c.command.includes("-o jsonpath"));
  const items = servedConfigMaps();
  for (const c of runs) {
    it(`${c.name}: ${c.command}`, () => {
      const [, format, quoted] = /-o (jsonpath(?:-as-json)?)='(.*)'$/.exec(c.command) ?? [];
      const single = / get configmap web /.test(c.command);
      const mine = run(quoted, single ? items[0] : toKubectlList(items), format === "jsonpath-as-json");
      expect(mine).toEqual({ stdout: c.stdout, stderr: c.stderr });
    });
  }
});

// Ported from client-go util/jsonpath/jsonpath_test.go (JSON-input tables).
const nodes = {
  kind: "List",
  items: [
    {
      kind: "None",
      metadata: { name: "127.0.0.1", labels: { "kubernetes.io/hostname": "127.0.0.1" } },
      status: {
        capacity: { cpu: "4" },
        ready: true,
        addresses: [{ type: "LegacyHostIP", address: "127.0.0.1" }],
      },
    },
    {
      kind: "None",
      metadata: { name: "127.0.0.2", labels: { "kubernetes.io/hostname": "127.0.0.2" } },
      status: {
        capacity: { cpu: "8" },
        ready: false,
        addresses: [
          { type: "LegacyHostIP", address: "127.0.0.2" },
          { type: "another", address: "127.0.0.3" },
        ],
      },
    },
  ],
  users: [
    { name: "myself", user: {} },
    { name: "e2e", user: { username: "admin", password: "secret" } },
  ],
};

const points = [
  { id: "i1", x: 4, y: -5 },
  { id: "i2", x: -2, y: -5, z: 1 },
  { id: "i3", x: 8, y: 3 },
  { id: "i4", x: -6, y: -1 },
  { id: "i5", x: 0, y: 2, z: 1 },
  { id: "i6", x: 1, y: 4 },
  { id: "i7", x: null, y: 4 },
];

const containers = { spec: { containers: [0, 1, 2, 3].map((i) => ({ name: `fake${i}` })) } };
const six = { spec: { containers: [0, 1, 2, 3, 4, 5].map((i) => ({ name: `fake${i}` })) } };

function execute(template: string, data: unknown, allowMissingKeys = false): string {
  return executeJsonPath(parseJsonPath(template), data, { allowMissingKeys });
}

describe("client-go jsonpath tables", () => {
  const cases: [string, string, unknown, string][] = [
    ["plain text", "hello jsonpath", null, "hello jsonpath"],
    ["recursive over a list", "{..}", [1, 2, 3], "[1,2,3]"],
    ["filter on items", "{[?(@<5)]}", [2, 6, 3, 7], "2 3"],
    ["quoted brace", '{"{"}', null, "{"],
    ["union of indexes", "{[1,3,4]}", [0, 1, 2, 3, 4], "1 3 4"],
    ["slice", "{[0:2]}", ["Monday", "Tudesday"], "Monday Tudesday"],
    ["exists filter", "{[?(@.z)].id}", points, "i2 i5"],
    ["bracket key", "{[0]['id']}", points, "i1"],
    ["nil value", "{[-1]['x']}", points, "null"],
    ["range item", "{range .items[*]}{.metadata.name}, {end}{.kind}", nodes, "127.0.0.1, 127.0.0.2, List"],
    ["range with quote", '{range .items[*]}{.metadata.name}{"\\t"}{end}', nodes, "127.0.0.1\t127.0.0.2\t"],
    ["range addresses", "{.items[*].status.addresses[*].address}", nodes, "127.0.0.1 127.0.0.2 127.0.0.3"],
    [
      "double range",
      "{range .items[*]}{range .status.addresses[*]}{.address}, {end}{end}",
      nodes,
      "127.0.0.1, 127.0.0.2, 127.0.0.3, ",
    ],
    [
      "union of fields",
      "{.items[*]['metadata.name', 'status.capacity']}",
      nodes,
      '127.0.0.1 127.0.0.2 {"cpu":"4"} {"cpu":"8"}',
    ],
    [
      "range capacity",
      "{range .items[*]}[{.metadata.name}, {.status.capacity}] {end}",
      nodes,
      '[127.0.0.1, {"cpu":"4"}] [127.0.0.2, {"cpu":"8"}] ',
    ],
    ["user password", '{.users[?(@.name=="e2e")].user.password}', nodes, "secret"],
    ["escaped dots", "{.items[0].metadata.labels.kubernetes\\.io/hostname}", nodes, "127.0.0.1"],
    [
      "escaped dots in filter",
      '{.items[?(@.metadata.labels.kubernetes\\.io/hostname=="127.0.0.1")].kind}',
      nodes,
      "None",
    ],
    ["recursive bool filter", "{.items[?(@..ready==true)].metadata.name}", nodes, "127.0.0.1"],
    ["containers[0:-1]", "{.spec.containers[0:-1].name}", containers, "fake0 fake1 fake2"],
    ["containers[-2:]", "{.spec.containers[-2:].name}", containers, "fake2 fake3"],
    ["containers[-4]", "{.spec.containers[-4].name}", containers, "fake0"],
    ["containers[5:5]", "{.spec.containers[5:5].name}", containers, ""],
    ["containers[-5:-5]", "{.spec.containers[-5:-5].name}", containers, ""],
    ["step 2", "{.spec.containers[1:4:2].name}", six, "fake1 fake3"],
    ["step 3", "{.spec.containers[0:6:3].name}", six, "fake0 fake3"],
    ["open step", "{.spec.containers[0:6:].name}", six, "fake0 fake1 fake2 fake3 fake4 fake5"],
  ];
  for (const [name, template, data, want] of cases) {
    it(`${name}: ${template}`, () => expect(execute(template, data)).toBe(want));
  }

  it("sorts nothing but finds every name with recursive descent", () => {
    expect(execute("{..name}", nodes).split(" ").sort()).toEqual(["127.0.0.1", "127.0.0.2", "e2e", "myself"]);
  });

  it("runs nested ranges with text after each inner range", () => {
    const pods = {
      items: [
        { metadata: { name: "pod1" }, spec: { containers: [{ name: "foo" }, { name: "bar" }] } },
        { metadata: { name: "pod2" }, spec: { containers: [{ name: "baz" }] } },
      ],
    };
    const t = '{range .items[*]}{.metadata.name}{":"}{range @.spec.containers[*]}{.name}{","}{end}{"+"}{end}';
    expect(execute(t, pods)).toBe("pod1:foo,bar,+pod2:baz,+");
    const two =
      '{range .items[*]}{.metadata.name}{"\\t"}{range @.spec.containers[*]}{.name}{" "}{end}{"\\t"}{range @.spec.containers[*]}{.name}{" "}{end}{"\\n"}{end}';
    expect(execute(two, pods)).toBe("pod1\tfoo bar \tfoo bar \npod2\tbaz \tbaz \n");
  });

  it("prints nothing for a range over an empty list, even with nested ranges", () => {
    const t = '{range .items[*]}{.metadata.name}{":"}{range @.spec.containers[*]}{.name}{","}{end}{"+"}{end}';
    expect(execute(t, { items: [] }, true)).toBe("");
  });

  it("tolerates filters over items missing the field only when missing keys are allowed", () => {
    const list = {
      items: [{ metadata: { name: "p1", annotations: { color: "blue" } } }, { metadata: { name: "p2" } }],
    };
    const t = '{.items[?(@.metadata.annotations.color=="blue")].metadata.name}';
    expect(execute(t, list, true)).toBe("p1");
    expect(() => execute(t, list, false)).toThrow("annotations is not found");
  });

  const failures: [string, unknown, string][] = [
    ["{hello}", {}, "unrecognized identifier hello"],
    ["{.hello}", { a: 1 }, "hello is not found"],
    ["{.labels[0]}", { labels: { a: 1 } }, "map[string]interface {} is not array or slice"],
    ["{.book[?(@.price<>10)]}", { book: [{ price: 1 }] }, "unrecognized filter operator <>"],
    ["{range .a[*]}{@}{end}{end}", { a: [1] }, "not in range, nothing to end"],
    ["{.spec.containers[-1:0].name}", containers, "starting index 3 is greater than ending index 0"],
    ["{.spec.containers[-5].name}", containers, "array index out of bounds: index -1, length 4"],
    ["{.spec.containers[0:6:0].name}", six, "step must be > 0"],
    ["{[?(@.x>1.5)].id}", points, "incompatible types for comparison"],
  ];
  for (const [template, data, message] of failures) {
    it(`fails on ${template} with "${message}"`, () =>
      expect(() => execute(template, data)).toThrow(message));
  }

  it("rejects malformed templates with client-go's parse errors", () => {
    expect(() => parseJsonPath("{\\\\\\}")).toThrow();
    expect(() => parseJsonPath("{..........price}")).toThrow("invalid multiple recursive descent");
    expect(() => parseJsonPath("{.a")).toThrow("unclosed action");
    expect(() => parseJsonPath("{[1}")).toThrow("unterminated array");
    expect(() => parseJsonPath("{[?(@.a==1}")).toThrow("unterminated filter");
    expect(() => parseJsonPath("{[a]}")).toThrow("invalid array index a");
  });

  it("parses quoted parentheses and escaped quotes inside filters", () => {
    const items = [{ os: '("")' }, { os: "())(" }, { os: "\\'" }];
    expect(execute('{[?(@.os == "(\\"\\")")].os}', items)).toBe('("")');
    expect(execute('{[?(@.os == "())(")].os}', items)).toBe("())(");
    expect(execute("{[?(@.os == '\\\\\\'')].os}", items)).toBe("\\'");
  });
});
