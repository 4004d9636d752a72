import type { KubeObject } from "../../api/types";
import { humanDuration } from "../../apimachinery/duration";
import { labelSelectorAsSelector } from "../../apimachinery/labels";
import { parseTimestamp } from "../../util/clock";
import { formatLabelSelector, selectorString } from "../printers/format";
import { PrefixWriter } from "./prefixWriter";
import {
  controllerOf,
  type DescribeContext,
  describeEvents,
  describePodTemplate,
  printAnnotations,
  printLabels,
  rfc1123z,
} from "./sections";

function header(w: PrefixWriter, obj: KubeObject): void {
  w.write(0, `Name:\t${obj.metadata.name}\n`);
  w.write(0, `Namespace:\t${obj.metadata.namespace}\n`);
}

function conditionsTable(
  w: PrefixWriter,
  conditions: { type: string; status: string; reason?: string }[] | undefined,
): void {
  if (!conditions?.length) return;
  w.write(0, "Conditions:\n  Type\tStatus\tReason\n");
  w.write(1, "----\t------\t------\n");
  for (const c of conditions) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ""}\n`);
}

/** The ReplicaSets a Deployment owns, split into the new one (matching its template) and the old ones. */
function replicaSetsOf(d: KubeObject, ctx: DescribeContext): { oldRSs: KubeObject[]; newRS?: KubeObject } {
  const owned = ctx
    .list("ReplicaSet", d.metadata.namespace)
    .filter((rs) => rs.metadata.ownerReferences?.some((r) => r.controller && r.uid === d.metadata.uid));
  const templateOf = (rs: KubeObject) => {
    const t = structuredClone(rs.spec?.template ?? {});
    if (t.metadata?.labels) delete t.metadata.labels["pod-template-hash"];
    return JSON.stringify(t);
  };
  const wanted = JSON.stringify(d.spec?.template ?? {});
  const byAge = [...owned].sort(
    (a, b) =>
      (parseTimestamp(a.metadata.creationTimestamp) ?? 0) -
      (parseTimestamp(b.metadata.creationTimestamp) ?? 0),
  );
  const newRS = byAge.find((rs) => templateOf(rs) === wanted);
  return { oldRSs: byAge.filter((rs) => rs !== newRS), newRS };
}

function replicaSetList(list: KubeObject[]): string {
  const text = list
    .map(
      (rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`,
    )
    .join(", ");
  return text || "<none>";
}

/** describeDeployment: replicas, strategy, the pod template, conditions and its ReplicaSets. */
export function describeDeployment(d: KubeObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  const spec = d.spec ?? {};
  const status = d.status ?? {};
  header(w, d);
  w.write(0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
  printLabels(w, "Labels", d.metadata.labels);
  printAnnotations(w, "Annotations", d.metadata.annotations);
  w.write(0, `Selector:\t${selectorString(spec.selector)}\n`);
  w.write(
    0,
    `Replicas:\t${spec.replicas ?? 0} desired | ${status.updatedReplicas ?? 0} updated | ${status.replicas ?? 0} total | ${status.availableReplicas ?? 0} available | ${status.unavailableReplicas ?? 0} unavailable\n`,
  );
  w.write(0, `StrategyType:\t${spec.strategy?.type ?? ""}\n`);
  w.write(0, `MinReadySeconds:\t${spec.minReadySeconds ?? 0}\n`);
  const ru = spec.strategy?.rollingUpdate;
  if (ru)
    w.write(0, `RollingUpdateStrategy:\t${ru.maxUnavailable} max unavailable, ${ru.maxSurge} max surge\n`);
  describePodTemplate(w, spec.template);
  conditionsTable(w, status.conditions);
  const { oldRSs, newRS } = replicaSetsOf(d, ctx);
  // GetAllReplicaSets' first result: old ReplicaSets that still have replicas (scaled-to-zero ones are history).
  const activeOld = oldRSs.filter((rs) => (rs.spec?.replicas ?? 1) !== 0);
  w.write(0, `OldReplicaSets:\t${replicaSetList(activeOld)}\n`);
  w.write(0, `NewReplicaSet:\t${replicaSetList(newRS ? [newRS] : [])}\n`);
  describeEvents(w, d, ctx);
  return w.toString();
}

/** getPodStatusForController: the phases of the pods a controller owns. */
function podPhases(obj: KubeObject, ctx: DescribeContext): Record<string, number> {
  const selector = labelSelectorAsSelector(obj.spec?.selector);
  const counts: Record<string, number> = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 };
  for (const pod of ctx.list("Pod", obj.metadata.namespace)) {
    if (!selector.matches(pod.metadata.labels ?? {})) continue;
    if (!pod.metadata.ownerReferences?.some((r) => r.controller && r.uid === obj.metadata.uid)) continue;
    const phase = pod.status?.phase ?? "Pending";
    counts[phase] = (counts[phase] ?? 0) + 1;
  }
  return counts;
}

