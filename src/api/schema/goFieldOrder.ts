/**
 * The order Go's encoding/json writes a typed object's fields in: each struct's fields as
 * declared (`kind`, `apiVersion`, `metadata`, …; ObjectMeta's `name` before `labels`), maps by
 * sorted key. kubectl prints what it built itself (a generator's `--dry-run=client -o json`) in
 * this order, and what it read from the server (unstructured) in sorted order.
 * goFieldOrder.json comes from scripts/gen-go-field-order.ts.
 */
import goOrder from "./goFieldOrder.json";
import { definition, isFreeForm, kindFor, parseType, type TypeExpr } from "./table";

const ORDER = goOrder as Record<string, string[]>;

/** A copy of `obj` (of apiVersion/kind) with its keys in Go's order; unknown kinds come back as they are. */
export function inGoFieldOrder<T>(obj: T, apiVersion: string, kind: string): T {
  const info = kindFor(apiVersion, kind);
  return info ? (reorder(obj, { kind: "ref", name: info.definition }) as T) : obj;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function reorder(value: unknown, type: TypeExpr): unknown {
  if (type.kind === "array" && Array.isArray(value)) return value.map((item) => reorder(item, type.items));
  if (type.kind === "map" && isObject(value)) {
    const keys = Object.keys(value).sort();
    return Object.fromEntries(keys.map((k) => [k, reorder(value[k], type.values)]));
  }
  if (type.kind !== "ref" || !isObject(value)) return value;
  const def = definition(type.name);
  if (isFreeForm(def)) return value;
  const declared = ORDER[type.name] ?? [];
  // Declared fields first, in Go's order; anything else (there should be nothing) after, as it was.
  const keys = [
    ...declared.filter((k) => k in value),
    ...Object.keys(value).filter((k) => !declared.includes(k)),
  ];
  return Object.fromEntries(
    keys.map((k) => {
      const field = def.properties[k];
      return [k, field ? reorder(value[k], parseType(field.type)) : value[k]];
    }),
  );
}
