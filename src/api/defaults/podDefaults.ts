/**
 * Pod and pod-template defaults: SetDefaults_PodSpec, _Container, _Probe, _Volume,
 * _HTTPGetAction, _ObjectFieldSelector and _ResourceList of pkg/apis/core/v1/defaults.go,
 * plus SetDefaults_Pod for Pods themselves.
 */
import type { Container, Pod, PodSpec, PodTemplateSpec, Probe, Volume } from "kubernetes-types/core/v1";
import { parseQuantityValue } from "../../apimachinery/quantity";

type ResourceList = Record<string, string | number>;

/** SetDefaults_ResourceList: every quantity rounded up to milli-units and re-printed canonically. */
export function defaultResourceList(list: ResourceList | undefined): void {
  for (const name of Object.keys(list ?? {})) {
    try {
      list![name] = parseQuantityValue(list![name]).roundUp(-3).quantity.toString();
    } catch {
      // Left as is: the decode step reports malformed quantities.
    }
  }
}

/** The tag ParseImageName finds: "latest" when there is neither tag nor digest. */
export function imageTag(image: string): string {
  const at = image.indexOf("@");
  const name = at >= 0 ? image.slice(0, at) : image;
  const colon = name.lastIndexOf(":");
  const tag = colon > name.lastIndexOf("/") ? name.slice(colon + 1) : "";
  return tag === "" && at < 0 ? "latest" : tag;
}

function defaultProbe(probe: Probe | undefined): void {
  if (!probe) return;
  probe.timeoutSeconds ||= 1;
  probe.periodSeconds ||= 10;
  probe.successThreshold ||= 1;
  probe.failureThreshold ||= 3;
  defaultHandler(probe);
}

function defaultHandler(h: Pick<Probe, "httpGet"> | undefined): void {
  if (!h?.httpGet) return;
  h.httpGet.path ||= "/";
  h.httpGet.scheme ||= "HTTP";
}

/** SetDefaults_Container (+ nested probes, ports, env field refs, resources). */
export function defaultContainer(c: Container): void {
  c.imagePullPolicy ||= imageTag(c.image ?? "") === "latest" ? "Always" : "IfNotPresent";
  c.terminationMessagePath ||= "/dev/termination-log";
  c.terminationMessagePolicy ||= "File";
  for (const p of c.ports ?? []) p.protocol ||= "TCP";
  for (const e of c.env ?? []) if (e.valueFrom?.fieldRef) e.valueFrom.fieldRef.apiVersion ||= "v1";
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
  defaultHandler(c.lifecycle?.postStart);
  defaultHandler(c.lifecycle?.preStop);
  // ResourceRequirements is a struct, not a pointer: the API always returns `resources: {}`.
  c.resources ??= {};
  {
    defaultResourceList(c.resources.limits as ResourceList | undefined);
    defaultResourceList(c.resources.requests as ResourceList | undefined);
  }
}

function defaultVolume(v: Volume): void {
  // A volume with no source at all becomes an emptyDir.
  if (!Object.keys(v).some((k) => k !== "name")) v.emptyDir = {};
  if (v.secret) v.secret.defaultMode ??= 420;
  if (v.configMap) v.configMap.defaultMode ??= 420;
  if (v.projected) v.projected.defaultMode ??= 420;
  if (v.downwardAPI) v.downwardAPI.defaultMode ??= 420;
  if (v.hostPath) v.hostPath.type ??= "";
}

/** SetDefaults_PodSpec and everything nested in it (containers, init containers, volumes). */
export function defaultPodSpec(spec: PodSpec | undefined): void {
  if (!spec) return;
  spec.dnsPolicy ||= "ClusterFirst";
  spec.restartPolicy ||= "Always";
  spec.securityContext ??= {};
  spec.terminationGracePeriodSeconds ??= 30;
  spec.schedulerName ||= "default-scheduler";
  for (const c of spec.initContainers ?? []) defaultContainer(c);
  for (const c of spec.containers ?? []) defaultContainer(c);
  for (const v of spec.volumes ?? []) defaultVolume(v);
}

/**
 * Defaults of a pod template (Deployments, ReplicaSets, Jobs): the pod spec, and the
 * `creationTimestamp: null` a 1.32 API server prints for the template's zero-value metadata.
 */
export function defaultPodTemplate(template: PodTemplateSpec | undefined): void {
  if (!template) return;
  zeroCreationTimestamp(template);
  defaultPodSpec(template.spec);
}

/** metadata.creationTimestamp: null on embedded ObjectMeta (metav1.Time's zero value marshals as null). */
export function zeroCreationTimestamp(holder: { metadata?: { creationTimestamp?: string | null } }): void {
  const meta = (holder.metadata ??= {});
  if (meta.creationTimestamp === undefined) meta.creationTimestamp = null;
}

function requestsFromLimits(containers: Container[] | undefined): void {
  for (const c of containers ?? []) {
    const limits = c.resources?.limits;
    if (!limits) continue;
    const requests = (c.resources!.requests ??= {});
    for (const [name, value] of Object.entries(limits)) if (!(name in requests)) requests[name] = value;
  }
}

/**
 * SetDefaults_Pod + PodSpec: requests default to limits, enableServiceLinks true,
 * hostNetwork pods get hostPort = containerPort. The status phase is set by the registry.
 */
export function defaultPod(pod: Pod): void {
  pod.spec ??= { containers: [] };
  defaultPodSpec(pod.spec);
  requestsFromLimits(pod.spec.containers);
  requestsFromLimits(pod.spec.initContainers);
  pod.spec.enableServiceLinks ??= true;
  if (pod.spec.hostNetwork) {
    for (const c of [...(pod.spec.containers ?? []), ...(pod.spec.initContainers ?? [])]) {
      for (const p of c.ports ?? []) p.hostPort ||= p.containerPort;
    }
  }
}
