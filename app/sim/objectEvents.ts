import type { Cluster, KubeObject } from "../../src";
import { eventsFor } from "../../src/kubectl/describe/sections";
import { parseTimestamp } from "../../src/util/clock";
import type { ObjectEventsRequest, ResponseMap } from "./protocol";

/**
 * The worker's answer to `objectEvents`: the Events about one object, found and sorted by the
 * engine's own describe code (so the inspector lists what `kubectl describe` lists), and, for a
 * moment in the past, only the ones that existed then.
 */
export function objectEvents(cluster: Cluster, request: ObjectEventsRequest): ResponseMap["objectEvents"] {
  const { kind, namespace, name, uid } = request.object;
  const object: KubeObject = { apiVersion: "", kind, metadata: { name, namespace, uid } };
  const events = eventsFor(object, {
    nowMs: cluster.now(),
    list: (k, ns) => cluster.store.list(k, ns),
    showEvents: true,
  });
  const at = request.at;
  return { events: at ? events.filter((event) => existedAt(event, at)) : events };
}

/**
 * Whether an Event existed at an earlier moment. The store keeps no creation resourceVersion,
 * so this is as exact as the Event allows: one never written again (count 1) was created at its
 * own resourceVersion; one repeated since (count > 1) was last written after the moment, so its
 * firstTimestamp decides, which has whole seconds: one first seen later in the moment's second
 * counts as existing. Events deleted since (expired, or by the learner) are not found at all.
 */
export function existedAt(event: KubeObject, at: { resourceVersion: number; time: number }): boolean {
  if (Number(event.metadata.resourceVersion) <= at.resourceVersion) return true;
  if ((event.count ?? 1) <= 1) return false;
  return (parseTimestamp(event.firstTimestamp) ?? Number.POSITIVE_INFINITY) <= at.time;
}
