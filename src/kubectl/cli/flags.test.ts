import { describe, expect, it } from "vitest";
import type { FlagSpec } from "./flags";
import { errHelpMessage, isFlagParseError, parseFlags } from "./flags";
import { flagBool, flagNumber, flagString, flagStrings } from "./flagSpec";

const specs: FlagSpec[] = [
  { name: "namespace", shorthand: "n", type: "string", usage: "" },
  { name: "all-namespaces", shorthand: "A", type: "bool", usage: "" },
  { name: "stdin", shorthand: "i", type: "bool", usage: "" },
  { name: "tty", shorthand: "t", type: "bool", usage: "" },
  { name: "output", shorthand: "o", type: "string", usage: "" },
  { name: "replicas", shorthand: "r", type: "int", default: 1, usage: "" },
  { name: "port", type: "int32", default: -1, usage: "" },
  { name: "tail", type: "int64", default: -1, usage: "" },
  { name: "from-literal", type: "stringArray", usage: "" },
  { name: "image", type: "stringSlice", usage: "" },
  { name: "label-columns", shorthand: "L", type: "stringSlice", default: ["app"], usage: "" },
  { name: "timeout", type: "duration", usage: "" },
  { name: "dry-run", type: "string", default: "none", noOptDefVal: "unchanged", usage: "" },
  { name: "field-manager", type: "string", default: "kubectl", usage: "" },
  { name: "show-all", type: "bool", deprecated: "will be removed", usage: "" },
];

function ok(args: string[]) {
  const result = parseFlags(args, specs);
  if (isFlagParseError(result)) throw new Error(result.error);
  return result;
}

function err(args: string[]): string {
  const result = parseFlags(args, specs);
  if (!isFlagParseError(result)) throw new Error("parsed without error");
  return result.error;
}

describe("parseFlags values", () => {
  const cases: [string, string[], string, unknown][] = [
    ["--name=value", ["--namespace=dev"], "namespace", "dev"],
    ["--name value", ["--namespace", "dev"], "namespace", "dev"],
    ["-n value", ["-n", "dev"], "namespace", "dev"],
    ["-nvalue", ["-ndev"], "namespace", "dev"],
    ["-n=value", ["-n=dev"], "namespace", "dev"],
    ["an empty value after =", ["--namespace="], "namespace", ""],
    ["-n= as an empty value? no: -n= is the value '='", ["-n="], "namespace", "="],
    ["a value that looks like a flag after --name", ["--namespace", "-x"], "namespace", "-x"],
    ["a value containing =", ["--namespace=a=b"], "namespace", "a=b"],
    ["the last of repeated string flags", ["-n", "a", "-n", "b"], "namespace", "b"],
    ["a bare bool", ["--all-namespaces"], "all-namespaces", true],
    ["--bool=false", ["--all-namespaces=false"], "all-namespaces", false],
    ["--bool=0", ["--all-namespaces=0"], "all-namespaces", false],
    ["--bool=T", ["--all-namespaces=T"], "all-namespaces", true],
    ["-A=false", ["-A=false"], "all-namespaces", false],
    ["an int", ["--replicas=3"], "replicas", 3],
    ["a negative int as a separate word", ["--replicas", "-1"], "replicas", -1],
    ["a hex int", ["--replicas=0x10"], "replicas", 16],
    ["an octal int with a leading zero", ["--replicas=010"], "replicas", 8],
    ["an int with underscores", ["--replicas=1_000"], "replicas", 1000],
    ["-r3", ["-r3"], "replicas", 3],
    ["an int32", ["--port=8080"], "port", 8080],
    ["an int64", ["--tail=9007199254740991"], "tail", 9007199254740991],
    ["a duration in seconds", ["--timeout=1m30s"], "timeout", 90],
    ["a zero duration", ["--timeout=0"], "timeout", 0],
    ["a sub-second duration", ["--timeout=250ms"], "timeout", 0.25],
    [
      "repeated stringArray values, unsplit",
      ["--from-literal=a=1,2", "--from-literal", "b=2"],
      "from-literal",
      ["a=1,2", "b=2"],
    ],
    ["a stringSlice split at commas", ["--image=a,b"], "image", ["a", "b"]],
    ["repeated stringSlice values", ["--image=a,b", "--image", "c"], "image", ["a", "b", "c"]],
    ["a stringSlice replacing its default", ["-L", "tier"], "label-columns", ["tier"]],
    ["an empty stringSlice value", ["--image="], "image", []],
    ["a bare flag taking its NoOptDefVal", ["--dry-run"], "dry-run", "unchanged"],
    ["a NoOptDefVal flag with =", ["--dry-run=client"], "dry-run", "client"],
    ["an underscore name", ["--field_manager=me"], "field-manager", "me"],
    ["an underscore name with a hyphen mix", ["--all_namespaces"], "all-namespaces", true],
  ];
  for (const [behaviour, args, name, value] of cases) {
    it(`reads ${behaviour}`, () => {
      expect(ok(args).flags[name]).toEqual(value);
    });
  }

  it("fills undeclared-on-the-line flags with defaults", () => {
    const { flags, changed } = ok([]);
    expect(flags).toMatchObject({
      namespace: "",
      "all-namespaces": false,
      replicas: 1,
      port: -1,
      image: [],
      "label-columns": ["app"],
      timeout: 0,
      "dry-run": "none",
    });
    expect(changed.size).toBe(0);
  });

  it("marks given flags as changed by their long names, even when set to the default", () => {
    expect([...ok(["-n", "", "--replicas=1", "-A"]).changed].sort()).toEqual([
      "all-namespaces",
      "namespace",
      "replicas",
    ]);
  });

  it("does not share a default array between parses", () => {
    const first = ok([]).flags["label-columns"] as string[];
    first.push("mutated");
    expect(ok([]).flags["label-columns"]).toEqual(["app"]);
  });

  it("does not take the next word as a bool's value", () => {
    const parsed = ok(["--all-namespaces", "false"]);
    expect(parsed.flags["all-namespaces"]).toBe(true);
    expect(parsed.positional).toEqual(["false"]);
  });

  it("does not take the next word as a NoOptDefVal flag's value", () => {
    expect(ok(["--dry-run", "client"]).positional).toEqual(["client"]);
  });
});

