import { describe, expect, it } from "vitest";
import { manualContext, playSteps } from "./playSteps";
import { isKnownCommand, runProcess, runShellScript } from "./shell";

const JAN5 = Date.UTC(2026, 0, 5, 10, 0, 0); // a Monday

function sh(
  script: string,
  env: Record<string, string> = {},
  maxSteps = 50,
  files: Record<string, string> = {},
) {
  const clock = { now: JAN5 };
  return playSteps(runShellScript(script, manualContext(clock, env, files)), clock, maxSteps);
}

function exec(argv: string[], env: Record<string, string> = {}, maxSteps = 50) {
  const clock = { now: JAN5 };
  return playSteps(runProcess(argv, manualContext(clock, env)), clock, maxSteps);
}

describe("kubernetes.io examples", () => {
  it("runs the CronJob hello example: date, then the greeting", () => {
    expect(sh("date; echo Hello from the Kubernetes cluster")).toEqual([
      "out: Mon Jan  5 10:00:00 UTC 2026⏎",
      "out: Hello from the Kubernetes cluster⏎",
      "exit 0",
    ]);
  });

  it("sleeps an hour for busybox sleep 3600", () => {
    expect(exec(["sleep", "3600"])).toEqual(["sleep 3600", "exit 0"]);
  });

  it("prints then sleeps for 'echo The app is running! && sleep 3600'", () => {
    expect(sh("echo The app is running! && sleep 3600")).toEqual([
      "out: The app is running!⏎",
      "sleep 3600",
      "exit 0",
    ]);
  });

  it("loops forever, lazily, for while true; do echo hello; sleep 10; done", () => {
    expect(sh("while true; do echo hello; sleep 10; done", {}, 6)).toEqual([
      "out: hello⏎",
      "sleep 10",
      "out: hello⏎",
      "sleep 10",
      "out: hello⏎",
      "sleep 10",
    ]);
  });

  it("reads the simulated clock when each date runs, not when the script starts", () => {
    expect(sh("for i in 1 2; do date +%T; sleep 90; done")).toEqual([
      "out: 10:00:00⏎",
      "sleep 90",
      "out: 10:01:30⏎",
      "sleep 90",
      "exit 0",
    ]);
  });

  it("counts with arithmetic, as the counter pod does", () => {
    expect(sh('i=0; while true; do echo "$i: $(date)"; i=$((i+1)); sleep 1; done', {}, 4)).toEqual([
      "out: 0: Mon Jan  5 10:00:00 UTC 2026⏎",
      "sleep 1",
      "out: 1: Mon Jan  5 10:00:01 UTC 2026⏎",
      "sleep 1",
    ]);
  });

  it("prints the environment variables of the dependent-envars example", () => {
    const env = {
      UNCHANGED_REFERENCE: "$(PROTOCOL)://172.17.0.1:80",
      SERVICE_ADDRESS: "https://172.17.0.1:80",
    };
    expect(sh("printenv UNCHANGED_REFERENCE SERVICE_ADDRESS", env)).toEqual([
      "out: $(PROTOCOL)://172.17.0.1:80⏎",
      "out: https://172.17.0.1:80⏎",
      "exit 0",
    ]);
  });

  it("expands container env in echo, as in the define-environment-variable example", () => {
    expect(
      sh('echo "$DEMO_GREETING $HOSTNAME"', {
        DEMO_GREETING: "Hello from the environment",
        HOSTNAME: "envar-demo",
      }),
    ).toEqual(["out: Hello from the environment envar-demo⏎", "exit 0"]);
  });
});

