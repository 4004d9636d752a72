import { refOf } from "../api/types";
import { type Controller, enqueueSelf, splitKey } from "./controller";

/** The ConfigMap every namespace gets, so that pods can verify the API server's certificate. */
export const ROOT_CA_CONFIGMAP = "kube-root-ca.crt";

/**
 * A stand-in for the cluster's CA certificate: deterministic PEM-shaped text (the simulated
 * API server has no real TLS), so `kubectl get cm` shows what a real namespace holds.
 */
const CA_CERT = [
  "-----BEGIN CERTIFICATE-----",
  "MIIBdzCCAR2gAwIBAgIBADAKBggqhkjOPQQDAjAjMSEwHwYDVQQDDBhrOHMta3Vi",
  "ZXBsYXktc2ltdWxhdGVkLWNhMB4XDTI2MDEwNTEwMDAwMFoXDTM2MDEwMzEwMDAw",
  "MFowIzEhMB8GA1UEAwwYazhzLWt1YmVwbGF5LXNpbXVsYXRlZC1jYTBZMBMGByqG",
  "SM49AgEGCCqGSM49AwEHA0IABKubeplaySimulatedClusterCertificateAuth",
  "-----END CERTIFICATE-----",
  "",
].join("\n");

/**
 * kube-controller-manager's root-ca-cert-publisher: keeps a `kube-root-ca.crt` ConfigMap
 * in every active namespace, recreating it if deleted.
 */
export function rootCaPublisher(): Controller {
  return {
    name: "root-ca-cert-publisher",
    watches: [
      enqueueSelf("Namespace"),
      {
        kind: "ConfigMap",
        keys: (event) =>
          event.object.metadata.name === ROOT_CA_CONFIGMAP ? [`/${event.object.metadata.namespace}`] : [],
      },
    ],
    reconcile(key, ctx) {
      const { name } = splitKey(key);
      const ns = ctx.api.store.get("Namespace", "", name);
      if (!ns || ns.metadata.deletionTimestamp) return undefined;
      if (ctx.api.store.get("ConfigMap", name, ROOT_CA_CONFIGMAP)) return undefined;
      ctx.api.create({
        apiVersion: "v1",
        kind: "ConfigMap",
        metadata: {
          name: ROOT_CA_CONFIGMAP,
          namespace: name,
          annotations: { "kubernetes.io/description": DESCRIPTION },
        },
        data: { "ca.crt": CA_CERT },
      });
      ctx.trace.record({
        component: "root-ca-cert-publisher",
        object: refOf(ns),
        observed: `namespace ${name} has no ${ROOT_CA_CONFIGMAP} ConfigMap`,
        actions: [`created ConfigMap ${ROOT_CA_CONFIGMAP}`],
      });
      return undefined;
    },
  };
}

const DESCRIPTION =
  "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.";