describe("parseFlags shorthands and positionals", () => {
  it("reads combined bool shorthands", () => {
    const { flags } = ok(["-it"]);
    expect([flags.stdin, flags.tty]).toEqual([true, true]);
  });

  it("gives the rest of a combined word to a value flag", () => {
    const { flags } = ok(["-itndev"]);
    expect([flags.stdin, flags.tty, flags.namespace]).toEqual([true, true, "dev"]);
  });

  it("takes the next word for a value flag that ends a combined word", () => {
    expect(ok(["-itn", "dev", "pod"])).toMatchObject({ flags: { namespace: "dev" }, positional: ["pod"] });
  });

  it("keeps positionals interspersed with flags, in order", () => {
    expect(ok(["pods", "-n", "dev", "web", "-A", "db"]).positional).toEqual(["pods", "web", "db"]);
  });

  it("treats a lone dash and empty words as positionals", () => {
    expect(ok(["-", "", "x"]).positional).toEqual(["-", "", "x"]);
  });

  it("stops parsing at -- and records how many positionals came before it", () => {
    const parsed = ok(["pod", "-i", "--", "sh", "-c", "--namespace=x"]);
    expect(parsed.positional).toEqual(["pod", "sh", "-c", "--namespace=x"]);
    expect(parsed.argsLenAtDash).toBe(1);
    expect(parsed.flags.namespace).toBe("");
  });

  it("reports -1 for argsLenAtDash without --", () => {
    expect(ok(["pod"]).argsLenAtDash).toBe(-1);
  });

  it("ignores Go test flags as pflag does", () => {
    expect(ok(["-test.v", "x"]).positional).toEqual(["x"]);
  });

  it("reports deprecation notices as pflag prints them", () => {
    expect(ok(["--show-all", "--show-all"]).warnings).toEqual([
      "Flag --show-all has been deprecated, will be removed",
      "Flag --show-all has been deprecated, will be removed",
    ]);
  });
});

