/**
 * `kubectl get --raw PATH`: the API server's own answer to a GET, printed as it comes (RawGet):
 * a resource or a collection as compact JSON in Go's field order (a list's items without kind
 * and apiVersion, as the server encodes them), `ok` from /healthz, /livez and /readyz, the
 * version document from /version. Useful to see that every kubectl command is an HTTP request
 * for a path. What a real server has but kubeplay does not model (discovery, OpenAPI, metrics,
 * subresources but /status) is said to be not simulated; any other path is a 404, as there.
 */
import { apiVersionOf, RESOURCE_TYPES } from "../../api/registry";
import type { KubeObject } from "../../api/types";
import { inGoFieldOrder } from "../../api/schema/goFieldOrder";
import { bool, str } from "../flagAccess";
import { encodeGoJson } from "../output/json";
import { queryObjects } from "../query";
import { KubectlError, type VerbContext } from "../verb";
import { SERVER_VERSION } from "./version";

const HEALTH_PATHS = ["/healthz", "/livez", "/readyz"];

export function runGetRaw(ctx: VerbContext, raw: string): number {
  // GetOptions.Complete, then Validate, in kubectl's order.
  if (ctx.args.length > 0)
    throw new KubectlError("error: arguments may not be passed when --raw is specified");
  if (bool(ctx.flags, "watch") || bool(ctx.flags, "watch-only") || str(ctx.flags, "selector"))
    throw new KubectlError(
      "error: --raw may not be specified with other flags that filter the server request or alter the output",
    );
  if (str(ctx.flags, "output")) throw new KubectlError("error: --raw and --output are mutually exclusive");
  if (!raw.startsWith("/"))
    throw new KubectlError(`error: --raw must be a valid URL path: parse "${raw}": invalid URI for request`);
  const [path, query = ""] = raw.split("?", 2);
  if (HEALTH_PATHS.includes(path)) {
    ctx.out("ok");
    return 0;
  }
  // The version handler writes indented JSON (WriteRawJSON), without a final newline.
  if (path === "/version") {
    ctx.out(JSON.stringify(SERVER_VERSION, null, 2));
    return 0;
  }
  ctx.out(
    `${encodeGoJson(resourceAt(ctx, path, new URLSearchParams(query)), { indent: "", sortKeys: false })}\n`,
  );
  return 0;
}

function pathNotFound(): KubectlError {
  return new KubectlError("Error from server (NotFound): the server could not find the requested resource");
}

/** Paths a real API server serves and kubeplay does not model. */
const UNSIMULATED_PATHS = ["/openapi", "/metrics", "/logs", "/.well-known"];

function notSimulated(what: string): KubectlError {
  return new KubectlError(
    `error: kubeplay does not simulate ${what}; get --raw reads resources, /healthz and /version`,
  );
}

/** The object or list a resource path names: /api/v1/…, /apis/GROUP/VERSION/…, optionally /namespaces/NS/…. */
function resourceAt(ctx: VerbContext, path: string, query: URLSearchParams): unknown {
  if (UNSIMULATED_PATHS.some((p) => path === p || path.startsWith(`${p}/`))) throw notSimulated(`"${path}"`);
  const parts = path.split("/").filter(Boolean);
  const core = parts[0] === "api";
  if (!core && parts[0] !== "apis") throw pathNotFound();
  if (parts.length <= (core ? 2 : 3)) throw notSimulated("the API discovery documents (/api, /apis …)");
  const group = core ? "" : (parts[1] ?? "");
  const version = parts[core ? 1 : 2];
  let rest = parts.slice(core ? 2 : 3);
  let namespace: string | undefined;
  if (rest[0] === "namespaces" && rest.length >= 3) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [plural, name, subresource, ...more] = rest;
  const type = RESOURCE_TYPES.find((t) => t.plural === plural && t.group === group && t.version === version);
  const misplaced = type && (namespace === undefined ? type.namespaced && name : !type.namespaced);
  if (!type || misplaced || more.length > 0) throw pathNotFound();
  if (subresource && subresource !== "status")
    throw notSimulated(`the ${subresource} subresource over --raw`);
  const scope = {
    namespace: namespace ?? "",
    allNamespaces: namespace === undefined,
    labelSelector: query.get("labelSelector") ?? undefined,
    fieldSelector: query.get("fieldSelector") ?? undefined,
  };
  const { objects, errors } = queryObjects(ctx.cluster, [{ type, names: name ? [name] : undefined }], scope);
  if (errors.length > 0) throw errors[0];
  const apiVersion = apiVersionOf(type);
  if (name) return inGoFieldOrder(objects[0], apiVersion, type.kind);
  const items = objects.map((obj: KubeObject) => {
    const { kind: _kind, apiVersion: _apiVersion, ...item } = inGoFieldOrder(obj, apiVersion, type.kind);
    return item;
  });
  const metadata = { resourceVersion: String(ctx.cluster.resourceVersion()) };
  return { kind: `${type.kind}List`, apiVersion, metadata, items };
}
