// The Event row of `kubectl get events`, ported from printEvent and formatEventSource in
// kubernetes/pkg/printers/internalversion/printers.go. (The "(x3 over 2m)" form belongs to
// `kubectl events` and describe, not to this table.)
import type { Event } from "kubernetes-types/core/v1";
import { parseTimestamp, translateTimestampSince } from "../../apimachinery/duration";
import { definePrinter } from "./types";

/** "component, host", falling back to the reporting controller and instance of new-style events. */
function formatEventSource(event: Event): string {
  const component = event.source?.component || event.reportingComponent || "";
  const instance = event.source?.host || event.reportingInstance || "";
  return instance ? `${component}, ${instance}` : component;
}

/** The OBJECT cell: "pod/web-123", or just the lower-cased kind when the name is empty. */
function eventTarget(event: Event): string {
  const kind = (event.involvedObject?.kind ?? "").toLowerCase();
  return event.involvedObject?.name ? `${kind}/${event.involvedObject.name}` : kind;
}

function isSet(timestamp: string | undefined): boolean {
  return parseTimestamp(timestamp) !== undefined;
}

interface EventTimes {
  first: string;
  last: string;
  count: number;
}

/** First/last seen ages and the count, preferring series data for events.k8s.io-style events. */
function eventTimes(event: Event, nowMs: number): EventTimes {
  const first = isSet(event.firstTimestamp)
    ? translateTimestampSince(event.firstTimestamp, nowMs)
    : translateTimestampSince(event.eventTime, nowMs);
  let last = isSet(event.lastTimestamp) ? translateTimestampSince(event.lastTimestamp, nowMs) : first;
  let count = event.count ?? 0;
  if (event.series) {
    last = translateTimestampSince(event.series.lastObservedTime, nowMs);
    count = event.series.count ?? 0;
  } else if (count === 0) {
    // Singleton events don't have a count set in the new API.
    count = 1;
  }
  return { first, last, count };
}

/** The MESSAGE cell, trimmed; the table printer later cuts it at its first line break. */
function eventMessage(event: Event): string {
  return (event.message ?? "").trim();
}

export const eventPrinter = definePrinter<Event>({
  kind: "Event",
  group: "",
  namespaced: true,
  columns: [
    { name: "Last Seen" },
    { name: "Type" },
    { name: "Reason" },
    { name: "Object" },
    { name: "Subobject", priority: 1 },
    { name: "Source", priority: 1 },
    { name: "Message" },
    { name: "First Seen", priority: 1 },
    { name: "Count", priority: 1 },
    { name: "Name", priority: 1, format: "name" },
  ],
  row(event, options) {
    const times = eventTimes(event, options.nowMs);
    const head = [times.last, event.type ?? "", event.reason ?? "", eventTarget(event)];
    if (!options.wide) return [...head, eventMessage(event)];
    return [
      ...head,
      event.involvedObject?.fieldPath ?? "",
      formatEventSource(event),
      eventMessage(event),
      times.first,
      String(times.count),
      event.metadata?.name ?? "",
    ];
  },
});