/** describeReplicaSet: selector, replica counts, pod phases, template, conditions, events. */
export function describeReplicaSet(rs: KubeObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  header(w, rs);
  w.write(0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`);
  printLabels(w, "Labels", rs.metadata.labels);
  printAnnotations(w, "Annotations", rs.metadata.annotations);
  const controlledBy = controllerOf(rs);
  if (controlledBy) w.write(0, `Controlled By:\t${controlledBy}\n`);
  w.write(0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 0} desired\n`);
  const p = podPhases(rs, ctx);
  w.write(0, "Pods Status:\t");
  w.write(0, `${p.Running} Running / ${p.Pending} Waiting / ${p.Succeeded} Succeeded / ${p.Failed} Failed\n`);
  describePodTemplate(w, rs.spec?.template);
  conditionsTable(w, rs.status?.conditions);
  describeEvents(w, rs, ctx);
  return w.toString();
}

/** describeJob: completions, timing, pod counts, template, events. */
export function describeJob(job: KubeObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  const spec = job.spec ?? {};
  const status = job.status ?? {};
  header(w, job);
  w.write(0, `Selector:\t${selectorString(spec.selector)}\n`);
  printLabels(w, "Labels", job.metadata.labels);
  printAnnotations(w, "Annotations", job.metadata.annotations);
  const controlledBy = controllerOf(job);
  if (controlledBy) w.write(0, `Controlled By:\t${controlledBy}\n`);
  if (spec.parallelism !== undefined) w.write(0, `Parallelism:\t${spec.parallelism}\n`);
  w.write(
    0,
    spec.completions !== undefined ? `Completions:\t${spec.completions}\n` : "Completions:\t<unset>\n",
  );
  if (spec.completionMode) w.write(0, `Completion Mode:\t${spec.completionMode}\n`);
  if (spec.suspend !== undefined) w.write(0, `Suspend:\t${spec.suspend}\n`);
  if (spec.backoffLimit !== undefined) w.write(0, `Backoff Limit:\t${spec.backoffLimit}\n`);
  if (spec.ttlSecondsAfterFinished !== undefined)
    w.write(0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`);
  if (status.startTime) w.write(0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
  if (status.completionTime) w.write(0, `Completed At:\t${rfc1123z(status.completionTime)}\n`);
  if (status.startTime && status.completionTime) {
    const ms = (parseTimestamp(status.completionTime) ?? 0) - (parseTimestamp(status.startTime) ?? 0);
    w.write(0, `Duration:\t${humanDuration(ms)}\n`);
  }
  if (spec.activeDeadlineSeconds !== undefined)
    w.write(0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  const counts = `${status.succeeded ?? 0} Succeeded / ${status.failed ?? 0} Failed`;
  w.write(
    0,
    status.ready === undefined
      ? `Pods Statuses:\t${status.active ?? 0} Active / ${counts}\n`
      : `Pods Statuses:\t${status.active ?? 0} Active (${status.ready} Ready) / ${counts}\n`,
  );
  describePodTemplate(w, spec.template);
  describeEvents(w, job, ctx);
  return w.toString();
}
