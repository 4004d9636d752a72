import { loadAll } from "js-yaml";
import { labelSelectorAsSelector, selectorFromSet } from "../../src/apimachinery/labels";
import type { LensLabels, LensSelector } from "./highlight";

/** What the editor's text would select and label, were it applied. */
export interface Lens {
  selectors: LensSelector[];
  labels: LensLabels[];
}

type Doc = {
  kind?: unknown;
  metadata?: { namespace?: unknown; labels?: unknown };
  spec?: Record<string, unknown>;
};

/**
 * Reads the selectors and label sets in YAML text (several documents allowed): a Service's
 * `spec.selector` map, a workload's `spec.selector` LabelSelector, an object's own labels and a
 * pod template's labels. Text that does not parse (the learner is mid-edit) yields an empty lens;
 * a selector that does not parse is skipped.
 */
export function lensOf(text: string): Lens {
  const lens: Lens = { selectors: [], labels: [] };
  let docs: unknown[];
  try {
    docs = loadAll(text);
  } catch {
    return lens;
  }
  for (const raw of docs) {
    if (!raw || typeof raw !== "object") continue;
    const doc = raw as Doc;
    const namespace = typeof doc.metadata?.namespace === "string" ? doc.metadata.namespace : "default";
    addSelector(lens, doc, namespace);
    addLabels(lens, doc.metadata?.labels, namespace);
    const template = doc.spec?.template as { metadata?: { labels?: unknown } } | undefined;
    addLabels(lens, template?.metadata?.labels, namespace);
  }
  return lens;
}

function addSelector(lens: Lens, doc: Doc, namespace: string): void {
  const selector = doc.spec?.selector;
  if (!selector || typeof selector !== "object") return;
  try {
    const parsed =
      doc.kind === "Service"
        ? selectorFromSet(stringMap(selector) ?? {})
        : labelSelectorAsSelector(selector as Parameters<typeof labelSelectorAsSelector>[0]);
    if (!parsed.empty()) lens.selectors.push({ namespace, selector: parsed });
  } catch {
    // mid-edit: an invalid selector simply matches nothing yet
  }
}

function addLabels(lens: Lens, labels: unknown, namespace: string): void {
  const map = stringMap(labels);
  if (map && Object.keys(map).length > 0) lens.labels.push({ namespace, labels: map });
}

function stringMap(value: unknown): Record<string, string> | undefined {
  if (!value || typeof value !== "object" || Array.isArray(value)) return undefined;
  const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, String(v)]);
  return Object.fromEntries(entries);
}
