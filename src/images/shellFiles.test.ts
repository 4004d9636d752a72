import { describe, expect, it } from "vitest";
import { ContainerFs } from "./containerFs";
import type { ProcessContext } from "./containerSteps";
import { playSteps } from "./playSteps";
import { runProcess, runShellScript } from "./shell";

const T0 = Date.UTC(2026, 0, 5, 10, 0, 0);

function ctx(fs: ContainerFs, extra: Partial<ProcessContext> = {}): ProcessContext {
  return { env: {}, now: () => T0, fs, ...extra };
}

function sh(script: string, fs = new ContainerFs(), extra: Partial<ProcessContext> = {}) {
  return playSteps(runShellScript(script, ctx(fs, extra)), { now: T0 });
}

describe("the container file system in the shell", () => {
  it("creates a file with touch that a later process of the same container can cat", () => {
    const fs = new ContainerFs();
    expect(sh("touch /tmp/healthy", fs)).toEqual(["exit 0"]);
    expect(playSteps(runProcess(["cat", "/tmp/healthy"], ctx(fs)), { now: T0 })).toEqual(["exit 0"]);
  });

  it("lists directories with ls, one name per line, mounts included, and fails on a missing path", () => {
    const fs = new ContainerFs();
    const logs = ContainerFs.volume();
    fs.mount("/var/log/app", logs);
    sh("mkdir -p /data/x; touch /data/b /data/a /var/log/app/out.log", fs);
    expect(sh("ls /data", fs)).toEqual(["out: a⏎b⏎x⏎", "exit 0"]);
    expect(sh("ls /var/log", fs)).toEqual(["out: app⏎", "exit 0"]);
    expect(sh("ls /data/a /var/log/app /nope", fs)).toEqual([
      "out: /data/a⏎",
      "out: ⏎/var/log/app:⏎out.log⏎",
      "err: ls: /nope: No such file or directory⏎",
      "exit 1",
    ]);
    expect(sh("ls", fs)[0]).toMatch(/^out: bin⏎data⏎dev⏎etc⏎/);
  });

  it("changes directory with cd: relative paths, pwd and $PWD follow, cd - goes back", () => {
    const fs = new ContainerFs();
    expect(sh("cd /tmp && pwd && echo $PWD; touch a; mkdir sub; cd sub; touch ../b; ls ..; pwd", fs)).toEqual(
      ["out: /tmp⏎", "out: /tmp⏎", "out: a⏎b⏎sub⏎", "out: /tmp/sub⏎", "exit 0"],
    );
    expect(sh("cd /tmp; cd /etc; cd -; cat ./a", fs)).toEqual(["out: /tmp⏎", "exit 0"]);
    expect(sh("cd; pwd", fs)).toEqual(["out: /⏎", "exit 0"]);
  });

  it("refuses cd into a missing directory or a file with ash's message, and the script goes on", () => {
    const fs = new ContainerFs();
    sh("touch /tmp/f", fs);
    expect(sh("cd /nope; echo $?; cd /tmp/f; pwd", fs)).toEqual([
      "err: sh: cd: can't cd to /nope: No such file or directory⏎",
      "out: 2⏎",
      "err: sh: cd: can't cd to /tmp/f: Not a directory⏎",
      "out: /⏎",
      "exit 0",
    ]);
  });

  it("keeps a subshell's cd to itself, and starts a new sh where its parent is", () => {
    expect(sh("cd /tmp; (cd /etc; pwd); pwd; sh -c pwd")).toEqual([
      "out: /etc⏎",
      "out: /tmp⏎",
      "out: /tmp⏎",
      "exit 0",
    ]);
  });

  it("fails cat on a removed file with busybox's message", () => {
    const fs = new ContainerFs();
    sh("touch /tmp/healthy; rm -f /tmp/healthy", fs);
    expect(playSteps(runProcess(["cat", "/tmp/healthy"], ctx(fs)), { now: T0 })).toEqual([
      "err: cat: can't open '/tmp/healthy': No such file or directory⏎",
      "exit 1",
    ]);
  });

  it("writes with > (truncating) and appends with >>", () => {
    expect(sh("echo one > /tmp/f; echo two > /tmp/f; echo three >> /tmp/f; cat /tmp/f")).toEqual([
      "out: two⏎three⏎",
      "exit 0",
    ]);
  });

  it("expands variables in redirection targets", () => {
    expect(sh('F=/tmp/x; echo hi > "$F"; cat /tmp/x')).toEqual(["out: hi⏎", "exit 0"]);
  });

  it("refuses to create a file in a missing directory, then mkdir -p makes it", () => {
    expect(sh("echo x > /data/out.txt; mkdir -p /data/a/b; echo y > /data/a/b/f; cat /data/a/b/f")).toEqual([
      "err: sh: can't create /data/out.txt: nonexistent directory⏎",
      "out: y⏎",
      "exit 0",
    ]);
  });

  it("reports rm on a missing file without -f, and mkdir on an existing directory", () => {
    expect(sh("rm /tmp/nope; mkdir /tmp")).toEqual([
      "err: rm: can't remove '/tmp/nope': No such file or directory⏎",
      "err: mkdir: can't create directory '/tmp': File exists⏎",
      "exit 1",
    ]);
  });

  it("tests files with test -f, -d, -e and -s", () => {
    expect(
      sh(
        "touch /tmp/a; test -f /tmp/a && echo f; [ -d /tmp ] && echo d; [ -e /tmp/b ] || echo no-b; [ -s /tmp/a ] || echo empty",
      ),
    ).toEqual(["out: f⏎", "out: d⏎", "out: no-b⏎", "out: empty⏎", "exit 0"]);
  });

  it("shares the file system with nested sh -c and subshells", () => {
    expect(sh("sh -c 'echo nested > /tmp/n'; echo $(cat /tmp/n)")).toEqual(["out: nested⏎", "exit 0"]);
  });

  it("reads stdin from a file with <", () => {
    expect(sh("echo abc > /tmp/in; cat < /tmp/in")).toEqual(["out: abc⏎", "exit 0"]);
  });

  it("discards output sent to /dev/null", () => {
    expect(sh("echo gone > /dev/null; cat /nope 2>/dev/null || echo missing")).toEqual([
      "out: missing⏎",
      "exit 0",
    ]);
  });
});

