import { describe, expect, it } from "vitest";
import { containerBehaviour, resolveImage, type ResolvedImage } from "./catalog";
import { manualContext, playSteps } from "./playSteps";

const JAN5 = Date.UTC(2026, 0, 5, 10, 0, 0);

function resolved(ref: string): ResolvedImage {
  const r = resolveImage(ref);
  if (!r.ok) throw new Error(r.message);
  return r;
}

function run(ref: string, command?: string[], args?: string[]) {
  const clock = { now: JAN5 };
  const b = containerBehaviour(resolved(ref), command, args, manualContext(clock));
  if (b.kind !== "run") throw new Error(b.message);
  return { transcript: playSteps(b.steps, clock, 20), listens: b.listens };
}

describe("images of the kubernetes.io examples", () => {
  it.each([
    ["registry.k8s.io/busybox", "1.27.2"],
    ["registry.k8s.io/busybox:1.27.2", "1.27.2"],
    ["debian", "12.10"],
    ["debian:bookworm", "12.10"],
    ["debian:12", "12.10"],
    ["debian:11", "11.11"],
    ["debian:bookworm-slim", "12.10-slim"],
    ["registry.k8s.io/liveness", "latest"],
    ["registry.k8s.io/goproxy:0.1", "0.1"],
    ["registry.k8s.io/e2e-test-images/agnhost:2.39", "2.39"],
    ["registry.k8s.io/e2e-test-images/agnhost:2.53", "2.53"],
    ["registry.k8s.io/echoserver:1.10", "1.10"],
    ["registry.k8s.io/nginx-slim:0.8", "0.8"],
    ["registry.k8s.io/nginx-slim:0.27", "0.27"],
    ["ubuntu:22.04", "22.04"],
    ["ubuntu", "24.04"],
    ["curlimages/curl", "8.13.0"],
  ])("resolves %s to tag %s", (ref, tag) => {
    expect(resolved(ref).tag).toBe(tag);
  });

  it("does not invent tags the registries lack", () => {
    expect(resolveImage("registry.k8s.io/e2e-test-images/agnhost:2.38").ok).toBe(false);
    expect(resolveImage("registry.k8s.io/goproxy:0.2").ok).toBe(false);
  });

  it.each([
    ["registry.k8s.io/goproxy:0.1", undefined, [8080]],
    ["registry.k8s.io/echoserver:1.10", undefined, [8080, 8443]],
    ["registry.k8s.io/nginx-slim:0.8", undefined, [80]],
    ["registry.k8s.io/liveness", ["/server"], [8080]],
    ["registry.k8s.io/e2e-test-images/agnhost:2.40", ["netexec"], [8080]],
    ["registry.k8s.io/e2e-test-images/agnhost:2.40", ["netexec", "--http-port=8081"], [8081]],
    ["registry.k8s.io/e2e-test-images/agnhost:2.40", ["liveness"], [8080]],
  ])("%s %j listens on %j", (ref, args, ports) => {
    expect(run(ref, undefined, args as string[] | undefined).listens?.ports).toEqual(ports);
  });

  it("runs agnhost pause (its CMD) when no argument is given", () => {
    expect(run("registry.k8s.io/e2e-test-images/agnhost:2.40").transcript).toEqual([
      "out: Paused⏎",
      "sleep Infinity",
    ]);
  });

  it("runs bash scripts in debian and ubuntu, and exits at once with bash's closed stdin", () => {
    expect(run("debian:bookworm", ["bash", "-c", "echo hi"]).transcript).toEqual(["out: hi⏎", "exit 0"]);
    expect(run("ubuntu:24.04").transcript).toEqual(["exit 0"]);
  });

  it("fails to start bash in busybox, which has none", () => {
    const b = containerBehaviour(resolved("busybox"), ["bash"], undefined, manualContext({ now: JAN5 }));
    expect(b.kind).toBe("startError");
  });

  it("prints curl's usage error for curlimages/curl without arguments", () => {
    expect(run("curlimages/curl").transcript).toEqual([
      "err: curl: try 'curl --help' or 'curl --manual' for more information⏎",
      "exit 2",
    ]);
  });
});
