/**
 * The environment a container process starts with: the image's PATH (Docker's default for
 * every image: kubeplay does not model the other variables images declare, such as nginx's
 * NGINX_VERSION), HOSTNAME, the pod's `env` and `envFrom` (values, field references, ConfigMap
 * and Secret keys), the Docker-link style variables of the namespace's Services
 * (enableServiceLinks, on by default), and HOME, which the runtime adds when nothing set it.
 */

/** The PATH Docker images get unless they set their own. */
const DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
/** The home directory of root, the user containers run as here. */
const ROOT_HOME = "/root";
import type { Container, EnvVar, Pod, ServicePort } from "kubernetes-types/core/v1";
import type { ObjectStore } from "../api/store";
import type { KubeObject } from "../api/types";

/** Builds the environment of `container` in `pod`; `podIP` feeds `status.podIP` references. */
export function containerEnv(
  store: ObjectStore,
  pod: Pod,
  container: Container,
  podIP: string | undefined,
): Record<string, string> {
  const ns = pod.metadata?.namespace ?? "default";
  // What the kubelet provides, and what `$(VAR)` in a value can name (not the runtime's PATH,
  // HOSTNAME or HOME: the kubelet does not know them, so `$(HOSTNAME)` stays as written).
  const vars: Record<string, string> = {};
  if (pod.spec?.enableServiceLinks !== false) Object.assign(vars, serviceEnv(store, ns));
  for (const source of container.envFrom ?? []) {
    const ref = source.configMapRef ?? source.secretRef;
    const kind = source.configMapRef ? "ConfigMap" : "Secret";
    const data = ref?.name ? dataOf(store, kind, ns, ref.name) : {};
    for (const [k, v] of Object.entries(data)) vars[(source.prefix ?? "") + k] = v;
  }
  for (const v of container.env ?? []) {
    const value = envValue(store, pod, v, podIP);
    if (value !== undefined)
      vars[v.name] = value.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (all, k: string) => vars[k] ?? all);
  }
  const env: Record<string, string> = { PATH: DEFAULT_PATH, HOSTNAME: pod.metadata?.name ?? "", ...vars };
  env.HOME ??= ROOT_HOME;
  return env;
}

function envValue(store: ObjectStore, pod: Pod, v: EnvVar, podIP: string | undefined): string | undefined {
  if (!v.valueFrom) return v.value ?? "";
  const ns = pod.metadata?.namespace ?? "default";
  const field = v.valueFrom.fieldRef?.fieldPath;
  if (field) {
    const fields: Record<string, string | undefined> = {
      "metadata.name": pod.metadata?.name,
      "metadata.namespace": ns,
      "metadata.uid": pod.metadata?.uid,
      "spec.nodeName": pod.spec?.nodeName,
      "spec.serviceAccountName": pod.spec?.serviceAccountName,
      "status.podIP": podIP,
      "status.hostIP": pod.status?.hostIP,
    };
    return fields[field] ?? "";
  }
  const cm = v.valueFrom.configMapKeyRef;
  if (cm) return dataOf(store, "ConfigMap", ns, cm.name ?? "")[cm.key];
  const secret = v.valueFrom.secretKeyRef;
  if (secret) return dataOf(store, "Secret", ns, secret.name ?? "")[secret.key];
  return "";
}

function dataOf(store: ObjectStore, kind: string, ns: string, name: string): Record<string, string> {
  const obj = store.get(kind, ns, name);
  if (!obj) return {};
  if (kind === "ConfigMap") return { ...(obj.data ?? {}) };
  const out: Record<string, string> = { ...(obj.stringData ?? {}) };
  for (const [k, v] of Object.entries((obj.data ?? {}) as Record<string, string>)) out[k] = decodeBase64(v);
  return out;
}

function decodeBase64(text: string): string {
  const bytes = Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** KUBERNETES_SERVICE_HOST and friends, for every Service with a cluster IP in the namespace. */
function serviceEnv(store: ObjectStore, ns: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const svc of store.list("Service", ns)) Object.assign(env, linksOf(svc));
  if (ns !== "default") {
    const kubernetes = store.get("Service", "default", "kubernetes");
    if (kubernetes) Object.assign(env, linksOf(kubernetes));
  }
  return env;
}

/**
 * One Service's variables, remembered per stored version (stored objects never change):
 * every container of the namespace gets the same ones.
 */
const linksCache = new WeakMap<KubeObject, Record<string, string>>();

function linksOf(svc: KubeObject): Record<string, string> {
  let env = linksCache.get(svc);
  if (env) return env;
  env = {};
  linksCache.set(svc, env);
  const ip = svc.spec?.clusterIP;
  const ports: ServicePort[] = svc.spec?.ports ?? [];
  if (!ip || ip === "None" || ports.length === 0) return env;
  const prefix = (svc.metadata.name ?? "").toUpperCase().replace(/-/g, "_");
  const first = ports[0];
  env[`${prefix}_SERVICE_HOST`] = ip;
  env[`${prefix}_SERVICE_PORT`] = String(first.port);
  for (const p of ports)
    if (p.name) env[`${prefix}_SERVICE_PORT_${p.name.toUpperCase().replace(/-/g, "_")}`] = String(p.port);
  env[`${prefix}_PORT`] = `${(first.protocol ?? "TCP").toLowerCase()}://${ip}:${first.port}`;
  for (const p of ports) {
    const proto = (p.protocol ?? "TCP").toLowerCase();
    const base = `${prefix}_PORT_${p.port}_${proto.toUpperCase()}`;
    env[base] = `${proto}://${ip}:${p.port}`;
    env[`${base}_PROTO`] = proto;
    env[`${base}_PORT`] = String(p.port);
    env[`${base}_ADDR`] = ip;
  }
  return env;
}
