/**
 * The pod network as a container's HTTP client sees it (`wget`, `curl` in a pod): a name
 * resolves through the cluster DNS; a Service's ClusterIP and port go, as kube-proxy's
 * iptables rules send them, to one of its ready endpoints (each equally likely; with
 * sessionAffinity ClientIP always the same one for this pod), or are rejected when it has
 * none; a pod IP reaches the container listening on the port once it has started. The server
 * answers from the image catalog (catalogTypes.ts HttpSite). What is simplified: every path
 * is a GET of a static page, and there is no route out of the cluster.
 */
import type { Endpoints, Pod, Service } from "kubernetes-types/core/v1";
import type { ApiServer } from "../api/server";
import { resolveImage } from "../images/catalog";
import type { HttpSite } from "../images/catalogTypes";
import type { HttpOutcome } from "../images/containerSteps";
import { templateFiller } from "../images/imageProgram";
import { isNodeRunning } from "../nodes/fleet";
import { pickEndpoint } from "../services/simulateRequests";
import { SeededRandom } from "../util/random";
import { sha256Hex } from "../util/sha256";
import { resolveClusterName } from "./dns";
import { kubeletState } from "./kubelet";
import type { ContainerRuntime } from "./types";

/** The pod a request leaves from. */
export interface ClientPod {
  namespace: string;
  name: string;
  uid: string;
  podIP?: string;
}

/** `httpGet` for the processes of `client` (ProcessContext.httpGet). */
export function podHttpClient(
  api: ApiServer,
  client: ClientPod,
  now: () => number,
): (host: string, port: number, path: string) => HttpOutcome {
  let sent = 0;
  return (host, port, path) => {
    const ip = resolveAddress(api, client, host);
    if (!ip) return { kind: "unresolved" };
    const service = serviceAt(api, ip);
    if (!service) return answer(api, ip, ip, port, path, now());
    const servicePort = service.spec?.ports?.find((p) => p.port === port && (p.protocol ?? "TCP") === "TCP");
    // No iptables rule matches a port the Service does not have: the packet goes nowhere.
    if (!servicePort) return { kind: "unreachable", ip };
    const targets = readyEndpoints(api, service, servicePort.name);
    // kube-proxy installs a REJECT rule for a Service without ready endpoints.
    if (targets.length === 0) return { kind: "refused", ip };
    // The choice is drawn from the client, the instant and a count, not from the cluster's
    // random sequence, so that a request from a pod does not shift every name generated after it.
    sent++;
    const affinity = service.spec?.sessionAffinity === "ClientIP";
    const seed = sha256Hex(affinity ? `${client.podIP}` : `${client.uid} ${now()} ${sent}`);
    const target =
      targets[pickEndpoint(targets.length, new SeededRandom(Number.parseInt(seed.slice(0, 8), 16)))];
    return answer(api, ip, target.ip, target.port, path, now());
  };
}

/** An IP literal, `localhost` (the pod itself), or a name the cluster DNS knows. */
function resolveAddress(api: ApiServer, client: ClientPod, host: string): string | undefined {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return host;
  // The pod's containers share its network namespace: localhost is the pod's own address.
  if (host === "localhost" || host === "127.0.0.1") return client.podIP;
  return resolveClusterName(api.store, client.namespace, host)?.address;
}

function serviceAt(api: ApiServer, ip: string): Service | undefined {
  return api.store.list("Service").find((s) => (s as Service).spec?.clusterIP === ip) as Service | undefined;
}

