/**
 * `wget` (busybox's applet) and `curl` in a container: a GET sent through the pod network
 * (ProcessContext.httpGet, src/kubelet/podNetwork.ts), reported in each tool's own words,
 * read from busybox's networking/wget.c and libbb/progress.c and from curl's messages.
 * Simplified: only GET and HEAD, no redirects to follow, no TLS.
 */
import type { HttpOutcome } from "./containerSteps";
import { absolutePath, err, out, type Run, type ShellState } from "./shellState";

/** An http URL's parts; a URL without a scheme is http (busybox wget and curl both assume it). */
interface Url {
  host: string;
  port: number;
  path: string;
}

function parseUrl(text: string): Url | string {
  const match = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?([^/:?#]*)(?::(\d*))?([/?#].*)?$/.exec(text);
  if (!match) return text;
  const scheme = (match[1] ?? "http").toLowerCase();
  if (scheme !== "http" && scheme !== "https") return text;
  const port = match[3] ? Number(match[3]) : scheme === "https" ? 443 : 80;
  return { host: match[2], port, path: match[4] ?? "/" };
}

/** What the pod network answers, or `unresolved` when the process has no network (a test). */
function send(st: ShellState, url: Url): HttpOutcome {
  return st.ctx.httpGet?.(url.host, url.port, url.path) ?? { kind: "unresolved" };
}

/** Writes `text` to FILE as the shell names it; the error text when it cannot. */
function save(st: ShellState, file: string, text: string): string | undefined {
  return st.fs.write(absolutePath(st, file), text);
}

const BUSYBOX_WGET_USAGE =
  "BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n\nRetrieve files via HTTP or FTP\n";

/** busybox wget's client-side timeout (-T) when none is given. */
const WGET_TIMEOUT_SECONDS = 900;

interface WgetOptions {
  quiet: boolean;
  output?: string;
  spider: boolean;
  timeout: number;
  urls: string[];
}

function wgetOptions(argv: string[]): WgetOptions | string {
  const o: WgetOptions = { quiet: false, spider: false, timeout: WGET_TIMEOUT_SECONDS, urls: [] };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--spider" || a === "-s") o.spider = true;
    else if (a === "-q" || a === "--quiet") o.quiet = true;
    else if (a === "-O" || a === "-T") {
      const value = argv[++i];
      if (value === undefined) return `option requires an argument -- '${a[1]}'`;
      if (a === "-O") o.output = value;
      else o.timeout = Number(value) || WGET_TIMEOUT_SECONDS;
    } else if (/^-O./.test(a)) o.output = a.slice(2);
    else if (/^-q+O/.test(a)) {
      o.quiet = true;
      o.output = a.slice(a.indexOf("O") + 1) || argv[++i];
    } else if (/^-T\d+$/.test(a)) o.timeout = Number(a.slice(2));
    else if (a.startsWith("-") && a !== "-") return `unrecognized option '${a}'`;
    else o.urls.push(a);
  }
  return o;
}

/**
 * busybox wget: `Connecting to HOST (IP:PORT)`, then the page saved to its file name
 * (`index.html` for `/`), or written to stdout with -O-, with the status line of a 100%
 * transfer; -q says nothing but errors. Errors end the applet with status 1.
 */
export function* wget(argv: string[], _stdin: string, st: ShellState): Run {
  const o = wgetOptions(argv);
  if (typeof o === "string" || o.urls.length === 0) {
    if (typeof o === "string") yield err(`wget: ${o}\n`);
    yield err(BUSYBOX_WGET_USAGE);
    return 1;
  }
  for (const text of o.urls) {
    const url = parseUrl(text);
    if (typeof url === "string") {
      yield err(`wget: not an http or ftp url: ${text}\n`);
      return 1;
    }
    const result = send(st, url);
    if (result.kind === "unresolved") {
      yield err(`wget: bad address '${url.host}'\n`);
      return 1;
    }
    if (!o.quiet) yield err(`Connecting to ${url.host} (${result.ip}:${url.port})\n`);
    if (result.kind === "refused") {
      yield err(`wget: can't connect to remote host (${result.ip}): Connection refused\n`);
      return 1;
    }
    if (result.kind === "unreachable") {
      yield { kind: "sleep", seconds: o.timeout };
      yield err("wget: download timed out\n");
      return 1;
    }
    if (result.kind === "unmodelled") {
      yield err(`kubeplay: ${result.server} answered, but what it answers is not simulated\n`);
      return 1;
    }
    if (result.status >= 300) {
      yield err(`wget: server returned error: HTTP/1.1 ${result.status} ${result.reason}\n`);
      return 1;
    }
    if (o.spider) {
      if (!o.quiet) yield err("remote file exists\n");
      continue;
    }
    const file = o.output ?? (url.path.split(/[?#]/)[0].split("/").pop() || "index.html");
    const toStdout = file === "-";
    if (!toStdout) {
      // Without -O, wget refuses to overwrite (O_EXCL); -O FILE truncates.
      const exists = st.fs.kind(absolutePath(st, file)) !== undefined;
      const failure = o.output === undefined && exists ? "File exists" : save(st, file, result.body);
      if (failure) {
        yield err(`wget: can't open '${file}': ${failure}\n`);
        return 1;
      }
    }
    if (!o.quiet) yield err(toStdout ? "writing to stdout\n" : `saving to '${file}'\n`);
    if (toStdout) yield out(result.body);
    if (!o.quiet) {
      yield err(`${progressLine(file, new TextEncoder().encode(result.body).length)}\n`);
      yield err(toStdout ? "written to stdout\n" : `'${file}' saved\n`);
    }
  }
  return 0;
}

/**
 * libbb's progress line at 100% with no terminal (kubectl exec without -t): the file name in
 * 20 columns, the 32-star bar of an 80-column default width, the size in 5 columns, ETA 0.
 */
function progressLine(file: string, bytes: number): string {
  const name = file.slice(file.lastIndexOf("/") + 1);
  return `${name.padEnd(20).slice(0, 20)} 100% |${"*".repeat(32)}| ${humanSize(bytes)}  0:00:00 ETA`;
}

/** smart_ulltoa5: five columns, switching to k, M… units (one decimal below 10). */
function humanSize(bytes: number): string {
  if (bytes <= 99999) return String(bytes).padStart(5);
  const units = "kMGTPEZY";
  let value = bytes;
  for (const unit of units) {
    const scaled = value / 1024;
    if (scaled <= 9999) return `${scaled < 10 ? scaled.toFixed(1) : Math.floor(scaled)}${unit}`.padStart(5);
    value = scaled;
  }
  return String(bytes);
}

interface CurlOptions {
  silent: boolean;
  showError: boolean;
  fail: boolean;
  include: boolean;
  head: boolean;
  verbose: boolean;
  output?: string;
  remoteName: boolean;
  /** --max-time or --connect-timeout, whichever is set (seconds). */
  timeout?: number;
  maxTime: boolean;
  urls: string[];
}

/** Flags that take a value (the value is read and, unless simulated, ignored). */
const CURL_VALUE_FLAGS = new Set([
  "-o",
  "--output",
  "-m",
  "--max-time",
  "--connect-timeout",
  "-H",
  "--header",
  "-X",
  "--request",
  "-A",
  "--user-agent",
  "-w",
  "--write-out",
  "-d",
  "--data",
]);

function curlOptions(argv: string[]): CurlOptions | string {
  const o: CurlOptions = {
    silent: false,
    showError: false,
    fail: false,
    include: false,
    head: false,
    verbose: false,
    remoteName: false,
    maxTime: false,
    urls: [],
  };
  const flag = (name: string, value: string | undefined): string | undefined => {
    switch (name) {
      case "-s":
      case "--silent":
        o.silent = true;
        break;
      case "-S":
      case "--show-error":
        o.showError = true;
        break;
      case "-f":
      case "--fail":
        o.fail = true;
        break;
      case "-i":
      case "--include":
        o.include = true;
        break;
      case "-I":
      case "--head":
        o.head = true;
        break;
      case "-v":
      case "--verbose":
        o.verbose = true;
        break;
      case "-O":
      case "--remote-name":
        o.remoteName = true;
        break;
      case "-L":
      case "--location":
      case "-k":
      case "--insecure":
        break;
      case "-o":
      case "--output":
        o.output = value;
        break;
      case "-m":
      case "--max-time":
        o.timeout = Number(value);
        o.maxTime = true;
        break;
      case "--connect-timeout":
        if (!o.maxTime) o.timeout = Number(value);
        break;
      default:
        if (!CURL_VALUE_FLAGS.has(name)) return `option ${name}: is unknown`;
    }
    return undefined;
  };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith("--")) {
      const [name, inline] = a.includes("=")
        ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)]
        : [a, undefined];
      const value = CURL_VALUE_FLAGS.has(name) ? (inline ?? argv[++i]) : undefined;
      const problem = flag(name, value);
      if (problem) return problem;
    } else if (a.startsWith("-") && a.length > 1) {
      // Short flags combine (-sSf); one that takes a value takes the rest, or the next word.
      for (let j = 1; j < a.length; j++) {
        const name = `-${a[j]}`;
        const value = CURL_VALUE_FLAGS.has(name) ? a.slice(j + 1) || argv[++i] : undefined;
        const problem = flag(name, value);
        if (problem) return problem;
        if (value !== undefined) break;
      }
    } else o.urls.push(a);
  }
  return o;
}

