/**
 * The mutating admission plugins a new Pod passes in a default cluster: ServiceAccount
 * (plugin/pkg/admission/serviceaccount) and Priority (plugin/pkg/admission/priority).
 */
import type { Container, Pod, Volume } from "kubernetes-types/core/v1";
import { NAME_SUFFIX_ALPHABET } from "../util/random";
import { StatusError } from "./errors";

/** Where the ServiceAccount plugin mounts the API access volume in every container. */
export const SERVICE_ACCOUNT_MOUNT_PATH = "/var/run/secrets/kubernetes.io/serviceaccount";

/** The ServiceAccount name the plugin fills in when a pod names none. */
export const DEFAULT_SERVICE_ACCOUNT = "default";

/** What the plugin reads from the pod's ServiceAccount (undefined when it does not exist). */
export type ServiceAccountLookup = (
  namespace: string,
  name: string,
) => { automountServiceAccountToken?: boolean } | undefined;

/**
 * ServiceAccount admission for a new pod: serviceAccountName defaults to `default`, and unless
 * automounting is off (pod first, then the ServiceAccount) a projected `kube-api-access-xxxxx`
 * volume (token, CA bundle, namespace) is added and mounted read-only in every container.
 * A named ServiceAccount that does not exist is Forbidden. The suffix is drawn from the
 * pod's uid so that admission takes no extra random draws.
 */
export function admitServiceAccount(pod: Pod, uid: string, lookup: ServiceAccountLookup): void {
  const spec = pod.spec;
  if (!spec) return;
  // Mirror pods (static pods) are left alone by the plugin.
  if (pod.metadata?.annotations?.["kubernetes.io/config.mirror"]) return;
  spec.serviceAccountName ||= DEFAULT_SERVICE_ACCOUNT;
  spec.serviceAccount = spec.serviceAccountName;
  const namespace = pod.metadata?.namespace ?? "";
  const account = lookup(namespace, spec.serviceAccountName);
  // A missing `default` is let through: the serviceaccount controller creates it right after
  // its namespace, a race real clusters lose only for a pod sent in the same breath.
  if (!account && spec.serviceAccountName !== DEFAULT_SERVICE_ACCOUNT) {
    const sa = spec.serviceAccountName;
    throw new StatusError(
      "Forbidden",
      `pods "${pod.metadata?.name ?? ""}" is forbidden: error looking up service account ${namespace}/${sa}: serviceaccount "${sa}" not found`,
    );
  }
  const automount = spec.automountServiceAccountToken ?? account?.automountServiceAccountToken ?? true;
  if (!automount || hasTokenVolume(spec.volumes)) return;
  const name = `kube-api-access-${suffixFromUid(uid)}`;
  const containers = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
  for (const c of containers) mountTokenVolume(c, name);
  spec.volumes = [...(spec.volumes ?? []), apiAccessVolume(name)];
}

/** Priority admission without PriorityClasses: priority 0, preemptionPolicy PreemptLowerPriority. */
export function admitPriority(pod: Pod): void {
  const spec = pod.spec;
  if (!spec || spec.priorityClassName) return;
  spec.priority ??= 0;
  spec.preemptionPolicy ??= "PreemptLowerPriority";
}

function hasTokenVolume(volumes: Volume[] | undefined): boolean {
  return (volumes ?? []).some((v) => v.name.startsWith("kube-api-access-"));
}

function mountTokenVolume(c: Container, name: string): void {
  if ((c.volumeMounts ?? []).some((m) => m.mountPath === SERVICE_ACCOUNT_MOUNT_PATH)) return;
  c.volumeMounts = [
    ...(c.volumeMounts ?? []),
    { mountPath: SERVICE_ACCOUNT_MOUNT_PATH, name, readOnly: true },
  ];
}

/** Five characters of rand.String's alphabet, derived from the uid's hex digits. */
function suffixFromUid(uid: string): string {
  const hex = uid.replaceAll("-", "");
  let out = "";
  for (let i = 0; i < 5; i++) {
    const n = parseInt(hex.slice(i * 4, i * 4 + 4) || "0", 16);
    out += NAME_SUFFIX_ALPHABET[n % NAME_SUFFIX_ALPHABET.length];
  }
  return out;
}

/** The projected volume exactly as the plugin builds it (defaultMode is the defaulter's). */
function apiAccessVolume(name: string): Volume {
  return {
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: "token" } },
        { configMap: { items: [{ key: "ca.crt", path: "ca.crt" }], name: "kube-root-ca.crt" } },
        {
          downwardAPI: {
            items: [{ fieldRef: { apiVersion: "v1", fieldPath: "metadata.namespace" }, path: "namespace" }],
          },
        },
      ],
    },
  };
}
