import type { KubeObject } from "../api/types";
import { printJsonPath, relaxedJsonPathExpression } from "./output";
import { KubectlError } from "./verb";

/**
 * `--sort-by`: orders objects by a JSONPath field (`{.metadata.name}` or `.metadata.name`),
 * numbers numerically and strings lexically, as kubectl's SortingPrinter does. Stable.
 */
export function sortObjects(objects: KubeObject[], field: string): KubeObject[] {
  let template: string;
  try {
    template = relaxedJsonPathExpression(field);
  } catch (error) {
    throw new KubectlError(`error: ${(error as Error).message}`);
  }
  const keys = objects.map((obj) => printJsonPath(template, obj));
  const order = objects.map((_, i) => i);
  order.sort((a, b) => compareValues(keys[a], keys[b]) || a - b);
  return order.map((i) => objects[i]);
}

function compareValues(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (a !== "" && b !== "" && Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}
