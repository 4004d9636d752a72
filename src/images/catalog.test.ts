import { describe, expect, it } from "vitest";
import { containerBehaviour, resolveImage, type ResolvedImage } from "./catalog";
import { manualContext, playSteps } from "./playSteps";

const JAN5 = Date.UTC(2026, 0, 5, 10, 0, 0);

function resolved(ref: string): ResolvedImage {
  const r = resolveImage(ref);
  if (!r.ok) throw new Error(r.message);
  return r;
}

function run(
  ref: string,
  command?: string[],
  args?: string[],
  env: Record<string, string> = {},
  maxSteps = 40,
) {
  const clock = { now: JAN5 };
  const b = containerBehaviour(resolved(ref), command, args, {
    ...manualContext(clock, env),
    podIP: "10.244.1.7",
  });
  if (b.kind !== "run") throw new Error(b.message);
  return { transcript: playSteps(b.steps, clock, maxSteps), listens: b.listens };
}

describe("resolveImage", () => {
  it.each([
    ["nginx", "1.27.4"],
    ["nginx:latest", "1.27.4"],
    ["nginx:stable", "1.26.3"],
    ["nginx:1.14.2", "1.14.2"],
    ["nginx:1.7.9", "1.7.9"],
    ["nginx:1.25", "1.25.5"],
    ["nginx:1.25-alpine", "1.25.5-alpine"],
    ["nginx:alpine", "1.27.4-alpine"],
    ["docker.io/library/nginx:1.27", "1.27.4"],
    ["docker.io/nginx:stable-alpine", "1.26.3-alpine"],
    ["busybox:1.28", "1.28.4"],
    ["busybox", "1.37.0"],
    ["perl:5.34.0", "5.34.0"],
    ["perl:5.34", "5.34.3"],
    ["python:3.12-slim", "3.12.9-slim"],
    ["node:lts-alpine", "22.14.0-alpine"],
    ["hashicorp/http-echo:0.2.3", "0.2.3"],
    ["registry.k8s.io/pause:3.9", "3.9"],
    ["gcr.io/google-samples/hello-app:1.0", "1.0"],
    ["gcr.io/google-samples/kubernetes-bootcamp:v1", "v1"],
    ["jocatalin/kubernetes-bootcamp:v2", "v2"],
  ])("resolves %s to tag %s", (ref, tag) => {
    expect(resolved(ref).tag).toBe(tag);
  });

  it("gives aliases the digest of the tag they name, and different tags different digests", () => {
    expect(resolved("nginx").digest).toBe(resolved("nginx:1.27.4").digest);
    expect(resolved("nginx").digest).not.toBe(resolved("nginx:1.26.3").digest);
    expect(resolved("nginx").digest).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("pulls by digest only what exists", () => {
    const digest = resolved("redis:7.2.6").digest;
    expect(resolved(`redis@${digest}`).tag).toBe("7.2.6");
    expect(resolveImage(`redis@sha256:${"0".repeat(64)}`).ok).toBe(false);
  });

  it("reports a missing tag as containerd's not found", () => {
    expect(resolveImage("nginx:1.999")).toEqual({
      ok: false,
      reason: "NotFound",
      message:
        'Failed to pull image "nginx:1.999": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.999": failed to resolve reference "docker.io/library/nginx:1.999": docker.io/library/nginx:1.999: not found',
    });
  });

  it("reports a missing Docker Hub repository as pull access denied", () => {
    expect(resolveImage("nginxx")).toMatchObject({
      reason: "NotFound",
      message:
        'Failed to pull image "nginxx": rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/library/nginxx:latest": failed to resolve reference "docker.io/library/nginxx:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    });
  });

  it("reports an unknown registry host as a failed DNS lookup", () => {
    const r = resolveImage("myregistry.example:5000/app:v1");
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain(
      'Head "https://myregistry.example:5000/v2/app/manifests/v1": dial tcp: lookup myregistry.example: no such host',
    );
  });

  it("reports an unparsable name as InvalidImageName, with the kubelet's wording", () => {
    expect(resolveImage("NGINX")).toEqual({
      ok: false,
      reason: "InvalidImageName",
      message:
        'Failed to apply default image tag "NGINX": couldn\'t parse image reference "NGINX": invalid reference format: repository name (library/NGINX) must be lowercase',
    });
  });
});

describe("containerBehaviour", () => {
  it("starts nginx through its entrypoint, logs like nginx and serves port 80 forever", () => {
    const { transcript, listens } = run("nginx:1.27.3");
    expect(listens).toEqual({ ports: [80], readyAfterSeconds: 0 });
    expect(transcript[0]).toBe(
      "out: /docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration⏎",
    );
    expect(transcript).toContain("err: 2026/01/05 10:00:00 [notice] 1#1: nginx/1.27.3⏎");
    expect(transcript[transcript.length - 1]).toBe("sleep Infinity");
  });

  it("skips the entrypoint log when command runs nginx directly", () => {
    const { transcript } = run("nginx", ["nginx", "-g", "daemon off;"]);
    expect(transcript[0]).toBe('err: 2026/01/05 10:00:00 [notice] 1#1: using the "epoll" event method⏎');
  });

  it("lets args replace nginx's CMD, the entrypoint exec'ing them", () => {
    expect(run("nginx", undefined, ["sh", "-c", "echo hi"]).transcript).toEqual(["out: hi⏎", "exit 0"]);
  });

  it("exits at once for a bare busybox, whose sh reads a closed stdin", () => {
    expect(run("busybox").transcript).toEqual(["exit 0"]);
  });

  it("runs the CronJob hello example in busybox:1.28", () => {
    expect(
      run("busybox:1.28", ["/bin/sh", "-c", "date; echo Hello from the Kubernetes cluster"]).transcript,
    ).toEqual(["out: Mon Jan  5 10:00:00 UTC 2026⏎", "out: Hello from the Kubernetes cluster⏎", "exit 0"]);
  });

  it("computes pi for the Job example in perl:5.34.0", () => {
    const { transcript } = run("perl:5.34.0", ["perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"]);
    expect(transcript[0]).toBe("sleep 10");
    expect(transcript[1].startsWith("out: 3.14159265358979323846")).toBe(true);
    expect(transcript[1].endsWith("9958133904780275901⏎")).toBe(true);
    expect(transcript[2]).toBe("exit 0");
  });

  it("echoes its -text with hashicorp/http-echo on 5678", () => {
    const { transcript, listens } = run("hashicorp/http-echo:0.2.3", undefined, ["-text=hello"]);
    expect(listens?.ports).toEqual([5678]);
    expect(transcript).toEqual([
      "err: 2026/01/05 10:00:00 [INFO] server is listening on :5678⏎",
      "sleep Infinity",
    ]);
  });

  it("crashes postgres without a password, with the image's own message", () => {
    const { transcript } = run("postgres:16");
    expect(transcript[0]).toBe(
      "err: Error: Database is uninitialized and superuser password is not specified.⏎",
    );
    expect(transcript[transcript.length - 1]).toBe("exit 1");
  });

  it("starts postgres once POSTGRES_PASSWORD is set", () => {
    const { transcript } = run("postgres:16", undefined, undefined, { POSTGRES_PASSWORD: "secret" });
    expect(transcript).toContain(
      "err: 2026-01-05 10:00:00.000 UTC [1] LOG:  database system is ready to accept connections⏎",
    );
  });

  it("starts the Learn Kubernetes Basics app with its banner naming the pod, and has no v10", () => {
    const { transcript, listens } = run(
      "gcr.io/google-samples/kubernetes-bootcamp:v1",
      undefined,
      undefined,
      {
        HOSTNAME: "kubernetes-bootcamp-5c69669756-z9mcz",
      },
    );
    expect(transcript.slice(0, 2)).toEqual([
      "out: Kubernetes Bootcamp App Started At: 2026-01-05T10:00:00.000Z | Running On:  kubernetes-bootcamp-5c69669756-z9mcz ⏎",
      "out: ⏎",
    ]);
    expect(listens?.ports).toEqual([8080]);
    expect(() => resolved("gcr.io/google-samples/kubernetes-bootcamp:v10")).toThrow();
  });

  it("fills httpd's log with the pod IP", () => {
    expect(run("httpd:2.4").transcript[0]).toContain("using 10.244.1.7. Set the 'ServerName' directive");
  });

  it("hides python's http.server banner unless unbuffered, as real python does", () => {
    expect(run("python:3.12", ["python", "-m", "http.server", "8080"]).transcript).toEqual([
      "sleep Infinity",
    ]);
    expect(run("python:3.12", ["python", "-u", "-m", "http.server", "8080"]).listens?.ports).toEqual([8080]);
    expect(
      run("python:3.12", ["python", "-m", "http.server"], undefined, { PYTHONUNBUFFERED: "1" }).transcript[0],
    ).toBe("out: Serving HTTP on 0.0.0.0 port 8000 (http://0.0.0.0:8000/) ...⏎");
  });

  it("prints python and node one-liners", () => {
    expect(run("python:3.12", ["python3", "-c", "print('hi')"]).transcript).toEqual(["out: hi⏎", "exit 0"]);
    expect(run("node:20", ["node", "-e", "console.log('hi')"]).transcript).toEqual(["out: hi⏎", "exit 0"]);
  });

  it("cannot start a binary the image lacks", () => {
    const b = containerBehaviour(resolved("busybox"), ["nginx"], undefined, manualContext({ now: JAN5 }));
    expect(b).toEqual({
      kind: "startError",
      reason: "StartError",
      exitCode: 128,
      message:
        'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "nginx": executable file not found in $PATH: unknown',
    });
  });

  it("has no shell in distroless images", () => {
    const b = containerBehaviour(
      resolved("registry.k8s.io/pause:3.10"),
      ["sh", "-c", "echo hi"],
      undefined,
      manualContext({ now: JAN5 }),
    );
    expect(b.kind).toBe("startError");
  });
});
