/** The shape of the simulated image catalog (catalogData.ts): images and what they do, as data. */

/** A log line template; `{name}` placeholders are filled when the line is printed. */
export interface LogLine {
  stream: "stdout" | "stderr";
  text: string;
}

/**
 * What a program of an image does when it is the container's process (argv[0]).
 * - server: prints its startup log, listens and runs until killed.
 * - entrypoint: a docker-entrypoint.sh; runs `wraps` with its log, else execs its arguments.
 * - shell: the busybox tools and `sh` (see shell.ts).
 * - perl/python/node: interpreters (pi with bignum, print one-liners, python -m http.server).
 * - multicall: a binary whose first argument picks the program (agnhost netexec, liveness...).
 * - stress: the stress tool (`--vm N --vm-bytes SIZE`) the memory-limit examples run.
 */
export type Program =
  | {
      kind: "server";
      ports: number[];
      readyAfterSeconds: number;
      log: LogLine[];
      /** Exit with `failure` unless one of these env vars is set (postgres, mysql). */
      requiresEnv?: { anyOf: string[]; failure: LogLine[]; exitCode: number };
      /** A flag that overrides the port, e.g. "--http-port" (agnhost netexec). */
      portFlag?: string;
      /** Health endpoints answer 200 for this long after start, then 500 (the liveness demo). */
      healthySeconds?: number;
      /** `nginx -v`: the flag that prints the version (these lines) and exits 0 instead of serving. */
      versionFlag?: { flag: string; log: LogLine[] };
      /** What it answers over HTTP on its ports (absent: a server whose answers are not simulated). */
      http?: HttpSite;
    }
  | {
      /** One binary, many programs chosen by argv[1] (agnhost); `fallback` when none is given. */
      kind: "multicall";
      commands: Record<string, Program>;
      fallback: string;
    }
  | { kind: "entrypoint"; wraps: string; log: LogLine[] }
  | { kind: "shell" }
  | { kind: "perl" | "python" | "node" }
  | { kind: "stress" };

/**
 * What an HTTP server answers a GET: one page per path (placeholders as in log lines:
 * {version}, {hostname}), a 404 page for the others. Headers are the status line, Server,
 * Date, Content-Type and Content-Length (no ETag or Last-Modified).
 */
export interface HttpSite {
  /** The Server header ({version} filled in); absent when the server sends none. */
  server?: string;
  contentType: string;
  /** Body by path; "*" answers every path. */
  pages: Record<string, string>;
  /** Other pages for the image's versions before `version` (nginx's welcome page changed in 1.21.2). */
  pagesBefore?: { version: string; pages: Record<string, string> };
  /** The body of a 404 Not Found. */
  notFound: string;
  notFoundType?: string;
  /** The body is this flag's value and a newline, whatever the path (http-echo's -text). */
  bodyFromFlag?: string;
}

/** The tags of a repository: concrete versions, aliases, and variant suffixes. */
export interface TagSet {
  versions: string[];
  /** "latest", "stable", "lts"...: alias → version. Minor aliases ("1.25") are derived. */
  aliases: Record<string, string>;
  /** Suffixes such as "alpine", "slim" valid after any version or alias ("1.25-alpine"). */
  variants: string[];
}

/** One repository of the catalog. */
export interface ImageEntry {
  /** Canonical name, e.g. "docker.io/library/nginx". */
  repository: string;
  tags: TagSet;
  /** Compressed size, as the kubelet's "Successfully pulled" event reports it. */
  sizeBytes: number;
  /** Time the pull takes on the simulated network. */
  pullSeconds: number;
  /** Time from container create to the process running. */
  startSeconds: number;
  entrypoint: string[];
  cmd: string[];
  /** Programs by basename: what runs when argv[0] names them. */
  programs: Record<string, Program>;
  /** Whether the image has /bin/sh and the busybox/coreutils basics. */
  hasShell: boolean;
}
