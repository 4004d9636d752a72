/**
 * The Endpoints controller (pkg/controller/endpoint/endpoints_controller.go): keeps, for
 * every Service with a selector, an Endpoints object of the same name listing the matching
 * pods' IPs (ready ones in `addresses`, the rest in `notReadyAddresses`) with the ports
 * their targetPorts resolve to. Services without a selector, and ExternalName Services, are
 * left alone; an Endpoints whose Service is gone is deleted.
 */
import type { Endpoints, Pod, Service } from "kubernetes-types/core/v1";
import { refOf, type KubeObject, type WatchEvent } from "../../api/types";
import { formatTimestamp } from "../../util/clock";
import { type Controller, type ControllerContext, enqueueSelf, objectKey, splitKey } from "../controller";
import { repackSubsets } from "./repack";
import {
  type AddressEntry,
  endpointPort,
  findPort,
  isPodReady,
  podAddress,
  shouldPodBeInEndpoints,
} from "./subsets";
import { TriggerTimeTracker } from "./triggerTime";

export const ENDPOINTS_CONTROLLER = "endpoint-controller";
/** v1.EndpointsLastChangeTriggerTime */
export const LAST_CHANGE_TRIGGER_TIME = "endpoints.kubernetes.io/last-change-trigger-time";
/** v1.IsHeadlessService: set on the Endpoints of a Service without a ClusterIP. */
export const HEADLESS_LABEL = "service.kubernetes.io/headless";

/** Creates the controller; its pod-label memory plays the informer cache's old object. */
export function endpointsController(): Controller {
  const tracker = new TriggerTimeTracker();
  const lastLabels = new Map<string, Record<string, string>>();
  return {
    name: ENDPOINTS_CONTROLLER,
    watches: [
      enqueueSelf("Service"),
      { kind: "Pod", keys: (event, ctx) => servicesForPod(event, ctx, lastLabels) },
      { kind: "Endpoints", keys: (event) => (event.type === "DELETED" ? [objectKey(event.object)] : []) },
    ],
    reconcile: (key, ctx) => {
      syncService(key, ctx, tracker);
      return undefined;
    },
  };
}

/** updatePod: the Services the pod matched before the change and those it matches now. */
function servicesForPod(
  event: WatchEvent,
  ctx: ControllerContext,
  lastLabels: Map<string, Record<string, string>>,
): string[] {
  const pod = event.object;
  // By uid: the stored string, hashed once, not a key built for every pod write.
  const podKey = pod.metadata.uid ?? objectKey(pod);
  const before = lastLabels.get(podKey);
  const now = pod.metadata.labels ?? {};
  if (event.type === "DELETED") lastLabels.delete(podKey);
  else lastLabels.set(podKey, now);
  const keys: string[] = [];
  for (const svc of ctx.api.store.list("Service", pod.metadata.namespace ?? "")) {
    const selector = svc.spec?.selector as Record<string, string> | undefined;
    if (!selector) continue;
    if (selects(selector, now) || (before && selects(selector, before))) keys.push(objectKey(svc));
  }
  return keys;
}

