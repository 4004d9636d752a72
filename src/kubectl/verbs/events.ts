/**
 * `kubectl events` (kubectl 1.32's pkg/cmd/events): the Events of a namespace, or of one object
 * with `--for`, oldest first, with `(x3 over 2m)` for repeated ones; with `--watch`, then each
 * new or repeated one as it happens.
 */
import { resolveResource } from "../../api/registry";
import type { KubeObject } from "../../api/types";
import { parseTimestamp, translateTimestampSince } from "../../apimachinery/duration";
import { bool, list, str } from "../flagAccess";
import { tabwrite } from "../output";
import { objectPrintFlags, printResult } from "../print";
import { formatOutput } from "../structuredOutput";
import { KubectlError, type Verb, type VerbContext } from "../verb";
import { CHUNK_SIZE_FLAG, PRINT_FLAGS } from "./commonFlags";

export const eventsVerb: Verb = {
  name: "events",
  short: "List events",
  usage:
    "kubectl events [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file] [--for TYPE/NAME] [--watch] [--types=Normal,Warning] [options]",
  flags: [
    CHUNK_SIZE_FLAG,
    {
      name: "all-namespaces",
      shorthand: "A",
      type: "bool",
      usage:
        "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.",
    },
    {
      name: "for",
      type: "string",
      usage: "Filter events to only those pertaining to the specified resource.",
    },
    { name: "no-headers", type: "bool", usage: "When using the default output format, don't print headers." },
    ...PRINT_FLAGS,
    { name: "types", type: "stringSlice", usage: "Output only events of given types." },
    {
      name: "watch",
      shorthand: "w",
      type: "bool",
      usage: "After listing the requested events, watch for more events.",
    },
  ],
  run: runEvents,
};

function runEvents(ctx: VerbContext): number {
  const { output, allowMissingKeys } = objectPrintFlags(ctx);
  const target = forTarget(str(ctx.flags, "for"));
  const types = list(ctx.flags, "types");
  if (types.some((t) => !["normal", "warning"].includes(t.toLowerCase())))
    throw new KubectlError("error: valid --types are Normal or Warning");
  const allNamespaces = bool(ctx.flags, "all-namespaces");
  const wanted = (e: KubeObject) =>
    (allNamespaces || e.metadata.namespace === ctx.namespace) &&
    (!target || (e.involvedObject?.kind === target.kind && e.involvedObject?.name === target.name)) &&
    (types.length === 0 || types.some((t) => t.toLowerCase() === String(e.type).toLowerCase()));
  const events = ctx.cluster.store.list("Event", allNamespaces ? undefined : ctx.namespace).filter(wanted);
  if (bool(ctx.flags, "watch")) return watchEvents(ctx, events, wanted, allNamespaces);
  if (events.length === 0) {
    ctx.err(allNamespaces ? "No events found.\n" : `No events found in ${ctx.namespace} namespace.\n`);
    return 0;
  }
  // SortableEvents: by the time each was last seen, a stable sort as Go's sort.Sort is not (ties keep list order).
  const sorted = events.map((e, i) => ({ e, i, t: lastSeen(e) })).sort((a, b) => a.t - b.t || a.i - b.i);
  if (output) {
    // kubectl prints the typed EventList (its JSON keys come out sorted here, not in Go's field order).
    const items = sorted.map((s) => ({ ...s.e, apiVersion: "v1", kind: "Event" }));
    const eventList = { apiVersion: "v1", items, kind: "EventList", metadata: {} } as unknown as KubeObject;
    ctx.out(
      output === "name"
        ? printResult(ctx.cluster, items, { output, allowMissingKeys })
        : formatOutput([eventList], output, { single: true, allowMissingKeys }),
    );
    return 0;
  }
  const now = ctx.cluster.now();
  const rows = sorted.map(({ e }) => eventRow(e, now, allNamespaces));
  ctx.out(tabLines(bool(ctx.flags, "no-headers") ? rows : [heading(allNamespaces), ...rows]));
  return 0;
}

function heading(allNamespaces: boolean): string[] {
  return [...(allNamespaces ? ["NAMESPACE"] : []), "LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"];
}

function eventRow(e: KubeObject, nowMs: number, allNamespaces: boolean): string[] {
  const cells = [interval(e, nowMs), e.type, e.reason, `${e.involvedObject?.kind}/${e.involvedObject?.name}`];
  return [...(allNamespaces ? [e.metadata.namespace] : []), ...cells, String(e.message ?? "").trim()];
}

/** Rows through one flush of kubectl's tab writer. */
function tabLines(rows: string[][]): string {
  return tabwrite(rows.map((cells) => `${cells.join("\t")}\n`).join(""));
}

/**
 * `--watch` (runWatch): a watch from now, which starts with every current event (in the store's
 * order, as a watch's first ADDED events come) and then each new or repeated one, each flushed
 * through the tab writer on its own (so each row is aligned by itself), the header with the
 * first. Runs until interrupted.
 */
function watchEvents(
  ctx: VerbContext,
  current: KubeObject[],
  wanted: (e: KubeObject) => boolean,
  allNamespaces: boolean,
): number {
  const cluster = ctx.cluster;
  let headed = bool(ctx.flags, "no-headers");
  const print = (e: KubeObject) => {
    const row = eventRow(e, cluster.now(), allNamespaces);
    const text = tabLines(headed ? [row] : [heading(allNamespaces), row]);
    headed = true;
    return text;
  };
  for (const e of current) ctx.out(print(e));
  ctx.follow((io) => {
    const stop = cluster.watch(cluster.resourceVersion(), (event) => {
      if (event.type !== "DELETED" && event.object.kind === "Event" && wanted(event.object))
        io.out(print(event.object));
    });
    return { release: stop };
  });
  return 0;
}

/** --for TYPE/NAME, resolved to the kind its events name. */
function forTarget(text: string): { kind: string; name: string } | undefined {
  if (!text) return undefined;
  if (!text.includes("/")) throw new KubectlError("error: --for must be in resource/name form");
  const parts = text.split("/");
  if (parts.length !== 2)
    throw new KubectlError("error: arguments in resource/name form may not have more than one slash");
  const type = resolveResource(parts[0].toLowerCase());
  if (!type) throw new KubectlError(`error: the server doesn't have a resource type "${parts[0]}"`);
  return { kind: type.kind, name: parts[1] };
}

function lastSeen(event: KubeObject): number {
  return (
    parseTimestamp(event.series?.lastObservedTime) ??
    parseTimestamp(event.lastTimestamp) ??
    parseTimestamp(event.eventTime) ??
    0
  );
}

/** getInterval: `5s`, or `5s (x3 over 2m)` for a repeated event. */
function interval(event: KubeObject, nowMs: number): string {
  const first = parseTimestamp(event.eventTime)
    ? translateTimestampSince(event.eventTime, nowMs)
    : translateTimestampSince(event.firstTimestamp, nowMs);
  if (event.series)
    return `${translateTimestampSince(event.series.lastObservedTime, nowMs)} (x${event.series.count} over ${first})`;
  if ((event.count ?? 0) > 1)
    return `${translateTimestampSince(event.lastTimestamp, nowMs)} (x${event.count} over ${first})`;
  return first;
}
