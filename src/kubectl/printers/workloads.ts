// Rows for the apps/v1 workload kinds, ported from printDeployment, printReplicaSet,
// printStatefulSet and printDaemonSet in kubernetes/pkg/printers/internalversion/printers.go.
import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from "kubernetes-types/apps/v1";
import type { PodTemplateSpec } from "kubernetes-types/core/v1";
import { ageOf, formatLabelSelector, formatLabels, layoutContainerCells, selectorString } from "./format";
import { AGE_COLUMN, CONTAINER_COLUMNS, NAME_COLUMN, SELECTOR_COLUMN, definePrinter } from "./types";

/** Replicas the apiserver defaults to 1 when a manifest leaves them out. */
function desired(spec: { replicas?: number } | undefined): number {
  return spec?.replicas ?? 1;
}

function containerCells(template: PodTemplateSpec | undefined): string[] {
  return layoutContainerCells(template?.spec?.containers);
}

export const deploymentPrinter = definePrinter<Deployment>({
  kind: "Deployment",
  group: "apps",
  namespaced: true,
  columns: [
    NAME_COLUMN,
    { name: "Ready" },
    { name: "Up-to-date" },
    { name: "Available" },
    AGE_COLUMN,
    ...CONTAINER_COLUMNS,
    SELECTOR_COLUMN,
  ],
  row(d, options) {
    const status = d.status ?? {};
    const cells = [
      d.metadata?.name ?? "",
      `${status.readyReplicas ?? 0}/${desired(d.spec)}`,
      String(status.updatedReplicas ?? 0),
      String(status.availableReplicas ?? 0),
      ageOf(d, options.nowMs),
    ];
    // Deployments print selector.String() itself, so an empty selector is an empty cell.
    return options.wide
      ? [...cells, ...containerCells(d.spec?.template), selectorString(d.spec?.selector)]
      : cells;
  },
});

export const replicaSetPrinter = definePrinter<ReplicaSet>({
  kind: "ReplicaSet",
  group: "apps",
  namespaced: true,
  columns: [
    NAME_COLUMN,
    { name: "Desired" },
    { name: "Current" },
    { name: "Ready" },
    AGE_COLUMN,
    ...CONTAINER_COLUMNS,
    SELECTOR_COLUMN,
  ],
  row(rs, options) {
    const status = rs.status ?? { replicas: 0 };
    const cells = [
      rs.metadata?.name ?? "",
      String(desired(rs.spec)),
      String(status.replicas ?? 0),
      String(status.readyReplicas ?? 0),
      ageOf(rs, options.nowMs),
    ];
    return options.wide
      ? [...cells, ...containerCells(rs.spec?.template), formatLabelSelector(rs.spec?.selector)]
      : cells;
  },
});

export const statefulSetPrinter = definePrinter<StatefulSet>({
  kind: "StatefulSet",
  group: "apps",
  namespaced: true,
  columns: [NAME_COLUMN, { name: "Ready" }, AGE_COLUMN, ...CONTAINER_COLUMNS],
  row(sts, options) {
    const cells = [
      sts.metadata?.name ?? "",
      `${sts.status?.readyReplicas ?? 0}/${desired(sts.spec)}`,
      ageOf(sts, options.nowMs),
    ];
    return options.wide ? [...cells, ...containerCells(sts.spec?.template)] : cells;
  },
});

export const daemonSetPrinter = definePrinter<DaemonSet>({
  kind: "DaemonSet",
  group: "apps",
  namespaced: true,
  columns: [
    NAME_COLUMN,
    { name: "Desired" },
    { name: "Current" },
    { name: "Ready" },
    { name: "Up-to-date" },
    { name: "Available" },
    { name: "Node Selector" },
    AGE_COLUMN,
    ...CONTAINER_COLUMNS,
    SELECTOR_COLUMN,
  ],
  row(ds, options) {
    const status = ds.status;
    const cells = [
      ds.metadata?.name ?? "",
      String(status?.desiredNumberScheduled ?? 0),
      String(status?.currentNumberScheduled ?? 0),
      String(status?.numberReady ?? 0),
      String(status?.updatedNumberScheduled ?? 0),
      String(status?.numberAvailable ?? 0),
      formatLabels(ds.spec?.template?.spec?.nodeSelector),
      ageOf(ds, options.nowMs),
    ];
    return options.wide
      ? [...cells, ...containerCells(ds.spec?.template), formatLabelSelector(ds.spec?.selector)]
      : cells;
  },
});