/** labels.Set(selector).AsSelector(): every key equal (an empty selector selects every pod). */
function selects(selector: Record<string, string>, labels: Record<string, string>): boolean {
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

function syncService(key: string, ctx: ControllerContext, tracker: TriggerTimeTracker): void {
  const { namespace, name } = splitKey(key);
  const service = ctx.api.store.get("Service", namespace, name) as (KubeObject & Service) | undefined;
  if (!service) return deleteEndpoints(namespace, name, ctx, tracker, key);
  const selector = service.spec?.selector as Record<string, string> | undefined;
  if (service.spec?.type === "ExternalName" || !selector) return;
  const pods = ctx.api.store
    .list("Pod", namespace)
    .filter((p) => selects(selector, p.metadata.labels ?? {})) as (KubeObject & Pod)[];
  const triggerTime = tracker.compute(key, service, pods);
  const entries = podEntries(service, pods);
  const subsets = repackSubsets(entries);
  const current = ctx.api.store.get("Endpoints", namespace, name);
  const desired = desiredEndpoints(service, current, subsets, triggerTime);
  const observed = describe(service, pods, entries);
  if (current && sameContent(current, desired, service)) {
    ctx.trace.record({ component: ENDPOINTS_CONTROLLER, object: refOf(service), observed, actions: [] });
    return;
  }
  const written = current ? ctx.api.update(desired) : ctx.api.create(desired);
  const verb = current ? "updated" : "created";
  ctx.trace.record({
    component: ENDPOINTS_CONTROLLER,
    object: refOf(service),
    observed,
    actions: [`${verb} endpoints ${name}: ${summary(written as Endpoints)}`],
    touched: [refOf(written)],
  });
}

function deleteEndpoints(
  namespace: string,
  name: string,
  ctx: ControllerContext,
  tracker: TriggerTimeTracker,
  key: string,
): void {
  tracker.forget(key);
  const ep = ctx.api.store.get("Endpoints", namespace, name);
  if (!ep) return;
  ctx.api.delete("Endpoints", namespace, name);
  ctx.trace.record({
    component: ENDPOINTS_CONTROLLER,
    object: { kind: "Service", namespace, name },
    observed: `service ${name} no longer exists`,
    actions: [`deleted endpoints ${name}`],
    touched: [refOf(ep)],
  });
}

/** One entry per pod and service port (one per pod for a headless Service without ports). */
function podEntries(service: Service, pods: readonly Pod[]): AddressEntry[] {
  const spec = service.spec ?? {};
  const publish = spec.publishNotReadyAddresses === true;
  const entries: AddressEntry[] = [];
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, publish)) continue;
    const address = podAddress(pod, service);
    if (!address) continue;
    const ready = publish || isPodReady(pod);
    if (!spec.ports?.length) {
      if (spec.clusterIP === "None") entries.push({ address, ready, ports: [] });
      continue;
    }
    for (const servicePort of spec.ports) {
      const port = findPort(pod, servicePort);
      if (port !== undefined) entries.push({ address, ready, ports: [endpointPort(servicePort, port)] });
    }
  }
  return entries;
}

function desiredEndpoints(
  service: Service,
  current: KubeObject | undefined,
  subsets: Endpoints["subsets"],
  triggerTime: number | undefined,
): KubeObject {
  const base: KubeObject = current
    ? (JSON.parse(JSON.stringify(current)) as KubeObject)
    : {
        apiVersion: "v1",
        kind: "Endpoints",
        metadata: { name: service.metadata?.name, namespace: service.metadata?.namespace },
      };
  const labels: Record<string, string> = { ...(service.metadata?.labels ?? {}) };
  if (!service.spec?.clusterIP || service.spec.clusterIP === "None") labels[HEADLESS_LABEL] = "";
  if (Object.keys(labels).length > 0) base.metadata.labels = labels;
  else delete base.metadata.labels;
  const annotations = { ...(base.metadata.annotations ?? {}) };
  if (triggerTime !== undefined) annotations[LAST_CHANGE_TRIGGER_TIME] = formatTimestamp(triggerTime);
  else delete annotations[LAST_CHANGE_TRIGGER_TIME];
  if (Object.keys(annotations).length > 0) base.metadata.annotations = annotations;
  else delete base.metadata.annotations;
  if (subsets?.length) base.subsets = subsets;
  else delete base.subsets;
  return base;
}

/** The controller skips the write when subsets and labels (headless label aside) are unchanged. */
function sameContent(current: KubeObject, desired: KubeObject, service: Service): boolean {
  const labels = { ...(current.metadata.labels ?? {}) };
  delete labels[HEADLESS_LABEL];
  const sameLabels =
    JSON.stringify(sortKeys(labels)) === JSON.stringify(sortKeys(service.metadata?.labels ?? {}));
  return sameLabels && JSON.stringify(current.subsets ?? []) === JSON.stringify(desired.subsets ?? []);
}

function sortKeys(map: Record<string, string>): [string, string][] {
  return Object.entries(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function describe(service: Service, pods: readonly Pod[], entries: readonly AddressEntry[]): string {
  const selector = Object.entries(service.spec?.selector ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(",");
  const ready = new Set(entries.filter((e) => e.ready).map((e) => e.address.ip));
  const notReady = new Set(entries.filter((e) => !e.ready).map((e) => e.address.ip));
  return `${pods.length} pod(s) match ${selector || "<everything>"}: ${ready.size} ready, ${notReady.size} not ready`;
}

function summary(ep: Endpoints): string {
  const ready = (ep.subsets ?? []).flatMap((s) => (s.addresses ?? []).map((a) => a.ip));
  const notReady = (ep.subsets ?? []).flatMap((s) => (s.notReadyAddresses ?? []).map((a) => a.ip));
  if (ready.length + notReady.length === 0) return "no addresses";
  const parts = [];
  if (ready.length) parts.push(`ready ${ready.join(", ")}`);
  if (notReady.length) parts.push(`not ready ${notReady.join(", ")}`);
  return parts.join("; ");
}
