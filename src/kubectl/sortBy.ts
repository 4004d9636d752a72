import type { KubeObject } from "../api/types";
import { KubectlError } from "./verb";

/**
 * `--sort-by`: orders objects by a JSONPath field (`{.metadata.name}` or `.metadata.name`),
 * numbers numerically and strings lexically, as kubectl's SortingPrinter does. Stable.
 */
export function sortObjects(objects: KubeObject[], field: string): KubeObject[] {
  const path = field.replace(/^\{/, "").replace(/\}$/, "");
  if (!path.startsWith(".")) throw new KubectlError(`error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'`);
  const keys = objects.map((obj) => valueAt(obj, path));
  const order = objects.map((_, i) => i);
  order.sort((a, b) => compareValues(keys[a], keys[b]) || a - b);
  return order.map((i) => objects[i]);
}

function valueAt(obj: unknown, path: string): unknown {
  let value: unknown = obj;
  for (const raw of path.slice(1).split(".")) {
    const match = /^([^[\]]*)(?:\[(\d+)\])?$/.exec(raw);
    if (!match || value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[match[1]];
    if (match[2] !== undefined) value = Array.isArray(value) ? value[Number(match[2])] : undefined;
  }
  return value;
}

function compareValues(a: unknown, b: unknown): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? -1 : 1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}
