/**
 * The simulated image catalog, as data: each repository's real tags, size, timings and
 * programs (model: kwok's stage YAMLs). Log lines are those the real images print, with
 * placeholders: {nginxTime}, {httpdTime}, {redisTime}, {pgTime}, {mysqlTime}, {mysqlEntryTime}, {goTime},
 * {isoTime}, {version}, {podIP}, {port}, {hostname} (the pod's name).
 */
import type { ImageEntry, LogLine, Program } from "./catalogTypes";
import { K8S_EXAMPLE_IMAGES } from "./catalogDataK8s";
import { HELLO_APP_SITE, HTTP_ECHO_SITE, HTTPD_SITE, NGINX_SITE } from "./httpSites";

const o = (text: string): LogLine => ({ stream: "stdout", text });
const e = (text: string): LogLine => ({ stream: "stderr", text });

/** "1.25.0".."1.25.5" */
const patches = (minor: string, last: number, first = 0): string[] =>
  Array.from({ length: last - first + 1 }, (_, i) => `${minor}.${first + i}`);

const SHELL: Program = { kind: "shell" };
// The Debian-based images (and mysql's Oracle Linux) also have bash as a program; their -alpine
// variants do not, which kubeplay does not tell apart.

const NGINX_ENTRYPOINT_LOG: LogLine[] = [
  o("/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration"),
  o("/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/"),
  o("/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh"),
  o("10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf"),
  o("10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf"),
  o("/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh"),
  o("/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh"),
  o("/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh"),
  o("/docker-entrypoint.sh: Configuration complete; ready for start up"),
];

const NGINX_LOG: LogLine[] = [
  e('{nginxTime} [notice] 1#1: using the "epoll" event method'),
  e("{nginxTime} [notice] 1#1: nginx/{version}"),
  e("{nginxTime} [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) "),
  e("{nginxTime} [notice] 1#1: OS: Linux 6.8.0-1015-gcp"),
  e("{nginxTime} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576"),
  e("{nginxTime} [notice] 1#1: start worker processes"),
  e("{nginxTime} [notice] 1#1: start worker process 29"),
  e("{nginxTime} [notice] 1#1: start worker process 30"),
];

const NGINX_VERSIONS = [
  "1.7.9",
  ...patches("1.9", 15),
  ...patches("1.10", 3),
  ...patches("1.11", 13),
  ...patches("1.12", 2),
  ...patches("1.13", 12),
  ...patches("1.14", 2),
  ...patches("1.15", 12),
  ...patches("1.16", 1),
  ...patches("1.17", 10),
  "1.18.0",
  ...patches("1.19", 10),
  ...patches("1.20", 2),
  ...patches("1.21", 6),
  ...patches("1.22", 1),
  ...patches("1.23", 4),
  "1.24.0",
  ...patches("1.25", 5),
  ...patches("1.26", 3),
  ...patches("1.27", 4),
];

const nginx: ImageEntry = {
  repository: "docker.io/library/nginx",
  tags: {
    versions: NGINX_VERSIONS,
    aliases: { latest: "1.27.4", mainline: "1.27.4", stable: "1.26.3" },
    variants: ["alpine", "perl", "alpine-slim", "bookworm"],
  },
  sizeBytes: 72_195_292,
  pullSeconds: 4,
  startSeconds: 1,
  entrypoint: ["/docker-entrypoint.sh"],
  cmd: ["nginx", "-g", "daemon off;"],
  programs: {
    "docker-entrypoint.sh": { kind: "entrypoint", wraps: "nginx", log: NGINX_ENTRYPOINT_LOG },
    nginx: {
      kind: "server",
      ports: [80],
      readyAfterSeconds: 0,
      log: NGINX_LOG,
      versionFlag: { flag: "-v", log: [e("nginx version: nginx/{version}")] },
      http: NGINX_SITE,
    },
    sh: SHELL,
    bash: SHELL,
    // The Debian and Alpine nginx images install curl (the Dockerfiles' package lists).
    curl: SHELL,
  },
  hasShell: true,
};

