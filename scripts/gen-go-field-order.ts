/**
 * Extracts the order in which Go declares each struct's JSON fields (what encoding/json writes
 * for a typed object: `kind`, `apiVersion`, `metadata` … and ObjectMeta's `name` before its
 * `labels`) into src/api/schema/goFieldOrder.json, for the definitions the schema table holds.
 * Reads the Go sources of k8s.io/api and k8s.io/apimachinery from git checkouts:
 *   K8S_API=/path/to/kubernetes/api K8S_APIMACHINERY=/path/to/apimachinery npx tsx scripts/gen-go-field-order.ts
 * (defaults: the mirrors under ../.mirror). A table extracted once, like goTypes.json.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";

const API = process.env.K8S_API ?? "../.mirror/kubernetes+api/repo";
const MACHINERY = process.env.K8S_APIMACHINERY ?? "../.mirror/kubernetes+apimachinery/repo";

/** Go source file → the OpenAPI prefix of its types. */
const SOURCES: [repo: string, path: string, prefix: string][] = [
  [API, "core/v1/types.go", "io.k8s.api.core.v1"],
  [API, "apps/v1/types.go", "io.k8s.api.apps.v1"],
  [API, "batch/v1/types.go", "io.k8s.api.batch.v1"],
  [MACHINERY, "pkg/apis/meta/v1/types.go", "io.k8s.apimachinery.pkg.apis.meta.v1"],
];

/** Each struct's members in order: a JSON field name, or an inlined embedded type. */
type Member = { field: string } | { inline: string };

function structs(source: string): Map<string, Member[]> {
  const out = new Map<string, Member[]>();
  const re = /^type (\w+) struct \{\n([\s\S]*?)^\}/gm;
  for (const m of source.matchAll(re)) {
    const members: Member[] = [];
    for (const line of m[2].split("\n")) {
      const tag = /`json:"([^"]*)"/.exec(line);
      if (!tag || line.trim().startsWith("//")) continue;
      const name = tag[1].split(",")[0];
      const words = line.trim().split(/\s+/);
      const embedded = words[1]?.startsWith("`");
      if (name === "-") continue;
      if (embedded && name === "") members.push({ inline: words[0].replace(/^\*?\w+\./, "") });
      else members.push({ field: name });
    }
    out.set(m[1], members);
  }
  return out;
}

const byPrefix = SOURCES.map(([repo, path, prefix]) => ({
  prefix,
  types: structs(execFileSync("git", ["-C", repo, "show", `HEAD:${path}`], { encoding: "utf8" })),
}));

/** The JSON fields of a type in declaration order, inlined members expanded. */
function fieldsOf(prefix: string, type: string): string[] | undefined {
  const own = byPrefix.find((p) => p.prefix === prefix)?.types.get(type);
  const members = own ?? byPrefix.find((p) => p.types.has(type))?.types.get(type);
  if (!members) return undefined;
  return members.flatMap((m) => ("field" in m ? [m.field] : (fieldsOf(prefix, m.inline) ?? [])));
}

const schema = JSON.parse(readFileSync("src/api/schema/definitions.json", "utf8")) as {
  definitions: Record<string, unknown>;
};
const order: Record<string, string[]> = {};
for (const name of Object.keys(schema.definitions).sort()) {
  const dot = name.lastIndexOf(".");
  const fields = fieldsOf(name.slice(0, dot), name.slice(dot + 1));
  if (fields?.length) order[name] = fields;
}
writeFileSync("src/api/schema/goFieldOrder.json", `${JSON.stringify(order, null, 2)}\n`);
console.log(`wrote ${Object.keys(order).length} of ${Object.keys(schema.definitions).length} definitions`);
