/**
 * Images the kubernetes.io task pages use (probes, init containers, services, StatefulSets)
 * and the general-purpose distributions, as data: real tags, approximate sizes, programs.
 */
import type { ImageEntry, LogLine, Program } from "./catalogTypes";
import { BOOTCAMP_SITE } from "./httpSites";

const o = (text: string): LogLine => ({ stream: "stdout", text });
const e = (text: string): LogLine => ({ stream: "stderr", text });
const SHELL: Program = { kind: "shell" };

const range = (prefix: string, first: number, last: number): string[] =>
  Array.from({ length: last - first + 1 }, (_, i) => `${prefix}${first + i}`);

/** The old busybox the probe examples use (registry.k8s.io/busybox). */
const k8sBusybox: ImageEntry = {
  repository: "registry.k8s.io/busybox",
  tags: { versions: ["1.24", "1.27.2"], aliases: { latest: "1.27.2" }, variants: [] },
  sizeBytes: 1_144_547,
  pullSeconds: 1,
  startSeconds: 1,
  entrypoint: [],
  cmd: ["sh"],
  programs: { sh: SHELL },
  hasShell: true,
};

/** The http liveness demo: /healthz is OK for the first 10 seconds, then answers 500. */
const liveness: ImageEntry = {
  repository: "registry.k8s.io/liveness",
  tags: { versions: ["latest"], aliases: {}, variants: [] },
  sizeBytes: 2_757_120,
  pullSeconds: 1,
  startSeconds: 1,
  entrypoint: [],
  cmd: ["/server"],
  programs: { server: { kind: "server", ports: [8080], readyAfterSeconds: 0, log: [], healthySeconds: 10 } },
  hasShell: false,
};

const goproxy: ImageEntry = {
  repository: "registry.k8s.io/goproxy",
  tags: { versions: ["0.1"], aliases: {}, variants: [] },
  sizeBytes: 2_637_452,
  pullSeconds: 1,
  startSeconds: 1,
  entrypoint: ["/goproxy"],
  cmd: [],
  programs: { goproxy: { kind: "server", ports: [8080], readyAfterSeconds: 0, log: [] } },
  hasShell: false,
};

/** agnhost: one test binary; its first argument picks the server (ENTRYPOINT /agnhost, CMD pause). */
const agnhost: ImageEntry = {
  repository: "registry.k8s.io/e2e-test-images/agnhost",
  tags: { versions: range("2.", 39, 53), aliases: {}, variants: [] },
  sizeBytes: 51_208_632,
  pullSeconds: 3,
  startSeconds: 1,
  entrypoint: ["/agnhost"],
  cmd: ["pause"],
  programs: {
    agnhost: {
      kind: "multicall",
      fallback: "pause",
      commands: {
        pause: { kind: "server", ports: [], readyAfterSeconds: 0, log: [o("Paused")] },
        netexec: {
          kind: "server",
          ports: [8080],
          portFlag: "--http-port",
          readyAfterSeconds: 0,
          log: [
            e("{goTime} Started HTTP server on port 8080"),
            e("{goTime} Started UDP server on port  8081"),
          ],
        },
        "serve-hostname": {
          kind: "server",
          ports: [9376],
          portFlag: "--port",
          readyAfterSeconds: 0,
          log: [],
        },
        liveness: { kind: "server", ports: [8080], readyAfterSeconds: 0, log: [], healthySeconds: 10 },
        "test-webserver": { kind: "server", ports: [80], readyAfterSeconds: 0, log: [] },
      },
    },
    sh: SHELL,
  },
  hasShell: true,
};

const echoserver: ImageEntry = {
  repository: "registry.k8s.io/echoserver",
  tags: { versions: ["1.4", "1.10"], aliases: {}, variants: [] },
  sizeBytes: 46_170_504,
  pullSeconds: 3,
  startSeconds: 1,
  entrypoint: [],
  cmd: ["/usr/local/bin/run.sh"],
  programs: {
    "run.sh": {
      kind: "server",
      ports: [8080, 8443],
      readyAfterSeconds: 0,
      log: [
        e("Generating self-signed cert"),
        e("Generating a 2048 bit RSA private key"),
        e("Starting nginx"),
      ],
    },
    sh: SHELL,
  },
  hasShell: true,
};

