import type { KubeObject } from "../../api/types";
import { selectorString } from "../printers/format";
import { PrefixWriter } from "./prefixWriter";
import {
  type DescribeContext,
  describeEvents,
  describePodTemplate,
  printAnnotations,
  printLabels,
  rfc1123z,
  sortedKeys,
} from "./sections";

function header(w: PrefixWriter, obj: KubeObject): void {
  w.write(0, `Name:\t${obj.metadata.name}\n`);
  w.write(0, `Namespace:\t${obj.metadata.namespace}\n`);
  printLabels(w, "Labels", obj.metadata.labels);
  printAnnotations(w, "Annotations", obj.metadata.annotations);
}

/** describeCronJob: schedule, policies, the job template, last schedule and active jobs. */
export function describeCronJob(cj: KubeObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  const spec = cj.spec ?? {};
  header(w, cj);
  w.write(0, `Schedule:\t${spec.schedule ?? ""}\n`);
  w.write(0, `Concurrency Policy:\t${spec.concurrencyPolicy ?? ""}\n`);
  w.write(0, `Suspend:\t${spec.suspend === undefined ? "<unset>" : spec.suspend ? "True" : "False"}\n`);
  const limit = (value: number | undefined, title: string, unit = "") =>
    w.write(0, value === undefined ? `${title}:\t<unset>\n` : `${title}:\t${value}${unit}\n`);
  limit(spec.successfulJobsHistoryLimit, "Successful Job History Limit");
  limit(spec.failedJobsHistoryLimit, "Failed Job History Limit");
  limit(spec.startingDeadlineSeconds, "Starting Deadline Seconds", "s");
  const jobSpec = spec.jobTemplate?.spec ?? {};
  w.write(0, jobSpec.selector ? `Selector:\t${selectorString(jobSpec.selector)}\n` : "Selector:\t<unset>\n");
  limit(jobSpec.parallelism, "Parallelism");
  limit(jobSpec.completions, "Completions");
  if (jobSpec.activeDeadlineSeconds !== undefined)
    w.write(0, `Active Deadline Seconds:\t${jobSpec.activeDeadlineSeconds}s\n`);
  describePodTemplate(w, jobSpec.template);
  const last = cj.status?.lastScheduleTime;
  w.write(0, last ? `Last Schedule Time:\t${rfc1123z(last)}\n` : "Last Schedule Time:\t<unset>\n");
  const active: { name: string }[] = cj.status?.active ?? [];
  w.write(0, "Active Jobs:\t");
  w.writeLine(active.length === 0 ? "<none>" : active.map((j) => j.name).join(", "));
  describeEvents(w, cj, ctx);
  return w.toString();
}

/** ConfigMapDescriber: each key with a `----` rule, then BinaryData sizes, then events. */
export function describeConfigMap(cm: KubeObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  header(w, cm);
  w.write(0, "\nData\n====\n");
  // Go ranges over the map in random order; sorted keys keep the output stable.
  for (const key of sortedKeys(cm.data ?? {})) {
    w.write(0, `${key}:\n----\n`);
    w.write(0, `${cm.data[key]}\n`);
    w.write(0, "\n");
  }
  w.write(0, "\nBinaryData\n====\n");
  for (const key of sortedKeys(cm.binaryData ?? {}))
    w.write(0, `${key}: ${atob(cm.binaryData[key]).length} bytes\n`);
  w.write(0, "\n");
  describeEvents(w, cm, ctx);
  return w.toString();
}

/** describeSecret: the type and each key's size, never the values. */
export function describeSecret(secret: KubeObject): string {
  const w = new PrefixWriter();
  header(w, secret);
  w.write(0, `\nType:\t${secret.type ?? ""}\n`);
  w.write(0, "\nData\n====\n");
  for (const key of sortedKeys(secret.data ?? {}))
    w.write(0, `${key}:\t${atob(secret.data[key]).length} bytes\n`);
  return w.toString();
}

/** describeNamespace: status and conditions; the playground has no quotas or limit ranges. */
export function describeNamespace(ns: KubeObject): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${ns.metadata.name}\n`);
  printLabels(w, "Labels", ns.metadata.labels);
  printAnnotations(w, "Annotations", ns.metadata.annotations);
  w.write(0, `Status:\t${ns.status?.phase ?? ""}\n`);
  const conditions: Record<string, string>[] = ns.status?.conditions ?? [];
  if (conditions.length > 0) {
    w.write(0, "Conditions:\n");
    w.write(1, "Type\tStatus\tLastTransitionTime\tReason\tMessage\n");
    w.write(1, "----\t------\t------------------\t------\t-------\n");
    for (const c of conditions)
      w.write(
        1,
        `${c.type}\t${c.status}\t${rfc1123z(c.lastTransitionTime)}\t${c.reason ?? ""}\t${c.message ?? ""}\n`,
      );
  }
  w.write(0, "\nNo resource quota.\n");
  w.write(0, "\nNo LimitRange resource.\n");
  return w.toString();
}
