/**
 * The files the kubelet puts into each new container instance (the service account mount,
 * the termination-log bind mount, the pod's /etc/hosts, /etc/hostname and /etc/resolv.conf)
 * and what it reads back when the instance ends.
 */
import type { ConfigMap, KeyToPath, Pod, Secret, Volume } from "kubernetes-types/core/v1";
import type { ObjectStore } from "../api/store";
import { ContainerFs } from "../images/containerFs";
import { ROOT_CA_CONFIGMAP } from "../controllers/rootCaPublisher";
import { KUBE_DNS_CLUSTER_IP } from "../services/clusterIPAllocator";
import { CLUSTER_DOMAIN, searchPath } from "./dns";
import type { LogStore } from "./logStore";
import type { ContainerRuntime } from "./types";

/** Where the service account volume is mounted. */
export const SERVICE_ACCOUNT_DIR = "/var/run/secrets/kubernetes.io/serviceaccount";
/** terminationMessagePath's default. */
export const TERMINATION_LOG = "/dev/termination-log";

/** kubecontainer.MaxContainerTerminationMessageLength: the last 4 KiB of the file. */
const MAX_MESSAGE_BYTES = 4096;
/** FallbackToLogsOnError reads at most the last 80 lines / 2 KiB of the log. */
const MAX_LOG_LINES = 80;
const MAX_LOG_BYTES = 2048;

/**
 * A fresh file system for a new instance of a container of `pod`. Its emptyDir mounts are the
 * pod's own volumes (`emptyDirs`, by volume name, created on first use): shared by the pod's
 * containers and kept across container restarts, as an emptyDir lives as long as the pod.
 * It is filled when first used (ContainerFs.lazy); ConfigMap and Secret files are read then,
 * as a kubelet's volume sync would have refreshed them by then anyway.
 */
export function containerFs(
  pod: Pod,
  c: ContainerRuntime,
  store: ObjectStore,
  emptyDirs: Map<string, ContainerFs>,
  podIP: string | undefined,
): ContainerFs {
  // Only what the files need: the closure must not keep this version of the pod alive.
  const { name, namespace, uid } = pod.metadata ?? {};
  const slim: Pod = { metadata: { name, namespace, uid }, spec: pod.spec };
  return ContainerFs.lazy((fs) => provision(fs, slim, c, store, emptyDirs, podIP));
}

function provision(
  fs: ContainerFs,
  pod: Pod,
  c: ContainerRuntime,
  store: ObjectStore,
  emptyDirs: Map<string, ContainerFs>,
  podIP: string | undefined,
): void {
  fs.seed(c.spec.terminationMessagePath ?? TERMINATION_LOG, "");
  // The runtime creates a workingDir the image does not have.
  if (c.spec.workingDir) fs.mkdir(c.spec.workingDir, true);
  for (const [path, text] of podNetworkFiles(pod, podIP)) fs.seed(path, text);
  for (const [path, text] of mountedFiles(pod, c, store)) fs.seed(path, text);
  for (const m of c.spec.volumeMounts ?? []) {
    const volume = (pod.spec?.volumes ?? []).find((v) => v.name === m.name);
    // ConfigMap, Secret and projected volumes are mounted read-only, whatever the mount says.
    if (volume?.configMap || volume?.secret || volume?.projected) fs.markReadOnly(m.mountPath);
    if (!volume?.emptyDir) continue;
    let dir = emptyDirs.get(volume.name);
    if (!dir) {
      dir = ContainerFs.volume();
      emptyDirs.set(volume.name, dir);
    }
    fs.mount(m.mountPath, dir, m.subPath, m.readOnly === true);
  }
  if (mountsServiceAccount(pod, c)) {
    for (const [path, text] of serviceAccountFiles(pod, store)) fs.seed(path, text);
    fs.markReadOnly(SERVICE_ACCOUNT_DIR);
  }
}

/**
 * The kube-api-access volume's files: the namespace, the cluster's CA (the kube-root-ca.crt
 * ConfigMap, a placeholder here) and a token shaped as the API server issues them. kubeplay
 * signs nothing: the token's claims are real, its signature says so.
 */
function serviceAccountFiles(pod: Pod, store: ObjectStore): [string, string | (() => string)][] {
  const namespace = pod.metadata?.namespace ?? "default";
  const account = pod.spec?.serviceAccountName ?? "default";
  const ca = (store.get("ConfigMap", namespace, ROOT_CA_CONFIGMAP) as ConfigMap | undefined)?.data?.[
    "ca.crt"
  ];
  // The token is built when read, from these strings only (not the pod: it must not be kept alive).
  const podRef = { name: pod.metadata?.name, uid: pod.metadata?.uid };
  const token = () => {
    const audience = `https://kubernetes.default.svc.${CLUSTER_DOMAIN}`;
    const claims = {
      aud: [audience],
      iss: audience,
      "kubernetes.io": {
        namespace,
        pod: podRef,
        serviceaccount: { name: account },
      },
      sub: `system:serviceaccount:${namespace}:${account}`,
    };
    const part = (text: string) => btoa(text).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
    const header = JSON.stringify({ alg: "RS256", kid: "kubeplay" });
    return [header, JSON.stringify(claims), "not signed: simulated by kubeplay"].map(part).join(".");
  };
  const files: [string, string | (() => string)][] = [
    [`${SERVICE_ACCOUNT_DIR}/namespace`, namespace],
    [`${SERVICE_ACCOUNT_DIR}/token`, token],
  ];
  if (ca) files.push([`${SERVICE_ACCOUNT_DIR}/ca.crt`, ca]);
  return files;
}