describe("commands", () => {
  it("fails an unknown command like busybox ash, with status 127", () => {
    expect(sh("foo bar")).toEqual(["err: sh: foo: not found⏎", "exit 127"]);
  });

  it("exits with the given code, skipping the rest", () => {
    expect(sh("echo bye; exit 3; echo never")).toEqual(["out: bye⏎", "exit 3"]);
  });

  it("honours && and || by status", () => {
    expect(sh("false && echo no; false || echo yes; true && echo ok")).toEqual([
      "out: yes⏎",
      "out: ok⏎",
      "exit 0",
    ]);
  });

  it("ends with the status of the last command", () => {
    expect(sh("false")).toEqual(["exit 1"]);
  });

  it("supports echo -n, -e and quoting", () => {
    expect(
      sh(`echo -n 'a  b'; echo " c"; echo -e 'x\\ty'; echo 'single $HOME' "double $X"`, { X: "1" }),
    ).toEqual(["out: a  b", "out:  c⏎", "out: x\ty⏎", "out: single $HOME double 1⏎", "exit 0"]);
  });

  it("splits unquoted expansions into fields and keeps quoted ones whole", () => {
    expect(
      sh('for w in $LIST; do echo "[$w]"; done; for w in "$LIST"; do echo "<$w>"; done', { LIST: "a b  c" }),
    ).toEqual(["out: [a]⏎", "out: [b]⏎", "out: [c]⏎", "out: <a b  c>⏎", "exit 0"]);
  });

  it("uses defaults for unset variables", () => {
    expect(sh('echo "${NAME:-world}" ${UNSET}x')).toEqual(["out: world x⏎", "exit 0"]);
  });

  it("supports if, test and until", () => {
    expect(
      sh('n=0; until [ $n -ge 2 ]; do n=$((n+1)); done; if [ "$n" = 2 ]; then echo two; else echo other; fi'),
    ).toEqual(["out: two⏎", "exit 0"]);
  });

  it("breaks out of an infinite loop", () => {
    expect(sh("i=0; while true; do i=$((i+1)); if [ $i -gt 2 ]; then break; fi; echo $i; done")).toEqual([
      "out: 1⏎",
      "out: 2⏎",
      "exit 0",
    ]);
  });

  it("sleeps fractions, suffixes and forever", () => {
    expect(sh("sleep 0.5; sleep 1m; sleep infinity")).toEqual([
      "sleep 0.5",
      "sleep 60",
      "sleep Infinity",
      "exit 0",
    ]);
  });

  it("rejects a bad sleep argument like busybox", () => {
    expect(sh("sleep abc")).toEqual(["err: sleep: invalid number 'abc'⏎", "exit 1"]);
  });

  it("blocks forever on tail -f /dev/null", () => {
    expect(exec(["tail", "-f", "/dev/null"])).toEqual(["sleep Infinity", "exit 0"]);
  });

  it("treats a silent busy loop as running forever", () => {
    expect(sh("while true; do :; done")).toEqual(["sleep Infinity"]);
  });

  it("prints env as NAME=value lines", () => {
    expect(exec(["env"], { A: "1", B: "two" })).toEqual(["out: A=1⏎B=two⏎", "exit 0"]);
  });

  it("discards output redirected to a file and moves 1>&2 to stderr", () => {
    expect(sh("echo hidden > /tmp/x; echo warn 1>&2; echo both 2>&1")).toEqual([
      "err: warn⏎",
      "out: both⏎",
      "exit 0",
    ]);
  });

  it("pipes stdout into cat", () => {
    expect(sh("echo piped | cat")).toEqual(["out: piped⏎", "exit 0"]);
  });

  it("reads mounted files with cat, and fails on missing ones", () => {
    expect(sh("cat /etc/config/color /nope", {}, 50, { "/etc/config/color": "blue" })).toEqual([
      "out: blue",
      "err: cat: can't open '/nope': No such file or directory⏎",
      "exit 1",
    ]);
  });

  it("stops at the first failure under set -e", () => {
    expect(sh("set -e; echo a; false; echo b")).toEqual(["out: a⏎", "exit 1"]);
  });

  it("reports a syntax error like ash, with status 2", () => {
    expect(sh("while true; do echo x")).toEqual(["err: sh: syntax error: unexpected end of file⏎", "exit 2"]);
  });

  it("passes positional parameters after sh -c script", () => {
    expect(exec(["/bin/sh", "-c", 'echo "$0 $1"', "me", "arg"])).toEqual(["out: me arg⏎", "exit 0"]);
  });

  it("runs an exec'ed command in place of the shell", () => {
    expect(sh("exec echo replaced; echo never")).toEqual(["out: replaced⏎", "exit 0"]);
  });
});

describe("isKnownCommand", () => {
  it("knows busybox applets by path or name, not shell keywords or strangers", () => {
    expect(isKnownCommand("/bin/sh")).toBe(true);
    expect(isKnownCommand("sleep")).toBe(true);
    expect(isKnownCommand("export")).toBe(false);
    expect(isKnownCommand("nginx")).toBe(false);
  });
});