describe("parseFlags errors (pflag's texts)", () => {
  const cases: [string[], string][] = [
    [["--bar"], "unknown flag: --bar"],
    [["--bar=1"], "unknown flag: --bar"],
    [["--bar_baz"], "unknown flag: --bar_baz"],
    [["-z"], "unknown shorthand flag: 'z' in -z"],
    [["-iz"], "unknown shorthand flag: 'z' in -z"],
    [["-itz"], "unknown shorthand flag: 'z' in -z"],
    [["-zi"], "unknown shorthand flag: 'z' in -zi"],
    [["-é"], "unknown shorthand flag: 'Ã' in -é"],
    [["-'"], "unknown shorthand flag: '\\'' in -'"],
    [["--namespace"], "flag needs an argument: --namespace"],
    [["-n"], "flag needs an argument: 'n' in -n"],
    [["-in"], "flag needs an argument: 'n' in -n"],
    [["---x"], "bad flag syntax: ---x"],
    [["--=x"], "bad flag syntax: --=x"],
    [
      ["--replicas=abc"],
      'invalid argument "abc" for "-r, --replicas" flag: strconv.ParseInt: parsing "abc": invalid syntax',
    ],
    [
      ["--replicas="],
      'invalid argument "" for "-r, --replicas" flag: strconv.ParseInt: parsing "": invalid syntax',
    ],
    [
      ["--port=2147483648"],
      'invalid argument "2147483648" for "--port" flag: strconv.ParseInt: parsing "2147483648": value out of range',
    ],
    [
      ["--tail=1.5"],
      'invalid argument "1.5" for "--tail" flag: strconv.ParseInt: parsing "1.5": invalid syntax',
    ],
    [
      ["-A=yes"],
      'invalid argument "yes" for "-A, --all-namespaces" flag: strconv.ParseBool: parsing "yes": invalid syntax',
    ],
    [["--timeout=5"], 'invalid argument "5" for "--timeout" flag: time: missing unit in duration "5"'],
    [["--timeout=5d"], 'invalid argument "5d" for "--timeout" flag: time: unknown unit "d" in duration "5d"'],
    [
      ['--image=a"b'],
      'invalid argument "a\\"b" for "--image" flag: parse error on line 1, column 2: bare " in non-quoted-field',
    ],
    [["--namespace=x", "--bar", "-z"], "unknown flag: --bar"],
  ];
  for (const [args, message] of cases) {
    it(`rejects ${JSON.stringify(args)}`, () => {
      expect(err(args)).toBe(message);
    });
  }

  it("signals --help and -h as pflag's ErrHelp when no help flag is declared", () => {
    expect(parseFlags(["--help"], specs)).toEqual({ error: errHelpMessage, help: true });
    expect(parseFlags(["-h"], specs)).toEqual({ error: errHelpMessage, help: true });
  });

  it("parses a declared help flag like any bool", () => {
    const withHelp = [
      ...specs,
      { name: "help", shorthand: "h", type: "bool" as const, usage: "help for get" },
    ];
    expect(parseFlags(["-h"], withHelp)).toMatchObject({ flags: { help: true } });
  });

  it("refuses specs that redefine a name or a shorthand", () => {
    expect(() => parseFlags([], [...specs, { name: "namespace", type: "string", usage: "" }])).toThrow(
      /redefined/,
    );
    expect(() =>
      parseFlags([], [...specs, { name: "other", shorthand: "n", type: "string", usage: "" }]),
    ).toThrow(/shorthand/);
  });
});

describe("typed flag reads", () => {
  const { flags } = ok(["-n", "dev", "-A", "--replicas=2", "--image=a"]);

  it("returns values of the declared type", () => {
    expect([
      flagString(flags, "namespace"),
      flagBool(flags, "all-namespaces"),
      flagNumber(flags, "replicas"),
    ]).toEqual(["dev", true, 2]);
    expect(flagStrings(flags, "image")).toEqual(["a"]);
  });

  it("throws on an undeclared flag or a type mismatch", () => {
    expect(() => flagString(flags, "nope")).toThrow();
    expect(() => flagBool(flags, "namespace")).toThrow();
  });
});
