// Which printer handles which kind. Built-in kinds without a dedicated printer (Role,
// ClusterRole, ...) get the apiserver's default table: NAME and CREATED AT
// (k8s.io/apiserver/pkg/registry/rest/table.go).
import { cronJobPrinter, jobPrinter } from "./batch";
import { configMapPrinter, namespacePrinter, secretPrinter, serviceAccountPrinter } from "./config";
import { eventPrinter } from "./event";
import { GO_ZERO_TIME_MS, parseTimestamp } from "../../apimachinery/duration";
import { nodePrinter } from "./node";
import { podPrinter } from "./pod";
import { endpointsPrinter, servicePrinter } from "./service";
import { NAME_COLUMN, type KindPrinter } from "./types";
import { daemonSetPrinter, deploymentPrinter, replicaSetPrinter, statefulSetPrinter } from "./workloads";

/** The minimal shape every printed object has. */
export interface PrintableObject {
  apiVersion?: string;
  kind?: string;
  metadata?: {
    name?: string;
    namespace?: string;
    labels?: Record<string, string>;
    creationTimestamp?: string;
  };
}

const PRINTERS: readonly KindPrinter[] = [
  podPrinter,
  deploymentPrinter,
  replicaSetPrinter,
  statefulSetPrinter,
  daemonSetPrinter,
  jobPrinter,
  cronJobPrinter,
  servicePrinter,
  endpointsPrinter,
  nodePrinter,
  eventPrinter,
  namespacePrinter,
  configMapPrinter,
  secretPrinter,
  serviceAccountPrinter,
];

const BY_KIND = new Map(PRINTERS.map((p) => [p.kind, p]));

/** The API group of an apiVersion: "apps/v1" -> "apps", "v1" -> "". */
export function groupOf(apiVersion: string | undefined): string {
  const slash = (apiVersion ?? "").indexOf("/");
  return slash < 0 ? "" : (apiVersion ?? "").slice(0, slash);
}

/** creationTimestamp in Go's time.RFC3339 layout, in UTC: "2024-05-01T11:59:15Z". */
function createdAt(obj: PrintableObject): string {
  const ms = parseTimestamp(obj.metadata?.creationTimestamp) ?? GO_ZERO_TIME_MS;
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** The apiserver's default table for kinds without printer columns. */
function defaultPrinter(kind: string, sample: PrintableObject | undefined): KindPrinter<PrintableObject> {
  return {
    kind,
    group: groupOf(sample?.apiVersion),
    namespaced: Boolean(sample?.metadata?.namespace),
    columns: [NAME_COLUMN, { name: "Created At" }],
    row: (obj) => [obj.metadata?.name ?? "", createdAt(obj)],
  };
}

/**
 * The printer for a kind ("Pod", "Deployment", ...). Other kinds get the apiserver's default
 * NAME / CREATED AT table, with group and scope guessed from a sample object.
 */
export function printerFor(kind: string, sample?: PrintableObject): KindPrinter {
  return BY_KIND.get(kind) ?? (defaultPrinter(kind, sample) as KindPrinter);
}

/** The kinds with dedicated columns. */
export function printableKinds(): string[] {
  return PRINTERS.map((p) => p.kind);
}
