/**
 * Validation of the small core kinds: Namespace, ConfigMap, Secret, Node, Event.
 */
import type { ConfigMap, Event, Namespace, Node, Secret } from "kubernetes-types/core/v1";
import { utf8Length } from "../../apimachinery/labels/goString";
import { isQualifiedName } from "../../apimachinery/labels/labelValidation";
import { type FieldError, child, forbidden, invalid, key, required, tooLong } from "./fieldErrors";
import {
  nameIsDNSLabel,
  nameIsDNSSubdomain,
  sortedKeys,
  validateImmutable,
  validateKubeFinalizerName,
  validateObjectMeta,
  validateObjectMetaUpdate,
} from "./objectMeta";
import { validateResourceQuantity } from "./resources";
import { isConfigMapKey } from "./stringValidators";
import { validateNodeTaints } from "./tolerations";
import { parseQuantityValue } from "../../apimachinery/quantity";

/** core.MaxSecretSize: 1 MiB, also the ConfigMap limit. */
export const MAX_SECRET_SIZE = 1024 * 1024;

/** ValidateNamespace (cluster-scoped, DNS-1123 label name) / ValidateNamespaceUpdate. */
export function validateNamespace(ns: Namespace, old?: Namespace): FieldError[] {
  if (old) return validateObjectMetaUpdate(ns.metadata, old.metadata);
  const errs = validateObjectMeta(ns.metadata, false, nameIsDNSLabel);
  for (const f of ns.spec?.finalizers ?? []) {
    errs.push(
      ...isQualifiedName(f).map((m) => invalid("spec.finalizers", f, m)),
      ...validateKubeFinalizerName(f, "spec.finalizers"),
    );
  }
  return errs;
}

function immutableDataErrors(
  wasImmutable: boolean | undefined,
  nowImmutable: boolean | undefined,
  changed: [string, boolean][],
): FieldError[] {
  if (!wasImmutable) return [];
  const errs = nowImmutable ? [] : [forbidden("immutable", "field is immutable when `immutable` is set")];
  for (const [field, differs] of changed)
    if (differs) errs.push(forbidden(field, "field is immutable when `immutable` is set"));
  return errs;
}

const sameMap = (a?: Record<string, string>, b?: Record<string, string>): boolean =>
  JSON.stringify(sortedKeys(a).map((k) => [k, a![k]])) ===
  JSON.stringify(sortedKeys(b).map((k) => [k, b![k]]));

/** ValidateConfigMap / ValidateConfigMapUpdate: keys, no key in both maps, 1 MiB total, immutability. */
export function validateConfigMap(cm: ConfigMap, old?: ConfigMap): FieldError[] {
  const errs = old ? validateObjectMetaUpdate(cm.metadata, old.metadata) : [];
  if (old) {
    const changed: [string, boolean][] = [
      ["data", !sameMap(cm.data, old.data)],
      ["binaryData", !sameMap(cm.binaryData, old.binaryData)],
    ];
    errs.push(...immutableDataErrors(old.immutable, cm.immutable, changed));
  }
  errs.push(...validateObjectMeta(cm.metadata, true, nameIsDNSSubdomain));
  let total = 0;
  for (const k of sortedKeys(cm.data)) {
    errs.push(...isConfigMapKey(k).map((m) => invalid(key("data", k), k, m)));
    if (cm.binaryData && k in cm.binaryData)
      errs.push(invalid(key("data", k), k, "duplicate of key present in binaryData"));
    total += utf8Length(cm.data![k]);
  }
  for (const k of sortedKeys(cm.binaryData)) {
    errs.push(...isConfigMapKey(k).map((m) => invalid(key("binaryData", k), k, m)));
    total += base64DecodedLength(cm.binaryData![k]);
  }
  if (total > MAX_SECRET_SIZE) errs.push(tooLong("", MAX_SECRET_SIZE));
  return errs;
}

/** Bytes encoded by a standard base64 string (how Go sizes a []byte field). */
export function base64DecodedLength(b64: string): number {
  const s = b64.replace(/\s/g, "");
  const padding = s.endsWith("==") ? 2 : s.endsWith("=") ? 1 : 0;
  return Math.max(0, Math.floor((s.length * 3) / 4) - padding);
}

