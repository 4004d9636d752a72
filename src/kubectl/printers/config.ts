// Rows for Namespace, ConfigMap, Secret and ServiceAccount, ported from printNamespace,
// printConfigMap, printSecret and printServiceAccount in
// kubernetes/pkg/printers/internalversion/printers.go.
import type { ConfigMap, Namespace, Secret, ServiceAccount } from "kubernetes-types/core/v1";
import { ageOf } from "./format";
import { AGE_COLUMN, NAME_COLUMN, definePrinter } from "./types";

function count(map: Record<string, unknown> | undefined): number {
  return Object.keys(map ?? {}).length;
}

export const namespacePrinter = definePrinter<Namespace>({
  kind: "Namespace",
  group: "",
  namespaced: false,
  columns: [NAME_COLUMN, { name: "Status" }, AGE_COLUMN],
  row(ns, options) {
    return [ns.metadata?.name ?? "", ns.status?.phase ?? "", ageOf(ns, options.nowMs)];
  },
});

export const configMapPrinter = definePrinter<ConfigMap>({
  kind: "ConfigMap",
  group: "",
  namespaced: true,
  columns: [NAME_COLUMN, { name: "Data" }, AGE_COLUMN],
  row(cm, options) {
    return [cm.metadata?.name ?? "", String(count(cm.data) + count(cm.binaryData)), ageOf(cm, options.nowMs)];
  },
});

export const secretPrinter = definePrinter<Secret>({
  kind: "Secret",
  group: "",
  namespaced: true,
  columns: [NAME_COLUMN, { name: "Type" }, { name: "Data" }, AGE_COLUMN],
  row(secret, options) {
    // stringData is merged into data by the apiserver, so only data is counted.
    return [
      secret.metadata?.name ?? "",
      secret.type ?? "",
      String(count(secret.data)),
      ageOf(secret, options.nowMs),
    ];
  },
});

export const serviceAccountPrinter = definePrinter<ServiceAccount>({
  kind: "ServiceAccount",
  group: "",
  namespaced: true,
  columns: [NAME_COLUMN, { name: "Secrets" }, AGE_COLUMN],
  row(sa, options) {
    return [sa.metadata?.name ?? "", String(sa.secrets?.length ?? 0), ageOf(sa, options.nowMs)];
  },
});