const httpd: ImageEntry = {
  repository: "docker.io/library/httpd",
  tags: {
    versions: ["2.2.34", ...patches("2.4", 62, 41)],
    aliases: { latest: "2.4.62" },
    variants: ["alpine", "bookworm"],
  },
  sizeBytes: 58_450_112,
  pullSeconds: 3,
  startSeconds: 1,
  entrypoint: [],
  cmd: ["httpd-foreground"],
  programs: {
    "httpd-foreground": {
      kind: "server",
      ports: [80],
      readyAfterSeconds: 0,
      log: [
        e(
          "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using {podIP}. Set the 'ServerName' directive globally to suppress this message",
        ),
        e(
          "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using {podIP}. Set the 'ServerName' directive globally to suppress this message",
        ),
        e(
          "[{httpdTime}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/{version} (Unix) configured -- resuming normal operations",
        ),
        e("[{httpdTime}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'"),
      ],
      http: HTTPD_SITE,
    },
    sh: SHELL,
    bash: SHELL,
  },
  hasShell: true,
};

const redis: ImageEntry = {
  repository: "docker.io/library/redis",
  tags: {
    versions: [
      ...patches("5.0", 14),
      ...patches("6.0", 20),
      ...patches("6.2", 16),
      ...patches("7.0", 15),
      ...patches("7.2", 6),
      ...patches("7.4", 2),
    ],
    aliases: { latest: "7.4.2" },
    variants: ["alpine", "bookworm"],
  },
  sizeBytes: 45_012_345,
  pullSeconds: 3,
  startSeconds: 1,
  entrypoint: ["docker-entrypoint.sh"],
  cmd: ["redis-server"],
  programs: {
    "docker-entrypoint.sh": { kind: "entrypoint", wraps: "redis-server", log: [] },
    "redis-server": {
      kind: "server",
      ports: [6379],
      readyAfterSeconds: 0,
      log: [
        o("1:C {redisTime} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo"),
        o(
          "1:C {redisTime} * Redis version={version}, bits=64, commit=00000000, modified=0, pid=1, just started",
        ),
        o(
          "1:C {redisTime} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf",
        ),
        o("1:M {redisTime} * monotonic clock: POSIX clock_gettime"),
        o("1:M {redisTime} * Running mode=standalone, port=6379."),
        o("1:M {redisTime} * Server initialized"),
        o("1:M {redisTime} * Ready to accept connections tcp"),
      ],
    },
    sh: SHELL,
    bash: SHELL,
  },
  hasShell: true,
};

const BUSYBOX_VERSIONS = [
  ...patches("1.24", 2),
  ...patches("1.25", 1),
  ...patches("1.26", 2),
  ...patches("1.27", 2),
  ...patches("1.28", 4),
  ...patches("1.29", 3),
  ...patches("1.30", 1),
  ...patches("1.31", 1),
  ...patches("1.32", 1),
  ...patches("1.33", 1),
  ...patches("1.34", 1),
  ...patches("1.35", 0),
  ...patches("1.36", 1),
  ...patches("1.37", 0),
];

const busybox: ImageEntry = {
  repository: "docker.io/library/busybox",
  tags: {
    versions: BUSYBOX_VERSIONS,
    aliases: { latest: "1.37.0", stable: "1.36.1" },
    variants: ["glibc", "musl", "uclibc"],
  },
  sizeBytes: 2_166_802,
  pullSeconds: 1,
  startSeconds: 1,
  entrypoint: [],
  cmd: ["sh"],
  programs: { sh: SHELL },
  hasShell: true,
};

const ALPINE_VERSIONS = [
  ...patches("3.7", 3),
  ...patches("3.8", 5),
  ...patches("3.9", 6),
  ...patches("3.10", 9),
  ...patches("3.11", 13),
  ...patches("3.12", 12),
  ...patches("3.13", 12),
  ...patches("3.14", 10),
  ...patches("3.15", 11),
  ...patches("3.16", 9),
  ...patches("3.17", 10),
  ...patches("3.18", 12),
  ...patches("3.19", 7),
  ...patches("3.20", 6),
  ...patches("3.21", 3),
];

const alpine: ImageEntry = {
  repository: "docker.io/library/alpine",
  tags: { versions: ALPINE_VERSIONS, aliases: { latest: "3.21.3", edge: "3.21.3" }, variants: [] },
  sizeBytes: 3_653_068,
  pullSeconds: 1,
  startSeconds: 1,
  entrypoint: [],
  cmd: ["/bin/sh"],
  programs: { sh: SHELL },
  hasShell: true,
};