const REQUIRED_KEYS: Record<string, string[]> = {
  "kubernetes.io/dockercfg": [".dockercfg"],
  "kubernetes.io/dockerconfigjson": [".dockerconfigjson"],
  "kubernetes.io/tls": ["tls.crt", "tls.key"],
};

function validateSecretType(secret: Secret): FieldError[] {
  const data = secret.data ?? {};
  switch (secret.type) {
    case "kubernetes.io/service-account-token":
      return secret.metadata?.annotations?.["kubernetes.io/service-account.name"]
        ? []
        : [required("metadata.annotations[kubernetes.io/service-account.name]")];
    case "kubernetes.io/basic-auth":
      return "username" in data || "password" in data
        ? []
        : [required("data[username]"), required("data[password]")];
    case "kubernetes.io/ssh-auth":
      return data["ssh-privatekey"] ? [] : [required("data[ssh-privatekey]")];
    default: {
      const keys = REQUIRED_KEYS[secret.type ?? ""] ?? [];
      const missing = keys.filter((k) => !(k in data)).map((k) => required(key("data", k)));
      // dockercfg secrets stop at the first missing key.
      return secret.type === "kubernetes.io/tls" ? missing : missing.slice(0, 1);
    }
  }
}

/** ValidateSecret / ValidateSecretUpdate (stringData is already merged into data by defaulting). */
export function validateSecret(secret: Secret, old?: Secret): FieldError[] {
  const errs = old ? validateObjectMetaUpdate(secret.metadata, old.metadata) : [];
  if (old) {
    errs.push(...validateImmutable(secret.type ?? "", old.type ?? "", "type", secret.type ?? ""));
    errs.push(
      ...immutableDataErrors(old.immutable, secret.immutable, [["data", !sameMap(secret.data, old.data)]]),
    );
  }
  errs.push(...validateObjectMeta(secret.metadata, true, nameIsDNSSubdomain));
  let total = 0;
  for (const k of sortedKeys(secret.data)) {
    errs.push(...isConfigMapKey(k).map((m) => invalid(key("data", k), k, m)));
    total += base64DecodedLength(secret.data![k]);
  }
  if (total > MAX_SECRET_SIZE) errs.push(tooLong("data", MAX_SECRET_SIZE));
  return errs.concat(validateSecretType(secret));
}

function validateNodeResources(node: Node): FieldError[] {
  const errs: FieldError[] = [];
  for (const list of ["capacity", "allocatable"] as const) {
    const resources = (node.status?.[list] ?? {}) as Record<string, string | number>;
    for (const name of sortedKeys(resources)) {
      try {
        errs.push(
          ...validateResourceQuantity(name, parseQuantityValue(resources[name]), child("status", list, name)),
        );
      } catch {
        // Undecodable quantities never reach validation on a real server.
      }
    }
  }
  return errs;
}

/** ValidateNode (cluster-scoped, DNS subdomain name, taints, resources) / ValidateNodeUpdate's shared part. */
export function validateNode(node: Node, old?: Node): FieldError[] {
  const errs = old
    ? validateObjectMetaUpdate(node.metadata, old.metadata)
    : validateObjectMeta(node.metadata, false, nameIsDNSSubdomain);
  errs.push(...validateNodeTaints(node.spec?.taints, "metadata.taints"));
  return errs.concat(validateNodeResources(node));
}

/**
 * legacyValidateEvent for core/v1 Events without eventTime: the involved object's
 * namespace must match the event's (empty involved namespace allows "" or "default").
 */
export function validateEvent(event: Event, old?: Event): FieldError[] {
  const errs: FieldError[] = [];
  const ns = event.metadata?.namespace ?? "";
  const involvedNs = event.involvedObject?.namespace ?? "";
  const mismatch = event.eventTime
    ? !involvedNs && ns !== "default" && ns !== "kube-system"
    : involvedNs
      ? ns !== involvedNs
      : ns !== "" && ns !== "default";
  if (mismatch) errs.push(invalid("involvedObject.namespace", involvedNs, "does not match event.namespace"));
  if (event.eventTime && !event.reportingComponent) errs.push(required("reportingComponent"));
  if (event.eventTime && !event.reportingInstance) errs.push(required("reportingInstance"));
  if (!old && !event.metadata?.name) errs.push(required("metadata.name", "name or generateName is required"));
  return errs;
}
