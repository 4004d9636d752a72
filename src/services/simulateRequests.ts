/**
 * A teaching aid: where would N requests to a Service go? Spreads them over the Service's
 * ready endpoints as kube-proxy's iptables mode does: the KUBE-SVC chain holds one rule per
 * endpoint, rule i matching with probability 1/(n-i) (`-m statistic --mode random`), which
 * gives every endpoint an equal share. With sessionAffinity ClientIP the one simulated
 * client sticks to the endpoint its first request reached (`-m recent`).
 *
 * Failure wording: with no ready endpoint the API server's service proxy (what
 * `kubectl get --raw /api/v1/namespaces/NS/services/NAME/proxy/` or `kubectl proxy` reach)
 * answers 503 `no endpoints available for service "web"`; kubectl prints it as
 * `Error from server (ServiceUnavailable): no endpoints available for service "web"`.
 * That is the wording used here. A missing Service gives `services "web" not found`.
 */
import type { Endpoints } from "kubernetes-types/core/v1";
import type { KubeObject } from "../api/types";
import type { SeededRandom } from "../util/random";

/** What `simulateRequests` needs of a cluster (a `Cluster` satisfies it). */
export interface RequestTarget {
  store: { get(kind: string, namespace: string, name: string): KubeObject | undefined };
  random: SeededRandom;
}

/** One endpoint's share of the requests. */
export interface EndpointShare {
  pod: string;
  ip: string;
  port?: number;
  requests: number;
}

/** The outcome: per-endpoint counts and the text a console prints (ends with a newline). */
export interface RequestSpread {
  ok: boolean;
  shares: EndpointShare[];
  text: string;
}

/**
 * Sends `count` simulated requests to Service `serviceName` in `namespace` (its first port),
 * drawing from the cluster's seeded random. Never throws; `ok` is false with an error text
 * when the Service is missing or has no ready endpoint.
 */
export function simulateRequests(
  cluster: RequestTarget,
  serviceName: string,
  namespace: string,
  count: number,
): RequestSpread {
  const svc = cluster.store.get("Service", namespace, serviceName);
  if (!svc) return failure(`Error from server (NotFound): services "${serviceName}" not found\n`);
  const targets = readyTargets(
    cluster.store.get("Endpoints", namespace, serviceName) as Endpoints | undefined,
  );
  if (targets.length === 0) {
    return failure(
      `Error from server (ServiceUnavailable): no endpoints available for service "${serviceName}"\n`,
    );
  }
  const n = Math.max(0, Math.floor(count));
  if (svc.spec?.sessionAffinity === "ClientIP") {
    if (n > 0) targets[pickEndpoint(targets.length, cluster.random)].requests = n;
  } else {
    for (let r = 0; r < n; r++) targets[pickEndpoint(targets.length, cluster.random)].requests++;
  }
  return { ok: true, shares: targets, text: formatReport(targets, n) };
}

/** Walks the KUBE-SVC chain: rule i jumps with probability 1/(n-i); the last always does. */
export function pickEndpoint(n: number, random: SeededRandom): number {
  for (let i = 0; i < n - 1; i++) if (random.next() < 1 / (n - i)) return i;
  return n - 1;
}

/** Ready addresses on the first port, in kube-proxy's order (sorted by "ip:port"). */
function readyTargets(ep: Endpoints | undefined): EndpointShare[] {
  const out: EndpointShare[] = [];
  for (const subset of ep?.subsets ?? []) {
    const port = subset.ports?.[0]?.port;
    for (const address of subset.addresses ?? []) {
      out.push({ pod: address.targetRef?.name ?? "<none>", ip: address.ip, port, requests: 0 });
    }
  }
  const key = (s: EndpointShare) => `${s.ip}:${s.port ?? ""}`;
  return out.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

function formatReport(shares: readonly EndpointShare[], total: number): string {
  const rows = [["POD", "IP", "REQUESTS", "SHARE"]];
  for (const s of shares) {
    const share = total === 0 ? "0%" : `${Math.round((s.requests * 100) / total)}%`;
    rows.push([s.pod, s.port === undefined ? s.ip : `${s.ip}:${s.port}`, String(s.requests), share]);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return (
    rows
      .map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c] + 3))).join(""))
      .join("\n") + "\n"
  );
}

function failure(text: string): RequestSpread {
  return { ok: false, shares: [], text };
}