/** The ready addresses of the Service port named `portName`, in kube-proxy's order (ip:port). */
function readyEndpoints(
  api: ApiServer,
  service: Service,
  portName: string | undefined,
): { ip: string; port: number }[] {
  const meta = service.metadata ?? {};
  const endpoints = api.store.get("Endpoints", meta.namespace ?? "", meta.name ?? "") as
    | Endpoints
    | undefined;
  const out: { ip: string; port: number }[] = [];
  for (const subset of endpoints?.subsets ?? []) {
    const port = subset.ports?.find((p) => (p.name ?? "") === (portName ?? ""))?.port;
    if (port === undefined) continue;
    for (const address of subset.addresses ?? []) out.push({ ip: address.ip, port });
  }
  const key = (t: { ip: string; port: number }) => `${t.ip}:${t.port}`;
  return out.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** What the pod at `podIP` answers on `port`; `ip` is what the client connected to. */
function answer(
  api: ApiServer,
  ip: string,
  podIP: string,
  port: number,
  path: string,
  now: number,
): HttpOutcome {
  const pod = api.store
    .list("Pod")
    .find((p) => (p as Pod).status?.podIP === podIP && !p.metadata.deletionTimestamp) as Pod | undefined;
  const nodeName = pod?.spec?.nodeName;
  if (!pod || !nodeName || !isNodeRunning(api, nodeName)) return { kind: "unreachable", ip };
  const worker = kubeletState(api).worker(`${pod.metadata?.namespace}/${pod.metadata?.name}`);
  const container = worker?.rt.containers.find((c) => listensOn(c, port, now));
  if (!container) return { kind: "refused", ip };
  const program = container.process?.program;
  const image = resolveImage(container.spec.image ?? "");
  if (program?.kind !== "server" || !program.http || !image.ok)
    return { kind: "unmodelled", ip, server: container.spec.image ?? container.spec.name };
  const hostname = container.env?.HOSTNAME ?? pod.metadata?.name ?? "";
  const fill = templateFiller(image.version, podIP, hostname, now);
  return { ip, ...page(program.http, image.version, path, container.process?.argv ?? [], fill, now) };
}

/** Whether the container's process listens on `port` and has finished starting. */
function listensOn(c: ContainerRuntime, port: number, now: number): boolean {
  if (c.phase !== "running" || !c.running || !c.listens?.ports.includes(port)) return false;
  return now >= c.running.startedAt + c.listens.readyAfterSeconds * 1000;
}

/** The response to GET `path`: the page, or the site's 404. */
function page(
  site: HttpSite,
  version: string,
  path: string,
  argv: readonly string[],
  fill: (text: string) => string,
  now: number,
): { kind: "response"; status: number; reason: string; headers: [string, string][]; body: string } {
  const flagged = site.bodyFromFlag ? flagValue(argv, site.bodyFromFlag) : undefined;
  const found = site.bodyFromFlag ? `${flagged ?? ""}\n` : pageAt(site, version, path);
  const status = found === undefined ? 404 : 200;
  const body = found === undefined ? fill(site.notFound) : site.bodyFromFlag ? found : fill(found);
  const headers: [string, string][] = [];
  if (site.server) headers.push(["Server", fill(site.server)]);
  headers.push(["Date", new Date(now).toUTCString()]);
  headers.push(["Content-Type", status === 404 ? (site.notFoundType ?? site.contentType) : site.contentType]);
  headers.push(["Content-Length", String(new TextEncoder().encode(body).length)]);
  return { kind: "response", status, reason: status === 200 ? "OK" : "Not Found", headers, body };
}

/** The page a site has at `path` for this version of its image, if any. */
function pageAt(site: HttpSite, version: string, path: string): string | undefined {
  const before = site.pagesBefore;
  const pages = before && compareVersions(version, before.version) < 0 ? before.pages : site.pages;
  const route = path.split(/[?#]/)[0] || "/";
  return pages[route] ?? pages["*"];
}

/**
 * The status a running container's server answers a GET of `path` with (an httpGet probe's
 * view): 404 for a path its site does not have; undefined when kubeplay does not model its
 * pages (the probe then only checks that something listens).
 */
export function httpStatus(c: ContainerRuntime, path: string): number | undefined {
  const program = c.process?.program;
  const image = resolveImage(c.spec.image ?? "");
  if (program?.kind !== "server" || !program.http || !image.ok) return undefined;
  const site = program.http;
  return site.bodyFromFlag || pageAt(site, image.version, path) !== undefined ? 200 : 404;
}

/** `-text=hello` or `-text hello` (Go's flag package also takes `--text`). */
function flagValue(argv: readonly string[], flag: string): string | undefined {
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i].replace(/^--/, "-");
    if (arg === flag) return argv[i + 1];
    if (arg.startsWith(`${flag}=`)) return arg.slice(flag.length + 1);
  }
  return undefined;
}

/** Compares dotted versions numerically ("1.7.9" < "1.21.2"); a leading "v" is ignored. */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) =>
    v
      .replace(/^v/, "")
      .split(/[.-]/)
      .map((p) => Number.parseInt(p, 10) || 0);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
