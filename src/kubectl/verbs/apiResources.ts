import { RESOURCE_TYPES, type ResourceType } from "../../api/registry";
import { usageErrorMessage } from "../cli/commandErrors";
import { bool, list, str } from "../flagAccess";
import { alignColumns } from "../printers/tabwriter";
import { KubectlError, type Verb, type VerbContext } from "../verb";

/** `kubectl api-resources`: the served resource types, filtered and sorted as kubectl does. */
export const apiResourcesVerb: Verb = {
  name: "api-resources",
  short: "Print the supported API resources on the server",
  usage: "kubectl api-resources [flags] [options]",
  flags: [
    { name: "api-group", type: "string", usage: "Limit to resources in the specified API group." },
    { name: "cached", type: "bool", usage: "Use the cached list of resources if available." },
    {
      name: "categories",
      type: "stringSlice",
      usage: "Limit to resources that belong to the specified categories.",
    },
    {
      name: "namespaced",
      type: "bool",
      default: true,
      usage:
        "If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.",
    },
    {
      name: "no-headers",
      type: "bool",
      usage:
        "When using the default or custom-column output format, don't print headers (default print headers).",
    },
    { name: "output", shorthand: "o", type: "string", usage: "Output format. One of: (wide, name)." },
    {
      name: "sort-by",
      type: "string",
      usage:
        "If non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'.",
    },
    { name: "verbs", type: "stringSlice", usage: "Limit to resources that support the specified verbs." },
  ],
  run: runApiResources,
};

function runApiResources(ctx: VerbContext): number {
  const output = str(ctx.flags, "output");
  if (!["", "wide", "name"].includes(output))
    throw new KubectlError(`error: --output ${output} is not available`);
  const sortBy = str(ctx.flags, "sort-by");
  if (sortBy && sortBy !== "name" && sortBy !== "kind")
    throw new KubectlError("error: --sort-by accepts only name or kind");
  if (ctx.args.length > 0) {
    throw new KubectlError(
      `error: ${usageErrorMessage("kubectl api-resources", `unexpected arguments: [${ctx.args.join(" ")}]`)}`,
    );
  }
  const types = sortTypes(
    RESOURCE_TYPES.filter((t) => selected(ctx, t)),
    sortBy,
  );
  if (output === "name") {
    ctx.out(types.map((t) => `${t.plural}${t.group ? `.${t.group}` : ""}\n`).join(""));
    return 0;
  }
  const header = ["NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND"];
  if (output === "wide") header.push("VERBS", "CATEGORIES");
  const rows = types.map((t) => {
    const row = [
      t.plural,
      t.shortNames.join(","),
      t.group ? `${t.group}/${t.version}` : t.version,
      String(t.namespaced),
      t.kind,
    ];
    if (output === "wide") row.push(t.verbs.join(","), t.categories.join(","));
    return row;
  });
  ctx.out(alignColumns(bool(ctx.flags, "no-headers") ? rows : [header, ...rows]));
  return 0;
}

function selected(ctx: VerbContext, type: ResourceType): boolean {
  if (ctx.changed.has("api-group") && str(ctx.flags, "api-group") !== type.group) return false;
  if (ctx.changed.has("namespaced") && bool(ctx.flags, "namespaced") !== type.namespaced) return false;
  if (!list(ctx.flags, "verbs").every((v) => type.verbs.includes(v))) return false;
  return list(ctx.flags, "categories").every((c) => type.categories.includes(c));
}

/** sort.Stable by group (or --sort-by field), ties broken by name. */
function sortTypes(types: ResourceType[], sortBy: string): ResourceType[] {
  const field = (t: ResourceType) => (sortBy === "name" ? t.plural : sortBy === "kind" ? t.kind : t.group);
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...types].sort((a, b) => compare(field(a), field(b)) || compare(a.plural, b.plural));
}
