import type {
  Container,
  ContainerState,
  ContainerStatus,
  PodTemplateSpec,
  Probe,
  Toleration,
  Volume,
} from "kubernetes-types/core/v1";
import type { KubeObject } from "../../api/types";
import { translateTimestampSince } from "../../apimachinery/duration";
import { parseTimestamp } from "../../util/clock";
import type { PrefixWriter } from "./prefixWriter";

/** What every describer gets: the object, the cluster's objects for lookups, and the time. */
export interface DescribeContext {
  nowMs: number;
  /** Every stored object of a kind (in a namespace, for namespaced kinds). */
  list: (kind: string, namespace?: string) => KubeObject[];
  /** --show-events (default true). */
  showEvents: boolean;
}

/** kubectl's skipAnnotations: the last-applied configuration never shows. */
const SKIPPED_ANNOTATIONS = new Set(["kubectl.kubernetes.io/last-applied-configuration"]);
const MAX_ANNOTATION_LEN = 140;

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Go's time.RFC1123Z in UTC: `Mon, 05 Jan 2026 10:00:00 +0000`. */
export function rfc1123z(timestamp: string | undefined): string {
  const ms = parseTimestamp(timestamp) ?? Date.UTC(1, 0, 1);
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, "0");
  const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCFullYear()).padStart(4, "0")} ${time} +0000`;
}

/** Go's sort.Strings order (byte-wise). */
export function sortedKeys(map: Record<string, unknown>): string[] {
  return Object.keys(map).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** printLabelsMultilineWithIndent: `Labels:  a=b` then one `key=value` per line, or `<none>`. */
export function printLabels(
  w: PrefixWriter,
  title: string,
  labels: Record<string, string> | undefined,
  initialIndent = "",
): void {
  w.write(0, `${initialIndent}${title}:\t`);
  const keys = sortedKeys(labels ?? {});
  if (keys.length === 0) return w.writeLine("<none>");
  keys.forEach((key, i) => {
    if (i !== 0) w.write(0, `${initialIndent}\t`);
    w.write(0, `${key}=${labels?.[key]}\n`);
  });
}

/** printAnnotationsMultiline: `key: value`, long or multi-line values on their own lines. */
export function printAnnotations(
  w: PrefixWriter,
  title: string,
  annotations: Record<string, string> | undefined,
): void {
  w.write(0, `${title}:\t`);
  const keys = sortedKeys(annotations ?? {}).filter((k) => !SKIPPED_ANNOTATIONS.has(k));
  if (keys.length === 0) return w.writeLine("<none>");
  keys.forEach((key, i) => {
    if (i !== 0) w.write(0, "\t");
    const value = (annotations?.[key] ?? "").replace(/\n$/, "");
    if (value.length + key.length + 2 > MAX_ANNOTATION_LEN || value.includes("\n")) {
      w.write(0, `${key}:\n`);
      for (const line of value.split("\n")) w.write(0, `\t  ${shorten(line, MAX_ANNOTATION_LEN - 2)}\n`);
    } else {
      w.write(0, `${key}: ${value}\n`);
    }
  });
}

function shorten(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max)}...` : s;
}

/** printController: `ReplicaSet/web-7c5d` for the object's controller owner, or "". */
export function controllerOf(obj: KubeObject): string {
  const ref = obj.metadata.ownerReferences?.find((r) => r.controller);
  return ref ? `${ref.kind}/${ref.name}` : "";
}

/** DescribeEvents: the events about an object, oldest last-seen first, or `Events: <none>`. */
export function describeEvents(w: PrefixWriter, obj: KubeObject, ctx: DescribeContext): void {
  if (!ctx.showEvents) return;
  const events = eventsFor(obj, ctx);
  if (events.length === 0) return w.write(0, "Events:\t<none>\n");
  w.flush();
  w.write(0, "Events:\n  Type\tReason\tAge\tFrom\tMessage\n");
  w.write(1, "----\t------\t----\t----\t-------\n");
  for (const e of events) {
    const first = translateTimestampSince(e.eventTime ?? e.firstTimestamp, ctx.nowMs);
    const interval =
      (e.count ?? 1) > 1
        ? `${translateTimestampSince(e.lastTimestamp, ctx.nowMs)} (x${e.count} over ${first})`
        : first;
    const source = e.source?.component || e.reportingComponent || "";
    w.write(1, `${e.type}\t${e.reason}\t${interval}\t${source}\t${String(e.message ?? "").trim()}\n`);
  }
}