/** The StatefulSet tutorial's nginx (0.8 … 0.27). */
const nginxSlim: ImageEntry = {
  repository: "registry.k8s.io/nginx-slim",
  tags: { versions: range("0.", 8, 27), aliases: {}, variants: [] },
  sizeBytes: 51_348_918,
  pullSeconds: 3,
  startSeconds: 1,
  entrypoint: [],
  cmd: ["nginx", "-g", "daemon off;"],
  programs: { nginx: { kind: "server", ports: [80], readyAfterSeconds: 0, log: [] }, sh: SHELL },
  hasShell: true,
};

/** A distribution: bash as CMD, the coreutils basics (the shell simulation). */
const distro = (repository: string, tags: ImageEntry["tags"], sizeBytes: number): ImageEntry => ({
  repository,
  tags,
  sizeBytes,
  pullSeconds: 3,
  startSeconds: 1,
  entrypoint: [],
  cmd: ["bash"],
  programs: { bash: SHELL, sh: SHELL },
  hasShell: true,
});

const debian = distro(
  "docker.io/library/debian",
  {
    versions: ["10.13", "11.11", "12.10"],
    aliases: { latest: "12.10", stable: "12.10", bookworm: "12.10", bullseye: "11.11", buster: "10.13" },
    variants: ["slim"],
  },
  48_494_272,
);

const ubuntu = distro(
  "docker.io/library/ubuntu",
  {
    versions: ["20.04", "22.04", "24.04"],
    aliases: { latest: "24.04", rolling: "24.04", noble: "24.04", jammy: "22.04", focal: "20.04" },
    variants: [],
  },
  29_754_290,
);

const curl: ImageEntry = {
  repository: "docker.io/curlimages/curl",
  tags: { versions: ["8.11.1", "8.12.1", "8.13.0"], aliases: { latest: "8.13.0" }, variants: [] },
  sizeBytes: 11_412_360,
  pullSeconds: 1,
  startSeconds: 1,
  entrypoint: ["/entrypoint.sh"],
  cmd: ["curl"],
  programs: { "entrypoint.sh": { kind: "entrypoint", wraps: "curl", log: [] }, curl: SHELL, sh: SHELL },
  hasShell: true,
};

/** The memory and CPU limit examples' load generator (assign-memory-resource, assign-cpu-resource). */
const stress: ImageEntry = {
  repository: "docker.io/polinux/stress",
  tags: { versions: ["1.0.4"], aliases: { latest: "1.0.4" }, variants: [] },
  sizeBytes: 4_215_820,
  pullSeconds: 2,
  startSeconds: 1,
  entrypoint: [],
  cmd: ["stress"],
  programs: { stress: { kind: "stress" }, sh: SHELL },
  hasShell: true,
};

/** Every image of this file, appended to the catalog. */
/**
 * The app of the kubernetes.io "Learn Kubernetes Basics" tutorial (a Node.js server on 8080);
 * its rolling-update module moves to jocatalin/kubernetes-bootcamp:v2 (and to a v10 that does
 * not exist, to show a failed pull).
 */
const bootcamp = (repository: string, versions: string[]): ImageEntry => ({
  repository,
  tags: { versions, aliases: {}, variants: [] },
  sizeBytes: 211_336_459,
  pullSeconds: 4,
  startSeconds: 1,
  entrypoint: [],
  // The Dockerfile's `CMD node server.js` runs through /bin/sh -c; kubeplay starts node directly.
  cmd: ["node", "server.js"],
  programs: {
    sh: SHELL,
    node: {
      kind: "server",
      ports: [8080],
      readyAfterSeconds: 0,
      // console.log("Kubernetes Bootcamp App Started At:", startTime, "| Running On: ", host, "\n")
      log: [o("Kubernetes Bootcamp App Started At: {isoTime} | Running On:  {hostname} "), o("")],
      http: BOOTCAMP_SITE,
    },
  },
  hasShell: true,
});

export const K8S_EXAMPLE_IMAGES: readonly ImageEntry[] = [
  k8sBusybox,
  liveness,
  goproxy,
  agnhost,
  echoserver,
  bootcamp("gcr.io/google-samples/kubernetes-bootcamp", ["v1"]),
  bootcamp("docker.io/jocatalin/kubernetes-bootcamp", ["v1", "v2"]),
  nginxSlim,
  debian,
  ubuntu,
  curl,
  stress,
];
