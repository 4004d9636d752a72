import type { Taint } from "kubernetes-types/core/v1";
import { isQualifiedName, isValidLabelValue } from "../../apimachinery/labels";
import { taintToString } from "../../nodes/taints";

const EFFECTS = new Set(["NoSchedule", "PreferNoSchedule", "NoExecute"]);

/** parseTaint: `key=value:effect`, `key:effect` or `key` (the last only for removal). */
export function parseTaint(spec: string): Taint {
  const parts = spec.split(":");
  if (parts.length > 2) throw new Error(`invalid taint spec: ${spec}`);
  let key = parts[0];
  let value = "";
  let effect = "";
  if (parts.length === 2) {
    effect = parts[1];
    if (!EFFECTS.has(effect)) throw new Error(`invalid taint effect: ${effect}, unsupported taint effect`);
    const kv = parts[0].split("=");
    if (kv.length > 2) throw new Error(`invalid taint spec: ${spec}`);
    key = kv[0];
    if (kv.length === 2) {
      value = kv[1];
      const errs = isValidLabelValue(value);
      if (errs.length > 0) throw new Error(`invalid taint spec: ${spec}, ${errs.join("; ")}`);
    }
  }
  const errs = isQualifiedName(key);
  if (errs.length > 0) throw new Error(`invalid taint spec: ${spec}, ${errs.join("; ")}`);
  return { key, value, effect } as Taint;
}

/** parseTaints: taints to add (each with an effect, unique by key and effect) and to remove (`…-`). */
export function parseTaints(specs: string[]): { add: Taint[]; remove: Taint[] } {
  const add: Taint[] = [];
  const remove: Taint[] = [];
  for (const spec of specs) {
    if (spec.endsWith("-")) {
      const t = parseTaint(spec.slice(0, -1));
      remove.push({ key: t.key, effect: t.effect } as Taint);
      continue;
    }
    const t = parseTaint(spec);
    if (!t.effect) throw new Error(`invalid taint spec: ${spec}`);
    if (add.some((a) => a.key === t.key && a.effect === t.effect)) {
      throw new Error(`duplicated taints with the same key and effect: ${goTaint(t)}`);
    }
    add.push(t);
  }
  return { add, remove };
}

/** Go's %v of a Taint value: `{key value effect <nil>}`. */
function goTaint(t: Taint): string {
  return `{${t.key} ${t.value ?? ""} ${t.effect} <nil>}`;
}

const matches = (a: Taint, b: Taint) => a.key === b.key && a.effect === b.effect;

/**
 * reorganizeTaints: the new taint list and kubectl's word for the change ("tainted",
 * "untainted" or "modified"); errors for removals that match nothing.
 */
export function reorganizeTaints(
  old: readonly Taint[],
  overwrite: boolean,
  add: Taint[],
  remove: Taint[],
): { operation: string; taints: Taint[]; errors: string[] } {
  let taints: Taint[] = add.map(cleanTaint);
  for (const t of old) if (!taints.some((n) => matches(n, t))) taints.push(t);
  const added = old.length !== taints.length;
  const errors: string[] = [];
  let deleted = false;
  for (const r of remove) {
    const before = taints.length;
    taints = taints.filter((t) => !(r.effect ? matches(r, t) : r.key === t.key));
    deleted = taints.length !== before;
    if (!deleted) errors.push(`taint "${taintToString(r)}" not found`);
  }
  const operation = (added && deleted) || overwrite ? "modified" : added ? "tainted" : "untainted";
  return { operation, taints, errors };
}

function cleanTaint(t: Taint): Taint {
  return t.value ? { key: t.key, value: t.value, effect: t.effect } : { key: t.key, effect: t.effect };
}

/** checkIfTaintsAlreadyExists: keys of taints to add whose key and effect are already on the node. */
export function existingTaintKeys(old: readonly Taint[], add: readonly Taint[]): string {
  return add.flatMap((t) => old.filter((o) => matches(o, t)).map(() => t.key)).join(",");
}