/**
 * searchEvents: the Events whose involvedObject is this object (name, namespace, kind, uid),
 * oldest last-seen first, as `describe` lists them. Exported for the UI's inspector.
 */
export function eventsFor(obj: KubeObject, ctx: DescribeContext): KubeObject[] {
  const namespace = obj.metadata.namespace || "default";
  const time = (e: KubeObject) => parseTimestamp(e.lastTimestamp) ?? parseTimestamp(e.eventTime) ?? 0;
  return ctx
    .list("Event", namespace)
    .filter((e) => {
      const ref = e.involvedObject ?? {};
      return (
        ref.name === obj.metadata.name && ref.kind === obj.kind && (!ref.uid || ref.uid === obj.metadata.uid)
      );
    })
    .map((e, index) => ({ e, index }))
    .sort((a, b) => time(a.e) - time(b.e) || a.index - b.index)
    .map(({ e }) => e);
}

/** DescribePodTemplate: the template's labels, containers, volumes and scheduling hints. */
export function describePodTemplate(w: PrefixWriter, template: PodTemplateSpec | undefined): void {
  w.write(0, "Pod Template:\n");
  if (!template) return w.write(1, "<unset>");
  printLabels(w, "  Labels", template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0)
    printAnnotations(w, "  Annotations", template.metadata?.annotations);
  const spec = template.spec;
  if (spec?.serviceAccountName) w.write(1, `Service Account:\t${spec.serviceAccountName}\n`);
  if (spec?.initContainers?.length)
    describeContainers(w, "Init Containers", spec.initContainers, undefined, "  ");
  describeContainers(w, "Containers", spec?.containers ?? [], undefined, "  ");
  describeVolumes(w, spec?.volumes ?? [], "  ");
  if (spec?.priorityClassName) w.write(1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  printLabels(w, "  Node-Selectors", spec?.nodeSelector);
  printTolerations(w, "  Tolerations", spec?.tolerations);
}

/** describeVolumes, for the volume kinds the playground's pods use. */
export function describeVolumes(w: PrefixWriter, volumes: readonly Volume[], space: string): void {
  if (volumes.length === 0) return w.write(0, `${space}Volumes:\t<none>\n`);
  w.write(0, `${space}Volumes:\n`);
  for (const v of volumes) {
    const nameIndent = space ? " " : "";
    w.write(1, `${nameIndent}${v.name}:\n`);
    if (v.emptyDir) {
      w.write(2, "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n");
      w.write(2, `Medium:\t${v.emptyDir.medium ?? ""}\n`);
      w.write(2, `SizeLimit:\t${v.emptyDir.sizeLimit ?? "<unset>"}\n`);
    } else if (v.configMap) {
      w.write(2, "Type:\tConfigMap (a volume populated by a ConfigMap)\n");
      w.write(2, `Name:\t${v.configMap.name}\n`);
      w.write(2, `Optional:\t${Boolean(v.configMap.optional)}\n`);
    } else if (v.secret) {
      w.write(2, "Type:\tSecret (a volume populated by a Secret)\n");
      w.write(2, `SecretName:\t${v.secret.secretName}\n`);
      w.write(2, `Optional:\t${Boolean(v.secret.optional)}\n`);
    } else if (v.projected) {
      describeProjected(w, v.projected);
    } else {
      w.write(2, `<unknown>\n`);
    }
  }
}

/** printProjectedVolumeSource: one line per source; Optional pointers print as Go's %v (`<nil>`). */
function describeProjected(w: PrefixWriter, projected: NonNullable<Volume["projected"]>): void {
  w.write(2, "Type:\tProjected (a volume that contains injected data from multiple sources)\n");
  const optional = (value: boolean | undefined) => (value === undefined ? "<nil>" : String(value));
  for (const source of projected.sources ?? []) {
    if (source.secret) {
      w.write(2, `SecretName:\t${source.secret.name ?? ""}\n`);
      w.write(2, `SecretOptionalName:\t${optional(source.secret.optional)}\n`);
    } else if (source.downwardAPI) {
      w.write(2, "DownwardAPI:\ttrue\n");
    } else if (source.configMap) {
      w.write(2, `ConfigMapName:\t${source.configMap.name ?? ""}\n`);
      w.write(2, `ConfigMapOptional:\t${optional(source.configMap.optional)}\n`);
    } else if (source.serviceAccountToken) {
      w.write(2, `TokenExpirationSeconds:\t${source.serviceAccountToken.expirationSeconds ?? 0}\n`);
    }
  }
}

/** printTolerationsMultilineWithIndent: `key=value:Effect op=Exists for 300s`, or `<none>`. */
export function printTolerations(
  w: PrefixWriter,
  title: string,
  tolerations: readonly Toleration[] | undefined,
): void {
  w.write(0, `${title}:\t`);
  const list = tolerations ?? [];
  if (list.length === 0) return w.writeLine("<none>");
  list.forEach((t, i) => {
    if (i !== 0) w.write(0, `${title.startsWith("  ") ? "  " : ""}\t`);
    let text = t.key ?? "";
    if (t.value) text += `=${t.value}`;
    if (t.effect) text += `:${t.effect}`;
    if (t.operator === "Exists" && !t.value) text += t.key ? " op=Exists" : "op=Exists";
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null)
      text += ` for ${t.tolerationSeconds}s`;
    w.write(0, `${text}\n`);
  });
}