/**
 * The files the kubelet bind-mounts for the pod's network identity: its managed /etc/hosts
 * (kubelet_pods.go managedHostsFileContent), /etc/hostname, and the resolv.conf of the
 * ClusterFirst DNS policy (the cluster's DNS Service and search path, ndots:5).
 */
function podNetworkFiles(pod: Pod, podIP: string | undefined): [string, () => string][] {
  const namespace = pod.metadata?.namespace ?? "default";
  const hostname = pod.spec?.hostname ?? pod.metadata?.name ?? "";
  const subdomain = pod.spec?.subdomain;
  const fqdn = subdomain
    ? `${hostname}.${subdomain}.${namespace}.svc.${CLUSTER_DOMAIN}\t${hostname}`
    : hostname;
  const hosts = () =>
    "# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n" +
    "fe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n" +
    (podIP ? `${podIP}\t${fqdn}\n` : "");
  const files: [string, () => string][] = [
    ["/etc/hosts", hosts],
    ["/etc/hostname", () => `${hostname}\n`],
  ];
  if ((pod.spec?.dnsPolicy ?? "ClusterFirst") === "ClusterFirst") {
    const resolv = () =>
      `search ${searchPath(namespace).join(" ")}\nnameserver ${KUBE_DNS_CLUSTER_IP}\noptions ndots:5\n`;
    files.push(["/etc/resolv.conf", resolv]);
  }
  return files;
}

/**
 * Whether the container sees the service account volume: it mounts it (the admission plugin
 * adds a kube-api-access-xxxxx volume and mount), or, on a pod that admission did not touch,
 * automounting is not turned off.
 */
function mountsServiceAccount(pod: Pod, c: ContainerRuntime): boolean {
  if ((c.spec.volumeMounts ?? []).some((m) => m.mountPath.replace(/\/+$/, "") === SERVICE_ACCOUNT_DIR))
    return true;
  const admitted = (pod.spec?.volumes ?? []).some((v) => v.name.startsWith("kube-api-access-"));
  return !admitted && pod.spec?.automountServiceAccountToken !== false;
}

/** The files of the container's ConfigMap and Secret volume mounts (path → text). */
function mountedFiles(pod: Pod, c: ContainerRuntime, store: ObjectStore): [string, string][] {
  const out: [string, string][] = [];
  const namespace = pod.metadata?.namespace ?? "default";
  for (const m of c.spec.volumeMounts ?? []) {
    const volume = (pod.spec?.volumes ?? []).find((v) => v.name === m.name);
    const data = volume ? volumeData(volume, namespace, store) : undefined;
    if (!data || !volume) continue;
    const items = volume.configMap?.items ?? volume.secret?.items;
    const dir = m.mountPath.replace(/\/+$/, "");
    if (m.subPath !== undefined) {
      const key = keyFor(items, m.subPath);
      if (key !== undefined && data[key] !== undefined) out.push([dir, data[key]]);
      continue;
    }
    const entries: [string, string][] = items
      ? items.filter((i) => data[i.key] !== undefined).map((i) => [i.path, data[i.key]])
      : Object.entries(data);
    for (const [file, text] of entries) out.push([`${dir}/${file}`, text]);
  }
  return out;
}

/** The key whose projected path is `subPath`. */
function keyFor(items: KeyToPath[] | undefined, subPath: string): string | undefined {
  return items ? items.find((i) => i.path === subPath)?.key : subPath;
}

/** A ConfigMap's data, or a Secret's decoded data, by key. */
function volumeData(
  volume: Volume,
  namespace: string,
  store: ObjectStore,
): Record<string, string> | undefined {
  if (volume.configMap?.name) {
    const cm = store.get("ConfigMap", namespace, volume.configMap.name) as ConfigMap | undefined;
    return cm ? { ...(cm.data ?? {}), ...decodeAll(cm.binaryData) } : undefined;
  }
  if (volume.secret?.secretName) {
    const secret = store.get("Secret", namespace, volume.secret.secretName) as Secret | undefined;
    return secret ? { ...decodeAll(secret.data), ...(secret.stringData ?? {}) } : undefined;
  }
  return undefined;
}

function decodeAll(data: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(data ?? {})) out[k] = decodeBase64(v);
  return out;
}

/** Base64 to UTF-8 text (atob and TextDecoder exist in Node and in the Web Worker). */
function decodeBase64(b64: string): string {
  try {
    const binary = atob(b64);
    return new TextDecoder().decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0)));
  } catch {
    return "";
  }
}

/**
 * The message of a terminated instance: the termination-log file's (last 4 KiB); when that
 * is empty, policy FallbackToLogsOnError and the exit code non-zero, the tail of its log.
 */
export function terminationMessage(
  c: ContainerRuntime,
  exitCode: number,
  logs: LogStore,
  podUid: string,
): string | undefined {
  // An untouched tree's termination log is the empty file the kubelet made.
  const read = c.fs?.untouched ? "" : c.fs?.read(c.spec.terminationMessagePath ?? TERMINATION_LOG);
  const file = typeof read === "string" ? read : "";
  if (file !== "") return file.slice(-MAX_MESSAGE_BYTES);
  if (c.spec.terminationMessagePolicy !== "FallbackToLogsOnError" || exitCode === 0) return undefined;
  const lines = logs.read(podUid, c.spec.name, c.containerID ?? "") ?? [];
  const tail = lines
    .slice(-MAX_LOG_LINES)
    .map((l) => (l.partial ? l.text : `${l.text}\n`))
    .join("");
  return tail === "" ? undefined : tail.slice(-MAX_LOG_BYTES);
}
