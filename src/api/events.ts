import type { Event } from "kubernetes-types/core/v1";
import { formatTimestamp } from "../util/clock";
import { typeOfKind } from "./registry";
import type { ApiServer } from "./server";
import type { KubeObject } from "./types";

/** Who reports an event: `source.component` and, for kubelets, `source.host`. */
export interface EventSource {
  component: string;
  host?: string;
}

/** client-go's event correlator remembers this many events (maxLruCacheEntries) to count repeats. */
const MAX_REMEMBERED_EVENTS = 4096;

/**
 * Records v1 Events as client-go's EventRecorder does: one Event object per
 * (object, reason, message, source), its count and lastTimestamp bumped on repeats (among the
 * last 4,096 distinct events, as client-go's LRU cache remembers).
 * Names are `<object name>.<hex nanoseconds>`, from the simulated clock.
 */
export class EventRecorder {
  private bySignature = new Map<string, string>();
  private nanoBump = 0;

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
    const signature = `${source.component}\u0000${source.host ?? ""}\u0000${object.metadata.uid}\u0000${type}\u0000${reason}\u0000${message}`;
    const now = this.api.clock.now();
    const existingName = this.bySignature.get(signature);
    const existing = existingName ? this.api.store.get("Event", namespace, existingName) : undefined;
    if (existingName) {
      // Most recently used last, so the oldest entry is the first to go.
      this.bySignature.delete(signature);
      this.bySignature.set(signature, existingName);
    }
    if (existing) {
      this.api.update({ ...existing, count: (existing.count ?? 1) + 1, lastTimestamp: formatTimestamp(now) });
      return;
    }
    const name = `${object.metadata.name}.${this.nanoHex(now)}`;
    this.bySignature.set(signature, name);
    if (this.bySignature.size > MAX_REMEMBERED_EVENTS) {
      const oldest = this.bySignature.keys().next().value as string;
      this.bySignature.delete(oldest);
    }
    this.api.create(this.newEvent(name, namespace, source, object, type, reason, message, now) as KubeObject);
  }

  private newEvent(
    name: string,
    namespace: string,
    source: EventSource,
    object: KubeObject,
    type: string,
    reason: string,
    message: string,
    now: number,
  ): Event {
    const objectType = typeOfKind(object.kind);
    return {
      apiVersion: "v1",
      kind: "Event",
      metadata: { name, namespace },
      involvedObject: {
        apiVersion: object.apiVersion,
        kind: object.kind,
        name: object.metadata.name,
        namespace: objectType?.namespaced ? object.metadata.namespace : undefined,
        uid: object.metadata.uid,
        resourceVersion: object.metadata.resourceVersion,
      },
      reason,
      message,
      source: source.host
        ? { component: source.component, host: source.host }
        : { component: source.component },
      firstTimestamp: formatTimestamp(now),
      lastTimestamp: formatTimestamp(now),
      count: 1,
      type,
      eventTime: undefined,
      reportingComponent: source.component,
      reportingInstance: source.host ?? "",
    };
  }

  /** Unique, increasing hex nanoseconds for names even when events share an instant. */
  private nanoHex(now: number): string {
    this.nanoBump = (this.nanoBump + 1) % 1_000_000;
    return (BigInt(now) * 1_000_000n + BigInt(this.nanoBump)).toString(16);
  }
}
