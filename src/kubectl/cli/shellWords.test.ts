import { describe, expect, it } from "vitest";
import { readGoldens } from "./goldens/readGoldens";
import {
  findShellOperator,
  splitKubectlLine,
  splitPipeline,
  splitShellWords,
  unsupportedOperatorMessage,
} from "./shellWords";

const splits: [string, string, string[]][] = [
  ["blanks separate words", "get  pods\t-o wide", ["get", "pods", "-o", "wide"]],
  ["leading and trailing blanks are ignored", "   get pods   ", ["get", "pods"]],
  ["an empty line has no words", "", []],
  ["a blank line has no words", " \t ", []],
  ["single quotes keep blanks", "label pod x 'a=b c'", ["label", "pod", "x", "a=b c"]],
  ["single quotes keep backslashes and dollars", String.raw`'a\nb $HOME'`, [String.raw`a\nb $HOME`]],
  ["double quotes keep blanks", '"a b"', ["a b"]],
  ['double quotes unescape \\"', String.raw`"say \"hi\""`, ['say "hi"']],
  ["double quotes unescape \\\\", String.raw`"a\\b"`, [String.raw`a\b`]],
  ["double quotes unescape \\$", String.raw`"\$HOME"`, ["$HOME"]],
  ["double quotes unescape a backquote", '"\\`x\\`"', ["`x`"]],
  ["double quotes keep other backslashes", String.raw`"a\nb\ c"`, [String.raw`a\nb\ c`]],
  ["double quotes keep single quotes", `"it's"`, ["it's"]],
  ["single quotes keep double quotes", `'say "hi"'`, ['say "hi"']],
  ["adjacent quoted parts join", "-l'app=web'", ["-lapp=web"]],
  ["mixed quoting joins into one word", `a'b c'"d e"f`, ["ab cd ef"]],
  ["empty single quotes are a word", "get ''", ["get", ""]],
  ["empty double quotes are a word", 'x "" y', ["x", "", "y"]],
  ["an empty quote joined to text adds nothing", "a''b", ["ab"]],
  ["a backslash escapes a blank", String.raw`a\ b`, ["a b"]],
  ["a backslash escapes a quote", String.raw`\'a`, ["'a"]],
  ["a backslash escapes a backslash", String.raw`a\\b`, [String.raw`a\b`]],
  ["a backslash escapes an operator", String.raw`a\|b`, ["a|b"]],
  ["a backslash-newline joins lines", "get \\\npods", ["get", "pods"]],
  ["a backslash-newline inside a word joins it", "po\\\nds", ["pods"]],
  ["a backslash-newline inside double quotes is removed", '"a\\\nb"', ["ab"]],
  ["a trailing backslash stays", "a\\", ["a\\"]],
  ["dollar signs stay literal", "echo $HOME ${X}", ["echo", "$HOME", "${X}"]],
  ["variables are not expanded", "get pods -n $NS", ["get", "pods", "-n", "$NS"]],
  ["a lone dollar stays", "$", ["$"]],
  ["ANSI-C quoting is not interpreted", "$'a'", ["$a"]],
  ["tildes stay literal", "~/x", ["~/x"]],
  [
    "globs stay literal",
    "get pods -o jsonpath={.items[*].metadata.name}",
    ["get", "pods", "-o", "jsonpath={.items[*].metadata.name}"],
  ],
  ["equals signs stay in the word", "--image=nginx:1.25", ["--image=nginx:1.25"]],
  ["a # starting a word begins a comment", "get pods # list them", ["get", "pods"]],
  ["a # at the start makes the line a comment", "# nothing", []],
  ["a # inside a word is literal", "a#b", ["a#b"]],
  ["a quoted # is literal", "'#' \"#\"", ["#", "#"]],
  ["an escaped # is literal", "\\#x", ["#x"]],
  ["a trailing newline is ignored", "get pods\n", ["get", "pods"]],
  ["unicode passes through", "label po x note=héllo", ["label", "po", "x", "note=héllo"]],
  ["braces stay literal", "{a,b}", ["{a,b}"]],
  ["a quoted operator is a word", "'|' \"&&\" '>'", ["|", "&&", ">"]],
];

describe("splitShellWords", () => {
  for (const [behaviour, line, words] of splits) {
    it(behaviour, () => {
      expect(splitShellWords(line)).toEqual({ words });
    });
  }

  it("reports an unterminated single quote as bash does", () => {
    expect(splitShellWords("get pods -l 'app=web")).toEqual({
      error: "unexpected EOF while looking for matching `''",
    });
  });

  it("reports an unterminated double quote as bash does", () => {
    expect(splitShellWords('echo "abc')).toEqual({ error: "unexpected EOF while looking for matching `\"'" });
  });

  it("treats an escaped closing double quote as unterminated", () => {
    expect(splitShellWords('"abc\\"')).toEqual({ error: "unexpected EOF while looking for matching `\"'" });
  });

  it("prefers the quote error to an earlier operator, as bash parses before running", () => {
    expect(splitShellWords("get pods | grep 'x")).toEqual({
      error: "unexpected EOF while looking for matching `''",
    });
  });

  it("agrees with bash on every captured golden command line", () => {
    for (const g of readGoldens().values()) {
      // $'...' is bash's ANSI-C quoting, which the console does not interpret.
      if (g.line.includes("$'")) continue;
      expect(splitShellWords(g.line), g.name).toEqual({ words: g.argv });
    }
  });
});

