/**
 * `kubectl get -w` and `--watch-only` (GetOptions.watch): the list (or object) as usual, then a
 * row for every later change of the watched objects, each flushed on its own through the same
 * tab writer, which remembers column widths (so rows stay aligned with the header, and a wider
 * cell widens the rows after it). A deleted object prints its last state. The command runs
 * until interrupted. With --output-watch-events each is printed as its watch event: an EVENT
 * column in the table, `{"type":…,"object":…}` in the structured formats.
 */
import type { KubeObject } from "../../api/types";
import { bool, list } from "../flagAccess";
import { printFlags, printResult } from "../print";
import { type QueryScope, queryObjects, scopeMatcher } from "../query";
import { resolveResourceArgs } from "../resources";
import { KubectlError, type VerbContext } from "../verb";
import { formatError } from "../errorText";
import { encodeGoJson } from "../output/json";
import { toYaml } from "../output/yaml";
import { formatOutput } from "../structuredOutput";

export function runGetWatch(ctx: VerbContext, scope: QueryScope): number {
  if (list(ctx.flags, "filename").length > 0)
    throw new KubectlError("error: kubeplay's get -w watches resources named by argument, not by -f");
  const requests = resolveResourceArgs(ctx.args);
  if (new Set(requests.map((r) => r.type.kind)).size > 1)
    throw new KubectlError("error: you may only specify a single resource type");
  const request = requests[0];
  const { objects, errors } = queryObjects(ctx.cluster, requests, scope);
  if (errors.length > 0) throw errors[0];
  const { output, allowMissingKeys } = printFlags(ctx);
  const names = request.names ? new Set(request.names) : undefined;
  const inScope = scopeMatcher(request.type, scope);
  const watched = (obj: KubeObject) => inScope(obj) && (!names || names.has(obj.metadata.name ?? ""));
  const events = bool(ctx.flags, "output-watch-events");
  if (events && ["name", "custom-columns"].includes(output.split("=")[0]))
    throw new KubectlError(
      "error: kubeplay prints --output-watch-events as a table, json, yaml, jsonpath or go-template",
    );
  let printed = 0;
  const columnWidths: number[] = [];
  /** A metav1.WatchEvent as kubectl's printers write it: compact JSON on one line, its own line. */
  const printEvent = (object: KubeObject, type: string): string => {
    if (output === "json")
      return `{"type":${JSON.stringify(type)},"object":${encodeGoJson(object, { indent: "" })}}\n`;
    if (output === "yaml") return toYaml({ object, type });
    const event = { type, object } as unknown as KubeObject;
    return formatOutput([event], output, { single: true, allowMissingKeys });
  };
  // The current objects go through one tab writer flush; each change then through its own.
  // (Other formats print object by object.)
  const table = output === "" || output === "wide";
  const print = (batch: KubeObject[], type: string) => {
    const separator = printed > 0 && output === "yaml" ? "---\n" : "";
    const text = events && !table ? printEvent(batch[0], type) : printObjects(batch, type);
    printed += batch.length;
    return separator + text;
  };
  /** Objects in the -o format, or the table (rows only after the first print). */
  function printObjects(batch: KubeObject[], type: string): string {
    return printResult(ctx.cluster, batch, {
      output,
      showLabels: bool(ctx.flags, "show-labels"),
      labelColumns: list(ctx.flags, "label-columns"),
      allNamespaces: scope.allNamespaces,
      // The header comes once, with the first row printed.
      noHeaders: bool(ctx.flags, "no-headers") || printed > 0,
      showKind: bool(ctx.flags, "show-kind"),
      single: batch.length === 1,
      allowMissingKeys,
      columnWidths,
      eventType: events ? type : undefined,
    });
  }
  if (!bool(ctx.flags, "watch-only") && objects.length > 0) {
    if (table) ctx.out(print(objects, "ADDED"));
    else for (const obj of objects) ctx.out(print([obj], "ADDED"));
  }
  const cluster = ctx.cluster;
  ctx.follow((io) => {
    const stop = cluster.watch(cluster.resourceVersion(), (event) => {
      if (!watched(event.object)) return;
      try {
        io.out(print([event.object], event.type));
      } catch (error) {
        io.err(formatError(error));
        io.exit(1);
      }
    });
    return { release: stop };
  });
  return 0;
}