describe("nslookup", () => {
  const lookupHost = (name: string) =>
    name === "myservice" || name === "myservice.default.svc.cluster.local"
      ? { name: "myservice.default.svc.cluster.local", address: "10.96.14.7" }
      : undefined;

  it("prints busybox's answer for a Service of the cluster", () => {
    expect(sh("nslookup myservice", new ContainerFs(), { lookupHost })).toEqual([
      "out: Server:\t\t10.96.0.10⏎Address:\t10.96.0.10:53⏎⏎Name:\tmyservice.default.svc.cluster.local⏎Address: 10.96.14.7⏎⏎",
      "exit 0",
    ]);
  });

  it("prints NXDOMAIN and fails for an unknown name, so the init-container loop keeps waiting", () => {
    const fs = new ContainerFs({ "/var/run/secrets/kubernetes.io/serviceaccount/namespace": "default" });
    const script =
      "until nslookup mydb.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for mydb; sleep 2; done";
    expect(sh(script, fs, { lookupHost }).slice(0, 3)).toEqual([
      "out: Server:\t\t10.96.0.10⏎Address:\t10.96.0.10:53⏎⏎** server can't find mydb.default.svc.cluster.local: NXDOMAIN⏎⏎** server can't find mydb.default.svc.cluster.local: NXDOMAIN⏎⏎",
      "out: waiting for mydb⏎",
      "sleep 2",
    ]);
  });
});
