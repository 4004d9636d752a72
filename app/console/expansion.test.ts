import { describe, expect, it } from "vitest";
import { splitShellWords } from "../../src/kubectl/cli/shellWords";
import { expandLine } from "./expansion";

const vars = new Map([
  ["POD_NAME", "web-7c5d-x8x7q"],
  ["TWO", "a b"],
  ["QUOTE", "it's"],
]);
const printed: Record<string, string> = {
  "kubectl get pods -o name": "pod/web-1\npod/web-2\n",
  "kubectl get pod web-1 -o jsonpath='{.spec.nodeName}'": "node-2",
};
const substitute = async (command: string) => printed[command] ?? "";

/** The words sh would run after expansion. */
async function words(line: string, split = true): Promise<string[]> {
  const expanded = await expandLine(line, vars, substitute, { split });
  if ("error" in expanded) throw new Error(expanded.error);
  const result = splitShellWords(expanded.line);
  if ("error" in result) throw new Error(result.error);
  return result.words;
}

describe("console expansion ($VAR, ${VAR}, $(command), `command`)", () => {
  it("expands variables, braced or not, to nothing when unset", async () => {
    expect(await words("kubectl exec $POD_NAME -- env")).toEqual([
      "kubectl",
      "exec",
      "web-7c5d-x8x7q",
      "--",
      "env",
    ]);
    expect(await words("kubectl get pod/${POD_NAME}")).toEqual(["kubectl", "get", "pod/web-7c5d-x8x7q"]);
    expect(await words("kubectl get pods $NOPE -o name")).toEqual(["kubectl", "get", "pods", "-o", "name"]);
  });

  it("splits unquoted results into words, keeps double-quoted ones whole, and leaves single quotes alone", async () => {
    expect(await words("echo $TWO")).toEqual(["echo", "a", "b"]);
    expect(await words('echo "$TWO" "$QUOTE"')).toEqual(["echo", "a b", "it's"]);
    expect(await words("echo '$TWO' \\$TWO")).toEqual(["echo", "$TWO", "$TWO"]);
    expect(await words("echo $QUOTE")).toEqual(["echo", "it's"]);
  });

  it("runs command substitutions and takes what they print, without trailing newlines", async () => {
    expect(await words("kubectl delete $(kubectl get pods -o name)")).toEqual([
      "kubectl",
      "delete",
      "pod/web-1",
      "pod/web-2",
    ]);
    expect(await words("echo \"node: $(kubectl get pod web-1 -o jsonpath='{.spec.nodeName}')\"")).toEqual([
      "echo",
      "node: node-2",
    ]);
    expect(await words("echo `kubectl get pods -o name`")).toEqual(["echo", "pod/web-1", "pod/web-2"]);
    // An assignment's value is not split.
    expect(await words("PODS=$(kubectl get pods -o name)", false)).toEqual(["PODS=pod/web-1\npod/web-2"]);
  });

  it("never turns what it expands into operators, and reports an unterminated substitution", async () => {
    const piped = await expandLine("echo $X", new Map([["X", "a | b > c"]]), substitute);
    expect(piped).toEqual({ line: "echo 'a' '|' 'b' '>' 'c'" });
    expect(await expandLine("echo $(kubectl get pods", vars, substitute)).toEqual({
      error: "unexpected EOF while looking for matching `)'",
    });
    expect(await words("kubectl get pods -o jsonpath='{$.items}'")).toEqual([
      "kubectl",
      "get",
      "pods",
      "-o",
      "jsonpath={$.items}",
    ]);
  });
});
