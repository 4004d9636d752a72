import type { Event } from "kubernetes-types/core/v1";
import { formatTimestamp } from "../util/clock";
import { typeOfKind } from "./registry";
import type { ApiServer } from "./server";
import type { KubeObject } from "./types";
import { type CorrelatedEvent, EventCorrelator } from "./eventCorrelator";

/** Who reports an event: `source.component` and, for kubelets, `source.host`. */
export interface EventSource {
  component: string;
  host?: string;
}

/** Components that record through the events.k8s.io API (EventSeries, no correlator). */
const SERIES_SOURCES = new Set(["default-scheduler"]);

/**
 * Records v1 Events as client-go's EventRecorder does: each source (a controller, the
 * scheduler, one node's kubelet) runs its own EventCorrelator, which counts repeats,
 * combines similar events and drops spam; then the Event is created, or the remembered one
 * patched with its new count, message and lastTimestamp.
 * Names are `<object name>.<hex nanoseconds>`, from the simulated clock.
 */
export class EventRecorder {
  private correlators = new Map<string, Map<string, EventCorrelator>>();
  private nanoBump = 0;
  private nanoOf = Number.NaN;
  private nanoBase = 0n;

  constructor(private readonly api: ApiServer) {}

  normal(source: EventSource, object: KubeObject, reason: string, message: string): void {
    this.record(source, object, "Normal", reason, message);
  }

  warning(source: EventSource, object: KubeObject, reason: string, message: string): void {
    this.record(source, object, "Warning", reason, message);
  }

  private record(
    source: EventSource,
    object: KubeObject,
    type: string,
    reason: string,
    message: string,
  ): void {
    const namespace = object.metadata.namespace || "default";
    if (!this.api.store.get("Namespace", "", namespace)) return;
    const now = this.api.clock.now();
    const draft = {
      component: source.component,
      host: source.host ?? "",
      object: {
        kind: object.kind,
        apiVersion: object.apiVersion,
        namespace: object.metadata.namespace ?? "",
        name: object.metadata.name ?? "",
        uid: object.metadata.uid ?? "",
      },
      type,
      reason,
      message,
    };
    const event = this.correlatorOf(draft).correlate(draft, now, (name) => `${name}.${this.nanoHex(now)}`);
    if (!event) return;
    const existing = event.count > 1 ? this.api.store.get("Event", namespace, event.name) : undefined;
    if (existing) {
      this.api.update({
        ...existing,
        count: event.count,
        message: event.message,
        lastTimestamp: formatTimestamp(now),
      });
      return;
    }
    // A repeat whose Event is gone (expired or deleted) is created again, as client-go does.
    this.api.create(this.newEvent(namespace, source, object, type, reason, event, now) as KubeObject, {
      fresh: true,
    });
  }

  private correlatorOf(draft: { component: string; host: string }): EventCorrelator {
    // By component, then host: no key string to build and hash for every event.
    let byHost = this.correlators.get(draft.component);
    if (!byHost) {
      byHost = new Map();
      this.correlators.set(draft.component, byHost);
    }
    let correlator = byHost.get(draft.host);
    if (!correlator) {
      correlator = new EventCorrelator(SERIES_SOURCES.has(draft.component));
      byHost.set(draft.host, correlator);
    }
    return correlator;
  }

  /** The new Event, as plain JSON (no undefined members): the API server stores it as built. */
  private newEvent(
    namespace: string,
    source: EventSource,
    object: KubeObject,
    type: string,
    reason: string,
    event: CorrelatedEvent,
    now: number,
  ): Event {
    const meta = object.metadata;
    const involvedObject: Event["involvedObject"] = { apiVersion: object.apiVersion, kind: object.kind };
    if (meta.name !== undefined) involvedObject.name = meta.name;
    if (meta.namespace !== undefined && typeOfKind(object.kind)?.namespaced)
      involvedObject.namespace = meta.namespace;
    if (meta.uid !== undefined) involvedObject.uid = meta.uid;
    if (meta.resourceVersion !== undefined) involvedObject.resourceVersion = meta.resourceVersion;
    const created: Event = {
      apiVersion: "v1",
      kind: "Event",
      metadata: { name: event.name, namespace },
      involvedObject,
      reason,
      message: event.message,
      source: source.host
        ? { component: source.component, host: source.host }
        : { component: source.component },
      firstTimestamp: formatTimestamp(event.firstTimestamp),
      lastTimestamp: formatTimestamp(now),
      count: event.count,
      type,
    };
    // client-go's aggregate Event is built without the reporting fields.
    if (!event.combined) {
      created.reportingComponent = source.component;
      created.reportingInstance = source.host ?? "";
    }
    return created;
  }

  /** Unique, increasing hex nanoseconds for names even when events share an instant. */
  private nanoHex(now: number): string {
    this.nanoBump = (this.nanoBump + 1) % 1_000_000;
    // Many events share an instant: convert it to nanoseconds once.
    if (now !== this.nanoOf) {
      this.nanoOf = now;
      this.nanoBase = BigInt(now) * 1_000_000n;
    }
    return (this.nanoBase + BigInt(this.nanoBump)).toString(16);
  }
}