describe("shell operators", () => {
  const operators: [string, string][] = [
    ["get pods | grep web", "|"],
    ["get pods|grep web", "|"],
    ["get pods > out.txt", ">"],
    ["get pods >> out.txt", ">>"],
    ["apply -f - < pod.yaml", "<"],
    ["get pods 2>&1", ">&"],
    ["get pods && get svc", "&&"],
    ["get pods || true", "||"],
    ["get pods; get svc", ";"],
    ["get pods &", "&"],
    ["(get pods)", "("],
    ["get pods -n $(cat ns)", "$("],
    ['get pods -n "$(cat ns)"', "$("],
    ["get pods -n `cat ns`", "`"],
    ['get pods -n "`cat ns`"', "`"],
    ["get pods\nget svc", "\n"],
  ];
  for (const [line, op] of operators) {
    it(`finds ${JSON.stringify(op)} in ${JSON.stringify(line)}`, () => {
      expect(findShellOperator(line)).toBe(op);
      expect(splitShellWords(line)).toEqual({ error: unsupportedOperatorMessage(op), operator: op });
    });
  }

  it("finds none in a plain command", () => {
    expect(findShellOperator("get pods -l 'a in (x,y)' -o 'jsonpath={.items[0]}'")).toBeNull();
  });

  it("ignores operators inside a comment", () => {
    expect(findShellOperator("get pods # | grep x")).toBeNull();
  });

  it("explains a pipe in words a learner can act on", () => {
    expect(unsupportedOperatorMessage("|")).toBe(
      '"|" (a pipe) is not supported: this console runs one kubectl command at a time',
    );
    expect(unsupportedOperatorMessage(">")).toContain("redirection");
    expect(unsupportedOperatorMessage("\n")).toMatch(/^a line break \(a second line\)/);
  });
});

describe("splitKubectlLine", () => {
  it("drops a leading kubectl word", () => {
    expect(splitKubectlLine("kubectl get pods")).toEqual({ args: ["get", "pods"] });
  });

  it("keeps lines typed without kubectl", () => {
    expect(splitKubectlLine("get pods")).toEqual({ args: ["get", "pods"] });
  });

  it("drops only the first kubectl", () => {
    expect(splitKubectlLine("kubectl kubectl")).toEqual({ args: ["kubectl"] });
  });

  it("turns bare kubectl into no arguments", () => {
    expect(splitKubectlLine("kubectl")).toEqual({ args: [] });
  });

  it("passes splitting errors on", () => {
    expect(splitKubectlLine("kubectl get 'x")).toHaveProperty("error");
  });
});

describe("splitPipeline", () => {
  it("splits `> FILE`, `>> FILE`, `>| FILE` and `1> FILE` off the end of a line", () => {
    expect(splitPipeline("kubectl create deploy web --image=nginx -o yaml > web.yaml")).toEqual({
      command: "kubectl create deploy web --image=nginx -o yaml",
      filters: [],
      redirection: { file: "web.yaml", append: false },
    });
    expect(splitPipeline("kubectl get pods>>pods.txt")).toEqual({
      command: "kubectl get pods",
      filters: [],
      redirection: { file: "pods.txt", append: true },
    });
    expect(splitPipeline("kubectl get pods >| 'out.txt'")).toMatchObject({
      redirection: { file: "out.txt" },
    });
    expect(splitPipeline("kubectl get pods 1> out.txt")).toMatchObject({
      command: "kubectl get pods",
      redirection: { file: "out.txt" },
    });
  });

  it("keeps a digit that is part of a word, as sh does (`--replicas=3> f` redirects standard output)", () => {
    expect(splitPipeline("kubectl scale deploy/web --replicas=3> out.txt")).toMatchObject({
      command: "kubectl scale deploy/web --replicas=3",
      redirection: { file: "out.txt" },
    });
  });

  it("splits pipes into grep, head, tail and wc, with their words as sh splits them, and a file last", () => {
    expect(splitPipeline("kubectl get pods -A | grep -i 'web app' | wc -l > count.txt")).toEqual({
      command: "kubectl get pods -A",
      filters: [
        ["grep", "-i", "web app"],
        ["wc", "-l"],
      ],
      redirection: { file: "count.txt", append: false },
    });
    expect(splitPipeline("kubectl get pods -o jsonpath='{.items[*]}|x' | head -3")).toEqual({
      command: "kubectl get pods -o jsonpath='{.items[*]}|x'",
      filters: [["head", "-3"]],
    });
  });

  it("leaves lines without pipes or redirections, and other operators, to splitShellWords", () => {
    expect(splitPipeline("kubectl get pods -o jsonpath='{.items[*]}'")).toBeUndefined();
    expect(splitPipeline("kubectl get pods 'a>b'")).toBeUndefined();
    expect(splitPipeline("kubectl get pods && kubectl get svc")).toBeUndefined();
    expect(splitPipeline("kubectl get pods 2>&1 | grep x")).toBeUndefined();
  });

  it("refuses other descriptors, other programs, empty stages, a missing file name and words after it", () => {
    expect(splitPipeline("kubectl get pods 2> err.txt")).toHaveProperty(
      "error",
      '"2>" (a redirection of descriptor 2) is not supported: only standard output goes to a file ("> FILE" or ">> FILE")',
    );
    expect(splitPipeline("kubectl get pods | awk '{print $1}'")).toEqual({
      error: "awk: not found here: the console pipes into grep, head, tail, wc, base64 (busybox's)",
    });
    expect(splitPipeline("kubectl get pods | | grep x")).toEqual({
      error: "syntax error near unexpected token `|'",
    });
    expect(splitPipeline("| grep x")).toEqual({ error: "syntax error near unexpected token `|'" });
    expect(splitPipeline("kubectl get pods >")).toEqual({
      error: "syntax error near unexpected token `newline'",
    });
    expect(splitPipeline("kubectl get > out.txt pods")).toHaveProperty("error");
    expect(splitPipeline("kubectl get pods > a.txt | grep x")).toHaveProperty("error");
  });
});