const CURL_METER_HEADER =
  "  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n" +
  "                                 Dload  Upload   Total   Spent    Left  Speed\n";

/** curl's max5data: five columns, k/M units past 99999 bytes. */
function max5(bytes: number): string {
  if (bytes < 100000) return String(bytes).padStart(5);
  if (bytes < 10000 * 1024) return `${Math.floor(bytes / 1024)}k`.padStart(5);
  return `${Math.floor(bytes / 1024 / 1024)}M`.padStart(5);
}

/** The meter's last line: `bytes` received in one millisecond (the cluster network is fast). */
function meterLine(bytes: number): string {
  const percent = bytes > 0 ? 100 : 0;
  const speed = max5(bytes * 1000);
  const times = "--:--:-- --:--:-- --:--:--";
  return `${String(percent).padStart(3)} ${max5(bytes)}  ${String(percent).padStart(3)} ${max5(bytes)}    0     0  ${speed}      0 ${times} ${speed}`;
}

/**
 * curl: the body on stdout (-i with the headers, -I the headers alone), -o FILE or -O to a
 * file. Without -s it draws its progress meter on stderr whenever its output is not a terminal
 * (kubectl exec without -t, a container's log). Errors are `curl: (N) …` with N as status.
 */
export function* curl(argv: string[], _stdin: string, st: ShellState): Run {
  const o = curlOptions(argv);
  if (typeof o === "string") {
    yield err(`curl: ${o}\ncurl: try 'curl --help' or 'curl --manual' for more information\n`);
    return 2;
  }
  if (o.urls.length === 0) {
    yield err("curl: try 'curl --help' or 'curl --manual' for more information\n");
    return 2;
  }
  const meter = !o.silent && !o.verbose && st.ctx.shellSession === undefined;
  const report = !o.silent || o.showError;
  let status = 0;
  for (const text of o.urls) {
    const url = parseUrl(text);
    if (meter) yield err(CURL_METER_HEADER);
    const fail = function* (code: number, message: string): Run {
      if (meter) yield err(`${meterLine(0)}\n`);
      if (report) yield err(`curl: (${code}) ${message}\n`);
      return code;
    };
    if (typeof url === "string") {
      status = yield* fail(3, "URL using bad/illegal format or missing URL");
      continue;
    }
    const result = send(st, url);
    if (result.kind === "unresolved") {
      status = yield* fail(6, `Could not resolve host: ${url.host}`);
      continue;
    }
    if (o.verbose) yield err(`*   Trying ${result.ip}:${url.port}...\n`);
    if (result.kind === "refused") {
      status = yield* fail(
        7,
        `Failed to connect to ${url.host} port ${url.port} after 0 ms: Couldn't connect to server`,
      );
      continue;
    }
    if (result.kind === "unreachable") {
      // curl's default connect timeout is 300 seconds.
      const seconds = o.timeout && o.timeout > 0 ? o.timeout : 300;
      yield { kind: "sleep", seconds };
      const ms = Math.round(seconds * 1000);
      status = yield* fail(
        28,
        o.maxTime
          ? `Operation timed out after ${ms} milliseconds with 0 bytes received`
          : `Connection timed out after ${ms} milliseconds`,
      );
      continue;
    }
    if (result.kind === "unmodelled") {
      if (meter) yield err(`${meterLine(0)}\n`);
      yield err(`kubeplay: ${result.server} answered, but what it answers is not simulated\n`);
      status = 1;
      continue;
    }
    if (o.verbose) yield err(verboseExchange(url, result, o.head));
    if (o.fail && result.status >= 400) {
      status = yield* fail(22, `The requested URL returned error: ${result.status}`);
      continue;
    }
    const headers = `HTTP/1.1 ${result.status} ${result.reason}\r\n${result.headers.map(([k, v]) => `${k}: ${v}\r\n`).join("")}\r\n`;
    const body = o.head ? "" : result.body;
    const written = (o.head || o.include ? headers : "") + body;
    const file = o.output ?? (o.remoteName ? url.path.split(/[?#]/)[0].split("/").pop() || "" : undefined);
    if (file === "") {
      status = yield* fail(23, "Failed writing received data to disk/application");
      continue;
    }
    if (meter) yield err(`${meterLine(new TextEncoder().encode(body).length)}\n`);
    if (file !== undefined && file !== "-") {
      const failure = save(st, file, written);
      if (failure) {
        if (report) yield err(`curl: (23) Failure writing output to destination\n`);
        status = 23;
        continue;
      }
    } else if (written) yield out(written);
  }
  return status;
}

/** -v: the request and the response's headers, as curl prints them on stderr. */
function verboseExchange(
  url: Url,
  result: Extract<HttpOutcome, { kind: "response" }>,
  head: boolean,
): string {
  const host = url.port === 80 ? url.host : `${url.host}:${url.port}`;
  return [
    `* Connected to ${url.host} (${result.ip}) port ${url.port}`,
    `> ${head ? "HEAD" : "GET"} ${url.path} HTTP/1.1`,
    `> Host: ${host}`,
    "> User-Agent: curl/7.88.1",
    "> Accept: */*",
    ">",
    `< HTTP/1.1 ${result.status} ${result.reason}`,
    ...result.headers.map(([k, v]) => `< ${k}: ${v}`),
    "<",
    "",
  ].join("\n");
}