const perl: ImageEntry = {
  repository: "docker.io/library/perl",
  tags: {
    versions: [
      "5.20.3",
      "5.22.4",
      "5.24.4",
      "5.26.3",
      "5.28.3",
      "5.30.3",
      ...patches("5.32", 1),
      ...patches("5.34", 3),
      ...patches("5.36", 3),
      ...patches("5.38", 3),
      ...patches("5.40", 1),
    ],
    aliases: { latest: "5.40.1" },
    variants: ["slim", "threaded", "bookworm", "slim-bookworm"],
  },
  sizeBytes: 335_712_331,
  pullSeconds: 18,
  startSeconds: 1,
  entrypoint: [],
  cmd: ["perl5.40.1", "-de0"],
  programs: { perl: { kind: "perl" }, sh: SHELL, bash: SHELL },
  hasShell: true,
};

const python: ImageEntry = {
  repository: "docker.io/library/python",
  tags: {
    versions: [
      "2.7.18",
      "3.6.15",
      "3.7.17",
      "3.8.20",
      ...patches("3.9", 21),
      ...patches("3.10", 16),
      ...patches("3.11", 11),
      ...patches("3.12", 9),
      ...patches("3.13", 2),
    ],
    aliases: { latest: "3.13.2" },
    variants: ["slim", "alpine", "bookworm", "slim-bookworm"],
  },
  sizeBytes: 384_915_840,
  pullSeconds: 20,
  startSeconds: 1,
  entrypoint: [],
  cmd: ["python3"],
  programs: { python: { kind: "python" }, python3: { kind: "python" }, sh: SHELL, bash: SHELL },
  hasShell: true,
};

const node: ImageEntry = {
  repository: "docker.io/library/node",
  tags: {
    versions: ["14.21.3", "16.20.2", "18.20.6", "20.18.3", "21.7.3", "22.14.0", "23.8.0"],
    aliases: { latest: "23.8.0", current: "23.8.0", lts: "22.14.0" },
    variants: ["slim", "alpine", "bookworm", "bookworm-slim"],
  },
  sizeBytes: 398_012_551,
  pullSeconds: 20,
  startSeconds: 1,
  entrypoint: ["docker-entrypoint.sh"],
  cmd: ["node"],
  programs: {
    "docker-entrypoint.sh": { kind: "entrypoint", wraps: "node", log: [] },
    node: { kind: "node" },
    sh: SHELL,
    bash: SHELL,
  },
  hasShell: true,
};

const PG_MISSING_PASSWORD: LogLine[] = [
  e("Error: Database is uninitialized and superuser password is not specified."),
  e("       You must specify POSTGRES_PASSWORD to a non-empty value for the"),
  e('       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".'),
  e(""),
  e('       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all'),
  e("       connections without a password. This is *not* recommended."),
  e(""),
  e('       See PostgreSQL documentation about "trust":'),
  e("       https://www.postgresql.org/docs/current/auth-trust.html"),
];

const postgres: ImageEntry = {
  repository: "docker.io/library/postgres",
  tags: {
    versions: ["9.6.24", "10.23", "11.22", "12.22", "13.20", "14.17", "15.12", "16.8", "17.4"],
    aliases: { latest: "17.4" },
    variants: ["alpine", "bookworm"],
  },
  sizeBytes: 157_902_348,
  pullSeconds: 9,
  startSeconds: 1,
  entrypoint: ["docker-entrypoint.sh"],
  cmd: ["postgres"],
  programs: {
    "docker-entrypoint.sh": { kind: "entrypoint", wraps: "postgres", log: [] },
    postgres: {
      kind: "server",
      ports: [5432],
      readyAfterSeconds: 3,
      requiresEnv: {
        anyOf: ["POSTGRES_PASSWORD", "POSTGRES_HOST_AUTH_METHOD"],
        failure: PG_MISSING_PASSWORD,
        exitCode: 1,
      },
      log: [
        o('The files belonging to this database system will be owned by user "postgres".'),
        o("This user must also own the server process."),
        o(""),
        o("PostgreSQL init process complete; ready for start up."),
        o(""),
        e(
          "{pgTime} UTC [1] LOG:  starting PostgreSQL {version} on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit",
        ),
        e('{pgTime} UTC [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432'),
        e('{pgTime} UTC [1] LOG:  listening on IPv6 address "::", port 5432'),
        e('{pgTime} UTC [1] LOG:  listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"'),
        e("{pgTime} UTC [1] LOG:  database system is ready to accept connections"),
      ],
    },
    sh: SHELL,
    bash: SHELL,
  },
  hasShell: true,
};