/** describeContainers: one block per container, with its status when the pod has one. */
export function describeContainers(
  w: PrefixWriter,
  label: string,
  containers: readonly Container[],
  statuses: readonly ContainerStatus[] | undefined,
  space: string,
): void {
  w.write(0, `${space}${label}:${containers.length === 0 ? " <none>" : ""}\n`);
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]));
  for (const c of containers) {
    const status = statuses ? byName.get(c.name) : undefined;
    w.write(1, `${space ? " " : ""}${c.name}:\n`);
    if (status) w.write(2, `Container ID:\t${status.containerID ?? ""}\n`);
    w.write(2, `Image:\t${c.image ?? ""}\n`);
    if (status) w.write(2, `Image ID:\t${status.imageID ?? ""}\n`);
    const ports = (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? "TCP"}`).join(", ");
    const hostPorts = (c.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? "TCP"}`).join(", ");
    w.write(2, ports.includes(",") ? `Ports:\t${ports}\n` : `Port:\t${ports || "<none>"}\n`);
    w.write(
      2,
      hostPorts.includes(",") ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${hostPorts || "<none>"}\n`,
    );
    describeCommand(w, c);
    if (status) describeContainerState(w, status);
    describeResources(w, c.resources as Record<string, Record<string, string>> | undefined);
    if (c.livenessProbe) w.write(2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
    if (c.readinessProbe) w.write(2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
    if (c.startupProbe) w.write(2, `Startup:\t${describeProbe(c.startupProbe)}\n`);
    describeEnv(w, c);
    w.write(2, `Mounts:${(c.volumeMounts ?? []).length === 0 ? "\t<none>" : ""}\n`);
    const mounts = [...(c.volumeMounts ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : 1));
    for (const m of mounts) {
      const flags = [m.readOnly ? "ro" : "rw", ...(m.subPath ? [`path="${m.subPath}"`] : [])];
      w.write(3, `${m.mountPath} from ${m.name} (${flags.join(",")})\n`);
    }
  }
}

function describeCommand(w: PrefixWriter, c: Container): void {
  for (const [title, items] of [
    ["Command", c.command],
    ["Args", c.args],
  ] as const) {
    if (!items?.length) continue;
    w.write(2, `${title}:\n`);
    for (const item of items) for (const line of item.split("\n")) w.write(3, `${line}\n`);
  }
}

function describeResources(
  w: PrefixWriter,
  resources: Record<string, Record<string, string>> | undefined,
): void {
  for (const [title, key] of [
    ["Limits", "limits"],
    ["Requests", "requests"],
  ]) {
    const values = resources?.[key] ?? {};
    if (Object.keys(values).length === 0) continue;
    w.write(2, `${title}:\n`);
    for (const name of sortedKeys(values)) w.write(3, `${name}:\t${values[name]}\n`);
  }
}

function describeEnv(w: PrefixWriter, c: Container): void {
  if (c.envFrom?.length) {
    w.write(2, "Environment Variables from:\n");
    for (const e of c.envFrom) {
      const [from, name, optional] = e.configMapRef
        ? ["ConfigMap", e.configMapRef.name, e.configMapRef.optional]
        : ["Secret", e.secretRef?.name, e.secretRef?.optional];
      const prefix = e.prefix ? ` with prefix '${e.prefix}'` : "";
      w.write(3, `${name}\t${from}${prefix}\tOptional: ${Boolean(optional)}\n`);
    }
  }
  w.write(2, `Environment:${(c.env ?? []).length === 0 ? "\t<none>" : ""}\n`);
  for (const e of c.env ?? []) {
    const from = e.valueFrom;
    if (!from) {
      e.value
        ?.split("\n")
        .forEach((line, i) => w.write(3, i === 0 ? `${e.name}:\t${line}\n` : `\t${line}\n`));
      if (e.value === undefined) w.write(3, `${e.name}:\t\n`);
    } else if (from.fieldRef) {
      w.write(3, `${e.name}:\t (${from.fieldRef.apiVersion ?? "v1"}:${from.fieldRef.fieldPath})\n`);
    } else if (from.secretKeyRef) {
      w.write(
        3,
        `${e.name}:\t<set to the key '${from.secretKeyRef.key}' in secret '${from.secretKeyRef.name}'>\tOptional: ${Boolean(from.secretKeyRef.optional)}\n`,
      );
    } else if (from.configMapKeyRef) {
      w.write(
        3,
        `${e.name}:\t<set to the key '${from.configMapKeyRef.key}' of config map '${from.configMapKeyRef.name}'>\tOptional: ${Boolean(from.configMapKeyRef.optional)}\n`,
      );
    }
  }
}

/** DescribeProbe: `http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3`. */
export function describeProbe(p: Probe): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 0}s period=${p.periodSeconds ?? 0}s #success=${p.successThreshold ?? 0} #failure=${p.failureThreshold ?? 0}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(" ")}] ${attrs}`;
  if (p.httpGet) {
    const scheme = (p.httpGet.scheme ?? "HTTP").toLowerCase();
    return `http-get ${scheme}://${p.httpGet.host ?? ""}:${p.httpGet.port}${p.httpGet.path ?? ""} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ""}:${p.tcpSocket.port} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ""} ${attrs}`;
  return `unknown ${attrs}`;
}

function describeContainerState(w: PrefixWriter, status: ContainerStatus): void {
  describeState(w, "State", status.state);
  if (status.lastState?.terminated) describeState(w, "Last State", status.lastState);
  w.write(2, `Ready:\t${status.ready ? "True" : "False"}\n`);
  w.write(2, `Restart Count:\t${status.restartCount ?? 0}\n`);
}

function describeState(w: PrefixWriter, name: string, state: ContainerState | undefined): void {
  if (state?.running) {
    w.write(2, `${name}:\tRunning\n`);
    w.write(3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(2, `${name}:\tTerminated\n`);
    if (t.reason) w.write(3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(3, `Message:\t${t.message}\n`);
    w.write(3, `Exit Code:\t${t.exitCode}\n`);
    if ((t.signal ?? 0) > 0) w.write(3, `Signal:\t${t.signal}\n`);
    w.write(3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(2, `${name}:\tWaiting\n`);
    if (state?.waiting?.reason) w.write(3, `Reason:\t${state.waiting.reason}\n`);
  }
}
