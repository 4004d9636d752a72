import { describe, expect, it } from "vitest";
import { ContainerFs } from "./containerFs";
import { playSteps } from "./playSteps";
import { runShellScript } from "./shell";

function sh(script: string, fs = new ContainerFs(), env: Record<string, string> = {}) {
  return playSteps(runShellScript(script, { env, now: () => 0, fs }), { now: 0 });
}

describe("the text filters a learner pipes into", () => {
  it("greps lines, with -i, -v, -c, -n, -q, -E and -F, and exits 0, 1 or 2 as grep does", () => {
    const env = { KUBERNETES_SERVICE_HOST: "10.96.0.1", KUBERNETES_SERVICE_PORT: "443", HOSTNAME: "web" };
    expect(sh("env | grep KUBERNETES_SERVICE", undefined, env)).toEqual([
      "out: KUBERNETES_SERVICE_HOST=10.96.0.1⏎KUBERNETES_SERVICE_PORT=443⏎",
      "exit 0",
    ]);
    expect(sh("env | grep -ic hostname; env | grep -vn KUBE", undefined, env)).toEqual([
      "out: 1⏎",
      "out: 3:HOSTNAME=web⏎",
      "exit 0",
    ]);
    // Basic regular expressions take + literally; -E makes it an operator; -F takes the pattern as text.
    expect(sh("echo a+b | grep a+b; echo aab | grep -E 'a+b'; echo 'a.b' | grep -F a.b")).toEqual([
      "out: a+b⏎",
      "out: aab⏎",
      "out: a.b⏎",
      "exit 0",
    ]);
    expect(sh("echo x | grep -q y; echo $?; grep x /nope; echo $?")).toEqual([
      "out: 1⏎",
      "err: grep: /nope: No such file or directory⏎",
      "out: 2⏎",
      "exit 0",
    ]);
  });

  it("takes the first or last lines with head and tail (-n N, -N, +N), from files or stdin", () => {
    const fs = new ContainerFs();
    expect(sh("seq 20 > /tmp/n; head -3 /tmp/n; tail -n 2 /tmp/n; seq 5 | tail -n +4", fs)).toEqual([
      "out: 1⏎2⏎3⏎",
      "out: 19⏎20⏎",
      "out: 4⏎5⏎",
      "exit 0",
    ]);
    expect(sh("cd /tmp; head -n 1 n; tail -n x n", fs)).toEqual([
      "out: 1⏎",
      "err: tail: invalid number 'x'⏎",
      "exit 1",
    ]);
  });

  it("counts lines, words and bytes with wc in busybox's columns, one count from stdin bare", () => {
    const fs = new ContainerFs();
    expect(
      sh("echo 'one two' > /tmp/f; wc -l /tmp/f; cat /tmp/f | wc -w; wc /tmp/f; wc < /tmp/f", fs),
    ).toEqual([
      "out:         1 /tmp/f⏎",
      "out: 2⏎",
      "out:         1         2         8 /tmp/f⏎",
      "out:         1         2         8⏎",
      "exit 0",
    ]);
  });

  it("reads a digit before a redirection as a descriptor only when written against it", () => {
    const fs = new ContainerFs();
    expect(sh("echo 3 > /tmp/e; cat /tmp/e; ls /nope 2>/dev/null; echo $?", fs)).toEqual([
      "out: 3⏎",
      "out: 1⏎",
      "exit 0",
    ]);
  });
});