const mysql: ImageEntry = {
  repository: "docker.io/library/mysql",
  tags: {
    versions: ["5.6.51", "5.7.44", "8.0.41", "8.4.4", "9.2.0"],
    aliases: { latest: "9.2.0", lts: "8.4.4" },
    variants: ["oracle", "debian"],
  },
  sizeBytes: 172_466_883,
  pullSeconds: 10,
  startSeconds: 1,
  entrypoint: ["docker-entrypoint.sh"],
  cmd: ["mysqld"],
  programs: {
    "docker-entrypoint.sh": {
      kind: "entrypoint",
      wraps: "mysqld",
      log: [
        o(
          "{mysqlEntryTime}+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server {version}-1.el9 started.",
        ),
        o("{mysqlEntryTime}+00:00 [Note] [Entrypoint]: Switching to dedicated user 'mysql'"),
        o(
          "{mysqlEntryTime}+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server {version}-1.el9 started.",
        ),
      ],
    },
    mysqld: {
      kind: "server",
      ports: [3306, 33060],
      readyAfterSeconds: 10,
      requiresEnv: {
        anyOf: ["MYSQL_ROOT_PASSWORD", "MYSQL_ALLOW_EMPTY_PASSWORD", "MYSQL_RANDOM_ROOT_PASSWORD"],
        failure: [
          e(
            "{mysqlEntryTime}+00:00 [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified",
          ),
          e("    You need to specify one of the following as an environment variable:"),
          e("    - MYSQL_ROOT_PASSWORD"),
          e("    - MYSQL_ALLOW_EMPTY_PASSWORD"),
          e("    - MYSQL_RANDOM_ROOT_PASSWORD"),
        ],
        exitCode: 1,
      },
      log: [
        e(
          "{mysqlTime}Z 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '{version}'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.",
        ),
      ],
    },
    sh: SHELL,
    bash: SHELL,
  },
  hasShell: true,
};

const httpEcho: ImageEntry = {
  repository: "docker.io/hashicorp/http-echo",
  tags: { versions: ["0.2.3", "1.0.0"], aliases: { latest: "1.0.0" }, variants: [] },
  sizeBytes: 3_192_832,
  pullSeconds: 1,
  startSeconds: 1,
  entrypoint: ["/http-echo"],
  cmd: [],
  programs: {
    "http-echo": {
      kind: "server",
      ports: [5678],
      readyAfterSeconds: 0,
      log: [e("{goTime} [INFO] server is listening on :5678")],
      http: HTTP_ECHO_SITE,
    },
  },
  hasShell: false,
};

const pauseProgram: Program = { kind: "server", ports: [], readyAfterSeconds: 0, log: [] };
const pauseTags = {
  versions: ["3.1", "3.2", "3.5", "3.6", "3.7", "3.8", "3.9", "3.10"],
  aliases: { latest: "3.10" },
  variants: [],
};

const pause = (repository: string): ImageEntry => ({
  repository,
  tags: pauseTags,
  sizeBytes: 320_368,
  pullSeconds: 1,
  startSeconds: 1,
  entrypoint: ["/pause"],
  cmd: [],
  programs: { pause: pauseProgram },
  hasShell: false,
});

const helloApp: ImageEntry = {
  repository: "gcr.io/google-samples/hello-app",
  tags: { versions: ["1.0", "2.0"], aliases: {}, variants: [] },
  sizeBytes: 11_345_678,
  pullSeconds: 2,
  startSeconds: 1,
  entrypoint: [],
  cmd: ["./hello-app"],
  programs: {
    "hello-app": {
      kind: "server",
      ports: [8080],
      readyAfterSeconds: 0,
      log: [e("{goTime} Server listening on port 8080")],
      http: HELLO_APP_SITE,
    },
  },
  hasShell: false,
};

/** Every image the simulated registries hold. */
export const CATALOG: readonly ImageEntry[] = [
  nginx,
  httpd,
  redis,
  busybox,
  alpine,
  perl,
  python,
  node,
  postgres,
  mysql,
  httpEcho,
  pause("registry.k8s.io/pause"),
  pause("k8s.gcr.io/pause"),
  helloApp,
  ...K8S_EXAMPLE_IMAGES,
];
